package dev.iplauction.auction.rules;

import static dev.iplauction.auction.rules.AuctionFixtures.CODE;
import static dev.iplauction.auction.rules.AuctionFixtures.assertNoGaps;
import static dev.iplauction.auction.rules.AuctionFixtures.snapshot;
import static dev.iplauction.auction.rules.AuctionFixtures.standardSetup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import dev.iplauction.auction.rules.AuctionFixtures.Snapshot;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionEvent.CompletionReason;
import dev.iplauction.contracts.auction.Round;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuctionReplayTests {

    private RecordedAuction a;

    /** What the live auction looked like after each command: how many events there were, when, and its snapshot. */
    private final Map<Integer, Seen> seen = new LinkedHashMap<>();

    private record Seen(Instant at, Snapshot snapshot) {}

    /**
     * A whole auction with every kind of event: seats claimed and released, bids accepted and refused, a pause, a clock
     * restart, a right to match with a raise and a final match, a declined one, a skip, an accelerated round.
     */
    @BeforeEach
    void playAWholeAuction() {
        a = RecordedAuction.create(standardSetup());
        step(x -> x.claimSeat(Franchise.MI, "mi"));
        step(x -> x.claimSeat(Franchise.CSK, "csk"));
        step(x -> x.claimSeat(Franchise.RCB, "rcb-old"));
        step(x -> x.releaseSeat(Franchise.RCB));
        step(x -> x.claimSeat(Franchise.RCB, "rcb"));
        step(Auction::start);

        // lot 1, Kohli (RCB 2024, no card): bids, a stale one, a pause, a restarted clock
        bid(Franchise.MI, 200);
        bid(Franchise.CSK, 210);
        bid(Franchise.CSK, 220);
        a.clock.advanceSeconds(3);
        step(Auction::pause);
        a.clock.advanceSeconds(20);
        step(Auction::resume);
        bid(Franchise.MI, 240);
        a.clock.advanceSeconds(5);
        step(Auction::restartClock);
        runOut(); // sold to MI at 240

        // lot 2, Buttler (MI 2024, MI holds cards): CSK buys, MI matches, CSK raises, MI matches again
        bid(Franchise.CSK, 150);
        runOut();
        a.clock.advanceSeconds(1);
        step(x -> x.rtmMatch(Franchise.MI));
        a.clock.advanceSeconds(1);
        step(Auction::pause); // paused in the raise window
        a.clock.advanceSeconds(10);
        step(Auction::resume);
        step(x -> x.rtmRaise(Franchise.CSK, Lakh.of(275)));
        step(x -> x.rtmMatch(Franchise.MI));

        // lot 3, Samson: skipped
        a.clock.advanceSeconds(2);
        step(Auction::skip);

        // lot 4, the uncapped rookie (CSK 2024): RCB buys, CSK declines
        bid(Franchise.MI, 30);
        bid(Franchise.RCB, 35);
        runOut();
        step(x -> x.rtmDecline(Franchise.CSK));

        // lot 5: nobody bids; the accelerated round brings back Samson and the youngster
        runOut();
        bid(Franchise.CSK, 100);
        runOut(); // Samson to CSK
        a.clock.advanceSeconds(1);
        step(Auction::pause);
        step(Auction::resume);
        runOut(); // the youngster unsold again: the auction is over
    }

    @Test
    void theAuctionPlayedEveryKindOfEvent() {
        Set<Class<?>> played = a.log.stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(played).containsExactlyInAnyOrder(AuctionEvent.class.getPermittedSubclasses());
        assertThat(a.auction.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(a.auction.completionReason()).contains(CompletionReason.ALL_LOTS_DONE);
        assertThat(a.auction.results())
                .extracting(
                        r -> r.lot(),
                        r -> r.round(),
                        r -> r.soldTo(),
                        r -> r.price(),
                        r -> r.rightToMatch(),
                        r -> r.skipped())
                .containsExactly(
                        tuple(1, Round.MAIN, Franchise.MI, Lakh.of(240), false, false),
                        tuple(2, Round.MAIN, Franchise.MI, Lakh.of(275), true, false),
                        tuple(3, Round.MAIN, null, null, false, true),
                        tuple(4, Round.MAIN, Franchise.RCB, Lakh.of(35), false, false),
                        tuple(5, Round.MAIN, null, null, false, false),
                        tuple(6, Round.ACCELERATED, Franchise.CSK, Lakh.of(100), false, false),
                        tuple(7, Round.ACCELERATED, null, null, false, false));
        assertThat(a.auction.standing(Franchise.MI).rtmCards()).isEqualTo(2);
        assertThat(a.auction.standing(Franchise.CSK).rtmCards()).isEqualTo(2);
        assertNoGaps(a.log);
    }

    @Test
    void replayingTheWholeAuctionGivesTheSameState() {
        Auction replayed = a.replay();

        assertThat(snapshot(replayed)).isEqualTo(snapshot(a.auction));
        assertThat(replayed.seq()).isEqualTo(a.log.size());
        assertThat(replayed.setup()).isEqualTo(a.auction.setup());
        assertThat(replayed.isHost(AuctionFixtures.HOST)).isTrue();
        assertThat(replayed.seatOf("mi")).contains(Franchise.MI);
        assertThat(replayed.seatOf("rcb")).contains(Franchise.RCB);
        assertThat(replayed.seatOf("rcb-old")).isEmpty();
    }

    @Test
    void replayingUpToAnyPointGivesTheStateTheAuctionHadThen() {
        assertThat(seen).hasSizeGreaterThan(30);
        seen.forEach((events, expected) -> {
            Auction replayed = Auction.replay(CODE, a.log.subList(0, events), new TestClock(expected.at()));
            assertThat(snapshot(replayed))
                    .as("after %d events (%s)", events, a.log.get(events - 1))
                    .isEqualTo(expected.snapshot());
            if (expected.snapshot().phase() == Phase.PAUSED) {
                Auction later = Auction.replay(
                        CODE,
                        a.log.subList(0, events),
                        new TestClock(expected.at().plusSeconds(3600)));
                assertThat(snapshot(later))
                        .as("a paused auction replayed an hour later, after %d events", events)
                        .isEqualTo(expected.snapshot());
            }
        });
    }

    @Test
    void aReplayedAuctionCarriesOnExactlyAsTheOriginalWould() {
        RecordedAuction original = RecordedAuction.started(standardSetup());
        original.runOut();
        original.bid(Franchise.CSK, 150);
        original.runOut(); // MI offered the match on Buttler
        original.clock.advanceSeconds(1);
        original.run(x -> x.rtmMatch(Franchise.MI));
        original.clock.advanceSeconds(1);
        original.run(Auction::pause);

        Auction copy = Auction.replay(CODE, original.log, original.clock);
        original.clock.advanceSeconds(30);

        assertThat(copy.resume()).isEqualTo(original.auction.resume());
        assertThat(copy.rtmRaise(Franchise.CSK, Lakh.of(300)))
                .isEqualTo(original.auction.rtmRaise(Franchise.CSK, Lakh.of(300)));
        original.clock.advanceSeconds(4);
        assertThat(copy.tick()).isEqualTo(original.auction.tick()).hasSize(3);
        assertThat(copy.bid(Franchise.RCB, 3, Lakh.of(100)).events())
                .isEqualTo(original.auction.bid(Franchise.RCB, 3, Lakh.of(100)).events());
        assertThat(snapshot(copy)).isEqualTo(snapshot(original.auction));
    }

    @Test
    void replaySkipsEventsItHasAlreadyApplied() {
        List<AuctionEvent> twice = new ArrayList<>(a.log);
        twice.addAll(a.log);
        List<AuctionEvent> eachTwice =
                a.log.stream().flatMap(e -> List.of(e, e).stream()).toList();
        List<AuctionEvent> lateCopies = new ArrayList<>(a.log);
        lateCopies.add(20, a.log.get(4));
        lateCopies.add(30, a.log.get(0));

        Snapshot expected = snapshot(a.auction);
        assertThat(snapshot(Auction.replay(CODE, twice, a.clock))).isEqualTo(expected);
        assertThat(snapshot(Auction.replay(CODE, eachTwice, a.clock))).isEqualTo(expected);
        assertThat(snapshot(Auction.replay(CODE, lateCopies, a.clock))).isEqualTo(expected);
    }

    @Test
    void aMissingEventIsAnError() {
        List<AuctionEvent> gap = new ArrayList<>(a.log);
        gap.remove(10);

        assertThatIllegalStateException()
                .isThrownBy(() -> Auction.replay(CODE, gap, a.clock))
                .withMessageContaining("expected event 11");
    }

    @Test
    void eventsOutOfOrderAreAnError() {
        List<AuctionEvent> swapped = new ArrayList<>(a.log);
        swapped.set(10, a.log.get(11));
        swapped.set(11, a.log.get(10));

        assertThatIllegalStateException().isThrownBy(() -> Auction.replay(CODE, swapped, a.clock));
    }

    @Test
    void anAuctionCannotBeRebuiltWithoutItsCreation() {
        assertThatIllegalStateException().isThrownBy(() -> Auction.replay(CODE, List.of(), a.clock));
        assertThatIllegalStateException()
                .isThrownBy(() -> Auction.replay(CODE, a.log.subList(1, a.log.size()), a.clock));
    }

    @Test
    void theEventsAreNumberedWithoutGapsAndEachCommandReturnedExactlyTheEventsItApplied() {
        assertNoGaps(a.log);
        assertThat(a.log.getLast().seq()).isEqualTo(a.auction.seq());
    }

    private void step(Function<Auction, List<AuctionEvent>> command) {
        a.run(command);
        remember();
    }

    private void bid(Franchise franchise, int amount) {
        a.bid(franchise, amount);
        remember();
    }

    private void runOut() {
        a.runOut();
        remember();
    }

    private void remember() {
        seen.put(a.log.size(), new Seen(a.clock.instant(), snapshot(a.auction)));
    }
}
