package dev.iplauction.auction.rules;

import static dev.iplauction.auction.rules.AuctionFixtures.BID_WINDOW;
import static dev.iplauction.auction.rules.AuctionFixtures.CODE;
import static dev.iplauction.auction.rules.AuctionFixtures.KOHLI;
import static dev.iplauction.auction.rules.AuctionFixtures.T0;
import static dev.iplauction.auction.rules.AuctionFixtures.assertRefused;
import static dev.iplauction.auction.rules.AuctionFixtures.standardSetup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionStarted;
import dev.iplauction.contracts.auction.AuctionEvent.BidRefused;
import dev.iplauction.contracts.auction.AuctionEvent.LotOpened;
import dev.iplauction.contracts.auction.AuctionEvent.SeatClaimed;
import dev.iplauction.contracts.auction.AuctionEvent.SeatReleased;
import dev.iplauction.contracts.auction.Round;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuctionLobbyTests {

    private final RecordedAuction a = RecordedAuction.create(standardSetup());
    private final Auction auction = a.auction;

    @Test
    void aSeatIsClaimedWithItsTokenHash() {
        a.clock.advanceSeconds(3);

        var events = a.run(x -> x.claimSeat(Franchise.MI, "mi-token"));

        assertThat(events).containsExactly(new SeatClaimed(CODE, 2, T0.plusSeconds(3), Franchise.MI, "mi-token"));
        assertThat(auction.seatTaken(Franchise.MI)).isTrue();
        assertThat(auction.seatTaken(Franchise.CSK)).isFalse();
        assertThat(auction.seatOf("mi-token")).contains(Franchise.MI);
        assertThat(auction.seatOf("nobody")).isEmpty();
        assertThat(auction.seq()).isEqualTo(2);
    }

    @Test
    void theSameTokenTakesItsSeatAgainWithoutANewEvent() {
        a.run(x -> x.claimSeat(Franchise.MI, "mi-token"));

        assertThat(auction.claimSeat(Franchise.MI, "mi-token")).isEmpty();
        assertThat(auction.seq()).isEqualTo(2);
        assertThat(auction.seatOf("mi-token")).contains(Franchise.MI);
    }

    @Test
    void anotherTokenCannotTakeAHeldSeat() {
        a.run(x -> x.claimSeat(Franchise.MI, "mi-token"));

        assertRefused(() -> auction.claimSeat(Franchise.MI, "intruder"), RefusalReason.SEAT_TAKEN);
        assertThat(auction.seatOf("mi-token")).contains(Franchise.MI);
        assertThat(auction.seatOf("intruder")).isEmpty();
        assertThat(auction.seq()).isEqualTo(2);
    }

    @Test
    void oneTokenCannotHoldTwoSeats() {
        a.run(x -> x.claimSeat(Franchise.MI, "token"));

        assertRefused(() -> auction.claimSeat(Franchise.CSK, "token"), RefusalReason.SEAT_TAKEN);
        assertThat(auction.seatTaken(Franchise.CSK)).isFalse();
        assertThat(auction.seq()).isEqualTo(2);
    }

    @Test
    void aReleasedSeatCanBeTakenByAnotherToken() {
        a.run(x -> x.claimSeat(Franchise.MI, "old-token"));

        var released = a.run(x -> x.releaseSeat(Franchise.MI));
        var claimed = a.run(x -> x.claimSeat(Franchise.MI, "new-token"));

        assertThat(released).containsExactly(new SeatReleased(CODE, 3, T0, Franchise.MI));
        assertThat(claimed).containsExactly(new SeatClaimed(CODE, 4, T0, Franchise.MI, "new-token"));
        assertThat(auction.seatOf("old-token")).isEmpty();
        assertThat(auction.seatOf("new-token")).contains(Franchise.MI);
    }

    @Test
    void releasingAFreeSeatChangesNothing() {
        assertThat(auction.releaseSeat(Franchise.CSK)).isEmpty();
        assertThat(auction.seq()).isEqualTo(1);
    }

    @Test
    void onlyFranchisesInTheAuctionHaveSeats() {
        assertThatIllegalArgumentException().isThrownBy(() -> auction.claimSeat(Franchise.SRH, "srh-token"));
        assertThat(auction.seq()).isEqualTo(1);
    }

    @Test
    void aSeatCanBeTakenAgainWhileTheAuctionRuns() {
        a.run(x -> x.claimSeat(Franchise.MI, "mi-token"));
        a.run(Auction::start);

        assertThat(auction.claimSeat(Franchise.MI, "mi-token")).isEmpty();
        assertThat(a.run(x -> x.claimSeat(Franchise.CSK, "csk-token"))).hasSize(1);
    }

    @Test
    void noSeatIsTakenOnceTheAuctionIsOver() {
        a.run(Auction::end);

        assertRefused(() -> auction.claimSeat(Franchise.MI, "late"), RefusalReason.NOT_RUNNING);
    }

    @Test
    void theHostStartsAndTheFirstLotOpensWithTheBasePriceWindow() {
        a.clock.advanceSeconds(60);

        var events = a.run(Auction::start);

        var startedAt = T0.plusSeconds(60);
        assertThat(events)
                .containsExactly(
                        new AuctionStarted(CODE, 2, startedAt),
                        new LotOpened(CODE, 3, startedAt, 1, Round.MAIN, KOHLI, startedAt.plusMillis(BID_WINDOW)));
        assertThat(auction.phase()).isEqualTo(Phase.RUNNING);
        Lot lot = a.lot();
        assertThat(lot.number()).isEqualTo(1);
        assertThat(lot.player()).isEqualTo(KOHLI);
        assertThat(lot.stage()).isEqualTo(LotStage.BIDDING);
        assertThat(lot.currentBid()).isNull();
        assertThat(lot.highestBidder()).isNull();
        assertThat(lot.nextBid()).isEqualTo(KOHLI.basePrice());
        assertThat(auction.remaining()).isEqualTo(Duration.ofMillis(BID_WINDOW));
        assertThat(auction.nextDeadline()).contains(startedAt.plusMillis(BID_WINDOW));
        assertThat(auction.upcoming()).doesNotContain(KOHLI).hasSize(4);
    }

    @Test
    void anAuctionStartsOnlyOnce() {
        a.run(Auction::start);
        long seq = auction.seq();

        assertRefused(auction::start, RefusalReason.NOT_RUNNING);
        assertThat(auction.seq()).isEqualTo(seq);
        assertThat(a.lot().number()).isEqualTo(1);
    }

    @Test
    void aFinishedAuctionCannotStart() {
        a.run(Auction::end);

        assertRefused(auction::start, RefusalReason.NOT_RUNNING);
        assertThat(auction.phase()).isEqualTo(Phase.COMPLETED);
    }

    @Test
    void nobodyBidsBeforeTheStartAndTheRefusalIsRecorded() {
        var outcome = a.bidOn(Franchise.MI, 1, 200);

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.refusal().reason()).isEqualTo(RefusalReason.NOT_RUNNING);
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(BidRefused.class, e -> {
            assertThat(e.seq()).isEqualTo(2);
            assertThat(e.franchise()).isEqualTo(Franchise.MI);
            assertThat(e.amount()).isEqualTo(Lakh.of(200));
            assertThat(e.reason()).isEqualTo(RefusalReason.NOT_RUNNING);
            assertThat(e.message()).isNotBlank();
        });
        assertThat(auction.phase()).isEqualTo(Phase.LOBBY);
        assertThat(auction.lot()).isEmpty();
    }

    @Test
    void theHostCannotPauseResumeOrSkipInTheLobby() {
        assertRefused(auction::pause, RefusalReason.NOT_RUNNING);
        assertRefused(auction::resume, RefusalReason.NOT_RUNNING);
        assertRefused(auction::skip, RefusalReason.NOT_RUNNING);
        assertThat(auction.restartClock()).isEmpty();
        assertThat(auction.seq()).isEqualTo(1);
    }
}
