package dev.iplauction.orchestrator.health;

import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides, for one seat, what a heartbeat, a check, a process exit or a finished restart means: plain Java, no clock
 * of its own (every call gets {@code now}), no side effects; the {@link Verdict} says what to do.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>A seat is alive while heartbeats arrive that do not report it FAILED; it is unhealthy when none did within
 *       the heartbeat timeout, and never before its grace has run out. The grace starts when the orchestrator starts,
 *       when the seat is launched and after every restart (the replaced system compared against the previous
 *       instance's start time and restarted in a loop). Progress is not asked for: a seat waiting for the auction to
 *       start, or paused, is alive as long as it heartbeats. A seat that reported FINISHED may go quiet.
 *   <li>Recovery, in steps: a soft restart (a command to the holding instance) while that instance still answers,
 *       then hard restarts (container or process) up to the configured attempts, spaced by a doubling back-off and
 *       capped per seat within a sliding window across recoveries, then the seat is failed. A seat whose process
 *       exited skips the soft step: nobody is there to hear it.
 *   <li>Heartbeats: one from another instance newer than the holder's latest makes that instance the holder (the seat
 *       moved); older ones, repeats, and those a replaced instance sent before it was replaced change nothing.
 * </ul>
 */
public final class HealthPolicy {

    private final HealthSettings settings;

