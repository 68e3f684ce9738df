package dev.iplauction.agent.seat;

import static dev.iplauction.agent.seat.UpcomingPlayersTests.player;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.agent.browser.Reflex;
import dev.iplauction.agent.browser.ReflexBid;
import dev.iplauction.agent.browser.RoomView;
import dev.iplauction.agent.llm.DecisionMaker;
import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.Strategy;
import dev.iplauction.agent.telemetry.Telemetry;
import dev.iplauction.agent.telemetry.TelemetryStats;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.BidEvent.Outcome;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import dev.iplauction.contracts.agent.SeatState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a seat arms its page (no browser): with its maximum capped by what the room says it may bid, again when the lot,
 * its purse or its squad changes and not for a mere rival bid, disarmed on a pass; and how a click the page made is
 * followed to its answer.
 */
class SeatReflexTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final SeatPoolTests.FakePage page = new SeatPoolTests.FakePage();
    private final List<BidPlaced> bids = new CopyOnWriteArrayList<>();
    /** Lot number → the most CSK will pay on it; absent: pass. */
    private final Map<Integer, Lakh> maxima = Map.of(1, Lakh.of(200), 3, Lakh.of(5_000));

    private final Seat seat = new Seat(
            Franchise.CSK,
            "ABCD23",
            URI.create("http://localhost:8080"),
            "token",
            new MaximaStrategy(maxima),
            DecisionMaker.rulesOnly(),
            new BidsOnly(bids),
            Clock.systemUTC(),
            executor,
            listener -> page,
            franchise -> {});
    private long seq;

    @AfterEach
    void stop() throws InterruptedException {
        seat.stop();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void theSeatArmsItsPageOncePerLotPurseAndSquadAndDisarmsOnAPass() {
        seat.start();
        await().atMost(WAIT).until(() -> seat.state() == SeatState.WAITING_FOR_START);

        show(view(1, null, null, 4000, 0));
        await().atMost(WAIT).until(() -> page.arms.size() == 1);
        assertThat(page.arms.getLast()).contains(new Reflex(1, Lakh.of(200), Lakh.of(4000), 0, 50));

        // A rival's bid: the page is armed already, nothing to tell it.
        show(view(1, Lakh.of(50), Franchise.MI, 4000, 0));
        // The purse changes (as after a sale the room shows late): armed again for what it is now.
        show(view(1, Lakh.of(60), Franchise.MI, 3900, 0));
        await().atMost(WAIT).until(() -> page.arms.size() == 2);
        assertThat(page.arms.getLast()).contains(new Reflex(1, Lakh.of(200), Lakh.of(3900), 0, 50));

        // Lot 2: the strategy passes, the page is disarmed.
        show(view(2, null, null, 3900, 1));
        await().atMost(WAIT).until(() -> page.arms.size() == 3);
        assertThat(page.arms.getLast()).isEmpty();

        // Lot 3: a maximum beyond what the room says CSK may bid is capped at the room's.
        show(view(3, null, null, 3900, 1));
        await().atMost(WAIT).until(() -> page.arms.size() == 4);
        assertThat(page.arms.getLast()).contains(new Reflex(3, Lakh.of(3000), Lakh.of(3900), 1, 50));
    }

    @Test
    void aClickThePageMadeIsReportedWithItsReactionOnceTheRoomShowsItAccepted() {
        seat.start();
        await().atMost(WAIT).until(() -> seat.state() == SeatState.WAITING_FOR_START);
        show(view(1, Lakh.of(50), Franchise.MI, 4000, 0));
        await().atMost(WAIT).until(() -> page.arms.size() == 1);

        Instant prompted = Instant.now();
        executor.execute(() -> seat.on(new ReflexBid(1, Lakh.of(60), prompted, prompted.plusMillis(1))));
        RoomView accepted = view(1, Lakh.of(60), Franchise.CSK, 4000, 0, prompted.plusMillis(75));
        show(accepted);

        await().atMost(WAIT).until(() -> bids.size() == 1);
        BidPlaced bid = bids.getFirst();
        assertThat(bid.lot()).isEqualTo(1);
        assertThat(bid.amount()).isEqualTo(Lakh.of(60));
        assertThat(bid.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(bid.reactionMillis()).isEqualTo(75);
    }

    private void show(RoomView view) {
        executor.execute(() -> seat.on(view));
    }

    private RoomView view(int lot, Lakh currentBid, Franchise leader, int cskPurse, int cskSquad) {
        return view(lot, currentBid, leader, cskPurse, cskSquad, Instant.now());
    }

    private RoomView view(int lot, Lakh currentBid, Franchise leader, int cskPurse, int cskSquad, Instant received) {
        var player = player(String.valueOf(lot));
        List<RoomView.FranchiseState> franchises = Arrays.stream(Franchise.values())
                .map(f -> f == Franchise.CSK
                        ? new RoomView.FranchiseState(
                                f, true, Lakh.of(cskPurse), Lakh.of(3000), cskSquad, 0, 1, Lakh.ZERO, Map.of())
                        : new RoomView.FranchiseState(
                                f, true, Lakh.of(4000), Lakh.of(3000), 0, 0, 1, Lakh.ZERO, Map.of()))
                .toList();
        Lakh next = currentBid == null ? player.basePrice() : currentBid.plus(Lakh.of(10));
        return new RoomView(
                "ABCD23",
                RoomView.Phase.RUNNING,
                RoomView.Round.MAIN,
                ++seq,
                received,
                received,
                new RoomView.Rules(
                        new SquadRules(4, 8, 3, Lakh.of(30)),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)),
                new RoomView.Lot(
                        lot,
                        RoomView.Stage.BIDDING,
                        player,
                        player.basePrice(),
                        currentBid,
                        leader,
                        next,
                        received.plusSeconds(2),
                        Duration.ofSeconds(2),
                        null,
                        0),
                franchises,
                List.of(),
                new RoomView.Progress(lot - 1, 10, 0, 0));
    }

    private record MaximaStrategy(Map<Integer, Lakh> maxima) implements Strategy {
        @Override
        public LotDecision decide(LotContext context) {
            Lakh max = maxima.get(context.lot());
            return max == null
                    ? LotDecision.pass(Lakh.ZERO, Source.RULES, "test")
                    : new LotDecision(Choice.BID, max, max, Source.RULES, "test");
        }

        @Override
        public boolean useRtm(LotContext context) {
            return false;
        }

        @Override
        public Optional<Lakh> raiseAfterMatch(LotContext context) {
            return Optional.empty();
        }
    }

    private record BidsOnly(List<BidPlaced> bids) implements Telemetry {
        @Override
        public void heartbeat(Heartbeat heartbeat) {}

        @Override
        public void decision(DecisionMade decision) {}

        @Override
        public void bid(BidPlaced bid) {
            bids.add(bid);
        }

        @Override
        public void llmCall(LlmCallCompleted call) {}

        @Override
        public TelemetryStats stats() {
            return new TelemetryStats(Map.of());
        }
    }
}
