package dev.iplauction.auction.rules;

import static dev.iplauction.auction.rules.AuctionFixtures.ACCELERATED_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.BID_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.BUTTLER;
import static dev.iplauction.auction.rules.AuctionFixtures.CODE;
import static dev.iplauction.auction.rules.AuctionFixtures.KOHLI;
import static dev.iplauction.auction.rules.AuctionFixtures.RTM_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.SMALL;
import static dev.iplauction.auction.rules.AuctionFixtures.T0;
import static dev.iplauction.auction.rules.AuctionFixtures.franchise;
import static dev.iplauction.auction.rules.AuctionFixtures.indian;
import static dev.iplauction.auction.rules.AuctionFixtures.overseas;
import static dev.iplauction.auction.rules.AuctionFixtures.retainedIndian;
import static dev.iplauction.auction.rules.AuctionFixtures.retainedOverseas;
import static dev.iplauction.auction.rules.AuctionFixtures.setup;
import static dev.iplauction.auction.rules.AuctionFixtures.snapshot;
import static dev.iplauction.auction.rules.AuctionFixtures.standardSetup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.AuctionEvent.BidAccepted;
import dev.iplauction.contracts.auction.AuctionEvent.BidRefused;
import dev.iplauction.contracts.auction.AuctionEvent.LotSold;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuctionBiddingTests {

    // ---- the amount ----

    @Test
    void theOpeningBidIsTheBasePrice() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.clock.advanceSeconds(2);

        var outcome = a.bid(Franchise.MI, 200);

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.refusal()).isNull();
        assertThat(outcome.events())
                .containsExactly(new BidAccepted(
                        CODE,
                        4,
                        T0.plusSeconds(2),
                        1,
                        KOHLI.id(),
                        Franchise.MI,
                        Lakh.of(200),
                        T0.plusSeconds(2).plusMillis(BID_WINDOW)));
        Lot lot = a.lot();
        assertThat(lot.currentBid()).isEqualTo(Lakh.of(200));
        assertThat(lot.highestBidder()).isEqualTo(Franchise.MI);
        assertThat(lot.bids()).isEqualTo(1);
        assertThat(lot.nextBid()).isEqualTo(Lakh.of(220));
        assertThat(a.auction.standing(Franchise.MI).purse())
                .as("a bid is not paid until the hammer falls")
                .isEqualTo(Lakh.of(4000));
    }

    @ParameterizedTest(name = "opening {0} L against a base price of 200 L is stale")
    @CsvSource({"195", "205", "220", "30", "0"})
    void anOpeningBidOtherThanTheBasePriceIsStale(int amount) {
        RecordedAuction a = RecordedAuction.started(standardSetup());

        var outcome = a.bid(Franchise.MI, amount);

        assertThat(outcome.refusal().reason()).isEqualTo(RefusalReason.STALE);
        assertThat(a.lot().currentBid()).isNull();
    }

    @ParameterizedTest(name = "after {0} L the next bid is {1} L, not {1} ± 5")
    @CsvSource({
        "30, 35",
        "95, 100",
        "100, 110",
        "190, 200",
        "195, 205",
        "200, 220",
        "480, 500",
        "500, 525",
        "1000, 1025"
    })
    void theIncrementFollowsTheBandOfTheCurrentBid(int current, int next) {
        RecordedAuction a = RecordedAuction.started(onePlayer(indian("9", true, current, null)));
        assertThat(a.bid(Franchise.CSK, current).accepted()).isTrue();

        assertThat(a.bid(Franchise.MI, next - 5).refusal().reason()).isEqualTo(RefusalReason.STALE);
        assertThat(a.bid(Franchise.MI, next + 5).refusal().reason()).isEqualTo(RefusalReason.STALE);
        assertThat(a.bid(Franchise.MI, next).accepted()).isTrue();
        assertThat(a.lot().currentBid()).isEqualTo(Lakh.of(next));
    }

    @Test
    void theLadderClimbsBy5Then10Then20Then25Lakh() {
        RecordedAuction a = RecordedAuction.started(onePlayer(indian("9", true, 90, null)));
        List<Integer> ladder = List.of(
                90, 95, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 220, 240, 260, 280, 300, 320, 340, 360,
                380, 400, 420, 440, 460, 480, 500, 525, 550, 575, 600);

        for (int i = 0; i < ladder.size(); i++) {
            Franchise bidder = i % 2 == 0 ? Franchise.CSK : Franchise.MI;
            assertThat(a.lot().nextBid()).isEqualTo(Lakh.of(ladder.get(i)));
            var outcome = a.bid(bidder, ladder.get(i));
            assertThat(outcome.accepted())
                    .as("%s bids %s", bidder, ladder.get(i))
                    .isTrue();
        }
        assertThat(a.lot().bids()).isEqualTo(ladder.size());

        a.runOut();
        assertThat(a.auction.results()).singleElement().satisfies(r -> {
            assertThat(r.soldTo()).isEqualTo(Franchise.MI);
            assertThat(r.price()).isEqualTo(Lakh.of(600));
        });
    }

    @Test
    void aBidAgainstABidThatHasJustBeenOvertakenIsStaleAndRecordedWithItsReason() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.bid(Franchise.MI, 200);
        a.bid(Franchise.CSK, 220);
        long seq = a.auction.seq();

        var outcome = a.bid(Franchise.RCB, 220);

        assertThat(outcome.refusal().reason()).isEqualTo(RefusalReason.STALE);
        assertThat(outcome.refusal().getMessage()).contains("240");
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(BidRefused.class, e -> {
            assertThat(e.seq()).isEqualTo(seq + 1);
            assertThat(e.lot()).isEqualTo(1);
            assertThat(e.franchise()).isEqualTo(Franchise.RCB);
            assertThat(e.amount()).isEqualTo(Lakh.of(220));
            assertThat(e.reason()).isEqualTo(RefusalReason.STALE);
            assertThat(e.message()).isEqualTo(outcome.refusal().getMessage());
        });
        assertThat(a.lot().highestBidder()).isEqualTo(Franchise.CSK);
    }

    @Test
    void nobodyBidsAgainstThemselvesSoADoubleClickNeverPaysTwice() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.bid(Franchise.MI, 200);

        assertThat(a.bid(Franchise.MI, 220).refusal().reason()).isEqualTo(RefusalReason.HIGHEST_BIDDER);
        // The double click names an amount already passed: stale, whoever sends it.
        assertThat(a.bid(Franchise.MI, 200).refusal().reason()).isEqualTo(RefusalReason.STALE);
        assertThat(a.lot().currentBid()).isEqualTo(Lakh.of(200));
        assertThat(a.lot().bids()).isEqualTo(1);
        assertThat(a.log).filteredOn(BidRefused.class::isInstance).hasSize(2);
    }

    @Test
    void aRefusedBidChangesNothingButTheSequence() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.clock.advanceSeconds(1);
        a.bid(Franchise.MI, 200);
        a.clock.advanceSeconds(4);
        var before = snapshot(a.auction);

        a.bid(Franchise.CSK, 230); // stale
        a.bid(Franchise.MI, 220); // highest bidder
        a.bidOn(Franchise.CSK, 2, 220); // wrong lot

        var after = snapshot(a.auction);
        assertThat(after.seq()).isEqualTo(before.seq() + 3);
        assertThat(after.withoutSeq()).isEqualTo(before.withoutSeq());
    }

    // ---- which lot, and when ----

    @Test
    void aBidForALotThatIsNotOnTheBlockIsRefusedAsClosed() {
        RecordedAuction a = RecordedAuction.started(standardSetup());

        assertThat(a.bidOn(Franchise.MI, 2, 200).refusal().reason()).isEqualTo(RefusalReason.LOT_CLOSED);
        assertThat(a.bidOn(Franchise.MI, 0, 200).refusal().reason()).isEqualTo(RefusalReason.LOT_CLOSED);
        assertThat(a.lot().currentBid()).isNull();
    }

    @Test
    void aBidForALotAlreadyDoneIsRefusedAsClosed() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.runOut();
        assertThat(a.lot().number()).isEqualTo(2);

        assertThat(a.bidOn(Franchise.MI, 1, 200).refusal().reason()).isEqualTo(RefusalReason.LOT_CLOSED);
        assertThat(a.lot().currentBid()).isNull();
    }

    @Test
    void aBidOneMillisecondBeforeTheClockRunsOutCountsButNotOneAtTheMoment() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.clock.set(a.lot().closesAt().minusMillis(1));
        assertThat(a.bid(Franchise.MI, 200).accepted()).isTrue();

        a.clock.set(a.lot().closesAt());
        var late = a.bid(Franchise.CSK, 220);

        assertThat(late.refusal().reason()).isEqualTo(RefusalReason.LOT_CLOSED);
        assertThat(a.lot().highestBidder()).isEqualTo(Franchise.MI);
        a.tick();
        assertThat(a.auction.results())
                .singleElement()
                .satisfies(r -> assertThat(r.soldTo()).isEqualTo(Franchise.MI));
    }

    @Test
    void everyAcceptedBidStartsAFreshWindow() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.clock.advanceSeconds(7);
        a.bid(Franchise.MI, 200);
        assertThat(a.lot().closesAt()).isEqualTo(T0.plusSeconds(17));
        assertThat(a.auction.remaining()).isEqualTo(Duration.ofSeconds(10));

        assertThat(a.elapse(Duration.ofSeconds(9))).isEmpty();
        a.bid(Franchise.CSK, 220);
        assertThat(a.lot().closesAt()).isEqualTo(T0.plusSeconds(26));
        assertThat(a.auction.nextDeadline()).contains(T0.plusSeconds(26));

        assertThat(a.elapse(Duration.ofMillis(9_999))).isEmpty();
        assertThat(a.elapseMillis(1)).first().isInstanceOf(LotSold.class);
    }

    @Test
    void aRefusedBidDoesNotStartAFreshWindow() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.clock.advanceSeconds(7);

        a.bid(Franchise.MI, 210);

        assertThat(a.lot().closesAt()).isEqualTo(T0.plusSeconds(10));
    }

    // ---- squad limits and the purse ----

    @Test
    void aFullSquadCannotBid() {
        var setup = setup(
                List.of(indian("9", true, 50, null)),
                List.of(
                        franchise(
                                Franchise.CSK,
                                1000,
                                0,
                                retainedIndian("a", true),
                                retainedIndian("b", true),
                                retainedIndian("c", false),
                                retainedIndian("d", false)),
                        franchise(
                                Franchise.MI,
                                1000,
                                0,
                                retainedIndian("e", true),
                                retainedIndian("f", true),
                                retainedIndian("g", true))),
                SMALL);
        RecordedAuction a = RecordedAuction.started(setup);

        assertThat(a.bid(Franchise.CSK, 50).refusal().reason()).isEqualTo(RefusalReason.SQUAD_FULL);
        assertThat(a.auction.maxBid(Franchise.CSK)).isEqualTo(Lakh.ZERO);
        assertThat(a.bid(Franchise.MI, 50).accepted())
                .as("the fourth place is still open")
                .isTrue();
    }

    @Test
    void aSquadWithTheMostOverseasPlayersCannotBidForAnotherButCanForAnIndian() {
        Player overseasPlayer = overseas("9", true, 50, null);
        Player indianPlayer = indian("10", true, 50, null);
        var setup = setup(
                List.of(overseasPlayer, indianPlayer),
                List.of(
                        franchise(Franchise.CSK, 1000, 0, retainedOverseas("a"), retainedOverseas("b")),
                        franchise(Franchise.MI, 1000, 0)),
                SMALL);
        RecordedAuction a = RecordedAuction.started(setup);

        assertThat(a.bid(Franchise.CSK, 50).refusal().reason()).isEqualTo(RefusalReason.OVERSEAS_LIMIT);
        a.runOut();
        assertThat(a.lot().player()).isEqualTo(indianPlayer);
        assertThat(a.bid(Franchise.CSK, 50).accepted()).isTrue();
    }

    @ParameterizedTest(name = "squad {0}, purse {1} L, bid {2} L: accepted {3}")
    @CsvSource({
        // reserve after winning = 30 × max(0, 18 − (squad + 1))
        "0, 810, true", "0, 809, false", // reserve 510
        "3, 720, true", "3, 719, false", // reserve 420
        "16, 330, true", "16, 329, false", // reserve 30
        "17, 300, true", "17, 299, false", // reserve 0
        "20, 300, true", "20, 299, false", // past the minimum: reserve 0
    })
    void theBidMustLeaveEnoughToFillTheMinimumSquadAtThirtyLakhEach(int squad, int purse, boolean accepted) {
        SquadPlayer[] retained = IntStream.range(0, squad)
                .mapToObj(i -> retainedIndian("r" + i, false))
                .toArray(SquadPlayer[]::new);
        var setup = setup(
                List.of(indian("9", true, 300, null)),
                List.of(franchise(Franchise.CSK, purse, 0, retained), franchise(Franchise.MI, 5000, 0)),
                SquadRules.IPL);
        RecordedAuction a = RecordedAuction.started(setup);

        var outcome = a.bid(Franchise.CSK, 300);

        assertThat(outcome.accepted()).isEqualTo(accepted);
        if (!accepted) {
            assertThat(outcome.refusal().reason()).isEqualTo(RefusalReason.PURSE);
            assertThat(a.lot().currentBid()).isNull();
        }
        int reserve = 30 * Math.max(0, 18 - (squad + 1));
        assertThat(a.auction.maxBid(Franchise.CSK)).isEqualTo(Lakh.of(purse - reserve));
    }

    @Test
    void thePurseLimitAppliesToEveryRungOfTheLadder() {
        var setup = setup(
                List.of(indian("9", true, 200, null)),
                List.of(franchise(Franchise.CSK, 5000, 0), franchise(Franchise.MI, 510 + 260, 0)),
                SquadRules.IPL);
        RecordedAuction a = RecordedAuction.started(setup);

        a.bidNext(Franchise.MI); // 200
        a.bidNext(Franchise.CSK); // 220
        a.bidNext(Franchise.MI); // 240
        a.bidNext(Franchise.CSK); // 260: the most MI could pay, but it is CSK's
        var outcome = a.bid(Franchise.MI, 280);

        assertThat(outcome.refusal().reason()).isEqualTo(RefusalReason.PURSE);
        assertThat(outcome.refusal().getMessage()).contains("₹2.6 Cr");
        a.runOut();
        assertThat(a.auction.standing(Franchise.CSK).purse()).isEqualTo(Lakh.of(5000 - 260));
        assertThat(a.auction.standing(Franchise.MI).purse()).isEqualTo(Lakh.of(770));
    }

    @Test
    void bidsArePausedWithTheAuction() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.run(Auction::pause);

        var outcome = a.bid(Franchise.MI, 200);

        assertThat(outcome.refusal().reason()).isEqualTo(RefusalReason.NOT_RUNNING);
        assertThat(outcome.events()).singleElement().isInstanceOf(BidRefused.class);
        assertThat(a.lot().currentBid()).isNull();
    }

    @Test
    void anOverseasPlayerCountsTowardTheOverseasLimitOnceBought() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.runOut(); // lot 1 unsold
        assertThat(a.lot().player()).isEqualTo(BUTTLER);

        a.bid(Franchise.MI, 150); // MI is his 2024 franchise: no right to match
        a.runOut();

        assertThat(a.auction.standing(Franchise.MI).overseasCount()).isEqualTo(1);
        assertThat(a.auction.standing(Franchise.MI).squadSize()).isEqualTo(2);
        assertThat(a.auction.standing(Franchise.MI).squad())
                .contains(new SquadPlayer(BUTTLER, Lakh.of(150), SquadPlayer.Acquisition.BOUGHT));
    }

    @Test
    void underAnOverseasFeeCapThePlayerGetsTheCapAndThePursePaysTheWholeBid() {
        Player star = overseas("9", true, 200, null);
        Player local = indian("10", true, 200, null);
        var plain = setup(
                List.of(star, local),
                List.of(franchise(Franchise.CSK, 5000, 0), franchise(Franchise.MI, 5000, 0)),
                SquadRules.IPL);
        var setup = new AuctionSetup(
                plain.name(),
                plain.pool(),
                plain.franchises(),
                plain.squadRules(),
                BID_WINDOW,
                ACCELERATED_WINDOW,
                RTM_WINDOW,
                7L,
                Lakh.of(220),
                null);
        RecordedAuction a = RecordedAuction.started(setup);

        a.bidNext(Franchise.MI); // 200
        a.bidNext(Franchise.CSK); // 220
        a.bidNext(Franchise.MI); // 240: above the cap
        a.runOut();
        a.bidNext(Franchise.CSK); // 200 for the Indian player
        a.bidNext(Franchise.MI); // 220
        a.bidNext(Franchise.CSK); // 240: no cap for him
        a.runOut();

        assertThat(a.auction.standing(Franchise.MI).purse()).isEqualTo(Lakh.of(5000 - 240));
        assertThat(a.auction.standing(Franchise.MI).spent()).isEqualTo(Lakh.of(240));
        assertThat(a.auction.standing(Franchise.MI).squad())
                .containsExactly(new SquadPlayer(star, Lakh.of(220), SquadPlayer.Acquisition.BOUGHT));
        assertThat(a.auction.standing(Franchise.CSK).squad())
                .containsExactly(new SquadPlayer(local, Lakh.of(240), SquadPlayer.Acquisition.BOUGHT));
        assertThat(a.auction.results().getFirst().price())
                .as("the hammer price")
                .isEqualTo(Lakh.of(240));
        assertThat(snapshot(a.replay()))
                .as("a replay applies the cap the same way")
                .isEqualTo(snapshot(a.auction));
    }

    /** One player; CSK and MI with 120 crore each and no cards; IPL squad rules. */
    private static AuctionSetup onePlayer(Player player) {
        return setup(
                List.of(player),
                List.of(franchise(Franchise.CSK, 12000, 0), franchise(Franchise.MI, 12000, 0)),
                SquadRules.IPL);
    }
}
