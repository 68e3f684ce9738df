package dev.iplauction.orchestrator.health;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.SeatState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the orchestrator knows about one seat at one moment; immutable, changed only by {@link HealthPolicy}.
 *
 * <p>Times of heartbeats are the agents' own ({@code Heartbeat.at}, never later than the orchestrator's now), so a
 * view rebuilt from the topic after a restart has the same ages as the one that was lost.
 */
public final class SeatRecord {

    /** A replaced (killed or restarted) instance: its heartbeats sent before {@code at} are late, not alive. */
    public record Replaced(String instanceId, Instant at) {}

    private static final int REPLACED_KEPT = 8;

    private final Franchise franchise;
    private final SeatStatus status;
    private final Holder holder;
    private final Instant lastHeartbeat;
    private final Instant lastAlive;
    private final long seq;
    private final SeatState agentState;
    private final Instant graceFrom;
    private final Instant unhealthySince;
    private final String reason;
    private final boolean softTried;
    private final int attempts;
    private final Instant gaveUpAt;
    private final Instant lastRestartAt;
    private final boolean restartInFlight;
    private final boolean lastAttemptFailed;
    private final Instant exitedAt;
    private final List<Instant> recentRestarts;
    private final int totalRestarts;
    private final String lastError;
    private final List<Replaced> replaced;

    private SeatRecord(Builder b) {
        this.franchise = Objects.requireNonNull(b.franchise);
        this.status = Objects.requireNonNull(b.status);
        this.holder = b.holder;
        this.lastHeartbeat = b.lastHeartbeat;
        this.lastAlive = b.lastAlive;
        this.seq = b.seq;
        this.agentState = b.agentState;
        this.graceFrom = Objects.requireNonNull(b.graceFrom);
        this.unhealthySince = b.unhealthySince;
        this.reason = b.reason;
        this.softTried = b.softTried;
        this.attempts = b.attempts;
        this.gaveUpAt = b.gaveUpAt;
        this.lastRestartAt = b.lastRestartAt;
        this.restartInFlight = b.restartInFlight;
        this.lastAttemptFailed = b.lastAttemptFailed;
        this.exitedAt = b.exitedAt;
        this.recentRestarts = List.copyOf(b.recentRestarts);
        this.totalRestarts = b.totalRestarts;
        this.lastError = b.lastError;
        List<Replaced> kept = b.replaced;
        if (kept.size() > REPLACED_KEPT) {
            kept = kept.subList(kept.size() - REPLACED_KEPT, kept.size());
        }
        this.replaced = List.copyOf(kept);
    }

    /** A seat not heard from yet, in its start-up grace from {@code now}. */
    public static SeatRecord starting(Franchise franchise, Instant now) {
        Builder b = new Builder();
        b.franchise = franchise;
        b.status = SeatStatus.STARTING;
        b.graceFrom = now;
        return new SeatRecord(b);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    public Franchise franchise() {
        return franchise;
    }

    public SeatStatus status() {
        return status;
    }

    /** The instance holding the seat; null until a heartbeat names one. */
    public Holder holder() {
        return holder;
    }

    /** The time of the latest heartbeat taken, whatever it said; null if none. */
    public Instant lastHeartbeat() {
        return lastHeartbeat;
    }

    /** The time of the latest heartbeat that did not report the seat FAILED; null if none. */
    public Instant lastAlive() {
        return lastAlive;
    }

    public long seq() {
        return seq;
    }

    /** The seat's own state from its latest heartbeat; null if none. */
    public SeatState agentState() {
        return agentState;
    }

    /** Since when the seat has its grace: the orchestrator's start, its launch, or its latest restart. */
    public Instant graceFrom() {
        return graceFrom;
    }

    public Instant unhealthySince() {
        return unhealthySince;
    }

    /** Why the seat is not healthy, or what recovery waits for; null when there is nothing to say. */
    public String reason() {
        return reason;
    }

    public boolean softTried() {
        return softTried;
    }

    /** Hard restarts in the current recovery. */
    public int attempts() {
        return attempts;
    }

    /** When the quick attempts of this recovery ran out (the seat is FAILED and retried slowly); null if not. */
    public Instant gaveUpAt() {
        return gaveUpAt;
    }

    public Instant lastRestartAt() {
        return lastRestartAt;
    }

    public boolean restartInFlight() {
        return restartInFlight;
    }

    /** Whether the latest hard restart could not be carried out (its error is {@link #lastError()}). */
    public boolean lastAttemptFailed() {
        return lastAttemptFailed;
    }

    /** When the seat's process was seen to exit on its own (since its latest launch); null otherwise. */
    public Instant exitedAt() {
        return exitedAt;
    }

    /** Hard restart times within the restart window (the cap counts these). */
    public List<Instant> recentRestarts() {
        return recentRestarts;
    }

    /** Every restart of this seat since the orchestrator started, soft and hard. */
    public int totalRestarts() {
        return totalRestarts;
    }

    public String lastError() {
        return lastError;
    }

    public List<Replaced> replaced() {
        return replaced;
    }

    @Override
    public String toString() {
        return franchise + "[" + status + ", holder=" + (holder == null ? "-" : holder.instanceId()) + ", lastAlive="
                + lastAlive + ", attempts=" + attempts + ", reason=" + reason + "]";
    }

    static final class Builder {
        Franchise franchise;
        SeatStatus status;
        Holder holder;
        Instant lastHeartbeat;
        Instant lastAlive;
        long seq;
        SeatState agentState;
        Instant graceFrom;
        Instant unhealthySince;
        String reason;
        boolean softTried;
        int attempts;
        Instant gaveUpAt;
        Instant lastRestartAt;
        boolean restartInFlight;
        boolean lastAttemptFailed;
        Instant exitedAt;
        List<Instant> recentRestarts = new ArrayList<>();
        int totalRestarts;
        String lastError;
        List<Replaced> replaced = new ArrayList<>();

        Builder() {}

        Builder(SeatRecord r) {
            franchise = r.franchise;
            status = r.status;
            holder = r.holder;
            lastHeartbeat = r.lastHeartbeat;
            lastAlive = r.lastAlive;
            seq = r.seq;
            agentState = r.agentState;
            graceFrom = r.graceFrom;
            unhealthySince = r.unhealthySince;
            reason = r.reason;
            softTried = r.softTried;
            attempts = r.attempts;
            gaveUpAt = r.gaveUpAt;
            lastRestartAt = r.lastRestartAt;
            restartInFlight = r.restartInFlight;
            lastAttemptFailed = r.lastAttemptFailed;
            exitedAt = r.exitedAt;
            recentRestarts = new ArrayList<>(r.recentRestarts);
            totalRestarts = r.totalRestarts;
            lastError = r.lastError;
            replaced = new ArrayList<>(r.replaced);
        }

        SeatRecord build() {
            return new SeatRecord(this);
        }
    }
}
