package dev.iplauction.agent.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

/**
 * The room's reflex (PAGE_CONTRACT.md, "The reflex") against the real auction house in a real Chromium: an armed page
 * counters a rival's bid by itself up to its maximum and no further, keeps one bid in flight, stays still when disarmed
 * or when its franchise no longer looks as it did when armed, and tells the seat of every click.
 */
class PageReflexIT {

    /** Limits that only stop a hung test, sized for a loaded 2-core machine. */
    private static final Duration LIVE = Duration.ofMinutes(1);

    private static final Duration JOIN = Duration.ofMinutes(5);
    /** A lot's clock long enough that no step of a test races it. */
    private static final Duration CLOCK = Duration.ofMinutes(3);

    private static EmbeddedKafkaKraftBroker broker;
    private static AuctionHouseProcess house;
    private static BrowserHost host;
    private static ExecutorService seatThreads;

    private final List<AuctionPage> pages = new ArrayList<>();

    @BeforeAll
    static void startTheWorld() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(java.util.Map.of(
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        house = AuctionHouseProcess.builder(broker.getBrokersAsString())
                .name("page-reflex-it")
                .start();
        host = BrowserHost.start(PlaywrightAuctionPageIT.settings());
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

    private PlaywrightAuctionPage page(String name, RecordingListener listener) {
        var page = new PlaywrightAuctionPage(host, name, seatThreads, listener);
        pages.add(page);
        return page;
    }

    private static <T> T get(CompletableFuture<T> future) {
        return future.orTimeout(JOIN.toSeconds(), TimeUnit.SECONDS).join();
    }

    private record Room(
            PlaywrightAuctionPage csk,
            RecordingListener cskSeen,
            PlaywrightAuctionPage mi,
            RecordingListener miSeen,
            RoomView.Lot lot) {}

    /** CSK and MI seated in a started auction, both seeing its first lot open. */
    private Room seatedInARunningAuction(long seed) {
        var auction = house.createQuickAuction(CLOCK, seed);
        var cskSeen = new RecordingListener();
        var miSeen = new RecordingListener();
        var csk = page("CSK", cskSeen);
        var mi = page("MI", miSeen);
        URI base = house.baseUrl();
        var cskJoined = csk.join(base, auction.code(), Franchise.CSK, "agent-" + UUID.randomUUID());
        var miJoined = mi.join(base, auction.code(), Franchise.MI, "agent-" + UUID.randomUUID());
        assertThat(get(cskJoined)).isEqualTo(JoinResult.JOINED);
        assertThat(get(miJoined)).isEqualTo(JoinResult.JOINED);
        house.start(auction);
        RoomView opened = cskSeen.awaitView(v -> v.phase() == RoomView.Phase.RUNNING && v.lot() != null, LIVE);
        miSeen.awaitView(
                v -> v.lot() != null && v.lot().number() == opened.lot().number(), LIVE);
        return new Room(csk, cskSeen, mi, miSeen, opened.lot());
    }

    private static java.util.function.Predicate<RoomView> held(Franchise franchise, Lakh amount) {
        return v -> v.lot() != null && v.lot().isHeldBy(franchise, amount);
    }

    private static Reflex reflex(RoomView view, Franchise franchise, Lakh max) {
        RoomView.FranchiseState me = view.franchise(franchise);
        return new Reflex(view.lot().number(), max, me.purse(), me.squadSize(), 0);
    }

    private static Lakh steps(Lakh from, int steps) {
        Lakh amount = from;
        for (int i = 0; i < steps; i++) {
            amount = amount.plus(Increments.IPL.increment(amount));
        }
        return amount;
    }

    @Test
    void anArmedPageCountersEveryRivalBidUpToItsMaximumAndNoFurther() {
        Room room = seatedInARunningAuction(11);
        RoomView.Lot lot = room.lot();
        Lakh base = lot.basePrice();
        Lakh max = steps(base, 2); // CSK will pay base, base+2 steps; MI bids base+1 step, base+3 steps

        // Armed while nobody has bid: the page opens the bidding by itself at once.
        assertThat(get(room.csk().arm(reflex(room.cskSeen().latest().orElseThrow(), Franchise.CSK, max))))
                .isEqualTo(new Click(true, ""));
        room.miSeen().awaitView(held(Franchise.CSK, base), LIVE);

        // MI raises: CSK's page answers with the next amount without being asked.
        assertThat(get(room.mi().bid(lot.number(), steps(base, 1)))).isEqualTo(new Click(true, ""));
        room.miSeen().awaitView(held(Franchise.CSK, steps(base, 2)), LIVE);

        // MI raises past CSK's maximum: CSK's page stays still, and CSK's own click can still be made by hand.
        assertThat(get(room.mi().bid(lot.number(), steps(base, 3)))).isEqualTo(new Click(true, ""));
        room.cskSeen().awaitView(held(Franchise.MI, steps(base, 3)), LIVE);
        assertThat(get(room.csk().bid(lot.number(), steps(base, 4)))).isEqualTo(new Click(true, ""));
        room.miSeen().awaitView(held(Franchise.CSK, steps(base, 4)), LIVE);

        // The seat heard of each of the page's own clicks, in order, with when it was prompted; none was refused.
        assertThat(room.cskSeen().reflexBids)
                .extracting(ReflexBid::lot, ReflexBid::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(lot.number(), base),
                        org.assertj.core.groups.Tuple.tuple(lot.number(), steps(base, 2)));
        assertThat(room.cskSeen().reflexBids)
                .allSatisfy(b -> assertThat(b.clickedAt()).isAfterOrEqualTo(b.promptedAt()));
        assertThat(room.cskSeen().refusals).isEmpty();
        assertThat(room.miSeen().reflexBids).isEmpty();
    }

    @Test
    void aDisarmedPageOrOneArmedForAnotherPurseStaysStill() {
        Room room = seatedInARunningAuction(12);
        RoomView.Lot lot = room.lot();
        Lakh base = lot.basePrice();
        Lakh plenty = steps(base, 20);
        RoomView seen = room.cskSeen().latest().orElseThrow();

        // Armed, then disarmed before anyone bids: MI opens, and CSK's page does not answer; CSK's hand still can.
        Reflex armed = reflex(seen, Franchise.CSK, plenty);
        Reflex stale = new Reflex(armed.lot(), plenty, armed.purse().plus(Lakh.of(1)), armed.squadSize(), 0);
        assertThat(get(room.csk().arm(stale))).isEqualTo(new Click(true, "")); // another purse: no click at arming
        assertThat(get(room.mi().bid(lot.number(), base))).isEqualTo(new Click(true, ""));
        room.cskSeen().awaitView(held(Franchise.MI, base), LIVE);
        assertThat(get(room.csk().disarm())).isEqualTo(new Click(true, ""));
        assertThat(get(room.csk().bid(lot.number(), steps(base, 1)))).isEqualTo(new Click(true, ""));
        room.miSeen().awaitView(held(Franchise.CSK, steps(base, 1)), LIVE);

        assertThat(get(room.csk().arm(armed))).isEqualTo(new Click(true, ""));
        assertThat(get(room.csk().disarm())).isEqualTo(new Click(true, ""));
        assertThat(get(room.mi().bid(lot.number(), steps(base, 2)))).isEqualTo(new Click(true, ""));
        room.cskSeen().awaitView(held(Franchise.MI, steps(base, 2)), LIVE);
        assertThat(get(room.csk().bid(lot.number(), steps(base, 3)))).isEqualTo(new Click(true, ""));
        room.miSeen().awaitView(held(Franchise.CSK, steps(base, 3)), LIVE);

        assertThat(room.cskSeen().reflexBids).isEmpty();
        assertThat(room.cskSeen().refusals).isEmpty();
    }

    @Test
    void onePageKeepsOneBidInFlightAndTwoArmedPagesBidEachOtherUpWithoutRacing() {
        Room room = seatedInARunningAuction(13);
        RoomView.Lot lot = room.lot();
        Lakh base = lot.basePrice();
        Lakh max = steps(base, 6);

        // Armed, CSK's page clicks at once; five more views arriving before the answer (the same view again, as the
        // safety-net poll brings it) click nothing more.
        Reflex csk = reflex(room.cskSeen().latest().orElseThrow(), Franchise.CSK, max);
        Page cskPage = room.csk().currentSeat().page();
        Object clicks = get(host.call(b -> cskPage.evaluate(
                """
                (order) => {
                  let clicks = 0;
                  document.addEventListener("auction:reflex-bid", () => clicks++);
                  window.__auctionReflex.arm(order);
                  for (let i = 0; i < 5; i++) {
                    document.dispatchEvent(new CustomEvent("auction:view", { detail: window.__auction }));
                  }
                  return clicks;
                }
                """,
                java.util.Map.of(
                        "lot", csk.lot(),
                        "max", csk.max().value(),
                        "purse", csk.purse().value(),
                        "squadSize", csk.squadSize()))));
        assertThat(((Number) clicks).intValue()).isEqualTo(1);
        room.miSeen().awaitView(held(Franchise.CSK, base), LIVE);

        // Both armed to the same maximum: they take turns, each answering the other, until the next amount is beyond
        // it; with one bid in flight each, no click of theirs is refused.
        // MI's spread of 200 ms never holds it back: the only other seat that could bid is the leader's.
        RoomView miSaw = room.miSeen().latest().orElseThrow();
        Reflex mi = reflex(miSaw, Franchise.MI, max);
        assertThat(get(room.mi().arm(new Reflex(mi.lot(), mi.max(), mi.purse(), mi.squadSize(), 200))))
                .isEqualTo(new Click(true, ""));
        RoomView last = room.cskSeen()
                .awaitView(v -> v.lot() != null && max.equals(v.lot().currentBid()), LIVE);
        assertThat(last.lot().highestBidder()).isEqualTo(Franchise.CSK); // CSK took the even steps, MI the odd ones
        org.awaitility.Awaitility.await()
                .atMost(LIVE)
                .until(() -> room.cskSeen().reflexBids.size() >= 4
                        && room.miSeen().reflexBids.size() >= 3);
        assertThat(room.cskSeen().reflexBids).hasSize(4);
        assertThat(room.miSeen().reflexBids).hasSize(3);
        assertThat(room.cskSeen().refusals).isEmpty();
        assertThat(room.miSeen().refusals).isEmpty();
        // The house's own record agrees: CSK holds the maximum.
        assertThat(house.state(last.code()).path("lot").path("currentBid").asInt())
                .isEqualTo(max.value());
    }

    @Test
    void pagesThatCouldBidTheSameAmountTakeTurnsInTheViewsOrder() {
        var auction = house.createQuickAuction(CLOCK, 15);
        URI base = house.baseUrl();
        Map<Franchise, PlaywrightAuctionPage> seats = new EnumMap<>(Franchise.class);
        Map<Franchise, RecordingListener> seen = new EnumMap<>(Franchise.class);
        List<CompletableFuture<JoinResult>> joins = new ArrayList<>();
        for (Franchise f : List.of(Franchise.CSK, Franchise.MI, Franchise.RCB)) {
            seen.put(f, new RecordingListener());
            seats.put(f, page(f.code(), seen.get(f)));
            joins.add(seats.get(f).join(base, auction.code(), f, "agent-" + UUID.randomUUID()));
        }
        joins.forEach(join -> assertThat(get(join)).isEqualTo(JoinResult.JOINED));
        house.start(auction);
        RoomView.Lot lot = seen.get(Franchise.CSK)
                .awaitView(v -> v.phase() == RoomView.Phase.RUNNING && v.lot() != null, LIVE)
                .lot();
        Lakh opening = lot.basePrice();
        Lakh next = steps(opening, 1);

        // CSK opens by hand: MI and RCB, neither of whom has bid on the lot, could both answer with the next amount.
        assertThat(get(seats.get(Franchise.CSK).bid(lot.number(), opening))).isEqualTo(new Click(true, ""));
        RoomView prompt = seen.get(Franchise.MI).awaitView(held(Franchise.CSK, opening), LIVE);
        seen.get(Franchise.RCB).awaitView(v -> v.seq() >= prompt.seq(), LIVE);
        boolean miFirst =
                Long.compareUnsigned(place(prompt.seq(), Franchise.MI), place(prompt.seq(), Franchise.RCB)) < 0;
        Franchise first = miFirst ? Franchise.MI : Franchise.RCB;
        Franchise second = miFirst ? Franchise.RCB : Franchise.MI;

        // Both armed to bid that amount only, with the widest spread (1 s a turn), the second in the view's order
        // first: it waits for its turn. The first clicks at once, within its arming; when the second one's turn comes,
        // that bid is what it sees. With random waits instead, neither would click at once, and either could go first.
        assertThat(armCountingClicks(seats.get(second), prompt, second, lot.number(), next))
                .isZero();
        assertThat(armCountingClicks(seats.get(first), prompt, first, lot.number(), next))
                .isOne();
        RoomView answered = seen.get(Franchise.CSK)
                .awaitView(v -> v.lot() != null && next.equals(v.lot().currentBid()), LIVE);
        assertThat(answered.lot().highestBidder())
                .as("the view's order put %s first", first)
                .isEqualTo(first);
        assertThat(seen.get(first).reflexBids).extracting(ReflexBid::amount).containsExactly(next);
    }

    /** Arms a page through its script and returns how many clicks it made while arming (at once, not after a wait). */
    private static int armCountingClicks(
            PlaywrightAuctionPage seat, RoomView seen, Franchise franchise, int lot, Lakh max) {
        RoomView.FranchiseState me = seen.franchise(franchise);
        Page page = seat.currentSeat().page();
        Object clicks = get(host.call(b -> page.evaluate(
                """
                (order) => {
                  let clicks = 0;
                  const count = () => clicks++;
                  document.addEventListener("auction:reflex-bid", count);
                  const armed = window.__auctionReflex.arm(order);
                  document.removeEventListener("auction:reflex-bid", count);
                  return armed === "armed" ? clicks : -1;
                }
                """,
                Map.of(
                        "lot", lot,
                        "max", max.value(),
                        "purse", me.purse().value(),
                        "squadSize", me.squadSize(),
                        "spreadMs", 1000))));
        return ((Number) clicks).intValue();
    }

    /**
     * A franchise's place in a view's order among those that have not bid on the lot, as reflex.js computes it: FNV-1a
     * of "seq:code", then mixed.
     */
    private static long place(long seq, Franchise franchise) {
        int h = 0x811c9dc5;
        for (char c : (seq + ":" + franchise.code()).toCharArray()) {
            h = (h ^ c) * 0x01000193;
        }
        h = (h ^ (h >>> 16)) * 0x85ebca6b;
        h = (h ^ (h >>> 13)) * 0xc2b2ae35;
        return Integer.toUnsignedLong(h ^ (h >>> 16));
    }

    @Test
    void aBadOrderIsRefusedWithWhatIsWrong() {
        Room room = seatedInARunningAuction(14);
        Page cskPage = room.csk().currentSeat().page();
        Object answer = get(host.call(b ->
                cskPage.evaluate("() => window.__auctionReflex.arm({ lot: 'one', max: -5, purse: 1, squadSize: 0 })")));
        assertThat(String.valueOf(answer)).startsWith("not:bad-order").contains("whole numbers");
    }
}
