package dev.iplauction.contracts.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.iplauction.contracts.Franchise;
import java.time.Instant;

/** {@code agent.heartbeats}, keyed by franchise: an agent seat saying it is alive. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = HeartbeatEvent.Heartbeat.class, name = "Heartbeat")})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface HeartbeatEvent {

    String auctionCode();

    Franchise franchise();

    Instant at();

    /**
     * @param instanceId the agent instance holding the seat (container or host name plus a start id)
     * @param host the container id or host name the instance runs on
     * @param pid the instance's process id
     * @param seq counts this instance's heartbeats for the seat from 1
     */
    record Heartbeat(
            String auctionCode,
            Franchise franchise,
            Instant at,
            String instanceId,
            String host,
            long pid,
            SeatState state,
            long seq)
            implements HeartbeatEvent {}
}
