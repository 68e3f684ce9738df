package dev.iplauction.orchestrator.health;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides, for one seat, what a heartbeat, a check, a process exit or a finished restart means: plain Java, no clock
 * of its own (every call gets {@code now}), no side effects; the {@link Verdict} says what to do.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>A seat is alive while heartbeats arrive that do not report it FAILED; it is unhealthy when none did within
 *       the heartbeat timeout, and never before its grace has run out. The grace counts from the latest of: the
 *       orchestrator's start, the seat's launch, its latest restart, and the start of the agent behind it (its
 *       container's or process's own start, as the runtime reports it; for a seat never heard from, the latest agent
 *       start of all, since any starting agent may be the one to take it). A seat that reports STARTING or JOINING has
 *       the grace as its timeout: it is making progress, and a loaded machine may delay its heartbeats. Progress is not
 *       asked for: a seat waiting for the auction to start, or paused, is alive as long as it heartbeats. A seat that
 *       reported FINISHED may go quiet.
 *   <li>Recovery, in steps: a soft restart (a command to the holding instance) while that instance still answers,
 *       then hard restarts (container or process) up to the configured attempts, spaced by a doubling back-off and
 *       capped per seat within a sliding window across recoveries; then the seat is FAILED, which is not final: tries
 *       go on at a slow back-off (doubling to the maximum, like Kubernetes' CrashLoopBackOff), and a heartbeat makes it
 *       healthy again. A seat whose process exited skips the soft step: nobody is there to hear it.
 *   <li>Across seats ({@link #checkAll}): at most {@code maxConcurrentRestarts} hard restarts under way at once, the
 *       least recently restarted seat first; when half or more of the seats (three at least) are silent together, that
 *       is a systemic fault (the broker or the machine is overloaded, and restarting agents would add load): restarts,
 *       soft or hard, are spaced by the slow back-off, doubling with each, whatever the seats' own back-offs.
 *   <li>Heartbeats: one from another instance newer than the holder's latest makes that instance the holder (the seat
 *       moved); older ones, repeats, and those a replaced instance sent before it was replaced change nothing.
 * </ul>
 */
public final class HealthPolicy {

    /** Fewer silent seats than this are never systemic: two of four seats failing is two faults, not an outage. */
    static final int SYSTEMIC_MIN_SILENT = 3;

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
            b.gaveUpAt = null;
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
        return check(seat, instanceLastSeen, RestartGate.OPEN, now);
    }

    /**
     * Every seat at once: the agents' start times applied, the systemic fault judged, and restarts spaced across
     * seats.
     *
     * @param agentStartedAt when the agent behind a seat started, as the runtime knows it (null: unknown); a time
     *     later than the seat's grace start moves the grace there
     */
    public FleetVerdict checkAll(
            List<SeatRecord> seats, FleetState fleet, Function<SeatRecord, Instant> agentStartedAt, Instant now) {
        List<SeatRecord> current = new ArrayList<>();
        for (SeatRecord seat : seats) {
            current.add(agentStarted(seat, agentStartedAt.apply(seat), now));
        }
        List<Franchise> silent = current.stream()
                .filter(s -> silent(s, now))
                .map(SeatRecord::franchise)
                .toList();
        boolean systemic = silent.size() >= SYSTEMIC_MIN_SILENT && silent.size() * 2 >= current.size();
        Instant since = !systemic ? null : fleet.systemic() ? fleet.systemicSince() : now;
        Gate gate = new Gate(
                (int) current.stream().filter(s -> restartUnderWay(s, now)).count(),
                fleet.lastRestartAt(),
                systemic,
                systemic && fleet.systemic() ? fleet.systemicRestarts() : 0,
                since);
        // The least recently restarted first, so that one restart at a time still reaches every seat.
        List<SeatRecord> order = new ArrayList<>(current);
        order.sort(Comparator.comparing(
                        SeatRecord::lastRestartAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(SeatRecord::franchise));
        Map<Franchise, SeatRecord> after = new EnumMap<>(Franchise.class);
        List<Action> actions = new ArrayList<>();
        for (SeatRecord seat : order) {
            Verdict verdict = check(seat, instanceLastSeen(seat, current), gate, now);
            after.put(seat.franchise(), verdict.seat());
            actions.addAll(verdict.actions());
        }
        List<SeatRecord> result = new ArrayList<>();
        for (SeatRecord seat : current) {
            result.add(after.get(seat.franchise()));
        }
        FleetState next = new FleetState(since, silent, current.size(), gate.last, gate.systemicRestarts);
        return new FleetVerdict(result, next, actions, systemic && !fleet.systemic(), !systemic && fleet.systemic());
    }

    /**
     * Whether a hard restart of this seat is under way: issued and not finished, or finished and the seat neither
     * heartbeating again nor past its grace since.
     */
    public boolean restartUnderWay(SeatRecord seat, Instant now) {
        if (seat.restartInFlight()) {
            return true;
        }
        return seat.attempts() > 0
                && !seat.lastAttemptFailed()
                && seat.exitedAt() == null
                && seat.lastRestartAt() != null
                && (seat.status() == SeatStatus.RESTARTING || seat.status() == SeatStatus.FAILED)
                && now.isBefore(seat.graceFrom().plus(settings.startupGrace()));
    }

    /** The agent behind the seat started at {@code startedAt}: the seat's grace counts from there if that is later. */
    public SeatRecord agentStarted(SeatRecord seat, Instant startedAt, Instant now) {
        if (startedAt == null) {
            return seat;
        }
        Instant at = startedAt.isAfter(now) ? now : startedAt;
        if (!at.isAfter(seat.graceFrom())) {
            return seat;
        }
        SeatRecord.Builder b = seat.toBuilder();
        b.graceFrom = at;
        return b.build();
    }

    /** Silent: unhealthy, being recovered, failed, or past its deadline now. */
    private boolean silent(SeatRecord seat, Instant now) {
        return switch (seat.status()) {
            case UNHEALTHY, RESTARTING, FAILED -> true;
            case FINISHED -> false;
            case STARTING, HEALTHY -> !now.isBefore(deadline(seat));
        };
    }

    private static Instant instanceLastSeen(SeatRecord seat, List<SeatRecord> seats) {
        if (seat.holder() == null) {
            return null;
        }
        Instant latest = null;
        for (SeatRecord other : seats) {
            if (other.holder() != null
                    && other.holder().instanceId().equals(seat.holder().instanceId())
                    && other.lastHeartbeat() != null
                    && (latest == null || other.lastHeartbeat().isAfter(latest))) {
                latest = other.lastHeartbeat();
            }
        }
        return latest;
    }

    /** Says whether a restart may begin now; {@link #OPEN} for a seat judged alone. */
    interface RestartGate {
        RestartGate OPEN = (hard, now) -> null;

        /** Null: go ahead (and it is counted); otherwise why not, for the seat's reason. */
        String acquire(boolean hard, Instant now);
    }

    /** Counts restarts under way and spaces them during a systemic fault. */
    private final class Gate implements RestartGate {
        private int busy;
        private Instant last;
        private final boolean systemic;
        private int systemicRestarts;
        private final Instant since;

        Gate(int busy, Instant last, boolean systemic, int systemicRestarts, Instant since) {
            this.busy = busy;
            this.last = last;
            this.systemic = systemic;
            this.systemicRestarts = systemicRestarts;
            this.since = since;
        }

        @Override
        public String acquire(boolean hard, Instant now) {
            if (systemic && last != null) {
                Instant next = last.plus(settings.slowBackoffAfter(Math.max(0, systemicRestarts - 1)));
                if (now.isBefore(next)) {
                    return "systemic fault since " + since + ": one restart per back-off, next at " + next;
                }
            }
            if (hard && busy >= settings.maxConcurrentRestarts()) {
                return "waiting: " + busy + " restart" + (busy == 1 ? "" : "s") + " under way already (at most "
                        + settings.maxConcurrentRestarts() + " at once)";
            }
            if (hard) {
                busy++;
            }
            if (hard || systemic) {
                last = now;
            }
            if (systemic) {
                systemicRestarts++;
            }
            return null;
        }
    }

    private Verdict check(SeatRecord seat, Instant instanceLastSeen, RestartGate gate, Instant now) {
        if (seat.status() == SeatStatus.FINISHED || seat.restartInFlight()) {
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
            b.gaveUpAt = null;
            b.reason = silenceReason(seat, silent);
            actions.add(new Action.Unhealthy(seat.franchise(), instanceOf(seat), silent, b.reason));
        } else if (seat.exitedAt() != null) {
            b.reason = "its process exited: " + seat.lastError();
        } else if (seat.lastAttemptFailed()) {
            b.reason = "restart " + seat.attempts() + " failed: " + seat.lastError();
        } else if (seat.status() == SeatStatus.RESTARTING || seat.status() == SeatStatus.FAILED) {
            b.reason = "no heartbeat within " + seconds(settings.startupGrace()) + " of "
                    + (seat.attempts() == 0 ? "the soft restart" : "restart " + seat.attempts());
        }
        recover(b, instanceLastSeen, gate, now, actions);
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
        } else if (seat.status() == SeatStatus.FAILED) {
            b.reason = "slow retry: restart " + seat.attempts() + " done; waiting for a heartbeat";
        }
        return b.build();
    }

    /** A hard restart could not be done; the next one follows after the back-off. */
    public SeatRecord restartFailed(SeatRecord seat, String error, Instant at) {
        SeatRecord.Builder b = seat.toBuilder();
        b.restartInFlight = false;
        b.lastAttemptFailed = true;
        b.lastError = error;
        if (seat.status() == SeatStatus.RESTARTING || seat.status() == SeatStatus.FAILED) {
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
        // A seat starting or joining is making progress: a loaded machine may delay its heartbeats, so it has the
        // grace.
        boolean progressing = seat.agentState() == SeatState.STARTING || seat.agentState() == SeatState.JOINING;
        Duration allowed = progressing && settings.startupGrace().compareTo(settings.heartbeatTimeout()) > 0
                ? settings.startupGrace()
                : settings.heartbeatTimeout();
        Instant timeout = seat.lastAlive().plus(allowed);
        return timeout.isAfter(graceEnd) ? timeout : graceEnd;
    }

    private void recover(
            SeatRecord.Builder b, Instant instanceLastSeen, RestartGate gate, Instant now, List<Action> actions) {
        boolean instanceAnswers =
                instanceLastSeen != null && now.isBefore(instanceLastSeen.plus(settings.heartbeatTimeout()));
        boolean soft = settings.softRestart() != SoftRestartMode.NEVER
                && !b.softTried
                && b.holder != null
                && b.exitedAt == null
                && (settings.softRestart() == SoftRestartMode.ALWAYS || instanceAnswers);
        if (soft) {
            String denied = gate.acquire(false, now);
            if (denied != null) {
                b.reason = denied;
                return;
            }
            b.softTried = true;
            b.status = SeatStatus.RESTARTING;
            b.graceFrom = now;
            b.totalRestarts++;
            b.reason = "soft restart sent to " + b.holder.instanceId() + "; waiting for a heartbeat";
            actions.add(new Action.SoftRestart(b.franchise, b.holder.instanceId(), 1));
            return;
        }
        String cause = b.reason; // why the seat is still down, as check() found it
        boolean slow = b.attempts >= settings.restartAttempts();
        if (slow && b.gaveUpAt == null) {
            // Not final: the seat is FAILED, and tried again at the slow back-off.
            b.status = SeatStatus.FAILED;
            b.gaveUpAt = now;
            actions.add(
                    new Action.GiveUp(b.franchise, b.holder == null ? null : b.holder.instanceId(), b.attempts, cause));
        }
        Instant earliest;
        if (slow) {
            Instant from =
                    b.lastRestartAt == null || b.lastRestartAt.isBefore(b.gaveUpAt) ? b.gaveUpAt : b.lastRestartAt;
            earliest = from.plus(settings.slowBackoffAfter(b.attempts - settings.restartAttempts()));
        } else {
            earliest = b.attempts == 0 || b.lastRestartAt == null
                    ? now
                    : b.lastRestartAt.plus(settings.backoffAfter(b.attempts));
        }
        Instant windowStart = now.minus(settings.restartWindow());
        b.recentRestarts.removeIf(t -> !t.isAfter(windowStart));
        String wait = slow ? "slow back-off after giving up at " + b.gaveUpAt : "back-off";
        if (b.recentRestarts.size() >= settings.restartsPerWindow()) {
            Instant capFrees = b.recentRestarts.get(0).plus(settings.restartWindow());
            if (capFrees.isAfter(earliest)) {
                earliest = capFrees;
                wait = "restart cap of " + settings.restartsPerWindow() + " per " + settings.restartWindow();
            }
        }
        String prefix = slow
                ? "gave up after " + settings.restartAttempts() + " quick restart"
                        + (settings.restartAttempts() == 1 ? "" : "s") + " (" + cause + "); "
                : "";
        if (now.isBefore(earliest)) {
            b.reason = prefix + "next restart at " + earliest + " (" + wait + ")";
            return;
        }
        String denied = gate.acquire(true, now);
        if (denied != null) {
            b.reason = prefix + denied;
            return;
        }
        b.attempts++;
        b.status = slow ? SeatStatus.FAILED : SeatStatus.RESTARTING;
        b.restartInFlight = true;
        b.lastRestartAt = now;
        b.recentRestarts.add(now);
        b.totalRestarts++;
        if (b.holder != null) {
            b.replaced.add(new SeatRecord.Replaced(b.holder.instanceId(), now));
        }
        b.reason = slow
                ? prefix + "slow retry: restart " + b.attempts + " under way"
                : "restart " + b.attempts + " of " + settings.restartAttempts() + " under way";
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
