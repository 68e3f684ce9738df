package dev.iplauction.auction.rules;

import static dev.iplauction.auction.rules.AuctionFixtures.CODE;
import static dev.iplauction.auction.rules.AuctionFixtures.RTM_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.assertRefused;
import static dev.iplauction.auction.rules.AuctionFixtures.franchise;
import static dev.iplauction.auction.rules.AuctionFixtures.indian;
import static dev.iplauction.auction.rules.AuctionFixtures.overseas;
import static dev.iplauction.auction.rules.AuctionFixtures.retainedIndian;
import static dev.iplauction.auction.rules.AuctionFixtures.retainedOverseas;
import static dev.iplauction.auction.rules.AuctionFixtures.setup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionEvent.LotOpened;
import dev.iplauction.contracts.auction.AuctionEvent.LotSold;
import dev.iplauction.contracts.auction.AuctionEvent.RtmDeclined;
import dev.iplauction.contracts.auction.AuctionEvent.RtmMatched;
import dev.iplauction.contracts.auction.AuctionEvent.RtmOffered;
import dev.iplauction.contracts.auction.AuctionEvent.RtmRaised;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.Round;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** CSK held the players below in 2024 and holds right-to-match cards; MI outbids everyone; RCB watches. */
class AuctionRightToMatchTests {

    static final Player STAR = indian("11", true, 200, Franchise.CSK);
    static final Player STAR_TOO = indian("12", true, 200, Franchise.CSK);
    static final Player UNCAPPED = indian("13", false, 30, Franchise.CSK);
    static final Player UNCAPPED_TOO = indian("14", false, 30, Franchise.CSK);
    static final Player FOREIGN = overseas("15", true, 150, Franchise.CSK);
    static final Player OTHERS = indian("16", true, 100, Franchise.RR);
    static final Player NOBODYS = indian("17", false, 50, null);
    static final Player LAST = indian("18", false, 30, null);

    static final List<Player> POOL = List.of(STAR, STAR_TOO, UNCAPPED, UNCAPPED_TOO, FOREIGN, OTHERS, NOBODYS, LAST);

    static FranchiseSetup csk(int purse, int cards, SquadPlayer... retained) {
        return franchise(Franchise.CSK, purse, cards, retained);
    }

    static AuctionSetup withCsk(FranchiseSetup csk, List<Player> pool) {
        return setup(
                pool,
                List.of(csk, franchise(Franchise.MI, 5000, 0), franchise(Franchise.RCB, 5000, 1)),
                SquadRules.IPL);
    }

    static AuctionSetup standard() {
        return withCsk(csk(5000, 2, retainedIndian("R-CSK-1", true)), POOL);
    }

    /** The first lot (STAR): MI bids 200 and the clock runs out, so CSK is offered the right to match. */
    static RecordedAuction offered(AuctionSetup setup) {
        RecordedAuction a = RecordedAuction.started(setup);
        a.bid(Franchise.MI, 200);
        a.clock.advanceSeconds(10);
        List<AuctionEvent> events = a.tick();
        assertThat(events).singleElement().isInstanceOf(RtmOffered.class);
        return a;
    }

    // ---- the offer ----

    @Test
    void whenTheClockRunsOutThePreviousFranchiseIsOfferedTheMatch() {
        RecordedAuction a = RecordedAuction.started(standard());
        a.bid(Franchise.CSK, 200);
        a.bid(Franchise.MI, 220);
        Instant closes = a.lot().closesAt();

        var events = a.runOut();

        assertThat(events)
                .containsExactly(new RtmOffered(
                        CODE,
                        6,
                        closes,
                        1,
                        STAR.id(),
                        Franchise.CSK,
                        Franchise.MI,
                        Lakh.of(220),
                        closes.plusMillis(RTM_WINDOW)));
        Lot lot = a.lot();
        assertThat(lot.stage()).isEqualTo(LotStage.RTM_OFFERED);
        assertThat(lot.rtmFranchise()).isEqualTo(Franchise.CSK);
        assertThat(lot.highestBidder()).isEqualTo(Franchise.MI);
        assertThat(lot.currentBid()).isEqualTo(Lakh.of(220));
        assertThat(a.auction.remaining()).isEqualTo(Duration.ofMillis(RTM_WINDOW));
        assertThat(a.auction.results()).isEmpty();
        assertThat(a.bid(Franchise.RCB, 240).refusal().reason())
                .as("bidding is over once the hammer waits for the match")
                .isEqualTo(RefusalReason.LOT_CLOSED);
    }

