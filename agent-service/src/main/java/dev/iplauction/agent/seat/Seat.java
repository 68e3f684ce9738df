package dev.iplauction.agent.seat;

import dev.iplauction.agent.browser.AuctionPage;
import dev.iplauction.agent.browser.Click;
import dev.iplauction.agent.browser.JoinResult;
import dev.iplauction.agent.browser.PageLost;
import dev.iplauction.agent.browser.Reflex;
import dev.iplauction.agent.browser.ReflexBid;
import dev.iplauction.agent.browser.Refusal;
import dev.iplauction.agent.browser.RoomView;
import dev.iplauction.agent.llm.DecisionMaker;
import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.Strategy;
import dev.iplauction.agent.strategy.TeamState;
import dev.iplauction.agent.telemetry.Telemetry;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.BidEvent.Outcome;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.SeatState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One franchise played by an agent: it takes the seat through the lobby, watches the room, decides once per lot
 * (rules at once, LLM advice when it comes, within its deadline), and then bids by reflex: it arms the page with its
 * maximum for the lot (within the rules' limits), and the page itself clicks while the next amount is within it and
 * this franchise is not already the highest bidder (one bid in flight at a time). The seat arms again when the lot,
 * its purse or its squad changes, disarms on a pass, and follows each click the page reports to its answer. It answers right-to-match steps with its
 * strategy, and reports decisions and bids to Kafka.
 *
 * <p>Everything here runs on the seat's own single thread (the page delivers its views there), so the seat's state
 * needs no locks; only {@link #state()} is read from elsewhere (the heartbeats).
 */
final class Seat implements AuctionPage.Listener {

    private static final Logger log = LoggerFactory.getLogger(Seat.class);
    /**
     * How long a bid may stay unanswered (neither seen as highest, overtaken nor refused) before it is given up. Far
     * longer than a lot's window: the lot's close says whether the bid won, and on a loaded machine the answer can come
     * seconds late (a 2 s wait once recorded a winning bid as "no-answer"). This only catches an answer that never
     * comes on a lot that stays open.
     */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);
    /** Pool reads wait a random moment up to this, so that nine seats do not all ask at the same moment. */
    private static final Duration POOL_READ_SPREAD = Duration.ofMillis(1_500);
    /**
     * How long the page's click waits for each rival that comes before it in the view's order and could bid the same
     * amount (PAGE_CONTRACT.md, "The reflex"): pages take turns, the franchises bidding on the lot first. Random waits
     * of up to 80 ms per rival gave 35-37 % stale refusals and a reaction p95 of 246-261 ms; turns of 50 ms, bidders
     * first: 15 % and 197 ms (scripts/bench-agents.sh, the README's benchmark section).
     */
    private static final int REFLEX_SPREAD_MILLIS = 50;

    private final Franchise franchise;
    private final String auctionCode;
    private final URI auctionUrl;
    private final String token;
    private final Strategy strategy;
    private final DecisionMaker decisions;
    private final Telemetry telemetry;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AuctionPage page;
    private final SeatRuntime.Callbacks callbacks;

    private volatile SeatState state = SeatState.STARTING;
    private volatile boolean stopped;
    private RoomView latest;
    private Lakh startingPurse;

    /**
     * The players the franchise brought into the auction, when the seat saw it before it bought anyone; the room shows
     * squad sizes only, and the strategy tells a mini auction by more kept players than a mega auction allows.
     */
    private int keptOnEntry;

    private int lotNumber = -1;
    private LotDecision decision;
    private String rtmStepTaken;
    private PendingBid pending;
    /** What the page is armed with now (null: disarmed, or a fresh document). */
    private Reflex armed;

    private int joinAttempts;
    /** Whether the page holds the seat now (views arrive in the lobby before the seat is taken). */
    private boolean joined;
    /** The players still to come, from the pool page, for the strategy's scarcity and budget planning. */
    private final UpcomingPlayers upcoming = new UpcomingPlayers();

    /**
     * A bid the page clicked and not yet answered: {@code promptedAt} is when the view it answered arrived (the
     * browser's clock), {@code heardNanos} when the seat heard of the click.
     */
    private record PendingBid(int lot, String playerId, Lakh amount, Instant promptedAt, long heardNanos) {}

    Seat(
            Franchise franchise,
            String auctionCode,
            URI auctionUrl,
            String token,
            Strategy strategy,
            DecisionMaker decisions,
            Telemetry telemetry,
            Clock clock,
            ScheduledExecutorService executor,
            Function<AuctionPage.Listener, AuctionPage> pages,
            SeatRuntime.Callbacks callbacks) {
        this.franchise = franchise;
        this.auctionCode = auctionCode;
        this.auctionUrl = auctionUrl;
        this.token = token;
        this.strategy = strategy;
        this.decisions = decisions;
        this.telemetry = telemetry;
        this.clock = clock;
        this.executor = executor;
        this.callbacks = callbacks;
        this.page = pages.apply(this);
    }

    Franchise franchise() {
        return franchise;
    }

    SeatState state() {
        return state;
    }

    // ---- joining ----

    void start() {
        executor.execute(this::join);
    }

    private void join() {
        if (stopped) {
            return;
        }
        state = joinAttempts == 0 ? SeatState.JOINING : SeatState.RECONNECTING;
        joined = false;
        armed = null;
        joinAttempts++;
        page.join(auctionUrl, auctionCode, franchise, token).whenCompleteAsync(this::joined, executor);
    }

    private void joined(JoinResult result, Throwable failure) {
        if (stopped) {
            return;
        }
        if (failure != null) {
            log.warn(
                    "{} could not join auction {} (attempt {}): {}",
                    franchise,
                    auctionCode,
                    joinAttempts,
                    failure.getMessage());
            retryJoin();
            return;
        }
        switch (result) {
            case JOINED -> {
                joinAttempts = 0;
                joined = true;
                armed = null; // a fresh document starts disarmed
                log.info("{} took its seat in auction {}", franchise, auctionCode);
                if (state == SeatState.JOINING || state == SeatState.RECONNECTING) {
                    state = SeatState.WAITING_FOR_START;
                }
                page.refresh();
                // Seated: glance at the pool now, in the quiet of the lobby (or at once, joining a running auction).
                readPoolIfDue(latest == null ? RoomView.Round.MAIN : latest.round());
            }
            case TAKEN_BY_SOMEONE_ELSE -> {
                log.info(
                        "{}'s seat in auction {} is held by someone else (a person): leaving it alone",
                        franchise,
                        auctionCode);
                state = SeatState.FINISHED;
                callbacks.leftToSomeoneElse(franchise);
            }
            case AUCTION_NOT_FOUND -> {
                log.info("auction {} does not exist yet; {} will try again", auctionCode, franchise);
                retryJoin();
            }
            case AUCTION_OVER -> state = SeatState.FINISHED;
        }
    }

    private void retryJoin() {
        state = SeatState.RECONNECTING;
        long delay = Math.min(10_000, 500L * (1L << Math.min(5, joinAttempts)));
        executor.schedule(this::join, delay, TimeUnit.MILLISECONDS);
    }

    /** A soft restart: a fresh browser context that takes the same seat with the same token. */
    void restart(String reason) {
        executor.execute(() -> {
            log.info("{} restarts its page: {}", franchise, reason);
            state = SeatState.RECONNECTING;
            joined = false;
            armed = null;
            page.reopen().whenCompleteAsync(this::joined, executor);
        });
    }

    void stop() {
        stopped = true;
        executor.execute(() -> {
            page.close();
            executor.shutdown();
        });
    }

    /** The safety net for a missed push, and the clock for bids left unanswered. */
    void refresh() {
        executor.execute(() -> {
            if (!stopped && latest != null) {
                page.refresh();
                expireUnanswered();
            }
        });
    }

    // ---- what the page shows ----

    @Override
    public void on(RoomView view) {
        latest = view;
        if (!joined) {
            return; // the lobby before the seat is taken: nothing to play yet
        }
        RoomView.FranchiseState me = view.franchise(franchise);
        if (startingPurse == null) {
            startingPurse = me.purse().plus(me.spent());
            keptOnEntry = me.spent().equals(Lakh.ZERO) ? me.squadSize() : 0;
        }
        state = switch (view.phase()) {
            case LOBBY -> SeatState.WAITING_FOR_START;
            case RUNNING -> SeatState.BIDDING;
            case PAUSED -> SeatState.PAUSED;
            case COMPLETED -> SeatState.FINISHED;
            case UNKNOWN -> state;
        };
        if (view.phase() == RoomView.Phase.COMPLETED) {
            resolveClosedLot(view);
            return;
        }
        RoomView.Lot lot = view.lot();
        if (lot == null) {
            resolveClosedLot(view);
            return;
        }
        if (lot.number() != lotNumber) {
            resolveClosedLot(view);
            upcoming.lotOpened(lot.player().id());
            readPoolIfDue(view.round());
            openLot(view);
        }
        resolvePending(view);
        act(view);
    }

    @Override
    public void on(Refusal refusal) {
        if (pending != null && refusal.concerns(pending.lot(), pending.amount())) {
            report(pending, Outcome.REJECTED, refusal.reason(), refusal.seenAt());
            pending = null; // the page tries again by itself
        } else if (!"stale".equals(refusal.reason()) && !"lot-closed".equals(refusal.reason())) {
            RoomView.Lot shown = latest == null ? null : latest.lot();
            log.warn(
                    "{}: the house refused a bid on lot {} at {} ({}: {}) that was not the bid awaiting an answer ({});"
                            + " the room showed lot {} held by {} at {}",
                    franchise,
                    refusal.lot(),
                    refusal.amount(),
                    refusal.reason(),
                    refusal.message(),
                    pending,
                    shown == null ? null : shown.number(),
                    shown == null ? null : shown.highestBidder(),
                    shown == null ? null : shown.currentBid());
        }
    }

    @Override
    public void on(ReflexBid bid) {
        if (pending != null) {
            // The page saw the last one answered (or gave up on it) before it clicked again.
            report(pending, Outcome.OUTBID, "no-answer", bid.clickedAt());
        }
        RoomView.Lot shown = latest == null ? null : latest.lot();
        String playerId =
                shown != null && shown.number() == bid.lot() ? shown.player().id() : "";
        pending = new PendingBid(bid.lot(), playerId, bid.amount(), bid.promptedAt(), System.nanoTime());
    }

    @Override
    public void on(PageLost lost) {
        if (!stopped) {
            log.warn("{} lost its page ({}); reopening", franchise, lost);
            restart("page lost");
        }
    }

    // ---- the pool ----

    /**
     * Glances at the pool page when a read is due, off the seat's critical path: after a small random wait, fetched by
     * the room page (the room stays as it is); the answer comes back to this thread as an event of its own, and until
     * then lots are decided with the list as it stands.
     */
    private void readPoolIfDue(RoomView.Round round) {
        if (!upcoming.readDue(round)) {
            return;
        }
        upcoming.readStarted(round);
        long delay = ThreadLocalRandom.current().nextLong(POOL_READ_SPREAD.toMillis() + 1);
        executor.schedule(
                () -> {
                    if (stopped) {
                        upcoming.readFailed();
                        return;
                    }
                    long asked = System.nanoTime();
                    CompletableFuture<List<Player>> read;
                    try {
                        read = page.pool();
                    } catch (RuntimeException failure) {
                        read = CompletableFuture.failedFuture(failure);
                    }
                    read.whenCompleteAsync(
                            (players, failure) -> poolRead(players, failure, System.nanoTime() - asked), executor);
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    private void poolRead(List<Player> players, Throwable failure, long tookNanos) {
        if (failure != null) {
            upcoming.readFailed();
            log.info(
                    "{} could not read the pool in {} ms (plays on with what it had): {}",
                    franchise,
                    tookNanos / 1_000_000,
                    failure.getMessage());
            return;
        }
        upcoming.readDone(players);
        log.info(
                "{} read the pool in {} ms: {} players still to come",
                franchise,
                tookNanos / 1_000_000,
                upcoming.list().size());
    }

    // ---- deciding ----

    private void openLot(RoomView view) {
        RoomView.Lot lot = view.lot();
        lotNumber = lot.number();
        rtmStepTaken = null;
        LotContext context = context(view);
        LotDecision rules = strategy.decide(context);
        decision = rules;
        long started = System.nanoTime();
        int number = lot.number();
        Player player = lot.player();
        decisions
                .decide(context, rules)
                .whenCompleteAsync(
                        (decided, failure) -> {
                            LotDecision chosen = failure == null ? decided : rules;
                            log.debug(
                                    "{} on lot {} ({}): {} up to {} [{}] {}",
                                    franchise,
                                    number,
                                    player.name(),
                                    chosen.choice(),
                                    chosen.maxBid(),
                                    chosen.source(),
                                    chosen.reason());
                            report(number, player, chosen, Duration.ofNanos(System.nanoTime() - started));
                            if (number == lotNumber) {
                                decision = chosen;
                                if (latest != null) {
                                    act(latest);
                                }
                            }
                        },
                        executor);
    }

    private void report(int lot, Player player, LotDecision d, Duration latency) {
        telemetry.decision(new DecisionMade(
                auctionCode,
                franchise,
                clock.instant(),
                lot,
                player.id(),
                player.name(),
                d.choice(),
                d.valuation(),
                d.maxBid(),
                d.source(),
                d.reason(),
                latency.toMillis()));
    }

    private LotContext context(RoomView view) {
        RoomView.Lot lot = view.lot();
        List<TeamState> rivals = view.franchises().stream()
                .filter(f -> f.franchise() != franchise)
                .map(Seat::team)
                .toList();
        return new LotContext(
                auctionCode,
                franchise,
                lot.number(),
                lot.player(),
                lot.currentBid(),
                lot.highestBidder(),
                lot.nextBid(),
                view.rules().squad(),
                mine(view.franchise(franchise)),
                rivals,
                view.progress() == null ? 0 : view.progress().lotsRemaining(),
                startingPurse,
                upcoming.list());
    }

    /**
     * This franchise's standing. Kept players are passed on only past a mega auction's six: below that the right-to-
     * match caps need them split into capped and uncapped, which the room does not show, and the house checks them.
     */
    private TeamState mine(RoomView.FranchiseState f) {
        int kept = keptOnEntry > 6 ? keptOnEntry : 0;
        return new TeamState(
                f.franchise(), f.purse(), f.squadSize(), f.overseasCount(), f.roles(), f.rtmCards(), kept, 0);
    }

    private static TeamState team(RoomView.FranchiseState f) {
        return new TeamState(f.franchise(), f.purse(), f.squadSize(), f.overseasCount(), f.roles(), f.rtmCards());
    }

    // ---- acting ----

    private void act(RoomView view) {
        if (stopped || view.phase() != RoomView.Phase.RUNNING || view.lot() == null) {
            return;
        }
        RoomView.Lot lot = view.lot();
        switch (lot.stage()) {
            case BIDDING -> armIfChanged(view, lot);
            case RTM_OFFERED, RTM_RAISED -> {
                if (lot.rtmFranchise() == franchise && takeRtmStep(lot)) {
                    LotContext context = context(view);
                    boolean match = affordable(view, lot.currentBid()) && strategy.useRtm(context);
                    log.info(
                            "{} {} the right to match {} at {}",
                            franchise,
                            match ? "uses" : "declines",
                            lot.player().name(),
                            lot.currentBid());
                    (match ? page.rtmMatch() : page.rtmDecline()).whenCompleteAsync(this::clicked, executor);
                }
            }
            case RTM_MATCHED -> {
                if (lot.highestBidder() == franchise && takeRtmStep(lot)) {
                    Optional<Lakh> raise =
                            strategy.raiseAfterMatch(context(view)).filter(a -> affordable(view, a));
                    log.info(
                            "{} answers the match on {}: {}",
                            franchise,
                            lot.player().name(),
                            raise.map(a -> "raise to " + a).orElse("no raise"));
                    (raise.isPresent() ? page.rtmRaise(raise.get()) : page.rtmNoRaise())
                            .whenCompleteAsync(this::clicked, executor);
                }
            }
            case UNKNOWN -> {}
        }
    }

    /**
     * Arms the page with what it may bid on this lot now, if that is not what it is armed with already: the decision's
     * maximum within the rules' limits for this purse and squad; disarms it when the decision is to pass or nothing is
     * affordable.
     */
    private void armIfChanged(RoomView view, RoomView.Lot lot) {
        if (decision == null) {
            return; // still deciding: the page has nothing to go on yet
        }
        RoomView.FranchiseState me = view.franchise(franchise);
        Lakh max = Lakh.min(decision.maxBid(), me.maxBid());
        Reflex wanted = decision.choice() == Choice.BID && affordable(view, max)
                ? new Reflex(lot.number(), max, me.purse(), me.squadSize(), REFLEX_SPREAD_MILLIS)
                : null;
        if (Objects.equals(wanted, armed)) {
            return;
        }
        armed = wanted;
        (wanted == null ? page.disarm() : page.arm(wanted))
                .whenCompleteAsync(
                        (click, failure) -> {
                            if (failure != null || !click.clicked()) {
                                log.warn(
                                        "{}: {} failed: {}",
                                        franchise,
                                        wanted == null
                                                ? "disarming the page"
                                                : "arming the page for lot " + wanted.lot(),
                                        failure != null ? failure.getMessage() : click.reason());
                                if (armed == wanted) {
                                    armed = null; // try again with the next view
                                }
                            }
                        },
                        executor);
    }

    /**
     * The last word on budget safety: a bid is only ever clicked when the rules shared with the house allow it, so an
     * agent never attempts a bid that breaks its purse reserve or its squad limits.
     */
    private boolean affordable(RoomView view, Lakh amount) {
        RoomView.FranchiseState me = view.franchise(franchise);
        Player player = view.lot().player();
        return BiddingRules.affordability(
                                view.rules().squad(),
                                me.purse(),
                                me.squadSize(),
                                me.overseasCount(),
                                player.overseas(),
                                amount)
                        .isEmpty()
                && !amount.isMoreThan(me.maxBid());
    }

    private boolean takeRtmStep(RoomView.Lot lot) {
        String step = lot.number() + ":" + lot.stage();
        if (step.equals(rtmStepTaken)) {
            return false;
        }
        rtmStepTaken = step;
        return true;
    }

    private void clicked(Click click, Throwable failure) {
        if (failure != null) {
            log.warn("{} could not click: {}", franchise, failure.getMessage());
        } else if (!click.clicked()) {
            log.debug("{} did not click: {}", franchise, click.reason());
        }
    }

    // ---- how bids went ----

    private void resolvePending(RoomView view) {
        if (pending == null) {
            return;
        }
        RoomView.Lot lot = view.lot();
        if (lot.number() != pending.lot()) {
            return;
        }
        if (lot.isHeldBy(franchise, pending.amount())) {
            report(pending, Outcome.ACCEPTED, null, view.receivedAt());
            pending = null;
        } else if (lot.currentBid() != null && !lot.currentBid().isLessThan(pending.amount())) {
            // Another franchise got to this amount first (or outbid ours at once): the race is lost; the page bids
            // again.
            report(pending, Outcome.OUTBID, "overtaken", view.receivedAt());
            pending = null;
        }
    }

    /** The lot closed with a bid still unanswered: accepted if the lot went to this franchise at that amount. */
    private void resolveClosedLot(RoomView view) {
        if (pending == null) {
            return;
        }
        boolean won = view.recent().stream()
                .anyMatch(r -> r.lot() == pending.lot()
                        && r.soldTo() == franchise
                        && pending.amount().equals(r.price()));
        report(pending, won ? Outcome.ACCEPTED : Outcome.OUTBID, won ? null : "lot-closed", view.receivedAt());
        pending = null;
    }

    private void expireUnanswered() {
        if (pending != null && System.nanoTime() - pending.heardNanos() > ANSWER_WAIT.toNanos()) {
            report(pending, Outcome.OUTBID, "no-answer", Instant.now());
            pending = null;
        }
    }

    /** {@code answeredAt}: when the answer showed (the browser's clock, as the bid's prompt). */
    private void report(PendingBid bid, Outcome outcome, String reason, Instant answeredAt) {
        long reaction = outcome == Outcome.ACCEPTED
                ? Math.max(0, Duration.between(bid.promptedAt(), answeredAt).toMillis())
                : 0;
        telemetry.bid(new BidPlaced(
                auctionCode,
                franchise,
                clock.instant(),
                bid.lot(),
                bid.playerId(),
                bid.amount(),
                outcome,
                reason,
                reaction));
    }

    @Override
    public String toString() {
        return "Seat[" + franchise + " in " + auctionCode + ", " + state + "]";
    }
}
