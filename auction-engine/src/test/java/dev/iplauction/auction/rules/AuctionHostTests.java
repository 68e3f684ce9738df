package dev.iplauction.auction.rules;

import static dev.iplauction.auction.rules.AuctionFixtures.ACCELERATED_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.BID_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.BUTTLER;
import static dev.iplauction.auction.rules.AuctionFixtures.CODE;
import static dev.iplauction.auction.rules.AuctionFixtures.KOHLI;
import static dev.iplauction.auction.rules.AuctionFixtures.RTM_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.T0;
import static dev.iplauction.auction.rules.AuctionFixtures.assertRefused;
import static dev.iplauction.auction.rules.AuctionFixtures.standardSetup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.auction.AuctionEvent.AcceleratedRoundStarted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCompleted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionPaused;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionResumed;
import dev.iplauction.contracts.auction.AuctionEvent.CompletionReason;
import dev.iplauction.contracts.auction.AuctionEvent.LotClockRestarted;
import dev.iplauction.contracts.auction.AuctionEvent.LotOpened;
import dev.iplauction.contracts.auction.AuctionEvent.LotUnsold;
import dev.iplauction.contracts.auction.AuctionEvent.RtmOffered;
import dev.iplauction.contracts.auction.Round;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuctionHostTests {

    private final RecordedAuction a = RecordedAuction.started(standardSetup());
    private final Auction auction = a.auction;

    // ---- pause and resume ----

    @Test
    void aPauseFreezesTheClockAndAResumeGivesBackTheTimeThatWasLeft() {
        a.clock.advanceSeconds(3);
        var paused = a.run(Auction::pause);
        assertThat(paused).containsExactly(new AuctionPaused(CODE, 4, T0.plusSeconds(3)));
        assertThat(auction.phase()).isEqualTo(Phase.PAUSED);
        assertThat(auction.remaining()).isEqualTo(Duration.ofSeconds(7));
        assertThat(auction.nextDeadline()).isEmpty();

        assertThat(a.elapse(Duration.ofMinutes(2)))
                .as("the clock does not act while paused")
                .isEmpty();
        assertThat(auction.remaining()).isEqualTo(Duration.ofSeconds(7));
        assertThat(a.lot().number()).isEqualTo(1);

        Instant resumedAt = T0.plusSeconds(123);
        var resumed = a.run(Auction::resume);
        assertThat(resumed).containsExactly(new AuctionResumed(CODE, 5, resumedAt, resumedAt.plusSeconds(7)));
        assertThat(auction.phase()).isEqualTo(Phase.RUNNING);
        assertThat(a.lot().closesAt()).isEqualTo(resumedAt.plusSeconds(7));
        assertThat(auction.remaining()).isEqualTo(Duration.ofSeconds(7));

        assertThat(a.elapseMillis(6_999)).isEmpty();
        assertThat(a.elapseMillis(1)).first().isInstanceOf(LotUnsold.class);
    }

    @Test
    void whilePausedBidsAreRefusedAndTheBidStandsAsItWas() {
        a.bid(Franchise.MI, 200);
        a.clock.advanceSeconds(4);
        a.run(Auction::pause);

        assertThat(a.bid(Franchise.CSK, 220).refusal().reason()).isEqualTo(RefusalReason.NOT_RUNNING);
        a.clock.advanceSeconds(30);
        a.run(Auction::resume);
        assertThat(auction.remaining()).isEqualTo(Duration.ofSeconds(6));
        assertThat(a.bid(Franchise.CSK, 220).accepted()).isTrue();
        assertThat(auction.remaining()).isEqualTo(Duration.ofMillis(BID_WINDOW));
    }

    @Test
    void aPauseAfterTheWindowRanOutButBeforeTheClockActedLeavesNoTime() {
        a.clock.advanceSeconds(15);
        a.run(Auction::pause);
        assertThat(auction.remaining()).isZero();

        a.clock.advanceSeconds(60);
        a.run(Auction::resume);

        assertThat(a.tick()).first().isInstanceOf(LotUnsold.class);
    }

    @Test
    void aPauseDuringARightToMatchStepKeepsThatStepsTime() {
        a.runOut(); // Kohli unsold
        a.bid(Franchise.CSK, 150); // Buttler, 2024 MI: MI has cards
        var offered = a.runOut();
        assertThat(offered).singleElement().isInstanceOf(RtmOffered.class);
        a.clock.advanceSeconds(1);
        a.run(Auction::pause);
        assertThat(auction.remaining()).isEqualTo(Duration.ofMillis(RTM_WINDOW - 1_000));
        assertRefused(() -> auction.rtmMatch(Franchise.MI), RefusalReason.NOT_RUNNING);

        a.clock.advanceSeconds(100);
        assertThat(a.tick()).isEmpty();
        a.run(Auction::resume);

        assertThat(a.lot().stage()).isEqualTo(LotStage.RTM_OFFERED);
        assertThat(auction.remaining()).isEqualTo(Duration.ofMillis(RTM_WINDOW - 1_000));
        assertThat(a.run(x -> x.rtmMatch(Franchise.MI))).hasSize(1);
    }

    @Test
    void onlyARunningAuctionPausesAndOnlyAPausedOneResumes() {
        assertRefused(auction::resume, RefusalReason.NOT_RUNNING);
        a.run(Auction::pause);
        assertRefused(auction::pause, RefusalReason.NOT_RUNNING);
        a.run(Auction::resume);
        a.run(Auction::end);
        assertRefused(auction::pause, RefusalReason.NOT_RUNNING);
        assertRefused(auction::resume, RefusalReason.NOT_RUNNING);
    }

    // ---- skip ----

    @Test
    void aSkippedLotIsUnsoldAndThePlayerComesBackInTheAcceleratedRound() {
        a.bid(Franchise.MI, 200);
        a.clock.advanceSeconds(2);

        var events = a.run(Auction::skip);

        Instant at = T0.plusSeconds(2);
        assertThat(events)
                .containsExactly(
                        new LotUnsold(CODE, 5, at, 1, KOHLI, true),
                        new LotOpened(CODE, 6, at, 2, Round.MAIN, BUTTLER, at.plusMillis(BID_WINDOW)));
        assertThat(auction.results()).containsExactly(new LotResult(1, Round.MAIN, KOHLI, null, null, false, true, at));
        assertThat(auction.standing(Franchise.MI).purse())
                .as("a skipped lot is not sold")
                .isEqualTo(Lakh.of(4000));
        assertThat(auction.unsold()).containsExactly(KOHLI);

        for (int i = 0; i < 4; i++) {
            a.run(Auction::skip);
        }
        assertThat(a.log)
                .filteredOn(AcceleratedRoundStarted.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(
                        AcceleratedRoundStarted.class,
                        e -> assertThat(e.playerIds()).startsWith(KOHLI.id()).hasSize(5));
        assertThat(a.lot().player()).isEqualTo(KOHLI);
        assertThat(a.lot().round()).isEqualTo(Round.ACCELERATED);
        assertThat(a.lot().number()).isEqualTo(6);
    }

    @Test
    void aLotSkippedInTheAcceleratedRoundIsFinal() {
        for (int i = 0; i < 5; i++) {
            a.run(Auction::skip);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(a.lot().round()).isEqualTo(Round.ACCELERATED);
            a.run(Auction::skip);
        }

        assertThat(auction.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(auction.completionReason()).contains(CompletionReason.ALL_LOTS_DONE);
        assertThat(auction.results()).hasSize(10).allMatch(LotResult::skipped);
        assertThat(a.log).filteredOn(AcceleratedRoundStarted.class::isInstance).hasSize(1);
    }

    @Test
    void nothingIsSkippedWhilePausedOrOnceOver() {
        a.run(Auction::pause);
        assertRefused(auction::skip, RefusalReason.NOT_RUNNING);
        a.run(Auction::end);
        assertRefused(auction::skip, RefusalReason.NOT_RUNNING);
    }

    // ---- end ----

    @Test
    void theHostEndsTheAuctionWithTheStandingsAsTheyAre() {
        a.bid(Franchise.RCB, 200);
        a.runOut();
        a.bid(Franchise.CSK, 150);
        a.clock.advanceSeconds(1);

        var events = a.run(Auction::end);

        assertThat(events).singleElement().isInstanceOfSatisfying(AuctionCompleted.class, e -> {
            assertThat(e.reason()).isEqualTo(CompletionReason.ENDED_BY_HOST);
            assertThat(e.results())
                    .extracting(
                            r -> r.franchise(),
                            r -> r.purseLeft(),
                            r -> r.squad().size())
                    .containsExactly(
                            tuple(Franchise.CSK, Lakh.of(5000), 2),
                            tuple(Franchise.MI, Lakh.of(4000), 1),
                            tuple(Franchise.RCB, Lakh.of(2800), 1));
        });
        assertThat(auction.phase()).isEqualTo(Phase.COMPLETED);
        assertThat(auction.completionReason()).contains(CompletionReason.ENDED_BY_HOST);
        assertThat(auction.lot()).isEmpty();
        assertThat(a.bidOn(Franchise.MI, 2, 160).refusal().reason()).isEqualTo(RefusalReason.NOT_RUNNING);
        assertThat(a.elapse(Duration.ofMinutes(1))).isEmpty();
        assertRefused(auction::end, RefusalReason.NOT_RUNNING);
        assertRefused(auction::start, RefusalReason.NOT_RUNNING);
    }

    @Test
    void theHostCanEndAPausedAuction() {
        a.run(Auction::pause);

        a.run(Auction::end);

        assertThat(auction.completionReason()).contains(CompletionReason.ENDED_BY_HOST);
        assertThat(auction.remaining()).isZero();
    }

    // ---- restart of the clock ----

    @Test
    void restartingTheClockGivesTheOpenLotAFreshWindow() {
        a.bid(Franchise.MI, 200);
        a.clock.advanceSeconds(8);

        var events = a.run(Auction::restartClock);

        assertThat(events)
                .containsExactly(new LotClockRestarted(
                        CODE, 5, T0.plusSeconds(8), 1, T0.plusSeconds(8).plusMillis(BID_WINDOW)));
        assertThat(auction.remaining()).isEqualTo(Duration.ofMillis(BID_WINDOW));
        assertThat(a.lot().currentBid()).isEqualTo(Lakh.of(200));
        assertThat(a.lot().highestBidder()).isEqualTo(Franchise.MI);
        assertThat(a.elapseMillis(BID_WINDOW - 1)).isEmpty();
        assertThat(a.elapseMillis(1)).isNotEmpty();
    }

    @Test
    void aClockThatAlreadyRanOutWhileNobodyWatchedStartsAgain() {
        a.bid(Franchise.MI, 200);
        a.clock.advanceSeconds(60);

        a.run(Auction::restartClock);

        assertThat(a.tick()).isEmpty();
        assertThat(a.bid(Franchise.CSK, 220).accepted()).isTrue();
    }

    @Test
    void aRestartedClockInTheAcceleratedRoundGetsTheAcceleratedWindow() {
        for (int i = 0; i < 5; i++) {
            a.run(Auction::skip);
        }
        a.clock.advanceSeconds(3);

        a.run(Auction::restartClock);

        assertThat(auction.remaining()).isEqualTo(Duration.ofMillis(ACCELERATED_WINDOW));
    }

    @Test
    void aRestartedClockDuringARightToMatchStepGetsTheRightToMatchWindow() {
        a.runOut();
        a.bid(Franchise.CSK, 150);
        a.runOut(); // MI offered the right to match
        a.clock.advanceSeconds(3);

        a.run(Auction::restartClock);

        assertThat(a.lot().stage()).isEqualTo(LotStage.RTM_OFFERED);
        assertThat(auction.remaining()).isEqualTo(Duration.ofMillis(RTM_WINDOW));
    }

    @Test
    void restartingTheClockWhileNoClockRunsDoesNothing() {
        a.run(Auction::pause);
        assertThat(auction.restartClock()).isEmpty();
        a.run(Auction::end);
        assertThat(auction.restartClock()).isEmpty();
    }
}