    @Test
    void declineAtTheOfferSellsToTheHighestBidderAndKeepsTheCard() {
        RecordedAuction a = offered(standard());
        a.clock.advanceSeconds(1);

        var events = a.run(x -> x.rtmDecline(Franchise.CSK));

        assertThat(events.get(0))
                .isInstanceOfSatisfying(
                        RtmDeclined.class, e -> assertThat(e.rtmFranchise()).isEqualTo(Franchise.CSK));
        assertSold(events.get(1), Franchise.MI, 200, false);
        assertThat(events.get(2)).isInstanceOf(LotOpened.class);
        assertThat(a.auction.standing(Franchise.CSK).rtmCards()).isEqualTo(2);
        assertThat(a.auction.standing(Franchise.CSK).purse()).isEqualTo(Lakh.of(5000));
        assertThat(a.auction.standing(Franchise.MI).purse()).isEqualTo(Lakh.of(4800));
        assertThat(a.auction.results().getFirst().rightToMatch()).isFalse();
    }

    @Test
    void anOfferLeftToRunOutIsANo() {
        RecordedAuction a = offered(standard());

        assertThat(a.elapseMillis(RTM_WINDOW - 1)).isEmpty();
        var events = a.elapseMillis(1);

        assertThat(events.get(0)).isInstanceOf(RtmDeclined.class);
        assertSold(events.get(1), Franchise.MI, 200, false);
        assertThat(a.auction.standing(Franchise.CSK).rtmCards()).isEqualTo(2);
    }

    // ---- match, then the raise ----

    @Test
    void aMatchGivesTheHighestBidderItsRaiseWindow() {
        RecordedAuction a = offered(standard());
        a.clock.advanceSeconds(1);
        Instant at = a.clock.instant();

        var events = a.run(x -> x.rtmMatch(Franchise.CSK));

        assertThat(events)
                .containsExactly(new RtmMatched(
                        CODE, a.auction.seq(), at, 1, Franchise.CSK, Lakh.of(200), at.plusMillis(RTM_WINDOW)));
        assertThat(a.lot().stage()).isEqualTo(LotStage.RTM_MATCHED);
        assertThat(a.lot().currentBid()).isEqualTo(Lakh.of(200));
        assertThat(a.auction.remaining()).isEqualTo(Duration.ofMillis(RTM_WINDOW));
        assertThat(a.auction.standing(Franchise.CSK).rtmCards())
                .as("not used until CSK gets him")
                .isEqualTo(2);
    }

    @Test
    void matchThenNoRaiseSellsToTheCardHolderAtTheMatchedPriceWithTheCard() {
        RecordedAuction a = offered(standard());
        a.run(x -> x.rtmMatch(Franchise.CSK));

        var events = a.run(x -> x.rtmNoRaise(Franchise.MI));

        assertSold(events.getFirst(), Franchise.CSK, 200, true);
        assertThat(events.get(1)).isInstanceOf(LotOpened.class);
        assertCskGotStarByCard(a, 200);
    }

    @Test
    void matchThenNoRaiseInTimeSellsToTheCardHolder() {
        RecordedAuction a = offered(standard());
        a.run(x -> x.rtmMatch(Franchise.CSK));

        assertThat(a.elapseMillis(RTM_WINDOW - 1)).isEmpty();
        var events = a.elapseMillis(1);

        assertSold(events.getFirst(), Franchise.CSK, 200, true);
        assertCskGotStarByCard(a, 200);
    }

