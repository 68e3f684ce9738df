package dev.iplauction.contracts.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.iplauction.contracts.Franchise;
import java.time.Instant;

/** {@code agent.commands}, keyed by franchise: what the orchestrator asks the instance holding a seat to do. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AgentCommand.RestartSeat.class, name = "RestartSeat"),
    @JsonSubTypes.Type(value = AgentCommand.StopSeat.class, name = "StopSeat"),
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface AgentCommand {

    String auctionCode();

    Franchise franchise();

    Instant at();

    /** Which instance the command is for; an instance ignores commands meant for another. */
    String instanceId();

    /** Restart the seat's browser context (a soft restart). */
    record RestartSeat(String auctionCode, Franchise franchise, Instant at, String instanceId, String reason)
            implements AgentCommand {}

    record StopSeat(String auctionCode, Franchise franchise, Instant at, String instanceId, String reason)
            implements AgentCommand {}
}
