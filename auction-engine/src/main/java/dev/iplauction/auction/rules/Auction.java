package dev.iplauction.auction.rules;

import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionEvent.AcceleratedRoundStarted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCompleted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCreated;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionPaused;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionResumed;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionStarted;
import dev.iplauction.contracts.auction.AuctionEvent.BidAccepted;
import dev.iplauction.contracts.auction.AuctionEvent.BidRefused;
import dev.iplauction.contracts.auction.AuctionEvent.CompletionReason;
import dev.iplauction.contracts.auction.AuctionEvent.FranchiseResult;
import dev.iplauction.contracts.auction.AuctionEvent.LotClockRestarted;
import dev.iplauction.contracts.auction.AuctionEvent.LotOpened;
import dev.iplauction.contracts.auction.AuctionEvent.LotSold;
import dev.iplauction.contracts.auction.AuctionEvent.LotUnsold;
import dev.iplauction.contracts.auction.AuctionEvent.RtmDeclined;
import dev.iplauction.contracts.auction.AuctionEvent.RtmMatched;
import dev.iplauction.contracts.auction.AuctionEvent.RtmOffered;
import dev.iplauction.contracts.auction.AuctionEvent.RtmRaised;
import dev.iplauction.contracts.auction.AuctionEvent.SeatClaimed;
import dev.iplauction.contracts.auction.AuctionEvent.SeatReleased;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.Round;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One auction and every rule of the repository's docs/auction-rules.md, as plain Java.
 *
 * <p>Event-sourced: a command checks the rules against the current state and returns the events it caused, already
 * applied; {@link #replay} rebuilds the same state from those events alone. The only source of time is the injected
 * clock, read by commands; {@link #apply} never reads it, so a replay is deterministic.
 *
 * <p>Not thread-safe: the caller serialises access to one auction.
 */
public final class Auction {

    private final Clock clock;
    private final String code;
    private AuctionSetup setup;
    private String hostTokenHash;
    private final Map<Franchise, Standing> standings = new EnumMap<>(Franchise.class);
    private final Map<Franchise, String> seatTokenHashes = new EnumMap<>(Franchise.class);
    private final Deque<Player> queue = new ArrayDeque<>();
    private final List<Player> unsold = new ArrayList<>();
    private final List<LotResult> results = new ArrayList<>();
    private Phase phase = Phase.LOBBY;
    private Round round = Round.MAIN;
    private Lot lot;
    private Duration remainingAtPause;
    private int lotsOpened;
    private long seq;
    private CompletionReason completionReason;

    private Auction(String code, Clock clock) {
        this.code = Objects.requireNonNull(code, "code");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new auction in the lobby; its first event is {@link AuctionCreated}. */
    public static Change<Auction> create(String code, AuctionSetup setup, String hostTokenHash, Clock clock) {
        validate(setup);
        Auction auction = new Auction(code, clock);
        List<AuctionEvent> events = new ArrayList<>();
        auction.emit(events, new AuctionCreated(code, 1, clock.instant(), setup, hostTokenHash));
        return new Change<>(auction, events);
    }

    /** The auction as its events left it. Events at or below the sequence already applied are skipped as duplicates. */
    public static Auction replay(String code, Collection<AuctionEvent> events, Clock clock) {
        Auction auction = new Auction(code, clock);
        for (AuctionEvent event : events) {
            if (event.seq() > auction.seq) {
                auction.apply(event);
            }
        }
        if (auction.setup == null) {
            throw new IllegalStateException("auction " + code + " has no AuctionCreated event");
        }
        return auction;
    }

    private static void validate(AuctionSetup setup) {
        if (setup.pool().isEmpty()) {
            throw new IllegalArgumentException("an auction needs at least one player in its pool");
        }
        if (setup.bidWindowMillis() <= 0 || setup.acceleratedWindowMillis() <= 0 || setup.rtmWindowMillis() <= 0) {
            throw new IllegalArgumentException("every clock window must be longer than zero");
        }
        List<String> playerIds = Stream.concat(
                        setup.pool().stream(),
                        setup.franchises().stream()
                                .flatMap(f -> f.retained().stream())
                                .map(SquadPlayer::player))
                .map(Player::id)
                .toList();
        if (playerIds.stream().distinct().count() != playerIds.size()) {
            throw new IllegalArgumentException("a player appears twice in the pool or the retained squads");
        }
        if (setup.franchises().stream()
                        .map(FranchiseSetup::franchise)
                        .distinct()
                        .count()
                != setup.franchises().size()) {
            throw new IllegalArgumentException("a franchise appears twice in the setup");
        }
        if (setup.franchises().isEmpty()) {
            throw new IllegalArgumentException("an auction needs at least one franchise");
        }
        Lakh floor = setup.squadRules().minBasePrice();
        setup.pool().stream()
                .filter(p -> p.basePrice().isLessThan(floor))
                .findFirst()
                .ifPresent(p -> {
                    throw new IllegalArgumentException(p.name() + "'s base price "
                            + p.basePrice().display() + " is below the auction's lowest base price " + floor.display());
                });
        for (FranchiseSetup f : setup.franchises()) {
            if (f.rtmCards() < 0) {
                throw new IllegalArgumentException(f.franchise() + " cannot have a negative number of RTM cards");
            }
            long overseas =
                    f.retained().stream().filter(p -> p.player().overseas()).count();
            if (f.retained().size() > setup.squadRules().maxSquad()
                    || overseas > setup.squadRules().maxOverseas()) {
                throw new IllegalArgumentException(
                        f.franchise() + "'s retained players break the squad limits of the auction");
            }
        }
    }

    // ---- reading ----

    public String code() {
        return code;
    }

    public AuctionSetup setup() {
        return setup;
    }

    public Phase phase() {
        return phase;
    }

    public Round round() {
        return round;
    }

    public long seq() {
        return seq;
    }

    /** The lot on the block, if any. */
    public Optional<Lot> lot() {
        return Optional.ofNullable(lot);
    }

    public Standing standing(Franchise franchise) {
        Standing standing = standings.get(franchise);
        if (standing == null) {
            throw new IllegalArgumentException(franchise + " is not in auction " + code);
        }
        return standing;
    }

    /** The franchises taking part, in their natural order. */
    public List<Franchise> franchises() {
        return List.copyOf(standings.keySet());
    }

    public boolean seatTaken(Franchise franchise) {
        return seatTokenHashes.containsKey(franchise);
    }

    /** The franchise whose seat this token hash holds, if any. */
    public Optional<Franchise> seatOf(String tokenHash) {
        // A loop, not a stream: every bid asks, and the stream's setup was 2 % of a bid's CPU in bench-bids.
        for (Map.Entry<Franchise, String> seat : seatTokenHashes.entrySet()) {
            if (seat.getValue().equals(tokenHash)) {
                return Optional.of(seat.getKey());
            }
        }
        return Optional.empty();
    }

    public boolean isHost(String tokenHash) {
        return hostTokenHash != null && hostTokenHash.equals(tokenHash);
    }

    /** Lots done, oldest first. */
    public List<LotResult> results() {
        return List.copyOf(results);
    }

    /** Players still to come in the current round, in order (the lot on the block not included). */
    public List<Player> upcoming() {
        return List.copyOf(queue);
    }

    /** Players unsold in the main round, waiting for the accelerated round. */
    public List<Player> unsold() {
        return List.copyOf(unsold);
    }

    /** Why the auction ended, once it has. */
    public Optional<CompletionReason> completionReason() {
        return Optional.ofNullable(completionReason);
    }

    /** Time left on the clock of the open lot (frozen while paused). */
    public Duration remaining() {
        if (lot == null) {
            return Duration.ZERO;
        }
        if (phase == Phase.PAUSED) {
            return remainingAtPause;
        }
        Duration left = Duration.between(clock.instant(), lot.closesAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The most the franchise may bid now on any player, keeping the reserve. */
    public Lakh maxBid(Franchise franchise) {
        Standing s = standing(franchise);
        if (s.squadSize() >= rules().maxSquad()) {
            return Lakh.ZERO;
        }
        return BiddingRules.maxBid(rules(), s.purse(), s.squadSize());
    }

    public SquadRules rules() {
        return setup.squadRules();
    }

    // ---- seats ----

    public List<AuctionEvent> claimSeat(Franchise franchise, String tokenHash) {
        standing(franchise);
        if (phase == Phase.COMPLETED) {
            throw new AuctionRefusal(RefusalReason.NOT_RUNNING, "auction " + code + " is over");
        }
        String holder = seatTokenHashes.get(franchise);
        if (tokenHash.equals(holder)) {
            return List.of();
        }
        if (holder != null) {
            throw new AuctionRefusal(
                    RefusalReason.SEAT_TAKEN, franchise + "'s seat is taken; only its seat token can take it again");
        }
        if (seatTokenHashes.containsValue(tokenHash)) {
            throw new AuctionRefusal(RefusalReason.SEAT_TAKEN, "this token already holds another franchise's seat");
        }
        return emitAll(new SeatClaimed(code, seq + 1, now(), franchise, tokenHash));
    }

    public List<AuctionEvent> releaseSeat(Franchise franchise) {
        standing(franchise);
        if (!seatTokenHashes.containsKey(franchise)) {
            return List.of();
        }
        return emitAll(new SeatReleased(code, seq + 1, now(), franchise));
    }

    // ---- host ----

    public List<AuctionEvent> start() {
        if (phase != Phase.LOBBY) {
            throw new AuctionRefusal(RefusalReason.NOT_RUNNING, "auction " + code + " has already started");
        }
        List<AuctionEvent> events = new ArrayList<>();
        emit(events, new AuctionStarted(code, seq + 1, now()));
        advance(events);
        return events;
    }

    public List<AuctionEvent> pause() {
        if (phase != Phase.RUNNING) {
            throw new AuctionRefusal(RefusalReason.NOT_RUNNING, "only a running auction can be paused");
        }
        return emitAll(new AuctionPaused(code, seq + 1, now()));
    }

    public List<AuctionEvent> resume() {
        if (phase != Phase.PAUSED) {
            throw new AuctionRefusal(RefusalReason.NOT_RUNNING, "only a paused auction can be resumed");
        }
        Instant now = now();
        Instant closesAt = lot == null ? null : now.plus(remainingAtPause);
        return emitAll(new AuctionResumed(code, seq + 1, now, closesAt));
    }

    /** The host passes over the player on the block: he is unsold now and comes back in the accelerated round. */
    public List<AuctionEvent> skip() {
        if (phase != Phase.RUNNING || lot == null) {
            throw new AuctionRefusal(RefusalReason.NOT_RUNNING, "there is no running lot to skip");
        }
        List<AuctionEvent> events = new ArrayList<>();
        emit(events, new LotUnsold(code, seq + 1, now(), lot.number(), lot.player(), true));
        advance(events);
        return events;
    }

    public List<AuctionEvent> end() {
        if (phase == Phase.COMPLETED) {
            throw new AuctionRefusal(RefusalReason.NOT_RUNNING, "auction " + code + " is already over");
        }
        List<AuctionEvent> events = new ArrayList<>();
        complete(events, CompletionReason.ENDED_BY_HOST);
        return events;
    }

    /**
     * After a restart of the auction house, the open lot's clock starts a fresh window instead of running out while
     * nobody could see it.
     */
    public List<AuctionEvent> restartClock() {
        if (phase != Phase.RUNNING || lot == null) {
            return List.of();
        }
        return emitAll(new LotClockRestarted(code, seq + 1, now(), lot.number(), now().plus(windowFor(lot.stage()))));
    }

    // ---- bidding ----

    /**
     * A bid for the lot on the block. A refusal the bidder is told about is recorded too, so the outcome always has
     * events; {@link Outcome#refusal()} says whether it was accepted.
     */
    public Outcome bid(Franchise franchise, int lotNumber, Lakh amount) {
        standing(franchise);
        Optional<AuctionRefusal> refusal = checkBid(franchise, lotNumber, amount);
        Instant now = now();
        if (refusal.isPresent()) {
            AuctionRefusal r = refusal.get();
            return new Outcome(
                    emitAll(new BidRefused(
                            code, seq + 1, now, lotNumber, franchise, amount, r.reason(), r.getMessage())),
                    r);
        }
        return new Outcome(
                emitAll(new BidAccepted(
                        code,
                        seq + 1,
                        now,
                        lot.number(),
                        lot.player().id(),
                        franchise,
                        amount,
                        now.plus(windowFor(LotStage.BIDDING)))),
                null);
    }

    private Optional<AuctionRefusal> checkBid(Franchise franchise, int lotNumber, Lakh amount) {
        if (phase != Phase.RUNNING) {
            return refuse(
                    RefusalReason.NOT_RUNNING, "the auction is " + phase.name().toLowerCase() + ", not running");
        }
        if (lot == null || lot.number() != lotNumber) {
            return refuse(RefusalReason.LOT_CLOSED, "lot " + lotNumber + " is not open for bids");
        }
        if (lot.stage() != LotStage.BIDDING || !now().isBefore(lot.closesAt())) {
            return refuse(RefusalReason.LOT_CLOSED, "bidding on lot " + lotNumber + " has closed");
        }
        // The amount first: a bid for an amount already passed is stale, whoever sends it (a franchise's own older
        // click arriving after its newer bid was accepted is stale, not a bid against itself).
        Lakh next = lot.nextBid();
        if (!amount.equals(next)) {
            return refuse(
                    RefusalReason.STALE,
                    "the next bid is " + next.display() + " (" + next.value() + " L), not " + amount.display());
        }
        if (franchise == lot.highestBidder()) {
            return refuse(RefusalReason.HIGHEST_BIDDER, franchise + " already holds the highest bid");
        }
        return affordability(franchise, amount);
    }

    private Optional<AuctionRefusal> affordability(Franchise franchise, Lakh amount) {
        Standing s = standing(franchise);
        return BiddingRules.affordability(
                        rules(),
                        s.purse(),
                        s.squadSize(),
                        s.overseasCount(),
                        lot.player().overseas(),
                        amount)
                .map(reason -> new AuctionRefusal(reason, affordabilityMessage(reason, franchise, amount)));
    }

    private String affordabilityMessage(RefusalReason reason, Franchise franchise, Lakh amount) {
        Standing s = standing(franchise);
        return switch (reason) {
            case SQUAD_FULL -> franchise + " already has " + s.squadSize() + " players, the most a squad may have";
            case OVERSEAS_LIMIT ->
                franchise + " already has " + s.overseasCount() + " overseas players, the most allowed";
            case PURSE ->
                franchise + " can bid at most " + maxBid(franchise).display() + ": "
                        + s.purse().display()
                        + " in the purse must keep "
                        + BiddingRules.reserveAfterWinning(rules(), s.squadSize())
                                .display()
                        + " to fill the minimum squad, so " + amount.display() + " is too much";
            default -> reason.code();
        };
    }

    // ---- right to match ----

    /** The card holder matches: at the first offer, or at the final amount after a raise. */
    public List<AuctionEvent> rtmMatch(Franchise franchise) {
        requireRtmTurn(franchise, LotStage.RTM_OFFERED, LotStage.RTM_RAISED);
        boolean cardHolder = franchise == lot.rtmFranchise();
        if (!cardHolder) {
            throw notYourTurn(franchise);
        }
        affordability(franchise, lot.currentBid()).ifPresent(r -> {
            throw r;
        });
        List<AuctionEvent> events = new ArrayList<>();
        Instant now = now();
        if (lot.stage() == LotStage.RTM_OFFERED) {
            emit(
                    events,
                    new RtmMatched(
                            code,
                            seq + 1,
                            now,
                            lot.number(),
                            franchise,
                            lot.currentBid(),
                            now.plus(windowFor(LotStage.RTM_MATCHED))));
        } else {
            sell(events, franchise, lot.currentBid(), true);
            advance(events);
        }
        return events;
    }

    /** The card holder lets the player go to the highest bidder. */
    public List<AuctionEvent> rtmDecline(Franchise franchise) {
        requireRtmTurn(franchise, LotStage.RTM_OFFERED, LotStage.RTM_RAISED);
        if (franchise != lot.rtmFranchise()) {
            throw notYourTurn(franchise);
        }
        List<AuctionEvent> events = new ArrayList<>();
        declineAndSell(events);
        return events;
    }

    /** After a match, the highest bidder raises once, to any higher amount it can afford. */
    public List<AuctionEvent> rtmRaise(Franchise franchise, Lakh amount) {
        requireRtmTurn(franchise, LotStage.RTM_MATCHED);
        if (franchise != lot.highestBidder()) {
            throw notYourTurn(franchise);
        }
        if (!amount.isMoreThan(lot.currentBid())) {
            throw new AuctionRefusal(
                    RefusalReason.STALE,
                    "a raise must be more than the matched " + lot.currentBid().display());
        }
        affordability(franchise, amount).ifPresent(r -> {
            throw r;
        });
        Instant now = now();
        return emitAll(new RtmRaised(
                code, seq + 1, now, lot.number(), franchise, amount, now.plus(windowFor(LotStage.RTM_RAISED))));
    }

    /** After a match, the highest bidder does not raise: the card holder gets the player at the matched price. */
    public List<AuctionEvent> rtmNoRaise(Franchise franchise) {
        requireRtmTurn(franchise, LotStage.RTM_MATCHED);
        if (franchise != lot.highestBidder()) {
            throw notYourTurn(franchise);
        }
        List<AuctionEvent> events = new ArrayList<>();
        sell(events, lot.rtmFranchise(), lot.currentBid(), true);
        advance(events);
        return events;
    }

    private void requireRtmTurn(Franchise franchise, LotStage... stages) {
        standing(franchise);
        if (phase != Phase.RUNNING || lot == null) {
            throw new AuctionRefusal(RefusalReason.NOT_RUNNING, "there is no running lot");
        }
        if (!List.of(stages).contains(lot.stage()) || !now().isBefore(lot.closesAt())) {
            throw notYourTurn(franchise);
        }
    }

    private AuctionRefusal notYourTurn(Franchise franchise) {
        return new AuctionRefusal(
                RefusalReason.NOT_YOUR_TURN,
                "lot " + lot.number() + " is at "
                        + lot.stage().name().toLowerCase().replace('_', ' ') + "; that right-to-match step is not "
                        + franchise + "'s to take now");
    }

    // ---- the auctioneer's clock ----

    /** Lets the clock act: closes the lot or the RTM step whose window has run out. Returns what that caused. */
    public List<AuctionEvent> tick() {
        List<AuctionEvent> events = new ArrayList<>();
        if (phase != Phase.RUNNING || lot == null || now().isBefore(lot.closesAt())) {
            return events;
        }
        switch (lot.stage()) {
            case BIDDING -> closeBidding(events);
            case RTM_OFFERED, RTM_RAISED -> declineAndSell(events);
            case RTM_MATCHED -> {
                sell(events, lot.rtmFranchise(), lot.currentBid(), true);
                advance(events);
            }
        }
        return events;
    }

    /** When the clock next needs to act, if it does. */
    public Optional<Instant> nextDeadline() {
        return phase == Phase.RUNNING && lot != null ? Optional.of(lot.closesAt()) : Optional.empty();
    }

    private void closeBidding(List<AuctionEvent> events) {
        Instant now = now();
        if (lot.highestBidder() == null) {
            emit(events, new LotUnsold(code, seq + 1, now, lot.number(), lot.player(), false));
            advance(events);
            return;
        }
        Optional<Franchise> rtm = rtmCandidate();
        if (rtm.isPresent()) {
            emit(
                    events,
                    new RtmOffered(
                            code,
                            seq + 1,
                            now,
                            lot.number(),
                            lot.player().id(),
                            rtm.get(),
                            lot.highestBidder(),
                            lot.currentBid(),
                            now.plus(windowFor(LotStage.RTM_OFFERED))));
            return;
        }
        sell(events, lot.highestBidder(), lot.currentBid(), false);
        advance(events);
    }

    /** The player's previous franchise, if it holds a card it may use on him and could afford him at this price. */
    private Optional<Franchise> rtmCandidate() {
        Franchise previous = lot.player().team2024();
        if (previous == null || previous == lot.highestBidder() || !standings.containsKey(previous)) {
            return Optional.empty();
        }
        Standing s = standing(previous);
        boolean capped = lot.player().capped();
        if (s.rtmCards() <= 0 || !BiddingRules.rtmCapAllows(capped, s.keptCount(capped))) {
            return Optional.empty();
        }
        return affordability(previous, lot.currentBid()).isPresent() ? Optional.empty() : Optional.of(previous);
    }

    private void declineAndSell(List<AuctionEvent> events) {
        emit(events, new RtmDeclined(code, seq + 1, now(), lot.number(), lot.rtmFranchise()));
        sell(events, lot.highestBidder(), lot.currentBid(), false);
        advance(events);
    }

    private void sell(List<AuctionEvent> events, Franchise buyer, Lakh price, boolean rightToMatch) {
        emit(events, new LotSold(code, seq + 1, now(), lot.number(), lot.player(), buyer, price, rightToMatch));
    }

    /** Opens the next lot, starts the accelerated round, or completes the auction. */
    private void advance(List<AuctionEvent> events) {
        if (noBidderLeft()) {
            complete(events, CompletionReason.NO_BIDDER_LEFT);
            return;
        }
        if (queue.isEmpty() && round == Round.MAIN && !unsold.isEmpty()) {
            emit(
                    events,
                    new AcceleratedRoundStarted(
                            code,
                            seq + 1,
                            now(),
                            unsold.stream().map(Player::id).toList()));
        }
        if (queue.isEmpty()) {
            complete(events, CompletionReason.ALL_LOTS_DONE);
            return;
        }
        Instant now = now();
        emit(
                events,
                new LotOpened(
                        code,
                        seq + 1,
                        now,
                        lotsOpened + 1,
                        round,
                        queue.peekFirst(),
                        now.plus(windowFor(LotStage.BIDDING))));
    }

    private boolean noBidderLeft() {
        return standings.keySet().stream().allMatch(f -> maxBid(f).isLessThan(rules().minBasePrice()));
    }

    private void complete(List<AuctionEvent> events, CompletionReason reason) {
        List<FranchiseResult> finals = standings.values().stream()
                .map(s -> new FranchiseResult(s.franchise(), s.purse(), s.rtmCards(), s.squad()))
                .toList();
        emit(events, new AuctionCompleted(code, seq + 1, now(), reason, finals));
    }

    private Duration windowFor(LotStage stage) {
        long millis = stage == LotStage.BIDDING
                ? (round == Round.ACCELERATED ? setup.acceleratedWindowMillis() : setup.bidWindowMillis())
                : setup.rtmWindowMillis();
        return Duration.ofMillis(millis);
    }

    private Instant now() {
        return clock.instant();
    }

    private static Optional<AuctionRefusal> refuse(RefusalReason reason, String message) {
        return Optional.of(new AuctionRefusal(reason, message));
    }

    // ---- events ----

    private List<AuctionEvent> emitAll(AuctionEvent event) {
        List<AuctionEvent> events = new ArrayList<>(1);
        emit(events, event);
        return events;
    }

    private void emit(List<AuctionEvent> events, AuctionEvent event) {
        apply(event);
        events.add(event);
    }

    /** What the player is paid: the winning bid, but for an overseas player no more than the auction's fee cap. */
    private Lakh fee(Player player, Lakh price) {
        Lakh cap = setup.overseasFeeCap();
        return player.overseas() && cap != null ? Lakh.min(price, cap) : price;
    }

    /** Changes the state by one event. Never reads the clock and never refuses: the event is a fact. */
    void apply(AuctionEvent event) {
        if (event.seq() != seq + 1) {
            throw new IllegalStateException("auction " + code + " expected event " + (seq + 1) + " but got "
                    + event.seq() + " (" + event + ")");
        }
        seq = event.seq();
        switch (event) {
            case AuctionCreated e -> {
                setup = e.setup();
                hostTokenHash = e.hostTokenHash();
                for (FranchiseSetup f : e.setup().franchises()) {
                    standings.put(f.franchise(), new Standing(f.franchise(), f.purse(), f.rtmCards(), f.retained()));
                }
                queue.addAll(e.setup().pool());
            }
            case SeatClaimed e -> seatTokenHashes.put(e.franchise(), e.seatTokenHash());
            case SeatReleased e -> seatTokenHashes.remove(e.franchise());
            case AuctionStarted e -> phase = Phase.RUNNING;
            case LotOpened e -> {
                Player next = queue.pollFirst();
                if (next == null || !next.id().equals(e.player().id())) {
                    throw new IllegalStateException("lot " + e.lot() + " opened out of order: "
                            + e.player().id());
                }
                lotsOpened = e.lot();
                lot = new Lot(e.lot(), e.round(), e.player(), setup.ladder(), e.closesAt());
            }
            case BidAccepted e -> lot.bid(e.franchise(), e.amount(), e.closesAt());
            case BidRefused e -> {}
            case RtmOffered e -> {
                lot.rtmFranchise(e.rtmFranchise());
                lot.stage(LotStage.RTM_OFFERED, e.closesAt());
            }
            case RtmMatched e -> lot.stage(LotStage.RTM_MATCHED, e.closesAt());
            case RtmRaised e -> lot.raise(e.amount(), e.closesAt());
            case RtmDeclined e -> {}
            case LotSold e -> {
                standing(e.franchise())
                        .add(
                                new SquadPlayer(
                                        e.player(),
                                        fee(e.player(), e.price()),
                                        e.rightToMatch()
                                                ? SquadPlayer.Acquisition.RIGHT_TO_MATCH
                                                : SquadPlayer.Acquisition.BOUGHT),
                                e.price());
                results.add(new LotResult(
                        e.lot(), lot.round(), e.player(), e.franchise(), e.price(), e.rightToMatch(), false, e.at()));
                lot = null;
            }
            case LotUnsold e -> {
                if (lot.round() == Round.MAIN) {
                    unsold.add(e.player());
                }
                results.add(new LotResult(e.lot(), lot.round(), e.player(), null, null, false, e.skipped(), e.at()));
                lot = null;
            }
            case LotClockRestarted e -> lot.closesAt(e.closesAt());
            case AuctionPaused e -> {
                phase = Phase.PAUSED;
                remainingAtPause = lot == null ? Duration.ZERO : positive(Duration.between(e.at(), lot.closesAt()));
            }
            case AuctionResumed e -> {
                phase = Phase.RUNNING;
                if (lot != null) {
                    lot.closesAt(e.closesAt());
                }
                remainingAtPause = null;
            }
            case AcceleratedRoundStarted e -> {
                Map<String, Player> byId = unsold.stream().collect(Collectors.toMap(Player::id, Function.identity()));
                round = Round.ACCELERATED;
                queue.clear();
                e.playerIds().stream().map(byId::get).filter(Objects::nonNull).forEach(queue::addLast);
                unsold.clear();
            }
            case AuctionCompleted e -> {
                phase = Phase.COMPLETED;
                completionReason = e.reason();
                lot = null;
            }
        }
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** What a bid came to: its events (accepted or refused, both recorded) and the refusal, if refused. */
    public record Outcome(List<AuctionEvent> events, AuctionRefusal refusal) {

        public boolean accepted() {
            return refusal == null;
        }
    }

    /** A new aggregate with the events that made it. */
    public record Change<T>(T value, List<AuctionEvent> events) {}
}