    @Test
    void matchRaiseAndFinalMatchSellToTheCardHolderAtTheRaisedAmount() {
        RecordedAuction a = offered(standard());
        a.run(x -> x.rtmMatch(Franchise.CSK));
        a.clock.advanceSeconds(2);
        Instant at = a.clock.instant();

        var raised = a.run(x -> x.rtmRaise(Franchise.MI, Lakh.of(333)));

        assertThat(raised)
                .containsExactly(new RtmRaised(
                        CODE, a.auction.seq(), at, 1, Franchise.MI, Lakh.of(333), at.plusMillis(RTM_WINDOW)));
        assertThat(a.lot().stage()).isEqualTo(LotStage.RTM_RAISED);
        assertThat(a.lot().currentBid())
                .as("any higher amount, not only the ladder")
                .isEqualTo(Lakh.of(333));
        assertThat(a.auction.remaining()).isEqualTo(Duration.ofMillis(RTM_WINDOW));

        var events = a.run(x -> x.rtmMatch(Franchise.CSK));

        assertSold(events.getFirst(), Franchise.CSK, 333, true);
        assertCskGotStarByCard(a, 333);
    }

    @Test
    void matchRaiseAndDeclineSellToTheHighestBidderAtTheRaisedAmountWithoutUsingTheCard() {
        RecordedAuction a = offered(standard());
        a.run(x -> x.rtmMatch(Franchise.CSK));
        a.run(x -> x.rtmRaise(Franchise.MI, Lakh.of(300)));

        var events = a.run(x -> x.rtmDecline(Franchise.CSK));

        assertThat(events.getFirst()).isInstanceOf(RtmDeclined.class);
        assertSold(events.get(1), Franchise.MI, 300, false);
        assertMiGotStar(a, 300);
    }

    @Test
    void aRaiseLeftUnmatchedInTimeSellsToTheHighestBidder() {
        RecordedAuction a = offered(standard());
        a.run(x -> x.rtmMatch(Franchise.CSK));
        a.run(x -> x.rtmRaise(Franchise.MI, Lakh.of(300)));

        assertThat(a.elapseMillis(RTM_WINDOW - 1)).isEmpty();
        var events = a.elapseMillis(1);

        assertThat(events.getFirst()).isInstanceOf(RtmDeclined.class);
        assertSold(events.get(1), Franchise.MI, 300, false);
        assertMiGotStar(a, 300);
    }

    @Test
    void aRaiseMustBeMoreThanTheMatchedPrice() {
        RecordedAuction a = offered(standard());
        a.run(x -> x.rtmMatch(Franchise.CSK));
        long seq = a.auction.seq();

        assertRefused(() -> a.auction.rtmRaise(Franchise.MI, Lakh.of(200)), RefusalReason.STALE);
        assertRefused(() -> a.auction.rtmRaise(Franchise.MI, Lakh.of(195)), RefusalReason.STALE);

        assertThat(a.auction.seq()).isEqualTo(seq);
        assertThat(a.lot().stage()).isEqualTo(LotStage.RTM_MATCHED);
        assertThat(a.run(x -> x.rtmRaise(Franchise.MI, Lakh.of(201)))).hasSize(1);
    }

    @Test
    void aRaiseMustBeAffordableKeepingTheReserve() {
        RecordedAuction a = offered(standard());
        a.run(x -> x.rtmMatch(Franchise.CSK));
        // MI: 5000 in the purse, empty squad, so 17 × 30 = 510 stays back
        assertRefused(() -> a.auction.rtmRaise(Franchise.MI, Lakh.of(4491)), RefusalReason.PURSE);
        assertThat(a.lot().stage()).isEqualTo(LotStage.RTM_MATCHED);

        a.run(x -> x.rtmRaise(Franchise.MI, Lakh.of(4490)));

        assertThat(a.lot().currentBid()).isEqualTo(Lakh.of(4490));
    }

    @Test
    void theCardHolderCannotMatchARaiseItCannotAfford() {
        // CSK: 1000 with one retention; winning a 2nd leaves 16 places × 30 = 480 to keep, so it can pay 520
        RecordedAuction a = offered(withCsk(csk(1000, 2, retainedIndian("R-CSK-1", true)), POOL));
        a.run(x -> x.rtmMatch(Franchise.CSK));
        a.run(x -> x.rtmRaise(Franchise.MI, Lakh.of(521)));
        long seq = a.auction.seq();

        assertRefused(() -> a.auction.rtmMatch(Franchise.CSK), RefusalReason.PURSE);

        assertThat(a.auction.seq()).isEqualTo(seq);
        var events = a.runOut();
        assertSold(events.get(1), Franchise.MI, 521, false);
        assertThat(a.auction.standing(Franchise.CSK).rtmCards()).isEqualTo(2);
    }

