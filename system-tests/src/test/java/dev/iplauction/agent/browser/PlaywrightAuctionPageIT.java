package dev.iplauction.agent.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Seats' pages against the real auction house (a separate process on a real Kafka broker) in the instance's one
 * Chromium: joining through the lobby, live views without polling, bidding and right to match by clicking, refusals,
 * a seat held by someone else, and pages that crash or close and come back with the same token.
 */
class PlaywrightAuctionPageIT {

    /*
     * Every wait below is for something the page is sure to report (a view, a refusal, a loss); the limits only stop a
     * test that hangs, and are sized for a loaded 2-core CI machine, where nine Chromiums and the house share the CPU.
     * The speed of these paths is measured by BrowserSeatsBenchmarkIT, not asserted here.
     */
    private static final Duration LIVE = Duration.ofMinutes(1);

    private static final Duration JOIN = Duration.ofMinutes(5);
    /** A lot's clock long enough that no step of a test races it: the tests that need a lot to end bid to end it. */
    private static final Duration CLOCK = Duration.ofMinutes(3);

    private static EmbeddedKafkaKraftBroker broker;
    private static AuctionHouseProcess house;
    private static BrowserHost host;
    private static ExecutorService seatThreads;

    private final List<AuctionPage> pages = new ArrayList<>();