    public HealthPolicy(HealthSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public HealthSettings settings() {
        return settings;
    }

    /** What a heartbeat for this seat changes. */
    public Verdict onHeartbeat(SeatRecord seat, Heartbeat heartbeat, Instant now) {
        // Order and repeats are judged on the agent's own times; liveness never counts a time later than now.
        Instant at = heartbeat.at();
        Instant aliveAt = at.isAfter(now) ? now : at;
        String instance = heartbeat.instanceId();
        for (SeatRecord.Replaced replaced : seat.replaced()) {
            if (replaced.instanceId().equals(instance) && !at.isAfter(replaced.at())) {
                return Verdict.ignored(seat, "replaced-instance");
            }
        }
        boolean sameHolder = seat.holder() != null && seat.holder().instanceId().equals(instance);
        if (seat.lastHeartbeat() != null) {
            if (sameHolder && !at.isAfter(seat.lastHeartbeat()) && heartbeat.seq() <= seat.seq()) {
                return Verdict.ignored(seat, "duplicate");
            }
            if (sameHolder && at.isBefore(seat.lastHeartbeat())) {
                return Verdict.ignored(seat, "out-of-order");
            }
            if (!sameHolder && !at.isAfter(seat.lastHeartbeat())) {
                return Verdict.ignored(seat, "stale-instance");
            }
        }

        SeatRecord.Builder b = seat.toBuilder();
        List<Action> actions = new ArrayList<>();
        if (!sameHolder) {
            actions.add(new Action.HolderChanged(
                    seat.franchise(),
                    instance,
                    seat.holder() == null ? null : seat.holder().instanceId()));
        }
        b.holder = new Holder(instance, heartbeat.host(), heartbeat.pid());
        b.lastHeartbeat = at;
        b.seq = heartbeat.seq();
        b.agentState = heartbeat.state();
        if (heartbeat.state() == SeatState.FAILED) {
            return Verdict.of(b.build(), actions); // the instance answers, the seat does not work: check() decides
        }
        b.lastAlive = seat.lastAlive() == null || aliveAt.isAfter(seat.lastAlive()) ? aliveAt : seat.lastAlive();
        b.exitedAt = null;
        boolean wasDown = seat.status() == SeatStatus.UNHEALTHY
                || seat.status() == SeatStatus.RESTARTING
                || seat.status() == SeatStatus.FAILED;
        if (wasDown) {
            Duration down =
                    seat.unhealthySince() == null ? Duration.ZERO : Duration.between(seat.unhealthySince(), now);
            actions.add(new Action.Recovered(seat.franchise(), instance, down.isNegative() ? Duration.ZERO : down));
            b.unhealthySince = null;
            b.softTried = false;
            b.attempts = 0;
        }
        b.status = heartbeat.state() == SeatState.FINISHED ? SeatStatus.FINISHED : SeatStatus.HEALTHY;
        b.reason = b.status == SeatStatus.FINISHED ? "auction over for this seat" : null;
        return Verdict.of(b.build(), actions);
    }

    /**
     * What the passing of time means for this seat.
     *
     * @param instanceLastSeen the latest heartbeat (any state, any seat) of the instance holding this seat; null if
     *     unknown. A soft restart is only worth sending to an instance that still answers.
     */
    public Verdict check(SeatRecord seat, Instant instanceLastSeen, Instant now) {
        if (seat.status() == SeatStatus.FAILED || seat.status() == SeatStatus.FINISHED || seat.restartInFlight()) {
            return Verdict.of(seat, List.of());
        }
        if (now.isBefore(deadline(seat))) {
            return Verdict.of(seat, List.of());
        }
        SeatRecord.Builder b = seat.toBuilder();
        List<Action> actions = new ArrayList<>();
        if (seat.status() == SeatStatus.STARTING || seat.status() == SeatStatus.HEALTHY) {
            Instant silentSince = seat.lastAlive() != null ? seat.lastAlive() : seat.graceFrom();
            Duration silent = Duration.between(silentSince, now);
            b.status = SeatStatus.UNHEALTHY;
            b.unhealthySince = now;
            b.softTried = false;
            b.attempts = 0;
            b.reason = silenceReason(seat, silent);
            actions.add(new Action.Unhealthy(seat.franchise(), instanceOf(seat), silent, b.reason));
        } else if (seat.exitedAt() != null) {
            b.reason = "its process exited: " + seat.lastError();
        } else if (seat.lastAttemptFailed()) {
            b.reason = "restart " + seat.attempts() + " failed: " + seat.lastError();
        } else if (seat.status() == SeatStatus.RESTARTING) {
            b.reason = "no heartbeat within " + seconds(settings.startupGrace()) + " of "
                    + (seat.attempts() == 0 ? "the soft restart" : "restart " + seat.attempts());
        }
        recover(b, instanceLastSeen, now, actions);
        return Verdict.of(b.build(), actions);
    }

    /**
     * The process behind this seat exited without being asked to: unhealthy at once, and no soft restart.
     *
     * @param instanceId the instance that exited; an exit of an instance that no longer holds the seat changes
     *     nothing
     */
    public Verdict onExit(SeatRecord seat, String instanceId, String why, Instant now) {
        if (seat.status() == SeatStatus.FAILED
                || seat.status() == SeatStatus.FINISHED
                || seat.restartInFlight()
                || (seat.holder() != null && !seat.holder().instanceId().equals(instanceId))) {
            return Verdict.of(seat, List.of());
        }
        SeatRecord.Builder b = seat.toBuilder();
        b.exitedAt = now;
        b.lastError = why;
        b.replaced.add(new SeatRecord.Replaced(instanceId, now));
        return check(b.build(), null, now);
    }

    /** The seat's process (or container) was launched: it has its start-up grace from now. */
    public SeatRecord launched(SeatRecord seat, Instant at) {
        SeatRecord.Builder b = seat.toBuilder();
        b.graceFrom = at;
        b.exitedAt = null;
        return b.build();
    }

    /** A hard restart finished: the seat gets a fresh grace from {@code at}. */
    public SeatRecord restartDone(SeatRecord seat, Instant at) {
        SeatRecord.Builder b = seat.toBuilder();
        b.restartInFlight = false;
        b.lastAttemptFailed = false;
        b.graceFrom = at;
        b.exitedAt = null;
        if (seat.status() == SeatStatus.RESTARTING) {
            b.reason = "restart " + seat.attempts() + " of " + settings.restartAttempts()
                    + " done; waiting for a heartbeat";
        }
        return b.build();
    }

    /** A hard restart could not be done; the next one follows after the back-off. */
    public SeatRecord restartFailed(SeatRecord seat, String error, Instant at) {
        SeatRecord.Builder b = seat.toBuilder();
        b.restartInFlight = false;
        b.lastAttemptFailed = true;
        b.lastError = error;
        if (seat.status() == SeatStatus.RESTARTING) {
            b.reason = "restart " + seat.attempts() + " failed: " + error;
        }
        return b.build();
    }

    /** A soft restart command could not be sent: do not wait a grace for it. */
    public SeatRecord softRestartFailed(SeatRecord seat, String error, Instant at) {
        SeatRecord.Builder b = seat.toBuilder();
        b.lastError = error;
        b.graceFrom = at.minus(settings.startupGrace());
        return b.build();
    }

    /** When silence makes this seat unhealthy, or lets recovery take its next step. */
    public Instant deadline(SeatRecord seat) {
        if (seat.exitedAt() != null) {
            return seat.exitedAt();
        }
        Instant graceEnd = seat.graceFrom().plus(settings.startupGrace());
        if (seat.lastAlive() == null) {
            return graceEnd;
        }
        Instant timeout = seat.lastAlive().plus(settings.heartbeatTimeout());
        return timeout.isAfter(graceEnd) ? timeout : graceEnd;
    }

    private void recover(SeatRecord.Builder b, Instant instanceLastSeen, Instant now, List<Action> actions) {
        boolean instanceAnswers =
                instanceLastSeen != null && now.isBefore(instanceLastSeen.plus(settings.heartbeatTimeout()));
        boolean soft = settings.softRestart() != SoftRestartMode.NEVER
                && !b.softTried
                && b.holder != null
                && b.exitedAt == null
                && (settings.softRestart() == SoftRestartMode.ALWAYS || instanceAnswers);
        if (soft) {
            b.softTried = true;
            b.status = SeatStatus.RESTARTING;
            b.graceFrom = now;
            b.totalRestarts++;
            b.reason = "soft restart sent to " + b.holder.instanceId() + "; waiting for a heartbeat";
            actions.add(new Action.SoftRestart(b.franchise, b.holder.instanceId(), 1));
            return;
        }
        if (b.attempts >= settings.restartAttempts()) {
            b.status = SeatStatus.FAILED;
            String error = b.reason;
            b.reason = "gave up after " + b.attempts + " restart" + (b.attempts == 1 ? "" : "s") + ": " + error;
            actions.add(
                    new Action.GiveUp(b.franchise, b.holder == null ? null : b.holder.instanceId(), b.attempts, error));
            return;
        }
        Instant earliest = b.attempts == 0 || b.lastRestartAt == null
                ? now
                : b.lastRestartAt.plus(settings.backoffAfter(b.attempts));
        Instant windowStart = now.minus(settings.restartWindow());
        b.recentRestarts.removeIf(t -> !t.isAfter(windowStart));
        String wait = "back-off";
        if (b.recentRestarts.size() >= settings.restartsPerWindow()) {
            Instant capFrees = b.recentRestarts.get(0).plus(settings.restartWindow());
            if (capFrees.isAfter(earliest)) {
                earliest = capFrees;
                wait = "restart cap of " + settings.restartsPerWindow() + " per " + settings.restartWindow();
            }
        }
        if (now.isBefore(earliest)) {
            b.reason = "next restart at " + earliest + " (" + wait + ")";
            return;
        }
        b.attempts++;
        b.status = SeatStatus.RESTARTING;
        b.restartInFlight = true;
        b.lastRestartAt = now;
        b.recentRestarts.add(now);
        b.totalRestarts++;
        if (b.holder != null) {
            b.replaced.add(new SeatRecord.Replaced(b.holder.instanceId(), now));
        }
        b.reason = "restart " + b.attempts + " of " + settings.restartAttempts() + " under way";
        actions.add(new Action.HardRestart(b.franchise, b.holder, b.attempts));
    }

    private String silenceReason(SeatRecord seat, Duration silent) {
        if (seat.exitedAt() != null) {
            return "its process exited: " + seat.lastError();
        }
        if (seat.lastAlive() == null) {
            return "no heartbeat within the start-up grace of " + seconds(settings.startupGrace());
        }
        if (seat.agentState() == SeatState.FAILED) {
            return "it reports FAILED; last alive " + seconds(silent) + " ago";
        }
        return "no heartbeat for " + seconds(silent) + " (timeout " + seconds(settings.heartbeatTimeout()) + ")";
    }

    private static String instanceOf(SeatRecord seat) {
        return seat.holder() == null ? null : seat.holder().instanceId();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