    @Test
    void theCardHolderCanMatchARaiseToExactlyWhatItCanAfford() {
        RecordedAuction a = offered(withCsk(csk(1000, 2, retainedIndian("R-CSK-1", true)), POOL));
        a.run(x -> x.rtmMatch(Franchise.CSK));
        a.run(x -> x.rtmRaise(Franchise.MI, Lakh.of(520)));

        var events = a.run(x -> x.rtmMatch(Franchise.CSK));

        assertSold(events.getFirst(), Franchise.CSK, 520, true);
        assertThat(a.auction.standing(Franchise.CSK).purse()).isEqualTo(Lakh.of(480));
    }

    // ---- whose turn ----

    @Nested
    class EveryStepBelongsToOneFranchise {

        @Test
        void noRightToMatchStepDuringBidding() {
            RecordedAuction a = RecordedAuction.started(standard());
            a.bid(Franchise.MI, 200);

            assertNoTurn(a, Franchise.CSK, Franchise.MI, Franchise.RCB);
        }

        @Test
        void atTheOfferOnlyTheCardHolderMatchesOrDeclines() {
            RecordedAuction a = offered(standard());

            assertNotYourTurn(a, x -> x.rtmMatch(Franchise.MI));
            assertNotYourTurn(a, x -> x.rtmDecline(Franchise.MI));
            assertNotYourTurn(a, x -> x.rtmMatch(Franchise.RCB));
            assertNotYourTurn(a, x -> x.rtmDecline(Franchise.RCB));
            assertNotYourTurn(a, x -> x.rtmRaise(Franchise.MI, Lakh.of(300)));
            assertNotYourTurn(a, x -> x.rtmNoRaise(Franchise.MI));
            assertNotYourTurn(a, x -> x.rtmRaise(Franchise.CSK, Lakh.of(300)));
            assertNotYourTurn(a, x -> x.rtmNoRaise(Franchise.CSK));
            assertThat(a.lot().stage()).isEqualTo(LotStage.RTM_OFFERED);
        }

        @Test
        void afterTheMatchOnlyTheHighestBidderRaisesOrNot() {
            RecordedAuction a = offered(standard());
            a.run(x -> x.rtmMatch(Franchise.CSK));

            assertNotYourTurn(a, x -> x.rtmMatch(Franchise.CSK));
            assertNotYourTurn(a, x -> x.rtmDecline(Franchise.CSK));
            assertNotYourTurn(a, x -> x.rtmRaise(Franchise.CSK, Lakh.of(300)));
            assertNotYourTurn(a, x -> x.rtmNoRaise(Franchise.CSK));
            assertNotYourTurn(a, x -> x.rtmRaise(Franchise.RCB, Lakh.of(300)));
            assertNotYourTurn(a, x -> x.rtmNoRaise(Franchise.RCB));
            assertNotYourTurn(a, x -> x.rtmMatch(Franchise.MI));
            assertNotYourTurn(a, x -> x.rtmDecline(Franchise.MI));
            assertThat(a.lot().stage()).isEqualTo(LotStage.RTM_MATCHED);
        }

        @Test
        void afterTheRaiseOnlyTheCardHolderMatchesOrDeclinesAndThereIsNoSecondRaise() {
            RecordedAuction a = offered(standard());
            a.run(x -> x.rtmMatch(Franchise.CSK));
            a.run(x -> x.rtmRaise(Franchise.MI, Lakh.of(300)));

            assertNotYourTurn(a, x -> x.rtmRaise(Franchise.MI, Lakh.of(400)));
            assertNotYourTurn(a, x -> x.rtmNoRaise(Franchise.MI));
            assertNotYourTurn(a, x -> x.rtmMatch(Franchise.MI));
            assertNotYourTurn(a, x -> x.rtmDecline(Franchise.MI));
            assertNotYourTurn(a, x -> x.rtmMatch(Franchise.RCB));
            assertNotYourTurn(a, x -> x.rtmRaise(Franchise.CSK, Lakh.of(400)));
            assertThat(a.lot().stage()).isEqualTo(LotStage.RTM_RAISED);
            assertThat(a.lot().currentBid()).isEqualTo(Lakh.of(300));
        }

