package dev.iplauction.agent.seat;

import static dev.iplauction.agent.seat.UpcomingPlayersTests.player;
import static dev.iplauction.agent.seat.UpcomingPlayersTests.players;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.agent.browser.AuctionPage;
import dev.iplauction.agent.browser.Click;
import dev.iplauction.agent.browser.JoinResult;
import dev.iplauction.agent.browser.Refusal;
import dev.iplauction.agent.browser.RoomView;
import dev.iplauction.agent.llm.DecisionMaker;
import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.Strategy;
import dev.iplauction.agent.telemetry.Telemetry;
import dev.iplauction.agent.telemetry.TelemetryStats;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A seat's glance at the pool, with a page that answers as the test says (no browser): when it reads, what the
 * strategy then sees as still to come, and that a read under way never holds up a decision.
 */
class SeatPoolTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final FakePage page = new FakePage();
    private final List<LotContext> decided = new CopyOnWriteArrayList<>();
    private final Seat seat = new Seat(
            Franchise.CSK,
            "ABCD23",
            URI.create("http://localhost:8080"),
            "token",
            new RecordingStrategy(decided),
            DecisionMaker.rulesOnly(),
            new NoTelemetry(),
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

    private void joinAndShow(RoomView.Round round, int lot, String playerId) {
        show(view(round, lot, player(playerId)));
    }

    private void show(RoomView view) {
        executor.execute(() -> seat.on(view));
    }

    private void joined() {
        seat.start();
        await().atMost(WAIT).until(() -> seat.state() == SeatState.WAITING_FOR_START);
    }

    private List<String> lastUpcoming() {
        return decided.getLast().upcoming().stream().map(Player::id).toList();
    }

    @Test
    void theSeatReadsThePoolOnceSeatedAndTheStrategySeesThePlayersAfterTheOneOnTheBlock() {
        joined();
        await().atMost(WAIT).until(() -> page.reads.size() == 1);
        joinAndShow(RoomView.Round.MAIN, 1, "1");
        await().atMost(WAIT).until(() -> decided.size() == 1);
        assertThat(decided).hasSize(1);
        assertThat(decided.getFirst().upcoming())
                .as("nothing known before the read")
                .isEmpty();

        // Lot 2 opens while the read is still under way: the decision is not held up.
        joinAndShow(RoomView.Round.MAIN, 2, "2");
        await().atMost(WAIT).until(() -> decided.size() == 2);
        assertThat(lastUpcoming()).isEmpty();

        // The pool as it was when read (lot 1 on the block), answered late.
        page.reads.getFirst().complete(players("2", "3", "4", "5"));
        joinAndShow(RoomView.Round.MAIN, 3, "3");
        await().atMost(WAIT).until(() -> decided.size() == 3);
        assertThat(lastUpcoming()).containsExactly("4", "5");
        assertThat(page.reads).hasSize(1);
    }

    @Test
    void inTheLobbyTheSeatReadsThePoolBeforeTheStart_soTheFirstLotOpensWithItKnown() {
        joined();
        show(lobby());
        await().atMost(WAIT).until(() -> page.reads.size() == 1);
        page.reads.getFirst().complete(players("1", "2", "3"));
        show(lobby());

        joinAndShow(RoomView.Round.MAIN, 1, "1");
        await().atMost(WAIT).until(() -> decided.size() == 1);
        assertThat(lastUpcoming()).containsExactly("2", "3");
        assertThat(page.reads).as("no second read for the first lot").hasSize(1);
    }

    @Test
    void theAcceleratedRoundIsReadAgain_andAFailedReadLeavesTheSeatPlayingWithWhatItHad() {
        joined();
        await().atMost(WAIT).until(() -> page.reads.size() == 1);
        joinAndShow(RoomView.Round.MAIN, 1, "1");
        page.reads.getFirst().complete(players("2", "3", "1x"));
        joinAndShow(RoomView.Round.MAIN, 2, "2");
        joinAndShow(RoomView.Round.MAIN, 3, "3");
        await().atMost(WAIT).until(() -> decided.size() == 3);
        assertThat(lastUpcoming()).containsExactly("1x");

        joinAndShow(RoomView.Round.ACCELERATED, 4, "1x");
        await().atMost(WAIT).until(() -> page.reads.size() == 2);
        page.reads.get(1).completeExceptionally(new IllegalStateException("the tab crashed"));
        joinAndShow(RoomView.Round.ACCELERATED, 5, "2x");
        await().atMost(WAIT).until(() -> decided.size() == 5);
        assertThat(decided.get(3).upcoming()).isEmpty();
        assertThat(decided.get(4).upcoming()).isEmpty();
        assertThat(page.reads).as("a failed read waits a few lots").hasSize(2);
    }

    // ---- a page, a strategy and telemetry that the test controls ----

    private RoomView lobby() {
        RoomView running = view(RoomView.Round.MAIN, 1, player("0"));
        return new RoomView(
                running.code(),
                RoomView.Phase.LOBBY,
                RoomView.Round.MAIN,
                running.seq(),
                running.serverTime(),
                running.receivedAt(),
                running.rules(),
                null,
                running.franchises(),
                List.of(),
                new RoomView.Progress(0, 3, 0, 0));
    }

    private RoomView view(RoomView.Round round, int lot, Player player) {
        Instant now = Instant.now();
        List<RoomView.FranchiseState> franchises = Arrays.stream(Franchise.values())
                .map(f -> new RoomView.FranchiseState(
                        f, true, Lakh.of(4000), Lakh.of(3000), 0, 0, 1, Lakh.ZERO, Map.of()))
                .toList();
        return new RoomView(
                "ABCD23",
                RoomView.Phase.RUNNING,
                round,
                ++seq,
                now,
                now,
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
                        null,
                        null,
                        player.basePrice(),
                        now.plusSeconds(2),
                        Duration.ofSeconds(2),
                        null,
                        0),
                franchises,
                List.of(),
                new RoomView.Progress(lot - 1, 10, 0, 0));
    }

    /** A page that answers as the test says; it records what the seat arms it with (null: disarmed). */
    static final class FakePage implements AuctionPage {
        final List<CompletableFuture<List<Player>>> reads = new CopyOnWriteArrayList<>();
        final List<Optional<dev.iplauction.agent.browser.Reflex>> arms = new CopyOnWriteArrayList<>();
        volatile int joins;
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public CompletableFuture<JoinResult> join(URI baseUrl, String code, Franchise franchise, String token) {
            joins++;
            return CompletableFuture.completedFuture(JoinResult.JOINED);
        }

        @Override
        public CompletableFuture<JoinResult> reopen() {
            return CompletableFuture.completedFuture(JoinResult.JOINED);
        }

        @Override
        public CompletableFuture<Optional<RoomView>> refresh() {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<Click> arm(dev.iplauction.agent.browser.Reflex reflex) {
            arms.add(Optional.of(reflex));
            return CompletableFuture.completedFuture(new Click(true, ""));
        }

        @Override
        public CompletableFuture<Click> disarm() {
            arms.add(Optional.empty());
            return CompletableFuture.completedFuture(new Click(true, ""));
        }

        @Override
        public CompletableFuture<Click> bid(int lot, Lakh amount) {
            return CompletableFuture.completedFuture(new Click(false, Click.MOVED_ON));
        }

        @Override
        public CompletableFuture<Click> rtmMatch() {
            return CompletableFuture.completedFuture(new Click(false, Click.NOT_SHOWN));
        }

        @Override
        public CompletableFuture<Click> rtmDecline() {
            return rtmMatch();
        }

        @Override
        public CompletableFuture<Click> rtmRaise(Lakh amount) {
            return rtmMatch();
        }

        @Override
        public CompletableFuture<Click> rtmNoRaise() {
            return rtmMatch();
        }

        @Override
        public CompletableFuture<List<Player>> pool() {
            CompletableFuture<List<Player>> read = new CompletableFuture<>();
            reads.add(read);
            return read;
        }

        @Override
        public CompletableFuture<Optional<Refusal>> lastRefusal() {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private record RecordingStrategy(List<LotContext> decided) implements Strategy {
        @Override
        public LotDecision decide(LotContext context) {
            decided.add(context);
            return LotDecision.pass(Lakh.ZERO, Source.RULES, "test");
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

    private static final class NoTelemetry implements Telemetry {
        @Override
        public void heartbeat(Heartbeat heartbeat) {}

        @Override
        public void decision(DecisionMade decision) {}

        @Override
        public void bid(BidPlaced bid) {}

        @Override
        public void llmCall(LlmCallCompleted call) {}

        @Override
        public TelemetryStats stats() {
            return new TelemetryStats(Map.of());
        }
    }
}
