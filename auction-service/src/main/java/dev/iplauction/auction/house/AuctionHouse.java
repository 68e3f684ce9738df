package dev.iplauction.auction.house;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.rules.Auction;
import dev.iplauction.auction.rules.AuctionRefusal;
import dev.iplauction.auction.rules.Phase;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionSetup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auction house: every auction in memory, each behind its own lock, with the event log as the truth.
 *
 * <p>A command runs the rules under the auction's lock and hands the resulting events to the log before the lock is
 * released, so the log's order is the order the rules saw. The caller is answered only once the log has confirmed
 * the events; if it cannot, the auction is reloaded from the log and the caller told the change did not happen.
 * Observers (live pages) hear of each change after it is durable, in order, on one thread.
 */
public final class AuctionHouse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuctionHouse.class);

    private final Map<String, Managed> auctions = new ConcurrentHashMap<>();
    private final AuctionEventLog eventLog;
    private final Clock clock;
    private final AuctionSetups setups;
    private final List<AuctionObserver> observers;
    private final Duration writeTimeout;
    private final CreationGate gate;
    private final Object creating = new Object();
    private final ExecutorService broadcaster = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("auction-live").daemon(true).factory());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("auction-clock").daemon(true).factory());

    /** One auction and the lock that serialises everything done to it. */
    private static final class Managed {
        final ReentrantLock lock = new ReentrantLock();
        Auction auction;

        Managed(Auction auction) {
            this.auction = auction;
        }
    }

    /** The answer to a create: the code to share and the host's token to keep. */
    public record Created(String code, String hostToken) {}

    /** An accepted bid: the lot, the amount, and when the clock now runs out. */
    public record BidReceipt(int lot, Lakh amount, Instant closesAt, long seq) {}

    public record Settings(
            Duration bidWindow, Duration acceleratedWindow, Duration rtmWindow, Duration writeTimeout, Duration tick) {}

    public AuctionHouse(
            AuctionEventLog eventLog,
            Clock clock,
            CatalogueRepository catalogues,
            List<AuctionObserver> observers,
            Settings settings) {
        this(eventLog, clock, catalogues, observers, settings, CreationGate.unlimited());
    }

    public AuctionHouse(
            AuctionEventLog eventLog,
            Clock clock,
            CatalogueRepository catalogues,
            List<AuctionObserver> observers,
            Settings settings,
            CreationGate gate) {
        this.gate = gate;
        this.eventLog = eventLog;
        this.clock = clock;
        this.observers = List.copyOf(observers);
        this.writeTimeout = settings.writeTimeout();
        this.setups = new AuctionSetups(
                catalogues,
                new AuctionSetups.Defaults(settings.bidWindow(), settings.acceleratedWindow(), settings.rtmWindow()));
        long tickMillis = Math.max(1, settings.tick().toMillis());
        ticker.scheduleWithFixedDelay(this::tickAll, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Rebuilds every auction from the log. An unfinished auction with a lot open gets a fresh window on that lot: the
     * time the house was down is nobody's fault, and no player should be sold while no one could see him.
     */
    public void recover() {
        Map<String, List<AuctionEvent>> history = eventLog.readAll();
        int unfinished = 0;
        for (var entry : history.entrySet()) {
            Auction auction;
            try {
                auction = Auction.replay(entry.getKey(), entry.getValue(), clock);
            } catch (RuntimeException e) {
                log.error(
                        "auction {} could not be rebuilt from its {} events; it is left out",
                        entry.getKey(),
                        entry.getValue().size(),
                        e);
                continue;
            }
            Managed managed = new Managed(auction);
            if (auction.phase() != Phase.COMPLETED) {
                unfinished++;
                await(auction.code(), write(managed, auction.restartClock()));
            }
            auctions.put(auction.code(), managed);
        }
        log.info("rebuilt {} auctions from the event log, {} unfinished", history.size(), unfinished);
    }

    // ---- creating and seats ----

    /** Creates an auction for a client (its remote address), within the client's creation rate and the live cap. */
    public Created create(CreateAuction request, String client) {
        gate.admitClient(client);
        return create(request);
    }

    /** Creates an auction within the cap on unfinished auctions. */
    public Created create(CreateAuction request) {
        String code;
        do {
            code = AuctionCode.newCode();
        } while (auctions.containsKey(code));
        return create(code, request, Tokens.newToken(), true);
    }

    /** Creates the auction with this code unless it exists already (then nothing changes, and the answer is empty). */
    public Optional<Created> createIfAbsent(String code, CreateAuction request, String hostToken) {
        String normalised = AuctionCode.normalise(code);
        if (auctions.containsKey(normalised)) {
            return Optional.empty();
        }
        // The operator's own auction: not counted against the cap.
        return Optional.of(create(normalised, request, hostToken, false));
    }

    private Created create(String code, CreateAuction request, String hostToken, boolean capped) {
        AuctionSetup setup = setups.build(request);
        Auction.Change<Auction> created = Auction.create(code, setup, Tokens.hash(hostToken), clock);
        Managed managed = new Managed(created.value());
        // Counting and adding under one lock, so concurrent creations cannot all slip under the cap.
        synchronized (creating) {
            if (capped) {
                gate.admitLive(liveAuctions());
            }
            if (auctions.putIfAbsent(code, managed) != null) {
                throw new IllegalStateException("auction " + code + " already exists");
            }
        }
        CompletableFuture<Void> written;
        managed.lock.lock();
        try {
            written = write(managed, created.events());
        } finally {
            managed.lock.unlock();
        }
        try {
            await(code, written);
        } catch (EventLogUnavailable e) {
            auctions.remove(code, managed);
            throw e;
        }
        log.info(
                "auction {} created: {} players, {} franchises",
                code,
                setup.pool().size(),
                setup.franchises().size());
        return new Created(code, hostToken);
    }

    /**
     * Takes a franchise's seat. With the token that already holds it, the seat is simply taken again (a reconnect or
     * a restart); with no token a new one is made. Returns the token that now holds the seat.
     */
    public String claimSeat(String code, Franchise franchise, String existingToken) {
        String token = existingToken == null || existingToken.isBlank() ? Tokens.newToken() : existingToken;
        String hash = Tokens.hash(token);
        run(code, a -> a.claimSeat(franchise, hash));
        return token;
    }

    /**
     * The host holds a seat for a person: the seat is taken with a new token that only the host knows, and the host
     * hands it on as an invitation; the person takes the seat again with it, and nobody else can take it meanwhile.
     * Returns the invitation (the seat's token).
     */
    public String invite(String code, String hostToken, Franchise franchise) {
        String token = Tokens.newToken();
        run(code, a -> {
            requireHost(a, hostToken);
            return a.claimSeat(franchise, Tokens.hash(token));
        });
        return token;
    }

    /** The host frees a seat, whoever holds it (a stranger who took a seat meant for someone else). */
    public void freeSeat(String code, String hostToken, Franchise franchise) {
        run(code, a -> {
            requireHost(a, hostToken);
            return a.releaseSeat(franchise);
        });
    }

    public void releaseSeat(String code, String seatToken) {
        run(code, a -> a.releaseSeat(seatOf(a, seatToken)));
    }

    // ---- bidding ----

    public BidReceipt bid(String code, String seatToken, Franchise franchise, int lot, Lakh amount) {
        Auction.Outcome outcome = runStep(code, a -> {
            requireSeat(a, seatToken, franchise);
            Auction.Outcome o = a.bid(franchise, lot, amount);
            return new Step<>(o.events(), o);
        });
        if (!outcome.accepted()) {
            throw outcome.refusal();
        }
        var accepted = (AuctionEvent.BidAccepted) outcome.events().getFirst();
        return new BidReceipt(accepted.lot(), accepted.amount(), accepted.closesAt(), accepted.seq());
    }

    public void rtm(String code, String seatToken, Franchise franchise, RtmAction action, Lakh amount) {
        run(code, a -> {
            requireSeat(a, seatToken, franchise);
            return switch (action) {
                case MATCH -> a.rtmMatch(franchise);
                case DECLINE -> a.rtmDecline(franchise);
                case NO_RAISE -> a.rtmNoRaise(franchise);
                case RAISE -> {
                    if (amount == null) {
                        throw new IllegalArgumentException("a raise needs an amount");
                    }
                    yield a.rtmRaise(franchise, amount);
                }
            };
        });
    }

    // ---- the host ----

    public void host(String code, String hostToken, HostAction action) {
        run(code, a -> {
            requireHost(a, hostToken);
            return switch (action) {
                case START -> a.start();
                case PAUSE -> a.pause();
                case RESUME -> a.resume();
                case SKIP -> a.skip();
                case END -> a.end();
            };
        });
    }

    // ---- reading ----

    public AuctionView view(String code) {
        return read(code, a -> AuctionView.of(a, clock.instant()));
    }

    public List<AuctionView.SquadView> squads(String code) {
        return read(code, AuctionView::squads);
    }

    /** Every lot done so far, in order. */
    public List<AuctionView.ResultView> results(String code) {
        return read(code, a -> a.results().stream().map(AuctionView::result).toList());
    }

    /** The players still to come: the rest of this round, then those waiting for the accelerated round. */
    public List<Player> pool(String code) {
        return read(code, a -> {
            List<Player> players = new ArrayList<>(a.upcoming());
            players.addAll(a.unsold());
            return players;
        });
    }

    public Optional<Franchise> seatOf(String code, String seatToken) {
        if (seatToken == null || seatToken.isBlank()) {
            return Optional.empty();
        }
        return read(code, a -> a.seatOf(Tokens.hash(seatToken)));
    }

    public boolean isHost(String code, String hostToken) {
        return hostToken != null && read(code, a -> a.isHost(Tokens.hash(hostToken)));
    }

    /** How many auctions are not completed yet (the ones the cap on creation counts). */
    public long liveAuctions() {
        return auctions.values().stream()
                .filter(m -> m.auction.phase() != Phase.COMPLETED)
                .count();
    }

    /** Every auction in the house, ordered by code. */
    public List<AuctionView> list() {
        return auctions.keySet().stream()
                .sorted(Comparator.naturalOrder())
                .map(this::view)
                .toList();
    }

    // ---- the clock ----

    private void tickAll() {
        Instant now = clock.instant();
        for (Managed managed : auctions.values()) {
            Optional<Instant> deadline = managed.auction.nextDeadline();
            if (deadline.isEmpty() || now.isBefore(deadline.get())) {
                continue;
            }
            try {
                CompletableFuture<Void> written;
                managed.lock.lock();
                try {
                    written = write(managed, managed.auction.tick());
                } finally {
                    managed.lock.unlock();
                }
                written.exceptionally(e -> {
                    reloadAfterFailedWrite(managed, e);
                    return null;
                });
            } catch (RuntimeException e) {
                log.error("the clock of auction {} failed", managed.auction.code(), e);
            }
        }
    }

    // ---- running commands ----

    /** What a command produced: its events and the value to answer with. */
    private record Step<T>(List<AuctionEvent> events, T value) {}

    private void run(String code, Function<Auction, List<AuctionEvent>> command) {
        runStep(code, a -> new Step<>(command.apply(a), null));
    }

    private <T> T runStep(String code, StepCommand<T> command) {
        Managed managed = find(code);
        CompletableFuture<Void> written;
        T value;
        managed.lock.lock();
        try {
            Step<T> step = command.apply(managed.auction);
            value = step.value();
            written = write(managed, step.events());
        } finally {
            managed.lock.unlock();
        }
        try {
            await(code, written);
        } catch (EventLogUnavailable e) {
            reloadAfterFailedWrite(managed, e);
            throw e;
        }
        return value;
    }

    @FunctionalInterface
    private interface StepCommand<T> {
        Step<T> apply(Auction auction);
    }

    /** Hands events to the log (under the auction's lock, so the log keeps the rules' order) and schedules the push. */
    private CompletableFuture<Void> write(Managed managed, List<AuctionEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Auction auction = managed.auction;
        CompletableFuture<Void> written = eventLog.append(auction.code(), events);
        if (observers.stream().anyMatch(o -> o.watching(auction.code()))) {
            AuctionView snapshot = AuctionView.of(auction, clock.instant());
            written.thenRunAsync(() -> notifyObservers(snapshot), broadcaster);
        }
        return written;
    }

    private void notifyObservers(AuctionView snapshot) {
        for (AuctionObserver observer : observers) {
            try {
                observer.changed(snapshot);
            } catch (RuntimeException e) {
                log.warn("observer {} failed on auction {}", observer, snapshot.code(), e);
            }
        }
    }

    private void await(String code, CompletableFuture<Void> written) {
        try {
            written.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogUnavailable("interrupted while writing auction " + code + " to the event log", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventLogUnavailable(
                    "the event log did not confirm the change to auction " + code + " within " + writeTimeout, e);
        }
    }

    /** Memory ran ahead of the log: take the log's word for what happened. */
    private void reloadAfterFailedWrite(Managed managed, Throwable cause) {
        String code = managed.auction.code();
        log.error("writing auction {} to the event log failed; reloading it from the log", code, cause);
        managed.lock.lock();
        try {
            List<AuctionEvent> events = eventLog.readAll().getOrDefault(code, List.of());
            if (events.isEmpty()) {
                auctions.remove(code, managed);
                return;
            }
            managed.auction = Auction.replay(code, events, clock);
        } catch (RuntimeException e) {
            log.error("auction {} could not be reloaded from the event log", code, e);
        } finally {
            managed.lock.unlock();
        }
    }

    private <T> T read(String code, Function<Auction, T> reader) {
        Managed managed = find(code);
        managed.lock.lock();
        try {
            return reader.apply(managed.auction);
        } finally {
            managed.lock.unlock();
        }
    }

    private Managed find(String code) {
        Managed managed = code == null ? null : auctions.get(code);
        if (managed == null) {
            throw new AuctionNotFound(code);
        }
        return managed;
    }

    private static void requireHost(Auction auction, String hostToken) {
        if (hostToken == null || !auction.isHost(Tokens.hash(hostToken))) {
            throw new AuctionRefusal(
                    RefusalReason.NOT_HOST, "only the host of auction " + auction.code() + " may do that");
        }
    }

    private static void requireSeat(Auction auction, String seatToken, Franchise franchise) {
        Franchise holder = seatOf(auction, seatToken);
        if (holder != franchise) {
            throw new AuctionRefusal(
                    RefusalReason.NOT_YOUR_SEAT,
                    "this seat token holds " + holder + "'s seat, not " + franchise + "'s");
        }
    }

    private static Franchise seatOf(Auction auction, String seatToken) {
        if (seatToken == null || seatToken.isBlank()) {
            throw new AuctionRefusal(RefusalReason.NOT_YOUR_SEAT, "a seat token is needed; take a seat first");
        }
        return auction.seatOf(Tokens.hash(seatToken))
                .orElseThrow(() -> new AuctionRefusal(
                        RefusalReason.NOT_YOUR_SEAT, "this seat token holds no seat in auction " + auction.code()));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        broadcaster.shutdown();
        try {
            broadcaster.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