        @Test
        void aStepWhoseWindowRanOutIsNobodysEvenBeforeTheClockActs() {
            RecordedAuction a = offered(standard());
            a.clock.advance(Duration.ofMillis(RTM_WINDOW));

            assertNotYourTurn(a, x -> x.rtmMatch(Franchise.CSK));
            assertNotYourTurn(a, x -> x.rtmDecline(Franchise.CSK));
            assertSold(a.tick().get(1), Franchise.MI, 200, false);
        }

        @Test
        void aMatchWhoseRaiseWindowRanOutCannotBeRaisedAnyMore() {
            RecordedAuction a = offered(standard());
            a.run(x -> x.rtmMatch(Franchise.CSK));
            a.clock.advance(Duration.ofMillis(RTM_WINDOW));

            assertNotYourTurn(a, x -> x.rtmRaise(Franchise.MI, Lakh.of(300)));
            assertSold(a.tick().getFirst(), Franchise.CSK, 200, true);
        }

        @Test
        void noStepOnceThePlayerIsSold() {
            RecordedAuction a = offered(standard());
            a.run(x -> x.rtmDecline(Franchise.CSK));

            assertNoTurn(a, Franchise.CSK, Franchise.MI, Franchise.RCB);
        }

        private void assertNoTurn(RecordedAuction a, Franchise... franchises) {
            for (Franchise f : franchises) {
                assertNotYourTurn(a, x -> x.rtmMatch(f));
                assertNotYourTurn(a, x -> x.rtmDecline(f));
                assertNotYourTurn(a, x -> x.rtmRaise(f, Lakh.of(1000)));
                assertNotYourTurn(a, x -> x.rtmNoRaise(f));
            }
        }

        private void assertNotYourTurn(RecordedAuction a, Consumer<Auction> command) {
            long seq = a.auction.seq();
            assertRefused(() -> command.accept(a.auction), RefusalReason.NOT_YOUR_TURN);
            assertThat(a.auction.seq()).as("a refused step records nothing").isEqualTo(seq);
        }
    }

    // ---- when there is no offer ----

    @Nested
    class NoOffer {

        @Test
        void whenThePreviousFranchiseIsTheHighestBidder() {
            RecordedAuction a = RecordedAuction.started(standard());
            a.bid(Franchise.MI, 200);
            a.bid(Franchise.CSK, 220);

            assertSold(a.runOut().getFirst(), Franchise.CSK, 220, false);
            assertThat(a.auction.standing(Franchise.CSK).rtmCards()).isEqualTo(2);
        }

        @Test
        void whenThePreviousFranchiseHasNoCardLeft() {
            assertSoldWithoutOffer(withCsk(csk(5000, 0), POOL));
        }

        @Test
        void whenThePreviousFranchiseIsNotInTheAuction() {
            assertSoldWithoutOffer(withCsk(csk(5000, 2), List.of(OTHERS, LAST)));
        }

        @Test
        void whenThePlayerHadNoFranchise() {
            assertSoldWithoutOffer(withCsk(csk(5000, 2), List.of(NOBODYS, LAST)));
        }

        @Test
        void whenNobodyBid() {
            RecordedAuction a = RecordedAuction.started(standard());

            assertThat(a.runOut().getFirst()).isInstanceOf(AuctionEvent.LotUnsold.class);
        }

        @Test
        void whenThePreviousFranchiseCouldNotAffordThePriceKeepingItsReserve() {
            // CSK has 1 player: winning a 2nd leaves 16 places × 30 = 480 to keep; 679 - 480 = 199 < 200
            assertSoldWithoutOffer(withCsk(csk(679, 2, retainedIndian("R-CSK-1", true)), POOL));
        }

