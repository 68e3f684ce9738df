package dev.iplauction.orchestrator.restart;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import dev.iplauction.orchestrator.health.Holder;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the agents run, and how one is restarted hard: containers through the Docker Engine API, or local processes
 * that the orchestrator starts itself.
 */
public interface AgentRuntime extends AutoCloseable {

    /** "docker" or "process", for logs and the status page. */
    String name();

    /** The step a hard restart is reported as. */
    RestartStep hardStep();

    /** Starts what this runtime starts by itself (the process runtime's agents), telling {@code listener}. */
    void start(RuntimeListener listener);

    /**
     * Restarts the container or process behind a seat. Completes when it runs again, or exceptionally with a {@link
     * RestartFailed} that says why not. Seats that share one container or process share one restart.
     *
     * @param holder the instance the seat's heartbeats named; null for a seat never heard from
     */
    CompletableFuture<Restarted> restart(Franchise seat, Holder holder);

    /**
     * When the running agents started, for the seats' start-up grace. Asked on every check: keep it cheap. The default
     * knows nothing (the process runtime reports its launches through {@link RuntimeListener#launched} instead).
     */
    default AgentStarts agentStarts() {
        return AgentStarts.UNKNOWN;
    }

    /** What runs now, for the status page. */
    List<AgentUnit> units();

    /** Stops what this runtime started (not what it only watches). */
    @Override
    void close();
}
