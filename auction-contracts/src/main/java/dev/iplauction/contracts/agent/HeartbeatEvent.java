package dev.iplauction.contracts.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
     * Where the seat's LLM advice stands. Absent from heartbeats of agents older than this field (read as null:
     * nothing known).
     */
    enum Advisor {
        /** The LLM is disabled: the rules decide, as they were asked to. */
        OFF,
        /** The LLM is wanted but has not answered yet (model missing or being pulled, warming up): rules meanwhile. */
        WARMING_UP,
        /** The LLM has answered: its advice flows (a passing timeout does not change this). */
        READY
    }

    /**
     * @param instanceId the agent instance holding the seat (container or host name plus a start id)
     * @param host the container id or host name the instance runs on
     * @param pid the instance's process id
     * @param seq counts this instance's heartbeats for the seat from 1
     * @param advisor where the seat's LLM advice stands; null (and left out of the JSON) when not known
     */
    record Heartbeat(
            String auctionCode,
            Franchise franchise,
            Instant at,
            String instanceId,
            String host,
            long pid,
            SeatState state,
            long seq,
            @JsonInclude(JsonInclude.Include.NON_NULL) Advisor advisor)
            implements HeartbeatEvent {

        /** A heartbeat that says nothing about the LLM. */
        public Heartbeat(
                String auctionCode,
                Franchise franchise,
                Instant at,
                String instanceId,
                String host,
                long pid,
                SeatState state,
                long seq) {
            this(auctionCode, franchise, at, instanceId, host, pid, state, seq, null);
        }

        /** This heartbeat saying where the LLM advice stands. */
        public Heartbeat withAdvisor(Advisor advisor) {
            return new Heartbeat(auctionCode, franchise, at, instanceId, host, pid, state, seq, advisor);
        }
    }
}
