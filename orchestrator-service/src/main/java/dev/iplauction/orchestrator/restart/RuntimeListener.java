package dev.iplauction.orchestrator.restart;

import dev.iplauction.contracts.Franchise;
import java.time.Instant;
import java.util.List;

/** What a runtime reports about the agents it started itself. */
public interface RuntimeListener {

    void launched(List<Franchise> seats, String instanceId, Instant at);

    /** The agent exited without being asked to. */
    void exited(List<Franchise> seats, String instanceId, String why);

    /** The agent was stopped on purpose (the orchestrator is shutting down). */
    void stopped(List<Franchise> seats, String instanceId, String why);
}