    @BeforeAll
    static void startTheWorld() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        // The auction house writes in transactions: one broker must be enough for the transaction log.
        broker.brokerProperties(java.util.Map.of(
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        house = AuctionHouseProcess.builder(broker.getBrokersAsString())
                .name("playwright-auction-page-it")
                .start();
        host = BrowserHost.start(settings());
        seatThreads = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterAll
    static void stopTheWorld() {
        if (host != null) {
            host.close();
        }
        if (house != null) {
            house.close();
        }
        if (broker != null) {
            broker.destroy();
        }
        if (seatThreads != null) {
            seatThreads.close();
        }
    }

    @AfterEach
    void closePages() {
        pages.forEach(AuctionPage::close);
    }

    static BrowserSettings settings() {
        return BrowserSettings.defaults()
                .withChromiumPath(System.getProperty("chromium.path", ""))
                // Nine pages opening together on a loaded machine can take longer than the default 15 s.
                .withTimeouts(Duration.ofMinutes(1), BrowserSettings.DEFAULT_ACTION_TIMEOUT.multipliedBy(6))
                .withDriverDirectory(Path.of("target", "playwright-driver"));
    }

    private PlaywrightAuctionPage page(String name, RecordingListener listener) {
        return page(host, name, listener);
    }

    private PlaywrightAuctionPage page(BrowserHost on, String name, RecordingListener listener) {
        var page = new PlaywrightAuctionPage(on, name, seatThreads, listener);
        pages.add(page);
        return page;
    }

    private static URI base() {
        return house.baseUrl();
    }

    private static String token() {
        return "agent-" + UUID.randomUUID();
    }

    private static <T> T get(CompletableFuture<T> future) {
        return future.orTimeout(JOIN.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Test
    void seatsJoinThroughTheLobbySeeTheAuctionLiveAndBidByClicking() {
        var auction = house.createQuickAuction(CLOCK, 7);
        var cskSeen = new RecordingListener();
        var miSeen = new RecordingListener();
        var csk = page("CSK", cskSeen);
        var mi = page("MI", miSeen);

        var cskJoined = csk.join(base(), auction.code(), Franchise.CSK, token());
        var miJoined = mi.join(base(), auction.code().toLowerCase(), Franchise.MI, token());
        assertThat(get(cskJoined)).isEqualTo(JoinResult.JOINED);
        assertThat(get(miJoined)).isEqualTo(JoinResult.JOINED);

        // Seated, still in the lobby phase: both see both seats taken, live.
        for (var seen : List.of(cskSeen, miSeen)) {
            RoomView lobby = seen.awaitView(
                    v -> v.franchise(Franchise.CSK).seatTaken()
                            && v.franchise(Franchise.MI).seatTaken(),
                    LIVE);
            assertThat(lobby.code()).isEqualTo(auction.code());
            assertThat(lobby.phase()).isEqualTo(RoomView.Phase.LOBBY);
            assertThat(lobby.franchises()).hasSize(10);
        }
        JsonNode state = house.state(auction.code());
        assertThat(state.path("franchises").findValues("seatTaken").stream().filter(JsonNode::asBoolean))
                .hasSize(2);

        // The host starts: the first lot reaches both seats by itself (nobody polls).
        house.start(auction);
        RoomView opened = cskSeen.awaitView(v -> v.phase() == RoomView.Phase.RUNNING && v.lot() != null, LIVE);
        miSeen.awaitView(
                v -> v.lot() != null && v.lot().number() == opened.lot().number(), LIVE);
        RoomView.Lot lot = opened.lot();
        assertThat(lot.stage()).isEqualTo(RoomView.Stage.BIDDING);
        assertThat(lot.player().name()).isNotBlank();
        assertThat(lot.nextBid()).isEqualTo(lot.basePrice());
        assertThat(lot.currentBid()).isNull();
        assertThat(opened.remaining(Instant.now())).isPositive();
        assertThat(cskSeen.threads).noneMatch(t -> t.startsWith("browser-host"));

        // MI bids by clicking; CSK sees it live, and its button moves on to the next amount.
        Click click = get(mi.bid(lot.number(), lot.nextBid()));
        assertThat(click).isEqualTo(new Click(true, ""));
        RoomView afterMi =
                cskSeen.awaitView(v -> v.lot() != null && v.lot().isHeldBy(Franchise.MI, lot.nextBid()), LIVE);
        assertThat(afterMi.lot().nextBid()).isGreaterThan(lot.nextBid());

        // A click that names the old amount is not made: the button already shows another one.
        assertThat(get(csk.bid(lot.number(), lot.nextBid()))).isEqualTo(new Click(false, Click.MOVED_ON));
        // MI holds the highest bid: its button is disabled and says why.
        miSeen.awaitView(v -> v.lot() != null && v.lot().isHeldBy(Franchise.MI, lot.nextBid()), LIVE);
        assertThat(get(mi.bid(lot.number(), afterMi.lot().nextBid()))).isEqualTo(new Click(false, "highest-bidder"));

        // A double click on CSK's button (as a person's): the first bid is taken, the second refused, and the page
        // says so.
        Lakh next = afterMi.lot().nextBid();
        Page cskPage = csk.currentSeat().page();
        get(host.call(b -> cskPage.evaluate(
                "() => { const b = document.querySelector('[data-testid=bid-button]'); b.click(); b.click(); }")));
        miSeen.awaitView(v -> v.lot() != null && v.lot().isHeldBy(Franchise.CSK, next), LIVE);
        Refusal refused = cskSeen.awaitRefusal(r -> r.concerns(lot.number(), next), LIVE);
        assertThat(refused.reason()).isIn("stale", "highest-bidder");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.count()).isEqualTo(1);
        assertThat(get(csk.lastRefusal())).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(refused.reason());
            assertThat(r.lot()).isEqualTo(lot.number());
            assertThat(r.amount()).isEqualTo(next);
        });
        assertThat(get(mi.lastRefusal())).isEmpty();

        // The safety net reads the same state again.
        RoomView refreshed = get(mi.refresh()).orElseThrow();
        assertThat(refreshed.lot().isHeldBy(Franchise.CSK, next)).isTrue();
        assertThat(refreshed.seq()).isEqualTo(miSeen.latest().orElseThrow().seq());
    }

    @Test
    void aFloodOfViewsFromNinePagesReachesEveryListenerInOrder() {
        var auction = house.createQuickAuction(CLOCK, 9);
        List<Franchise> seats = List.of(
                Franchise.CSK,
                Franchise.DC,
                Franchise.GT,
                Franchise.KKR,
                Franchise.LSG,
                Franchise.MI,
                Franchise.PBKS,
                Franchise.RCB,
                Franchise.RR);
        List<PlaywrightAuctionPage> joined = new ArrayList<>();
        List<RecordingListener> listeners = new ArrayList<>();
        List<CompletableFuture<JoinResult>> joins = new ArrayList<>();
        for (Franchise seat : seats) {
            var listener = new RecordingListener();
            var page = page(seat.code(), listener);
            listeners.add(listener);
            joined.add(page);
            joins.add(page.join(base(), auction.code(), seat, token()));
        }
        joins.forEach(j -> assertThat(get(j)).isEqualTo(JoinResult.JOINED));

        // Each page applies 300 views (made up from its own, with ever higher seqs), one every 2 ms: about 1,300
        // pushes a second in all, far more than an auction makes.
        int views = 300;
        for (PlaywrightAuctionPage page : joined) {
            Page raw = page.currentSeat().page();
            get(host.call(b -> raw.evaluate(
                    "(n) => { let i = 0; const base = window.__auction; const t = setInterval(() => {"
                            + " document.dispatchEvent(new CustomEvent('auction:view',"
                            + " { detail: { ...base, seq: 1000000 + i } }));"
                            + " if (++i === n) clearInterval(t); }, 2); }",
                    views)));
        }
        for (RecordingListener listener : listeners) {
            await().atMost(JOIN)
                    .untilAsserted(() -> assertThat(listener.views.stream()
                                    .filter(a -> a.view().seq() >= 1_000_000)
                                    .map(a -> a.view().seq() - 1_000_000))
                            .as("flood views delivered to %s", seats.get(listeners.indexOf(listener)))
                            .hasSize(views));
            List<Long> seqs = listener.views.stream()
                    .map(a -> a.view().seq())
                    .filter(seq -> seq >= 1_000_000)
                    .toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize(views);
        }
        // The browser thread is still there, and still answers.
        assertThat(get(joined.getFirst().refresh())).isPresent();
    }

    @Test
    void aRoomsViewsGoBeforeEveryOtherTaskWaitingForTheBrowserThread() {
        var auction = house.createQuickAuction(CLOCK, 5);
        var seen = new RecordingListener();
        var kkr = page("KKR", seen);
        assertThat(get(kkr.join(base(), auction.code(), Franchise.KKR, token())))
                .isEqualTo(JoinResult.JOINED);
        Page raw = kkr.currentSeat().page();

        // Hold the browser thread while the queue fills: a page that pushes a view at once and another 0.1 s later
        // (the second can only come after a flush re-arms the page's doorbell), then four ordinary steps (a join's or
        // a click's kind) and four housekeeping steps (the pool's reads), 0.5 s each, each inside Playwright so that
        // pushes are read meanwhile.
        var hold = new CompletableFuture<Void>();
        host.call(b -> hold.get(1, TimeUnit.MINUTES));
        host.call(
                b -> raw.evaluate("() => { const base = window.__auction; const view = (seq) => document.dispatchEvent("
                        + "new CustomEvent('auction:view', { detail: { ...base, seq } }));"
                        + " view(2000000); setTimeout(() => view(2000001), 100); }"));
        BrowserHost.BrowserTask<Instant> step = b -> {
            raw.evaluate("() => new Promise(done => setTimeout(done, 500))");
            return Instant.now();
        };
        List<CompletableFuture<Instant>> steps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            steps.add(host.call(step, seatThreads));
        }
        for (int i = 0; i < 4; i++) {
            steps.add(host.callWhenIdle(step, seatThreads));
        }
        hold.complete(null);

        seen.awaitView(v -> v.seq() == 2_000_001, JOIN);
        Instant second = seen.views.stream()
                .filter(a -> a.view().seq() == 2_000_001)
                .findFirst()
                .orElseThrow()
                .at();
        List<Instant> done = steps.stream().map(PlaywrightAuctionPageIT::get).toList();
        assertThat(done.stream().filter(at -> at.isBefore(second)))
                .as("steps done before the page's second view reached Java (behind the ordinary ones it would be"
                        + " 4, behind all of them 8)")
                .hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aSeatGlancesAtThePoolWhileTheRoomPlaysOn() {
        var auction = house.createQuickAuction(CLOCK, 13);
        var seen = new RecordingListener();
        var kkr = page("KKR", seen);
        assertThat(kkr.pool()).failsWithin(LIVE).withThrowableThat().withCauseInstanceOf(IllegalStateException.class);
        assertThat(get(kkr.join(base(), auction.code(), Franchise.KKR, token())))
                .isEqualTo(JoinResult.JOINED);

        // In the lobby the pool is the whole catalogue, in order, every player as the house has him.
        List<Player> whole = EventJson.mapper().convertValue(house.pool(auction.code()), new TypeReference<>() {});
        assertThat(whole).hasSizeGreaterThan(10);
        assertThat(get(kkr.pool())).isEqualTo(whole);

        // Running: the player on the block is not in it; the rest follow in order.
        house.start(auction);
        RoomView first = seen.awaitView(v -> v.phase() == RoomView.Phase.RUNNING && v.lot() != null, LIVE);
        assertThat(first.lot().player().id()).isEqualTo(whole.getFirst().id());
        List<Player> rest = get(kkr.pool());
        assertThat(rest).isEqualTo(whole.subList(1, whole.size()));
        assertThat(rest).anyMatch(Player::overseas).anyMatch(p -> p.team2024() != null);

        // The room was not disturbed: no tab was opened, the room page is where it was, live and clickable.
        SeatTab seat = kkr.currentSeat();
        assertThat(get(host.<Integer>call(b -> seat.context().pages().size()))).isEqualTo(1);
        assertThat(get(host.<String>call(b -> seat.page().url()))).endsWith("/room");
        RoomView.Lot lot = first.lot();
        assertThat(get(kkr.bid(lot.number(), lot.nextBid()))).isEqualTo(new Click(true, ""));
        seen.awaitView(v -> v.lot() != null && v.lot().isHeldBy(Franchise.KKR, lot.nextBid()), LIVE);

        // Several reads side by side each get the whole pool and share two reads (the first, then one for all who
        // asked while it ran: each gets a read that began after it asked).
        int readsBefore = host.pool().readsMade();
        List<CompletableFuture<List<Player>>> reads = List.of(kkr.pool(), kkr.pool(), kkr.pool(), kkr.pool());
        for (var read : reads) {
            assertThat(get(read)).isEqualTo(rest);
        }
        assertThat(host.pool().readsMade() - readsBefore).isEqualTo(2);
        assertThat(get(host.<Integer>call(b -> seat.context().pages().size()))).isEqualTo(1);

        // A page that was lost cannot read the pool until it is reopened: said at once, never hangs.
        get(PageTestHooks.closeContext(host, kkr));
        assertThat(kkr.pool()).failsWithin(LIVE).withThrowableThat().withMessageContaining("KKR");
    }

    @Test
    void aSeatHeldByAnotherTokenIsLeftAloneAndUnknownOrFinishedAuctionsAreSaidSo() throws Exception {
        var auction = house.createQuickAuction(CLOCK, 11);
        var person = page("RCB-person", new RecordingListener());
        assertThat(get(person.join(base(), auction.code(), Franchise.RCB, token())))
                .isEqualTo(JoinResult.JOINED);

        var agent = page("RCB-agent", new RecordingListener());
        assertThat(get(agent.join(base(), auction.code(), Franchise.RCB, token())))
                .isEqualTo(JoinResult.TAKEN_BY_SOMEONE_ELSE);
        assertThat(house.state(auction.code()).path("franchises").findValues("seatTaken").stream()
                        .filter(JsonNode::asBoolean))
                .hasSize(1);

        var lost = page("lost", new RecordingListener());
        assertThat(get(lost.join(base(), "ZZZZ99", Franchise.DC, token()))).isEqualTo(JoinResult.AUCTION_NOT_FOUND);

        var nowhere = page("nowhere", new RecordingListener());
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(nowhere.join(URI.create("http://localhost:" + closedPort), auction.code(), Franchise.DC, token()))
                .failsWithin(JOIN)
                .withThrowableThat()
                .withCauseInstanceOf(PageActionFailed.class)
                .withMessageContaining("could not open the lobby of " + auction.code())
                .withMessageContaining("ERR_CONNECTION_REFUSED");

        var over = house.createQuickAuction(CLOCK, 12);
        house.host(over, "end");
        var late = page("late", new RecordingListener());
        assertThat(get(late.join(base(), over.code(), Franchise.GT, token()))).isEqualTo(JoinResult.AUCTION_OVER);
        assertThat(late.bid(1, Lakh.of(100))).failsWithin(LIVE);
    }

    @Test
    void aPageThatCrashesOrIsClosedIsReportedAndReopenTakesTheSameSeatWithTheSameToken() {
        var auction = house.createQuickAuction(CLOCK, 13);
        var seen = new RecordingListener();
        var kkr = page("KKR", seen);
        String token = token();
        assertThat(get(kkr.join(base(), auction.code(), Franchise.KKR, token))).isEqualTo(JoinResult.JOINED);
        seen.awaitView(v -> v.franchise(Franchise.KKR).seatTaken(), LIVE);

        get(PageTestHooks.crash(host, kkr));
        PageLost crashed = seen.awaitLoss(LIVE);
        assertThat(crashed.reason()).isEqualTo(PageLost.Reason.CRASHED);
        assertThat(kkr.bid(1, Lakh.of(100)))
                .failsWithin(LIVE)
                .withThrowableThat()
                .withMessageContaining("reopen()");

        assertThat(get(kkr.reopen())).isEqualTo(JoinResult.JOINED);
        int before = seen.views.size();
        house.start(auction);
        seen.awaitArrival(v -> v.phase() == RoomView.Phase.RUNNING && v.lot() != null, LIVE, before);

        seen.losses.clear();
        get(PageTestHooks.closeContext(host, kkr));
        assertThat(seen.awaitLoss(LIVE).reason()).isEqualTo(PageLost.Reason.CLOSED);
        assertThat(get(kkr.reopen())).isEqualTo(JoinResult.JOINED);
        RoomView back = get(kkr.refresh()).orElseThrow();
        assertThat(back.franchise(Franchise.KKR).seatTaken()).isTrue();
        RoomView.Lot lot = back.lot();
        assertThat(get(kkr.bid(lot.number(), lot.nextBid())).clicked()).isTrue();
        seen.awaitView(v -> v.lot() != null && v.lot().isHeldBy(Franchise.KKR, lot.nextBid()), LIVE);
        assertThat(seen.losses).hasSize(1);
    }

    @Test
    void whenChromiumDiesTheHostStartsItAgainAndSeatsReopen() throws Exception {
        var auction = house.createQuickAuction(CLOCK, 17);
        var before = ChromiumProcesses.driverProcesses();
        try (BrowserHost own = BrowserHost.start(settings())) {
            ProcessHandle chromium = ChromiumProcesses.browserOf(ChromiumProcesses.newDriver(before));
            var seen = new RecordingListener();
            var srh = page(own, "SRH", seen);
            String token = token();
            assertThat(get(srh.join(base(), auction.code(), Franchise.SRH, token)))
                    .isEqualTo(JoinResult.JOINED);

            chromium.destroyForcibly();
            PageLost lost = seen.awaitLoss(LIVE);
            assertThat(lost.reason())
                    .isIn(PageLost.Reason.BROWSER_DIED, PageLost.Reason.CLOSED, PageLost.Reason.CRASHED);

            assertThat(get(srh.reopen())).isEqualTo(JoinResult.JOINED);
            assertThat(own.relaunches()).isEqualTo(1);
            int from = seen.views.size();
            house.start(auction);
            seen.awaitArrival(v -> v.phase() == RoomView.Phase.RUNNING && v.lot() != null, LIVE, from);
            srh.close();
        }
    }

    @Test
    void theRightToMatchButtonsWork() {
        // Two players whose 2024 franchise was CSK: each lot ends in a right-to-match offer to CSK.
        var probe = house.createQuickAuction(CLOCK, 21);
        List<String> cskPlayers = new ArrayList<>();
        for (JsonNode player : house.pool(probe.code())) {
            if ("CSK".equals(player.path("team2024").asString("")) && cskPlayers.size() < 2) {
                cskPlayers.add(player.path("id").asString());
            }
        }
        assertThat(cskPlayers).as("players of CSK 2024 in the quick auction").hasSize(2);
        var auction = house.createAuction("{\"catalogue\":\"quick\",\"seed\":3,\"rtmCards\":2,\"playerIds\":[\""
                + String.join("\",\"", cskPlayers)
                + "\"],\"bidWindowMillis\":12000,\"acceleratedWindowMillis\":1000,\"rtmWindowMillis\":120000}");

        var cskSeen = new RecordingListener();
        var miSeen = new RecordingListener();
        var csk = page("CSK", cskSeen);
        var mi = page("MI", miSeen);
        assertThat(get(csk.join(base(), auction.code(), Franchise.CSK, token())))
                .isEqualTo(JoinResult.JOINED);
        assertThat(get(mi.join(base(), auction.code(), Franchise.MI, token()))).isEqualTo(JoinResult.JOINED);
        house.start(auction);

        // Lot 1: MI bids, CSK matches, MI raises, CSK lets him go: MI buys at the raise.
        RoomView.Lot first = miSeen.awaitView(v -> v.lot() != null && v.lot().number() == 1, LIVE)
                .lot();
        assertThat(get(mi.bid(1, first.nextBid())).clicked()).isTrue();
        RoomView offered =
                cskSeen.awaitView(v -> v.lot() != null && v.lot().stage() == RoomView.Stage.RTM_OFFERED, LIVE);
        assertThat(offered.lot().rtmFranchise()).isEqualTo(Franchise.CSK);
        assertThat(get(mi.rtmMatch())).isEqualTo(new Click(false, Click.NOT_SHOWN));
        assertThat(get(csk.rtmMatch())).isEqualTo(new Click(true, ""));
        RoomView matched =
                miSeen.awaitView(v -> v.lot() != null && v.lot().stage() == RoomView.Stage.RTM_MATCHED, LIVE);
        Lakh raise = matched.lot().nextBid().plus(Lakh.of(15));
        assertThat(get(mi.rtmRaise(raise))).isEqualTo(new Click(true, ""));
        cskSeen.awaitView(
                v -> v.lot() != null
                        && v.lot().stage() == RoomView.Stage.RTM_RAISED
                        && raise.equals(v.lot().currentBid()),
                LIVE);
        assertThat(get(csk.rtmDecline())).isEqualTo(new Click(true, ""));
        RoomView sold = miSeen.awaitView(v -> !v.recent().isEmpty(), LIVE);
        assertThat(sold.recent().getFirst()).satisfies(r -> {
            assertThat(r.lot()).isEqualTo(1);
            assertThat(r.soldTo()).isEqualTo(Franchise.MI);
            assertThat(r.price()).isEqualTo(raise);
            assertThat(r.rightToMatch()).isFalse();
        });

        // Lot 2: MI bids, CSK matches, MI does not raise: CSK gets him with its card.
        RoomView.Lot second = miSeen.awaitView(v -> v.lot() != null && v.lot().number() == 2, LIVE)
                .lot();
        assertThat(get(mi.bid(2, second.nextBid())).clicked()).isTrue();
        cskSeen.awaitView(
                v -> v.lot() != null && v.lot().number() == 2 && v.lot().stage() == RoomView.Stage.RTM_OFFERED, LIVE);
        assertThat(get(csk.rtmMatch()).clicked()).isTrue();
        miSeen.awaitView(
                v -> v.lot() != null && v.lot().number() == 2 && v.lot().stage() == RoomView.Stage.RTM_MATCHED, LIVE);
        assertThat(get(mi.rtmNoRaise())).isEqualTo(new Click(true, ""));
        RoomView done = cskSeen.awaitView(v -> v.recent().size() == 2, LIVE);
        assertThat(done.recent().getFirst()).satisfies(r -> {
            assertThat(r.lot()).isEqualTo(2);
            assertThat(r.soldTo()).isEqualTo(Franchise.CSK);
            assertThat(r.price()).isEqualTo(second.nextBid());
            assertThat(r.rightToMatch()).isTrue();
        });
        assertThat(done.franchise(Franchise.CSK).rtmCards()).isEqualTo(1);
        await().atMost(LIVE).until(() -> cskSeen.latest().orElseThrow().phase() == RoomView.Phase.COMPLETED);
    }
}