        @Test
        void butWhenItCanAffordExactlyThePriceItIsOffered() {
            offered(withCsk(csk(680, 2, retainedIndian("R-CSK-1", true)), POOL));
        }

        @Test
        void whenThePreviousFranchisesSquadIsFull() {
            var rules = new SquadRules(0, 2, 2, Lakh.of(30));
            var setup = setup(
                    POOL,
                    List.of(
                            csk(5000, 2, retainedIndian("a", true), retainedIndian("b", false)),
                            franchise(Franchise.MI, 5000, 0),
                            franchise(Franchise.RCB, 5000, 1)),
                    rules);
            assertSoldWithoutOffer(setup);
        }

        @Test
        void whenThePreviousFranchiseHasTheMostOverseasPlayers() {
            var rules = new SquadRules(0, 25, 1, Lakh.of(30));
            var setup = setup(
                    List.of(FOREIGN, LAST),
                    List.of(
                            csk(5000, 2, retainedOverseas("a")),
                            franchise(Franchise.MI, 5000, 0),
                            franchise(Franchise.RCB, 5000, 1)),
                    rules);
            RecordedAuction a = RecordedAuction.started(setup);
            a.bid(Franchise.MI, 150);

            assertSold(a.runOut().getFirst(), Franchise.MI, 150, false);
        }

        @Test
        void whenThePreviousFranchiseAlreadyKeptFiveCappedPlayersButStillForAnUncappedOne() {
            var setup = withCsk(
                    csk(
                            5000,
                            1,
                            retainedIndian("a", true),
                            retainedIndian("b", true),
                            retainedIndian("c", true),
                            retainedIndian("d", true),
                            retainedIndian("e", true)),
                    List.of(STAR, UNCAPPED, LAST));
            RecordedAuction a = RecordedAuction.started(setup);
            a.bid(Franchise.MI, 200);
            assertSold(a.runOut().getFirst(), Franchise.MI, 200, false);

            a.bid(Franchise.MI, 30);
            assertThat(a.runOut()).singleElement().isInstanceOf(RtmOffered.class);
        }

        @Test
        void whenThePreviousFranchiseAlreadyKeptTwoUncappedPlayersButStillForACappedOne() {
            var setup = withCsk(
                    csk(5000, 4, retainedIndian("a", false), retainedIndian("b", false)),
                    List.of(UNCAPPED, STAR, LAST));
            RecordedAuction a = RecordedAuction.started(setup);
            a.bid(Franchise.MI, 30);
            assertSold(a.runOut().getFirst(), Franchise.MI, 30, false);

            a.bid(Franchise.MI, 200);
            assertThat(a.runOut()).singleElement().isInstanceOf(RtmOffered.class);
        }

        @Test
        void whenAnEarlierRightToMatchFilledTheCappedCap() {
            var setup = withCsk(
                    csk(
                            5000,
                            2,
                            retainedIndian("a", true),
                            retainedIndian("b", true),
                            retainedIndian("c", true),
                            retainedIndian("d", true)),
                    List.of(STAR, STAR_TOO, LAST));
            RecordedAuction a = offered(setup);
            a.run(x -> x.rtmMatch(Franchise.CSK));
            a.run(x -> x.rtmNoRaise(Franchise.MI));
            assertThat(a.auction.standing(Franchise.CSK).rtmCards()).isEqualTo(1);

            a.bid(Franchise.MI, 200);

            assertSold(a.runOut().getFirst(), Franchise.MI, 200, false);
            assertThat(a.auction.standing(Franchise.CSK).rtmCards()).isEqualTo(1);
        }

        @Test
        void whenAnEarlierRightToMatchFilledTheUncappedCap() {
            var setup = withCsk(csk(5000, 3, retainedIndian("a", false)), List.of(UNCAPPED, UNCAPPED_TOO, LAST));
            RecordedAuction a = RecordedAuction.started(setup);
            a.bid(Franchise.MI, 30);
            a.runOut();
            a.run(x -> x.rtmMatch(Franchise.CSK));
            a.run(x -> x.rtmNoRaise(Franchise.MI));

            a.bid(Franchise.MI, 30);

            assertSold(a.runOut().getFirst(), Franchise.MI, 30, false);
        }

