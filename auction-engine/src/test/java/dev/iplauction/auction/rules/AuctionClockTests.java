package dev.iplauction.auction.rules;

import static dev.iplauction.auction.rules.AuctionFixtures.ACCELERATED_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.BID_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.BUTTLER;
import static dev.iplauction.auction.rules.AuctionFixtures.CODE;
import static dev.iplauction.auction.rules.AuctionFixtures.KOHLI;
import static dev.iplauction.auction.rules.AuctionFixtures.ROOKIE;
import static dev.iplauction.auction.rules.AuctionFixtures.SAMSON;
import static dev.iplauction.auction.rules.AuctionFixtures.T0;
import static dev.iplauction.auction.rules.AuctionFixtures.YOUNGSTER;
import static dev.iplauction.auction.rules.AuctionFixtures.franchise;
import static dev.iplauction.auction.rules.AuctionFixtures.indian;
import static dev.iplauction.auction.rules.AuctionFixtures.retainedIndian;
import static dev.iplauction.auction.rules.AuctionFixtures.setup;
import static dev.iplauction.auction.rules.AuctionFixtures.standardPool;
import static dev.iplauction.auction.rules.AuctionFixtures.standardSetup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionEvent.AcceleratedRoundStarted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCompleted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionStarted;
import dev.iplauction.contracts.auction.AuctionEvent.CompletionReason;
import dev.iplauction.contracts.auction.AuctionEvent.FranchiseResult;
import dev.iplauction.contracts.auction.AuctionEvent.LotOpened;
import dev.iplauction.contracts.auction.AuctionEvent.LotSold;
import dev.iplauction.contracts.auction.AuctionEvent.LotUnsold;
import dev.iplauction.contracts.auction.Round;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuctionClockTests {

    @Test
    void theClockDoesNothingBeforeTheWindowRunsOut() {
        RecordedAuction a = RecordedAuction.started(standardSetup());

        assertThat(a.elapseMillis(BID_WINDOW - 1)).isEmpty();
        assertThat(a.lot().number()).isEqualTo(1);
        assertThat(a.auction.remaining()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void aLotNobodyBidForIsUnsoldWhenTheWindowRunsOutAndTheNextOpens() {
        RecordedAuction a = RecordedAuction.started(standardSetup());

        var events = a.elapseMillis(BID_WINDOW);

        Instant at = T0.plusMillis(BID_WINDOW);
        assertThat(events)
                .containsExactly(
                        new LotUnsold(CODE, 4, at, 1, KOHLI, false),
                        new LotOpened(CODE, 5, at, 2, Round.MAIN, BUTTLER, at.plusMillis(BID_WINDOW)));
        assertThat(a.auction.results())
                .containsExactly(new LotResult(1, Round.MAIN, KOHLI, null, null, false, false, at));
        assertThat(a.auction.results().getFirst().sold()).isFalse();
        assertThat(a.auction.unsold()).containsExactly(KOHLI);
    }

    @Test
    void aLotIsSoldToTheHighestBidderAtTheHighestBidWhenTheWindowRunsOut() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.bidNext(Franchise.MI);
        a.bidNext(Franchise.CSK);
        a.bidNext(Franchise.MI); // 240
        Instant closes = a.lot().closesAt();

        var events = a.runOut();

        assertThat(events.getFirst())
                .isEqualTo(new LotSold(CODE, 7, closes, 1, KOHLI, Franchise.MI, Lakh.of(240), false));
        assertThat(events.get(1)).isInstanceOfSatisfying(LotOpened.class, e -> {
            assertThat(e.lot()).isEqualTo(2);
            assertThat(e.player()).isEqualTo(BUTTLER);
        });
        Standing mi = a.auction.standing(Franchise.MI);
        assertThat(mi.purse()).isEqualTo(Lakh.of(4000 - 240));
        assertThat(mi.spent()).isEqualTo(Lakh.of(240));
        assertThat(mi.squad()).endsWith(new SquadPlayer(KOHLI, Lakh.of(240), SquadPlayer.Acquisition.BOUGHT));
        assertThat(mi.squadSize()).isEqualTo(2);
        assertThat(mi.overseasCount()).isZero();
        assertThat(mi.rtmCards()).isEqualTo(3);
        assertThat(a.auction.standing(Franchise.CSK).purse())
                .as("the underbidder pays nothing")
                .isEqualTo(Lakh.of(5000));
        assertThat(a.auction.results())
                .containsExactly(new LotResult(1, Round.MAIN, KOHLI, Franchise.MI, Lakh.of(240), false, false, closes));
        assertThat(a.auction.unsold()).isEmpty();
    }

    @Test
    void lotsComeInSetOrderThenTheUnsoldReturnInTheAcceleratedRoundWithTheShorterWindow() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.bid(Franchise.RCB, 200); // lot 1 sold
        a.runOut();
        a.runOut(); // lot 2 unsold
        a.bid(Franchise.MI, 100); // lot 3 sold (KKR is not in the auction: no right to match)
        a.runOut();
        a.runOut(); // lot 4 unsold
        a.runOut(); // lot 5 unsold: the main round is over

        assertThat(a.log.stream()
                        .filter(LotOpened.class::isInstance)
                        .map(LotOpened.class::cast)
                        .filter(e -> e.round() == Round.MAIN)
                        .map(LotOpened::player))
                .containsExactlyElementsOf(standardPool());
        AcceleratedRoundStarted accelerated = only(a.log, AcceleratedRoundStarted.class);
        assertThat(accelerated.playerIds()).containsExactly(BUTTLER.id(), ROOKIE.id(), YOUNGSTER.id());
        assertThat(a.auction.round()).isEqualTo(Round.ACCELERATED);
        assertThat(a.auction.unsold()).isEmpty();
        Lot lot = a.lot();
        assertThat(lot.number()).isEqualTo(6);
        assertThat(lot.round()).isEqualTo(Round.ACCELERATED);
        assertThat(lot.player()).isEqualTo(BUTTLER);
        assertThat(a.auction.remaining()).isEqualTo(Duration.ofMillis(ACCELERATED_WINDOW));
        assertThat(a.auction.upcoming()).containsExactly(ROOKIE, YOUNGSTER);

        a.clock.advanceSeconds(2);
        a.bid(Franchise.MI, 150); // his 2024 franchise: no right to match
        assertThat(a.auction.remaining())
                .as("a bid in the accelerated round restarts its window")
                .isEqualTo(Duration.ofMillis(ACCELERATED_WINDOW));
        a.runOut(); // lot 6 sold, lot 7 opens
        a.runOut(); // lot 7 unsold again: final
        a.runOut(); // lot 8 unsold again: final, and the auction is over

        List<Integer> lotNumbers = a.log.stream()
                .filter(LotOpened.class::isInstance)
                .map(e -> ((LotOpened) e).lot())
                .toList();
        assertThat(lotNumbers).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(a.log).filteredOn(AcceleratedRoundStarted.class::isInstance).hasSize(1);
        assertThat(a.auction.results())
                .extracting(LotResult::lot, LotResult::round, r -> r.player().id(), LotResult::soldTo)
                .containsExactly(
                        tuple(1, Round.MAIN, "1", Franchise.RCB),
                        tuple(2, Round.MAIN, "2", null),
                        tuple(3, Round.MAIN, "3", Franchise.MI),
                        tuple(4, Round.MAIN, "4", null),
                        tuple(5, Round.MAIN, "5", null),
                        tuple(6, Round.ACCELERATED, "2", Franchise.MI),
                        tuple(7, Round.ACCELERATED, "4", null),
                        tuple(8, Round.ACCELERATED, "5", null));
        assertThat(a.auction.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(a.auction.completionReason()).contains(CompletionReason.ALL_LOTS_DONE);
        assertThat(a.auction.unsold()).isEmpty();
        assertThat(a.auction.upcoming()).isEmpty();
        assertThat(a.auction.standing(Franchise.MI).overseasCount()).isEqualTo(1);
    }

    @Test
    void whenEveryPlayerSellsInTheMainRoundThereIsNoAcceleratedRound() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        List<Franchise> buyers = List.of(Franchise.RCB, Franchise.MI, Franchise.CSK, Franchise.CSK, Franchise.RCB);
        for (Franchise buyer : buyers) {
            a.bidNext(buyer);
            a.runOut();
        }

        assertThat(a.log).noneMatch(AcceleratedRoundStarted.class::isInstance);
        assertThat(a.auction.completionReason()).contains(CompletionReason.ALL_LOTS_DONE);
        assertThat(a.auction.results()).hasSize(5).allMatch(LotResult::sold);
    }

    @Test
    void theAuctionCompletesWithEveryFranchisesFinalSquadAndPurse() {
        RecordedAuction a = RecordedAuction.started(standardSetup());
        a.bid(Franchise.RCB, 200);
        a.runOut();
        a.bid(Franchise.MI, 150);
        a.runOut();
        a.bid(Franchise.CSK, 100);
        a.runOut();
        a.runOut();
        a.runOut();
        a.runOut();
        a.runOut();

        AuctionCompleted completed = only(a.log, AuctionCompleted.class);
        assertThat(completed).isSameAs(a.log.getLast());
        assertThat(completed.reason()).isEqualTo(CompletionReason.ALL_LOTS_DONE);
        assertThat(completed.results()).hasSize(3);
        for (FranchiseResult result : completed.results()) {
            Standing s = a.auction.standing(result.franchise());
            assertThat(result.purseLeft()).isEqualTo(s.purse());
            assertThat(result.rtmCardsLeft()).isEqualTo(s.rtmCards());
            assertThat(result.squad()).containsExactlyElementsOf(s.squad());
        }
        assertThat(completed.results())
                .extracting(
                        FranchiseResult::franchise,
                        FranchiseResult::purseLeft,
                        r -> r.squad().size())
                .containsExactly(
                        tuple(Franchise.CSK, Lakh.of(4900), 3),
                        tuple(Franchise.MI, Lakh.of(3850), 2),
                        tuple(Franchise.RCB, Lakh.of(2800), 1));
        assertThat(a.auction.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(a.auction.lot()).isEmpty();
        assertThat(a.auction.nextDeadline()).isEmpty();
        assertThat(a.elapse(Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void theAuctionEndsWhenNoFranchiseCanPayTheLowestBasePrice() {
        Player first = indian("31", true, 100, null);
        Player second = indian("32", true, 100, null);
        Player third = indian("33", false, 30, null);
        var rules = new SquadRules(0, 5, 2, Lakh.of(30));
        RecordedAuction a = RecordedAuction.started(setup(
                List.of(first, second, third),
                List.of(franchise(Franchise.CSK, 129, 0), franchise(Franchise.MI, 100, 0)),
                rules));
        a.bid(Franchise.CSK, 100);
        a.runOut();
        a.bid(Franchise.MI, 100);

        var events = a.runOut();

        assertThat(events.getFirst()).isInstanceOf(LotSold.class);
        assertThat(events.getLast())
                .isInstanceOfSatisfying(
                        AuctionCompleted.class, e -> assertThat(e.reason()).isEqualTo(CompletionReason.NO_BIDDER_LEFT));
        assertThat(events).hasSize(2);
        assertThat(a.log).filteredOn(LotOpened.class::isInstance).hasSize(2);
        assertThat(a.auction.completionReason()).contains(CompletionReason.NO_BIDDER_LEFT);
    }

    @Test
    void aFranchiseWithExactlyTheLowestBasePriceLeftKeepsTheAuctionGoing() {
        Player first = indian("31", true, 100, null);
        Player second = indian("32", true, 100, null);
        Player third = indian("33", false, 30, null);
        var rules = new SquadRules(0, 5, 2, Lakh.of(30));
        RecordedAuction a = RecordedAuction.started(setup(
                List.of(first, second, third),
                List.of(franchise(Franchise.CSK, 130, 0), franchise(Franchise.MI, 100, 0)),
                rules));
        a.bid(Franchise.CSK, 100);
        a.runOut();
        a.bid(Franchise.MI, 100);
        a.runOut();

        assertThat(a.lot().player()).isEqualTo(third);
        assertThat(a.bid(Franchise.CSK, 30).accepted()).isTrue();
        a.runOut();
        assertThat(a.auction.completionReason()).contains(CompletionReason.NO_BIDDER_LEFT);
    }

    @Test
    void theAuctionEndsWhenEverySquadIsFull() {
        var rules = new SquadRules(0, 2, 1, Lakh.of(30));
        RecordedAuction a = RecordedAuction.started(setup(
                standardPool(),
                List.of(franchise(Franchise.CSK, 5000, 0, retainedIndian("c", true)), franchise(Franchise.MI, 5000, 0)),
                rules));
        a.bid(Franchise.CSK, 200);
        a.runOut();
        a.runOut(); // lot 2 unsold: MI can still bid
        a.bid(Franchise.MI, 100);
        a.runOut();
        a.bid(Franchise.MI, 30);

        var events = a.runOut();

        assertThat(events).extracting(Object::getClass).containsExactly(LotSold.class, AuctionCompleted.class);
        assertThat(a.auction.completionReason()).contains(CompletionReason.NO_BIDDER_LEFT);
        assertThat(a.log)
                .as("the unsold player is not offered again: nobody could buy him")
                .noneMatch(AcceleratedRoundStarted.class::isInstance);
    }

    @Test
    void theReserveCountsWhenDecidingWhetherAnyoneCanStillBid() {
        // IPL rules, empty squads: 17 × 30 = 510 must stay in the purse, so 539 leaves 29 to bid with
        RecordedAuction a = RecordedAuction.create(setup(
                standardPool(),
                List.of(franchise(Franchise.CSK, 539, 0), franchise(Franchise.MI, 539, 0)),
                SquadRules.IPL));

        var events = a.run(Auction::start);

        assertThat(events).extracting(Object::getClass).containsExactly(AuctionStarted.class, AuctionCompleted.class);
        assertThat(a.auction.completionReason()).contains(CompletionReason.NO_BIDDER_LEFT);
    }

    @Test
    void aFranchiseWithThirtyLakhOverTheReserveCanStillBid() {
        RecordedAuction a = RecordedAuction.started(setup(
                standardPool(),
                List.of(franchise(Franchise.CSK, 540, 0), franchise(Franchise.MI, 100, 0)),
                SquadRules.IPL));

        assertThat(a.auction.phase()).isEqualTo(Phase.RUNNING);
        assertThat(a.auction.maxBid(Franchise.CSK)).isEqualTo(Lakh.of(30));
        assertThat(a.lot().player()).isEqualTo(KOHLI);
        a.runOut();
        a.runOut();
        assertThat(a.lot().player()).isEqualTo(SAMSON);
    }

    static <T extends AuctionEvent> T only(List<AuctionEvent> events, Class<T> type) {
        List<T> matching =
                events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).as("events of type %s", type.getSimpleName()).hasSize(1);
        return matching.getFirst();
    }
}
