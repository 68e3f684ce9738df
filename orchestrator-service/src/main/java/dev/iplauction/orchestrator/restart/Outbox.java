package dev.iplauction.orchestrator.restart;

import dev.iplauction.contracts.agent.AgentCommand;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import java.util.concurrent.CompletableFuture;

/** Where the orchestrator says what it does: lifecycle events, and commands to the agents. */
public interface Outbox {

    /** Publishes an event on {@code orchestrator.events}, keyed by franchise; a failure is logged, never thrown. */
    void event(OrchestratorEvent event);

    /** Sends a command to the partition of {@code agent.commands} that stands for its seat; completes when Kafka has it. */
    CompletableFuture<Void> command(AgentCommand command);
}