        @Test
        void whenTheLastCardIsUsed() {
            RecordedAuction a = offered(withCsk(csk(5000, 1), List.of(STAR, STAR_TOO, LAST)));
            a.run(x -> x.rtmMatch(Franchise.CSK));
            a.run(x -> x.rtmNoRaise(Franchise.MI));
            assertThat(a.auction.standing(Franchise.CSK).rtmCards()).isZero();

            a.bid(Franchise.MI, 200);

            assertSold(a.runOut().getFirst(), Franchise.MI, 200, false);
        }

        @Test
        void butADeclinedOfferLeavesTheCardForTheNextPlayer() {
            RecordedAuction a = offered(withCsk(csk(5000, 1), List.of(STAR, STAR_TOO, LAST)));
            a.run(x -> x.rtmDecline(Franchise.CSK));

            a.bid(Franchise.MI, 200);

            assertThat(a.runOut()).singleElement().isInstanceOf(RtmOffered.class);
        }

        private void assertSoldWithoutOffer(AuctionSetup setup) {
            RecordedAuction a = RecordedAuction.started(setup);
            int price = a.lot().player().basePrice().value();
            a.bid(Franchise.MI, price);

            var events = a.runOut();

            assertThat(events).noneMatch(RtmOffered.class::isInstance);
            assertSold(events.getFirst(), Franchise.MI, price, false);
        }
    }

    @Test
    void theRightToMatchAlsoAppliesInTheAcceleratedRound() {
        RecordedAuction a = RecordedAuction.started(withCsk(csk(5000, 2), List.of(STAR, LAST)));
        a.runOut();
        a.runOut();
        assertThat(a.lot().round()).isEqualTo(Round.ACCELERATED);
        a.bid(Franchise.MI, 200);

        assertThat(a.runOut()).singleElement().isInstanceOf(RtmOffered.class);
    }

    // ---- helpers ----

    static void assertSold(AuctionEvent event, Franchise buyer, int price, boolean rightToMatch) {
        assertThat(event).isInstanceOfSatisfying(LotSold.class, e -> {
            assertThat(e.franchise()).isEqualTo(buyer);
            assertThat(e.price()).isEqualTo(Lakh.of(price));
            assertThat(e.rightToMatch()).isEqualTo(rightToMatch);
        });
    }

    private static void assertCskGotStarByCard(RecordedAuction a, int price) {
        Standing csk = a.auction.standing(Franchise.CSK);
        assertThat(csk.rtmCards()).isEqualTo(1);
        assertThat(csk.purse()).isEqualTo(Lakh.of(5000 - price));
        assertThat(csk.squad()).endsWith(new SquadPlayer(STAR, Lakh.of(price), SquadPlayer.Acquisition.RIGHT_TO_MATCH));
        assertThat(a.auction.standing(Franchise.MI).purse()).isEqualTo(Lakh.of(5000));
        assertThat(a.auction.standing(Franchise.MI).squad()).isEmpty();
        assertThat(a.auction.results()).singleElement().satisfies(r -> {
            assertThat(r.soldTo()).isEqualTo(Franchise.CSK);
            assertThat(r.price()).isEqualTo(Lakh.of(price));
            assertThat(r.rightToMatch()).isTrue();
        });
    }

    private static void assertMiGotStar(RecordedAuction a, int price) {
        assertThat(a.auction.standing(Franchise.CSK).rtmCards()).isEqualTo(2);
        assertThat(a.auction.standing(Franchise.CSK).purse()).isEqualTo(Lakh.of(5000));
        assertThat(a.auction.standing(Franchise.MI).purse()).isEqualTo(Lakh.of(5000 - price));
        assertThat(a.auction.standing(Franchise.MI).squad())
                .containsExactly(new SquadPlayer(STAR, Lakh.of(price), SquadPlayer.Acquisition.BOUGHT));
        assertThat(a.auction.results())
                .singleElement()
                .satisfies(r -> assertThat(r.rightToMatch()).isFalse());
    }
}
