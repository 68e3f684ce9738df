package dev.iplauction.agent.seat;

import dev.iplauction.agent.browser.AuctionPage;
import dev.iplauction.agent.llm.DecisionMaker;
import dev.iplauction.agent.strategy.Strategy;
import dev.iplauction.agent.telemetry.HeartbeatEmitter;
import dev.iplauction.agent.telemetry.Telemetry;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.AgentCommand;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The seats this instance plays: started when the seat assignment hands them over, stopped when it takes them away,
 * restarted when the orchestrator asks. Each seat has its own thread, its own browser context and its own heartbeat.
 */
public final class SeatRuntime implements SeatManager, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SeatRuntime.class);

    private final Map<Franchise, Seat> seats = new EnumMap<>(Franchise.class);
    private final Settings settings;
    private final Strategy strategy;
    private final DecisionMaker decisions;
    private final Telemetry telemetry;
    private final HeartbeatEmitter heartbeats;
    private final SeatTokens tokens;
    private final Clock clock;
    private final Pages pages;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("seat-refresh").daemon(true).factory());

    /** What every seat of this instance shares. */
    public record Settings(URI auctionUrl, String auctionCode, String instanceId, Duration refreshInterval) {}

    /** Opens a seat's page, delivering what it shows to the listener on the seat's executor. */
    @FunctionalInterface
    public interface Pages {
        AuctionPage open(Franchise franchise, Executor executor, AuctionPage.Listener listener);
    }

    /** What a seat tells the runtime. */
    interface Callbacks {
        /** Someone else (a person) holds the seat: stop playing it and stop its heartbeat. */
        void leftToSomeoneElse(Franchise franchise);
    }

    public SeatRuntime(
            Settings settings,
            Strategy strategy,
            DecisionMaker decisions,
            Telemetry telemetry,
            HeartbeatEmitter heartbeats,
            SeatTokens tokens,
            Clock clock,
            Pages pages) {
        this.settings = settings;
        this.strategy = strategy;
        this.decisions = decisions;
        this.telemetry = telemetry;
        this.heartbeats = heartbeats;
        this.tokens = tokens;
        this.clock = clock;
        this.pages = pages;
        long every = settings.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshAll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void assigned(Collection<Franchise> franchises) {
        for (Franchise franchise : franchises) {
            if (seats.containsKey(franchise)) {
                continue;
            }
            ThreadFactory threads = Thread.ofPlatform()
                    .name("seat-" + franchise.code())
                    .daemon(true)
                    .factory();
            String auction = settings.auctionCode();
            // The seat's records go to agent.logs as the franchise's own, about its auction (kafka-logging reads MDC).
            ScheduledExecutorService executor =
                    Executors.newSingleThreadScheduledExecutor(task -> threads.newThread(() -> {
                        MDC.put("franchise", franchise.code());
                        if (auction != null && !auction.isBlank()) {
                            MDC.put("auction", auction);
                        }
                        task.run();
                    }));
            Seat seat = new Seat(
                    franchise,
                    settings.auctionCode(),
                    settings.auctionUrl(),
                    tokens.tokenFor(settings.auctionCode(), franchise),
                    strategy,
                    decisions,
                    telemetry,
                    clock,
                    executor,
                    listener -> pages.open(franchise, executor, listener),
                    this::leftToSomeoneElse);
            seats.put(franchise, seat);
            heartbeats.add(franchise, seat::state);
            seat.start();
        }
    }

    @Override
    public synchronized void revoked(Collection<Franchise> franchises) {
        for (Franchise franchise : franchises) {
            Seat seat = seats.remove(franchise);
            if (seat != null) {
                heartbeats.remove(franchise);
                seat.stop();
            }
        }
    }

    @Override
    public synchronized void command(AgentCommand command) {
        String target = command.instanceId();
        if (target != null && !target.isBlank() && !target.equals(settings.instanceId())) {
            return; // meant for the instance that held the seat before
        }
        Seat seat = seats.get(command.franchise());
        if (seat == null) {
            log.info(
                    "command {} for {}, which this instance does not play",
                    command.getClass().getSimpleName(),
                    command.franchise());
            return;
        }
        switch (command) {
            case AgentCommand.RestartSeat restart -> seat.restart(restart.reason());
            case AgentCommand.StopSeat stop -> revoked(Set.of(command.franchise()));
        }
    }

    /** The seats this instance plays now. */
    public synchronized Set<Franchise> seats() {
        return Set.copyOf(seats.keySet());
    }

    private synchronized void leftToSomeoneElse(Franchise franchise) {
        heartbeats.remove(franchise);
    }

    private synchronized void refreshAll() {
        seats.values().forEach(Seat::refresh);
    }

    @Override
    public synchronized void close() {
        refresher.shutdownNow();
        revoked(Set.copyOf(seats.keySet()));
    }
}
