package dev.iplauction.auction.house;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.rules.Auction;
import dev.iplauction.auction.rules.AuctionRefusal;
import dev.iplauction.auction.rules.Phase;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
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
    /** Reloads auctions after failed writes: off the writer's thread and the clock's, one reload at a time. */
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("auction-reload").daemon(true).factory());

    private static final Duration RELOAD_FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration RELOAD_MAX_PAUSE = Duration.ofSeconds(5);
    /** Reloader thread only. */
    private Duration reloadBackoff = RELOAD_FIRST_PAUSE;
    /** How long a caller whose write failed waits for the reload that tells whether it happened. */
    private final Duration outcomeTimeout;
    /**
     * Finished auctions, oldest finish first. Past {@link Settings#finishedKept()} the oldest leave memory (the event
     * log and report-service keep them), so creating and ending auctions cannot grow the house without bound.
     */
    private final java.util.Queue<Managed> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final int finishedKept;
    /** Codes of auctions that left memory, newest last, so a late visitor hears why (bounded). Under {@link #creating}. */
    private final java.util.LinkedHashSet<String> forgotten = new java.util.LinkedHashSet<>();

    private static final int FORGOTTEN_REMEMBERED = 10_000;

    /** One auction and the lock that serialises everything done to it. */
    private static final class Managed {
        final ReentrantLock lock = new ReentrantLock();
        final String code;
        Auction auction;
        /**
         * Why commands are refused (a write failed: memory may be ahead of the log), or null. Written under the lock;
         * volatile for the lock-free readers (health, {@link #reloading()}).
         */
        volatile String readOnly;
        /** The rebuild could not apply all of the auction's records: it stays read-only until a restart. */
        volatile String damaged;
        /** Completes with the auction's logged events once the pending reload is done. Under the lock. */
        CompletableFuture<List<AuctionEvent>> reloaded;
        /** The highest sequence number the log has confirmed: a reload must not come back with less. */
        final AtomicLong confirmedSeq = new AtomicLong();
        /** Whether it is in the house's queue of finished auctions. Under the lock. */
        boolean queuedAsFinished;

        Managed(Auction auction) {
            this.code = auction.code();
            this.auction = auction;
        }
    }

    /** The answer to a create: the code to share and the host's token to keep. */
    public record Created(String code, String hostToken) {}

    /** An accepted bid: the lot, the amount, and when the clock now runs out. */
    public record BidReceipt(int lot, Lakh amount, Instant closesAt, long seq) {}

    /**
     * @param outcomeTimeout how long a caller whose write failed waits for the reload that says whether it happened
     */
    public record Settings(
            Duration bidWindow,
            Duration acceleratedWindow,
            Duration rtmWindow,
            Duration writeTimeout,
            Duration tick,
            Duration outcomeTimeout,
            int finishedKept) {

        /** How many finished auctions the house keeps in memory unless told otherwise. */
        public static final int DEFAULT_FINISHED_KEPT = 200;

        public Settings {
            if (finishedKept < 0) {
                throw new IllegalArgumentException("finished auctions kept must be 0 or more, was " + finishedKept);
            }
        }

        public Settings(
                Duration bidWindow,
                Duration acceleratedWindow,
                Duration rtmWindow,
                Duration writeTimeout,
                Duration tick,
                Duration outcomeTimeout) {
            this(bidWindow, acceleratedWindow, rtmWindow, writeTimeout, tick, outcomeTimeout, DEFAULT_FINISHED_KEPT);
        }

        public Settings(
                Duration bidWindow,
                Duration acceleratedWindow,
                Duration rtmWindow,
                Duration writeTimeout,
                Duration tick) {
            this(bidWindow, acceleratedWindow, rtmWindow, writeTimeout, tick, Duration.ofSeconds(30));
        }
    }

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
        this.outcomeTimeout = settings.outcomeTimeout();
        this.finishedKept = settings.finishedKept();
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
            Rebuilt rebuilt = rebuild(entry.getKey(), entry.getValue());
            if (rebuilt.auction() == null) {
                continue;
            }
            Managed managed = new Managed(rebuilt.auction());
            managed.confirmedSeq.set(rebuilt.auction().seq());
            managed.damaged = rebuilt.damage();
            auctions.put(managed.code, managed);
            noteIfFinished(managed);
            if (managed.damaged == null && rebuilt.auction().phase() != Phase.COMPLETED) {
                unfinished++;
                managed.lock.lock();
                try {
                    afterWrite(managed, write(managed, managed.auction.restartClock()));
                } finally {
                    managed.lock.unlock();
                }
            }
        }
        int rebuiltCount = auctions.size();
        synchronized (creating) {
            forgetOldestFinished();
        }
        log.info(
                "rebuilt {} auctions from the event log, {} unfinished, {} damaged; {} finished ones kept in memory",
                rebuiltCount,
                unfinished,
                damaged().size(),
                finished.size());
    }

    /** What a rebuild made of one auction's records: the auction (null if none could be made) and any damage. */
    private record Rebuilt(Auction auction, String damage) {}

    /**
     * Rebuilds one auction from its records, never dropping it silently. A record repeating a sequence number with
     * different content is dead-lettered (the first one is what was confirmed); a record that cannot be applied is
     * dead-lettered with every later one, and the auction loads from the records before it, marked damaged.
     */
    private Rebuilt rebuild(String code, List<AuctionEvent> records) {
        List<AuctionEvent> events = new ArrayList<>(records.size());
        Map<Long, AuctionEvent> bySeq = new HashMap<>();
        for (AuctionEvent event : records) {
            AuctionEvent first = bySeq.putIfAbsent(event.seq(), event);
            if (first == null) {
                events.add(event);
            } else if (!sameEvent(first, event)) {
                String reason = "auction " + code + " has two different records with sequence number " + event.seq()
                        + "; the first is kept";
                log.error("{}: dead-lettering {}", reason, event);
                eventLog.deadLetter(event, reason);
            }
        }
        events.sort(Comparator.comparingLong(AuctionEvent::seq));
        try {
            return new Rebuilt(Auction.replay(code, events, clock), null);
        } catch (RuntimeException failure) {
            // The longest prefix that applies (a replay that fails on n records fails on every longer list).
            int good = 0;
            int bad = events.size();
            while (bad - good > 1) {
                int middle = (good + bad) >>> 1;
                if (replays(code, events.subList(0, middle))) {
                    good = middle;
                } else {
                    bad = middle;
                }
            }
            String damage = "record " + events.get(good).seq() + " of auction " + code + " cannot be applied ("
                    + failure.getMessage() + "); " + (events.size() - good) + " records dead-lettered";
            log.error("auction {} is damaged: {}", code, damage, failure);
            for (AuctionEvent event : events.subList(good, events.size())) {
                eventLog.deadLetter(event, damage);
            }
            if (good == 0) {
                log.error("auction {} has no record that applies; it cannot be loaded", code);
                return new Rebuilt(null, damage);
            }
            return new Rebuilt(Auction.replay(code, events.subList(0, good), clock), damage);
        }
    }

    private boolean replays(String code, List<AuctionEvent> events) {
        try {
            Auction.replay(code, events, clock);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean sameEvent(AuctionEvent a, AuctionEvent b) {
        return a.equals(b)
                || Arrays.equals(
                        EventJson.mapper().writeValueAsBytes(a),
                        EventJson.mapper().writeValueAsBytes(b));
    }

    /** Auctions the rebuild could not load whole, with what is wrong: read-only, shown in health. */
    public Map<String, String> damaged() {
        Map<String, String> damaged = new TreeMap<>();
        auctions.values().stream().filter(m -> m.damaged != null).forEach(m -> damaged.put(m.code, m.damaged));
        return damaged;
    }

    /** Auctions read-only until they are reloaded from the log after a failed write, with the reason. */
    public Map<String, String> reloading() {
        Map<String, String> reloading = new TreeMap<>();
        auctions.values().stream().filter(m -> m.readOnly != null).forEach(m -> reloading.put(m.code, m.readOnly));
        return reloading;
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
            forgotten.remove(code);
            // Only a creation adds an auction, so trimming here keeps the house within live cap + finished kept.
            forgetOldestFinished();
        }
        CompletableFuture<Void> written;
        managed.lock.lock();
        try {
            written = write(managed, created.events());
        } finally {
            managed.lock.unlock();
        }
        try {
            settle(managed, created.events(), written);
        } catch (EventTooLarge | EventLogUnavailable e) {
            if (!(e instanceof EventLogUnavailable.OutcomeUnknown)) {
                // Not in the log, so not in the house either: no phantom auction.
                auctions.remove(code, managed);
            }
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

    /** A player of this auction, on its list or in a franchise's retained squad, by catalogue id. */
    public Optional<Player> player(String code, String playerId) {
        return read(
                code,
                a -> Stream.concat(
                                a.setup().pool().stream(),
                                a.setup().franchises().stream()
                                        .flatMap(f -> f.retained().stream())
                                        .map(SquadPlayer::player))
                        .filter(p -> p.id().equals(playerId))
                        .findFirst());
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

    /** Runs on the clock thread; nothing may escape it, or the scheduler stops calling it and every clock stops. */
    private void tickAll() {
        try {
            Instant now = clock.instant();
            for (Managed managed : auctions.values()) {
                tick(managed, now);
            }
        } catch (RuntimeException | Error e) {
            log.error("the auction clock failed; it carries on", e);
        }
    }

    private void tick(Managed managed, Instant now) {
        try {
            CompletableFuture<Void> written;
            managed.lock.lock();
            try {
                if (managed.readOnly != null || managed.damaged != null) {
                    return;
                }
                Optional<Instant> deadline = managed.auction.nextDeadline();
                if (deadline.isEmpty() || now.isBefore(deadline.get())) {
                    return;
                }
                written = write(managed, managed.auction.tick());
            } finally {
                managed.lock.unlock();
            }
            afterWrite(managed, written);
        } catch (RuntimeException e) {
            log.error("the clock of auction {} failed", managed.code, e);
            markReadOnly(managed, "its clock failed: " + e);
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
        List<AuctionEvent> events;
        T value;
        managed.lock.lock();
        try {
            requireWritable(managed);
            Step<T> step = command.apply(managed.auction);
            value = step.value();
            events = step.events();
            written = write(managed, events);
        } finally {
            managed.lock.unlock();
        }
        settle(managed, events, written);
        return value;
    }

    @FunctionalInterface
    private interface StepCommand<T> {
        Step<T> apply(Auction auction);
    }

    /**
     * Hands events to the log (under the auction's lock, so the log keeps the rules' order) and schedules the push.
     * Never throws: a failure of the log comes back in the future.
     */
    private CompletableFuture<Void> write(Managed managed, List<AuctionEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Auction auction = managed.auction;
        CompletableFuture<Void> written;
        try {
            written = eventLog.append(auction.code(), events);
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        long last = events.getLast().seq();
        written.thenRun(() -> managed.confirmedSeq.accumulateAndGet(last, Math::max));
        noteIfFinished(managed);
        try {
            if (observers.stream().anyMatch(o -> o.watching(auction.code()))) {
                AuctionView snapshot = AuctionView.of(auction, clock.instant());
                written.thenRunAsync(() -> notifyObservers(snapshot), broadcaster);
            }
        } catch (RuntimeException e) {
            log.warn("could not schedule the live update of auction {}", auction.code(), e);
        }
        return written;
    }

    /** A write nobody waits for (the clock, a restart): if it fails, the auction is reloaded off the writer's thread. */
    private void afterWrite(Managed managed, CompletableFuture<Void> written) {
        written.whenCompleteAsync(
                (ok, failure) -> {
                    if (failure != null) {
                        markReadOnly(managed, "a write to the event log failed: " + rootMessage(failure));
                    }
                },
                reloader);
    }

    /**
     * Waits for the log to settle a command's events. If it did not take them, the auction goes read-only and is
     * reloaded; the caller is answered by what the reloaded log says: the events are there (the change happened after
     * all) or not (503, it did not happen); if the reload takes too long, the outcome is unknown (504).
     */
    private void settle(Managed managed, List<AuctionEvent> events, CompletableFuture<Void> written) {
        if (events.isEmpty()) {
            return;
        }
        Throwable failure;
        try {
            written.get(writeTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            failure = e;
        }
        if (failure instanceof EventTooLarge tooLarge) {
            // Refused before Kafka saw it: nothing was written, but memory has the change; take the log's word.
            markReadOnly(managed, "a change was too large for the event log");
            throw tooLarge;
        }
        CompletableFuture<List<AuctionEvent>> reloaded = markReadOnly(managed, rootMessage(failure));
        List<AuctionEvent> logged;
        try {
            logged = reloaded.get(outcomeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogUnavailable.OutcomeUnknown(unknown(managed), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventLogUnavailable.OutcomeUnknown(unknown(managed), failure);
        }
        AuctionEvent first = events.getFirst();
        boolean landed = logged.stream().anyMatch(e -> e.seq() == first.seq() && sameEvent(e, first));
        if (landed) {
            log.info("change {} of auction {} was in the log after all", first.seq(), managed.code);
            return;
        }
        throw new EventLogUnavailable(
                "the event log did not take the change to auction " + managed.code + " (" + rootMessage(failure)
                        + "); it did not happen, try again",
                failure);
    }

    private String unknown(Managed managed) {
        return "the event log did not settle the change to auction " + managed.code + " within "
                + outcomeTimeout.toSeconds() + " s; whether it happened shows in the auction's state once the log is"
                + " back";
    }

    private void requireWritable(Managed managed) {
        if (managed.damaged != null) {
            throw new EventLogUnavailable(
                    "auction " + managed.code + " is damaged and read-only: " + managed.damaged, null);
        }
        if (managed.readOnly != null) {
            throw new EventLogUnavailable(
                    "auction " + managed.code + " is read-only until it has been reloaded from the event log ("
                            + managed.readOnly + ")",
                    null);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /**
     * Memory may be ahead of the log: refuse commands on this auction until it has been reloaded. Returns the future
     * of that reload (one per outage, shared by every caller waiting on it).
     */
    private CompletableFuture<List<AuctionEvent>> markReadOnly(Managed managed, String reason) {
        CompletableFuture<List<AuctionEvent>> reloaded;
        managed.lock.lock();
        try {
            if (managed.readOnly == null) {
                log.error(
                        "writing auction {} to the event log failed ({}); it is read-only until reloaded",
                        managed.code,
                        reason);
                managed.readOnly = reason;
                managed.reloaded = new CompletableFuture<>();
            }
            reloaded = managed.reloaded;
        } finally {
            managed.lock.unlock();
        }
        scheduleReload(0);
        return reloaded;
    }

    private void scheduleReload(long delayMillis) {
        try {
            reloader.schedule(this::reloadPending, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            log.debug("not reloading: the house is closing");
        }
    }

    /**
     * Reloads every read-only auction from the log, on the reloader thread (never the producer's, never under a lock
     * while reading). While the log cannot be read, tries again with a growing pause.
     */
    private void reloadPending() {
        List<Managed> pending =
                auctions.values().stream().filter(m -> m.readOnly != null).toList();
        if (pending.isEmpty()) {
            return;
        }
        Map<String, List<AuctionEvent>> history;
        try {
            history = eventLog.readAll();
        } catch (RuntimeException e) {
            retryReload(pending.size(), e);
            return;
        }
        boolean behind = false;
        for (Managed managed : pending) {
            List<AuctionEvent> events = history.getOrDefault(managed.code, List.of());
            Rebuilt rebuilt = events.isEmpty() ? new Rebuilt(null, null) : rebuild(managed.code, events);
            long loaded = rebuilt.auction() == null ? 0 : rebuilt.auction().seq();
            if (loaded < managed.confirmedSeq.get()) {
                // The read missed something the log confirmed: never go back behind it; read again.
                log.warn(
                        "auction {} reloaded at {} but the log confirmed {}; reading again",
                        managed.code,
                        loaded,
                        managed.confirmedSeq.get());
                behind = true;
                continue;
            }
            CompletableFuture<List<AuctionEvent>> done;
            managed.lock.lock();
            try {
                done = managed.reloaded;
                managed.reloaded = null;
                managed.readOnly = null;
                if (rebuilt.auction() == null) {
                    // Its creation never reached the log: it never existed.
                    auctions.remove(managed.code, managed);
                } else {
                    managed.auction = rebuilt.auction();
                    managed.damaged = rebuilt.damage();
                    if (managed.damaged == null) {
                        // The time the log was away is nobody's fault: the open lot gets a fresh window.
                        afterWrite(managed, write(managed, managed.auction.restartClock()));
                    }
                }
            } finally {
                managed.lock.unlock();
            }
            log.info("auction {} reloaded from the event log at change {}", managed.code, loaded);
            if (done != null) {
                done.complete(events);
            }
        }
        reloadBackoff = RELOAD_FIRST_PAUSE;
        if (behind) {
            scheduleReload(RELOAD_FIRST_PAUSE.toMillis());
        }
    }

    private void retryReload(int waiting, RuntimeException cause) {
        Duration pause = reloadBackoff;
        reloadBackoff =
                pause.multipliedBy(2).compareTo(RELOAD_MAX_PAUSE) > 0 ? RELOAD_MAX_PAUSE : pause.multipliedBy(2);
        log.warn(
                "{} auctions wait for the event log to reload them ({}); trying again in {} ms",
                waiting,
                rootMessage(cause),
                pause.toMillis());
        scheduleReload(pause.toMillis());
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
            boolean wasHere;
            synchronized (creating) {
                wasHere = forgotten.contains(code);
            }
            throw new AuctionNotFound(code, wasHere);
        }
        return managed;
    }

    /** Queues an auction that has just finished. Caller holds its lock (or is rebuilding it alone). */
    private void noteIfFinished(Managed managed) {
        if (!managed.queuedAsFinished && managed.auction.phase() == Phase.COMPLETED) {
            managed.queuedAsFinished = true;
            finished.add(managed);
        }
    }

    /**
     * Drops the oldest finished auctions from memory until at most {@link #finishedKept} remain. Only an auction whose
     * finish the log has confirmed leaves; one still settling is looked at again next time. Caller holds {@link
     * #creating}.
     */
    private void forgetOldestFinished() {
        int waiting = finished.size();
        while (finished.size() > finishedKept && waiting-- > 0) {
            Managed oldest = finished.poll();
            if (oldest == null) {
                return;
            }
            boolean settled;
            oldest.lock.lock();
            try {
                settled = oldest.readOnly == null
                        && oldest.auction.phase() == Phase.COMPLETED
                        && oldest.confirmedSeq.get() >= oldest.auction.seq();
                if (!settled) {
                    oldest.queuedAsFinished = oldest.auction.phase() == Phase.COMPLETED;
                }
            } finally {
                oldest.lock.unlock();
            }
            if (!settled) {
                if (oldest.queuedAsFinished) {
                    finished.add(oldest);
                }
                continue;
            }
            auctions.remove(oldest.code, oldest);
            forgotten.add(oldest.code);
            if (forgotten.size() > FORGOTTEN_REMEMBERED) {
                forgotten.remove(forgotten.iterator().next());
            }
        }
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
        reloader.shutdownNow();
        broadcaster.shutdown();
        try {
            broadcaster.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
