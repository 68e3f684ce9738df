package dev.iplauction.agent.telemetry;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.HeartbeatEvent.Advisor;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link Heartbeat} for every seat registered with it: one at once when the seat is added, then one every
 * interval until it is removed. Each carries the auction code, this instance's id, host and process id, the seat's
 * state as its supplier reports it, and a sequence number counting this instance's heartbeats for the seat from 1
 * (it carries on where it was if the seat is removed and added again, so an instance never repeats a number), and
 * where the instance's LLM advice stands (one advisor serves every seat of an instance), for the room to show.
 *
 * <p>A state supplier that throws or answers null is reported as {@link SeatState#FAILED}: the seat cannot say where
 * it is, and that is what the orchestrator needs to hear. After {@link #remove} or {@link #close} returns, no further
 * heartbeat is sent for the seat.
 */
public final class HeartbeatEmitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatEmitter.class);

    private final Telemetry telemetry;
    private final Clock clock;
    private final String auctionCode;
    private final String instanceId;
    private final String host;
    private final long pid = ProcessHandle.current().pid();
    private final Duration interval;
    private final Supplier<Advisor> advisor;
    private final ScheduledThreadPoolExecutor scheduler;

    /** Guarded by {@code this}. */
    private final Map<Franchise, Seat> seats = new EnumMap<>(Franchise.class);
    /** Guarded by {@code this}. */
    private boolean closed;

    private final Map<Franchise, AtomicLong> sequences = new ConcurrentHashMap<>();

    /**
     * @param instanceId this agent instance, as the orchestrator knows it
     * @param host the container id or host name; {@link #localHostName()} finds it
     * @param interval between two heartbeats of a seat, {@code agent.heartbeat-interval}
     */
    public HeartbeatEmitter(
            Telemetry telemetry, Clock clock, String auctionCode, String instanceId, String host, Duration interval) {
        this(telemetry, clock, auctionCode, instanceId, host, interval, () -> null);
    }

    /** @param advisor where the LLM advice stands, read at each beat; null (or a throw) leaves it out */
    public HeartbeatEmitter(
            Telemetry telemetry,
            Clock clock,
            String auctionCode,
            String instanceId,
            String host,
            Duration interval,
            Supplier<Advisor> advisor) {
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.auctionCode = requireText(auctionCode, "auction code");
        this.instanceId = requireText(instanceId, "instance id");
        this.host = requireText(host, "host");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be more than 0, got " + interval);
        }
        this.interval = interval;
        this.scheduler = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("heartbeats").daemon().factory());
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * The name of the host this process runs on: {@code HOSTNAME} (a container's id under Docker), else what the
     * network stack says, else "unknown".
     */
    public static String localHostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Starts heartbeats for a seat, the first at once; for a seat already registered, only its state supplier
     * changes.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void add(Franchise franchise, Supplier<SeatState> state) {
        Objects.requireNonNull(franchise, "franchise");
        Objects.requireNonNull(state, "state");
        if (closed) {
            throw new IllegalStateException("the heartbeat emitter is closed; cannot add seat " + franchise);
        }
        Seat existing = seats.get(franchise);
        if (existing != null) {
            existing.state = state;
            return;
        }
        Seat seat = new Seat(franchise, state);
        seats.put(franchise, seat);
        seat.schedule = scheduler.scheduleWithFixedDelay(beat(seat), 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops a seat's heartbeats; false if it was not registered. */
    public synchronized boolean remove(Franchise franchise) {
        Seat seat = seats.remove(franchise);
        if (seat == null) {
            return false;
        }
        seat.stop();
        return true;
    }

    /** The seats heartbeats are sent for. */
    public synchronized Set<Franchise> seats() {
        Set<Franchise> copy = EnumSet.noneOf(Franchise.class);
        copy.addAll(seats.keySet());
        return Collections.unmodifiableSet(copy);
    }

    public Duration interval() {
        return interval;
    }

    /** Stops every seat's heartbeats and the scheduler thread. Calling it again does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            seats.values().forEach(Seat::stop);
            seats.clear();
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The heartbeat thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Runnable beat(Seat seat) {
        return () -> {
            try {
                synchronized (seat) {
                    if (seat.stopped) {
                        return;
                    }
                    SeatState state = seat.currentState();
                    long seq = sequences
                            .computeIfAbsent(seat.franchise, f -> new AtomicLong())
                            .incrementAndGet();
                    telemetry.heartbeat(new Heartbeat(
                            auctionCode,
                            seat.franchise,
                            clock.instant(),
                            instanceId,
                            host,
                            pid,
                            state,
                            seq,
                            advisorNow()));
                }
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again: keep beating.
                log.warn("Heartbeat for {} failed: {}", seat.franchise, e.toString());
            }
        };
    }

    private Advisor advisorNow() {
        try {
            return advisor.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static final class Seat {

        final Franchise franchise;
        volatile Supplier<SeatState> state;
        /** Guarded by this seat. */
        boolean stopped;
        /** Whether the last state reading failed, so a failing supplier is logged once, not every beat. */
        private boolean failing;

        volatile ScheduledFuture<?> schedule;

        Seat(Franchise franchise, Supplier<SeatState> state) {
            this.franchise = franchise;
            this.state = state;
        }

        /** Called holding this seat's lock. */
        SeatState currentState() {
            String problem;
            try {
                SeatState current = state.get();
                if (current != null) {
                    if (failing) {
                        failing = false;
                        log.info("The state of seat {} reads again: {}", franchise, current);
                    }
                    return current;
                }
                problem = "its supplier answered null";
            } catch (RuntimeException e) {
                problem = "reading it failed: " + e;
            }
            if (!failing) {
                failing = true;
                log.warn(
                        "The state of seat {} is unknown ({}); reporting FAILED until it reads again",
                        franchise,
                        problem);
            }
            return SeatState.FAILED;
        }

        void stop() {
            synchronized (this) {
                stopped = true;
            }
            ScheduledFuture<?> scheduled = schedule;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
