package dev.iplauction.orchestrator.restart;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.AgentCommand;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import dev.iplauction.orchestrator.health.Action;
import dev.iplauction.orchestrator.health.FleetState;
import dev.iplauction.orchestrator.health.FleetVerdict;
import dev.iplauction.orchestrator.health.HealthPolicy;
import dev.iplauction.orchestrator.health.SeatRecord;
import dev.iplauction.orchestrator.health.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the watched seats alive: feeds heartbeats, checks, exits and finished restarts to the {@link HealthPolicy},
 * and carries out what it decides: events on {@code orchestrator.events}, a log line for each step, soft restarts as
 * commands, hard restarts through the {@link AgentRuntime}.
 *
 * <p>Heartbeats of another auction and of seats it does not watch are counted and otherwise ignored: one orchestrator
 * watches one auction's seats.
 */
public final class Supervisor implements RuntimeListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final String auctionCode;
    private final HealthPolicy policy;
    private final AgentRuntime runtime;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration checkInterval;
    private final Instant startedAt;
    private final ScheduledExecutorService scheduler;

    /** Guarded by {@code this}. */
    private final Map<Franchise, SeatRecord> seats = new EnumMap<>(Franchise.class);

    /** Guarded by {@code this}. */
    private FleetState fleet = FleetState.NONE;
    /** When an instance not seen before first heartbeated: start-up is progressing. Guarded by {@code this}. */
    private Instant latestNewInstanceAt;
    /** Guarded by {@code this}; bounded, oldest dropped. */
    private final java.util.LinkedHashSet<String> seenInstances = new java.util.LinkedHashSet<>();

    private final Map<String, AtomicLong> ignored = new ConcurrentHashMap<>();
    private final AtomicLong taken = new AtomicLong();
    private volatile ScheduledFuture<?> checks;

    public Supervisor(
            String auctionCode,
            List<Franchise> watched,
            HealthPolicy policy,
            AgentRuntime runtime,
            Outbox outbox,
            Clock clock,
            Duration checkInterval) {
        this.auctionCode = Objects.requireNonNull(auctionCode, "auctionCode");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException(
                    "orchestrator.check-interval must be longer than 0, got " + checkInterval);
        }
        this.checkInterval = checkInterval;
        this.startedAt = clock.instant();
        for (Franchise franchise : watched) {
            seats.put(franchise, SeatRecord.starting(franchise, startedAt));
        }
        this.scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("seat-checks").daemon().factory());
    }

    /** Starts the runtime (the process runtime launches its agents) and the periodic checks. */
    public void start() {
        log.info(
                "watching auction {}: seats {}, runtime {}, checks every {}, {}",
                auctionCode,
                seats.keySet(),
                runtime.name(),
                checkInterval,
                policy.settings());
        runtime.start(this);
        checks = scheduler.scheduleWithFixedDelay(
                this::checkSafely, checkInterval.toMillis(), checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String auctionCode() {
        return auctionCode;
    }

    public AgentRuntime runtime() {
        return runtime;
    }

    public HealthPolicy policy() {
        return policy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Clock clock() {
        return clock;
    }

    /** The seats as they stand, in franchise order. */
    public synchronized List<SeatRecord> seats() {
        return List.copyOf(seats.values());
    }

    /** Heartbeats ignored so far, by reason ("other-auction", "unwatched-seat", "duplicate" …). */
    public Map<String, Long> ignoredHeartbeats() {
        Map<String, Long> counts = new TreeMap<>();
        ignored.forEach((reason, count) -> counts.put(reason, count.get()));
        return Collections.unmodifiableMap(counts);
    }

    public long heartbeatsTaken() {
        return taken.get();
    }

    public void heartbeat(Heartbeat heartbeat) {
        if (!auctionCode.equals(heartbeat.auctionCode())) {
            ignore("other-auction");
            return;
        }
        Instant now = clock.instant();
        List<Action> actions;
        synchronized (this) {
            SeatRecord seat = seats.get(heartbeat.franchise());
            if (seat == null) {
                ignore("unwatched-seat");
                return;
            }
            Verdict verdict = policy.onHeartbeat(seat, heartbeat, now);
            if (verdict.ignored() != null) {
                ignore(verdict.ignored());
                return;
            }
            taken.incrementAndGet();
            seats.put(seat.franchise(), verdict.seat());
            actions = verdict.actions();
            if (seenInstances.add(heartbeat.instanceId())) {
                latestNewInstanceAt = now;
                if (seenInstances.size() > 256) {
                    seenInstances.remove(seenInstances.iterator().next());
                }
            }
        }
        perform(actions, now);
    }

    /** The systemic fault, if any, as last checked. */
    public synchronized FleetState fleet() {
        return fleet;
    }

    /** Looks at every seat once; also run by the schedule. */
    public void check() {
        AgentStarts starts = runtime.agentStarts(); // may ask the Docker engine: outside the lock
        Instant now = clock.instant();
        FleetVerdict verdict;
        synchronized (this) {
            Instant newInstance = latestNewInstanceAt;
            verdict = policy.checkAll(
                    List.copyOf(seats.values()), fleet, seat -> agentStartedAt(seat, starts, newInstance, now), now);
            for (SeatRecord seat : verdict.seats()) {
                seats.put(seat.franchise(), seat);
            }
            fleet = verdict.fleet();
        }
        if (verdict.systemicBegan()) {
            String reason = verdict.fleet().systemicReason();
            log.error("{}", reason);
            for (Franchise f : verdict.fleet().silent()) {
                SeatRecord seat = seat(f);
                outbox.event(new OrchestratorEvent.SeatUnhealthy(
                        auctionCode,
                        f,
                        now,
                        seat == null || seat.holder() == null
                                ? null
                                : seat.holder().instanceId(),
                        seat == null || seat.lastAlive() == null
                                ? 0
                                : Math.max(
                                        0,
                                        Duration.between(seat.lastAlive(), now).toMillis()),
                        reason));
            }
        } else if (verdict.systemicEnded()) {
            log.info("systemic fault over: fewer than half of the seats are silent now");
        }
        perform(verdict.actions(), now);
    }

    private synchronized SeatRecord seat(Franchise franchise) {
        return seats.get(franchise);
    }

    /**
     * When the agent behind a seat started, as far as the runtime can tell: the holder's own container start; for a
     * seat never heard from, the latest start of any agent or the latest first heartbeat of a new instance (start-up
     * is still progressing: the seat's agent may be waiting its turn at the start gate), and now while no agent runs
     * at all (nothing to restart, nothing silent yet).
     */
    private static Instant agentStartedAt(SeatRecord seat, AgentStarts starts, Instant newInstance, Instant now) {
        if (seat.holder() != null) {
            return starts.known() ? starts.startOf(seat.holder()) : null;
        }
        if (starts.known() && starts.running().isEmpty()) {
            return now;
        }
        Instant latest = starts.latest();
        if (newInstance != null && (latest == null || newInstance.isAfter(latest))) {
            latest = newInstance;
        }
        return latest;
    }

    @Override
    public void launched(List<Franchise> launched, String instanceId, Instant at) {
        synchronized (this) {
            for (Franchise franchise : launched) {
                seats.computeIfPresent(franchise, (f, seat) -> policy.launched(seat, at));
            }
        }
    }

    @Override
    public void exited(List<Franchise> exited, String instanceId, String why) {
        Instant now = clock.instant();
        List<Action> actions = new ArrayList<>();
        synchronized (this) {
            for (Franchise franchise : exited) {
                SeatRecord seat = seats.get(franchise);
                if (seat != null) {
                    Verdict verdict = policy.onExit(seat, instanceId, why, now);
                    seats.put(franchise, verdict.seat());
                    actions.addAll(verdict.actions());
                }
            }
        }
        perform(actions, now);
    }

    @Override
    public void stopped(List<Franchise> stopped, String instanceId, String why) {
        Instant now = clock.instant();
        for (Franchise franchise : stopped) {
            log.info("seat {}: agent {} stopped ({})", franchise.code(), instanceId, why);
            outbox.event(new OrchestratorEvent.AgentStopped(auctionCode, franchise, now, instanceId, why));
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> scheduled = checks;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduler.shutdownNow();
        runtime.close();
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("seat check failed; the next one follows in {}", checkInterval, e);
        }
    }

    private void ignore(String reason) {
        ignored.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    private void perform(List<Action> actions, Instant now) {
        for (Action action : actions) {
            try {
                perform(action, now);
            } catch (RuntimeException e) {
                log.error("seat {}: could not carry out {}", action.franchise().code(), action, e);
            }
        }
    }

    private void perform(Action action, Instant now) {
        Franchise f = action.franchise();
        switch (action) {
            case Action.HolderChanged h -> {
                log.info(
                        "seat {}: held by instance {}{}",
                        f.code(),
                        h.instanceId(),
                        h.previousInstanceId() == null ? "" : " (was " + h.previousInstanceId() + ")");
                outbox.event(new OrchestratorEvent.AgentStarted(auctionCode, f, now, h.instanceId()));
            }
            case Action.Unhealthy u -> {
                log.warn("seat {}: unhealthy, instance {}: {}", f.code(), u.instanceId(), u.reason());
                outbox.event(new OrchestratorEvent.SeatUnhealthy(
                        auctionCode, f, now, u.instanceId(), u.silentFor().toMillis(), u.reason()));
            }
            case Action.SoftRestart s -> softRestart(s, now);
            case Action.HardRestart h -> hardRestart(h, now);
            case Action.GiveUp g -> {
                log.error(
                        "seat {}: failed after {} quick restarts ({}); the other seats carry on, and it is tried again"
                                + " at the slow back-off",
                        f.code(),
                        g.attempts(),
                        g.error());
                outbox.event(new OrchestratorEvent.SeatRestartFailed(
                        auctionCode, f, now, g.instanceId(), g.attempts(), g.error()));
            }
            case Action.Recovered r -> {
                log.info(
                        "seat {}: recovered, instance {} heartbeats again after {} ms",
                        f.code(),
                        r.instanceId(),
                        r.downFor().toMillis());
                outbox.event(new OrchestratorEvent.SeatRecovered(
                        auctionCode, f, now, r.instanceId(), r.downFor().toMillis()));
            }
        }
    }

    private void softRestart(Action.SoftRestart s, Instant now) {
        Franchise f = s.franchise();
        log.warn(
                "seat {}: soft restart (attempt {}): RestartSeat to instance {}",
                f.code(),
                s.attempt(),
                s.instanceId());
        outbox.event(new OrchestratorEvent.SeatRestarting(
                auctionCode, f, now, s.instanceId(), RestartStep.SOFT, s.attempt()));
        outbox.command(new AgentCommand.RestartSeat(
                        auctionCode, f, now, s.instanceId(), "silent: restarting the seat's browser context"))
                .whenComplete((sent, failure) -> {
                    Instant at = clock.instant();
                    if (failure == null) {
                        outbox.event(new OrchestratorEvent.SeatRestarted(
                                auctionCode, f, at, s.instanceId(), RestartStep.SOFT, s.attempt()));
                    } else {
                        String error = "RestartSeat not sent: " + rootMessage(failure);
                        log.error("seat {}: {}", f.code(), error);
                        synchronized (this) {
                            seats.computeIfPresent(f, (k, seat) -> policy.softRestartFailed(seat, error, at));
                        }
                    }
                });
    }

    private void hardRestart(Action.HardRestart h, Instant now) {
        Franchise f = h.franchise();
        String instance = h.holder() == null ? null : h.holder().instanceId();
        RestartStep step = runtime.hardStep();
        log.warn(
                "seat {}: {} restart, attempt {} ({} quick), instance {}",
                f.code(),
                step.name().toLowerCase(java.util.Locale.ROOT),
                h.attempt(),
                policy.settings().restartAttempts(),
                instance);
        outbox.event(new OrchestratorEvent.SeatRestarting(auctionCode, f, now, instance, step, h.attempt()));
        java.util.concurrent.CompletableFuture<Restarted> restart;
        try {
            restart = runtime.restart(f, h.holder());
        } catch (RuntimeException e) {
            restart = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        restart.whenComplete((done, failure) -> {
            Instant at = clock.instant();
            if (failure == null) {
                synchronized (this) {
                    seats.computeIfPresent(f, (k, seat) -> policy.restartDone(seat, at));
                }
                log.info(
                        "seat {}: {} {} restarted (attempt {}), now instance {}",
                        f.code(),
                        step.name().toLowerCase(java.util.Locale.ROOT),
                        done.unit(),
                        h.attempt(),
                        done.instanceId());
                outbox.event(
                        new OrchestratorEvent.SeatRestarted(auctionCode, f, at, done.instanceId(), step, h.attempt()));
            } else {
                String error = rootMessage(failure);
                log.error("seat {}: restart attempt {} failed: {}", f.code(), h.attempt(), error);
                synchronized (this) {
                    seats.computeIfPresent(f, (k, seat) -> policy.restartFailed(seat, error, at));
                }
            }
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
