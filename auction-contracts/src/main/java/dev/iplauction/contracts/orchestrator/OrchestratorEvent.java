package dev.iplauction.contracts.orchestrator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.iplauction.contracts.Franchise;
import java.time.Instant;

/** {@code orchestrator.events}, keyed by franchise: the life of each agent seat as the orchestrator sees it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OrchestratorEvent.AgentStarted.class, name = "AgentStarted"),
    @JsonSubTypes.Type(value = OrchestratorEvent.SeatUnhealthy.class, name = "SeatUnhealthy"),
    @JsonSubTypes.Type(value = OrchestratorEvent.SeatRestarting.class, name = "SeatRestarting"),
    @JsonSubTypes.Type(value = OrchestratorEvent.SeatRestarted.class, name = "SeatRestarted"),
    @JsonSubTypes.Type(value = OrchestratorEvent.SeatRestartFailed.class, name = "SeatRestartFailed"),
    @JsonSubTypes.Type(value = OrchestratorEvent.SeatRecovered.class, name = "SeatRecovered"),
    @JsonSubTypes.Type(value = OrchestratorEvent.AgentStopped.class, name = "AgentStopped"),
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface OrchestratorEvent {

    String auctionCode();

    Franchise franchise();

    Instant at();

    /** How hard a restart is: the seat's browser context, the whole agent container, or its process. */
    enum RestartStep {
        SOFT,
        CONTAINER,
        PROCESS
    }

    record AgentStarted(String auctionCode, Franchise franchise, Instant at, String instanceId)
            implements OrchestratorEvent {}

    record SeatUnhealthy(
            String auctionCode, Franchise franchise, Instant at, String instanceId, long silentForMillis, String reason)
            implements OrchestratorEvent {}

    record SeatRestarting(
            String auctionCode, Franchise franchise, Instant at, String instanceId, RestartStep step, int attempt)
            implements OrchestratorEvent {}

    record SeatRestarted(
            String auctionCode, Franchise franchise, Instant at, String instanceId, RestartStep step, int attempt)
            implements OrchestratorEvent {}

    /** Recovery gave up after the configured attempts; the seat is marked failed and the others carry on. */
    record SeatRestartFailed(
            String auctionCode, Franchise franchise, Instant at, String instanceId, int attempts, String error)
            implements OrchestratorEvent {}

    record SeatRecovered(String auctionCode, Franchise franchise, Instant at, String instanceId, long downForMillis)
            implements OrchestratorEvent {}

    record AgentStopped(String auctionCode, Franchise franchise, Instant at, String instanceId, String reason)
            implements OrchestratorEvent {}
}
