package dev.iplauction.orchestrator.status;

import dev.iplauction.orchestrator.health.HealthPolicy;
import dev.iplauction.orchestrator.health.SeatRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * One seat on the status API and page.
 *
 * @param lastHeartbeatAgeMillis how long ago the latest heartbeat was sent; null if none
 * @param deadline when silence makes the seat unhealthy, or lets recovery take its next step
 */
record SeatView(
        String franchise,
        String status,
        boolean healthy,
        String instanceId,
        String host,
        Long pid,
        String agentState,
        Instant lastHeartbeat,
        Long lastHeartbeatAgeMillis,
        Instant lastAlive,
        long seq,
        int attempts,
        int restarts,
        String reason,
        String lastError,
        Instant deadline) {

    static SeatView of(SeatRecord seat, HealthPolicy policy, Instant now) {
        var holder = seat.holder();
        return new SeatView(
                seat.franchise().code(),
                seat.status().name(),
                seat.status().healthy(),
                holder == null ? null : holder.instanceId(),
                holder == null ? null : holder.host(),
                holder == null ? null : holder.pid(),
                seat.agentState() == null ? null : seat.agentState().name(),
                seat.lastHeartbeat(),
                seat.lastHeartbeat() == null
                        ? null
                        : Math.max(
                                0, Duration.between(seat.lastHeartbeat(), now).toMillis()),
                seat.lastAlive(),
                seat.seq(),
                seat.attempts(),
                seat.totalRestarts(),
                seat.reason(),
                seat.lastError(),
                policy.deadline(seat));
    }
}
