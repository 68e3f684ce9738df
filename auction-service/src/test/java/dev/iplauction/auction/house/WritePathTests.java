package dev.iplauction.auction.house;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.kafkatest.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The write path against a log that fails on demand: memory never ends up ahead of the log, a caller hears what the
 * log holds, and the clock survives anything.
 */
class WritePathTests {

    private static final CatalogueRepository CATALOGUES = CatalogueRepository.fromClasspath();

    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-24T10:00:00Z"));
    private final MemoryEventLog eventLog = new MemoryEventLog();
    private final AuctionHouse house = house(eventLog, clock, AuctionHouse.Settings.DEFAULT_FINISHED_KEPT);

    /**
     * A house on the given log with short windows (10 s, 5 s, 4 s), a 2 s write timeout, a 5 ms tick, and 10 s to learn
     * a lost answer's outcome: ample for a reload from memory, and a test that waits it out takes 10 s, not 30.
     */
    static AuctionHouse house(AuctionEventLog eventLog, MutableClock clock, int finishedKept) {
        return new AuctionHouse(
                eventLog,
                clock,
                CATALOGUES,
                List.of(),
                new AuctionHouse.Settings(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(5),
                        Duration.ofSeconds(10),
                        finishedKept));
    }

    @AfterEach
    void close() {
        house.close();
    }

    static CreateAuction twoPlayers() {
        List<String> ids = CATALOGUES.quick().players().stream()
                .filter(p -> !p.overseas())
                .limit(2)
                .map(Player::id)
                .toList();
        return new CreateAuction("quick", "Write path", false, 4000, 0, ids, null, 10_000L, 5_000L, 4_000L, 3L);
    }

    private record Running(String code, String csk, String mi) {}

    private Running running() {
        var created = house.create(twoPlayers());
        String csk = house.claimSeat(created.code(), Franchise.CSK, null);
        String mi = house.claimSeat(created.code(), Franchise.MI, null);
        house.host(created.code(), created.hostToken(), HostAction.START);
        return new Running(created.code(), csk, mi);
    }

    private AuctionHouse.BidReceipt bidNext(Running r, String token, Franchise franchise) {
        AuctionView.LotView lot = house.view(r.code()).lot();
        return house.bid(r.code(), token, franchise, lot.number(), Lakh.of(lot.nextBid()));
    }

    private long bidsInLog(String code) {
        return eventLog.records.stream()
                .filter(e -> e.auctionCode().equals(code))
                .filter(AuctionEvent.BidAccepted.class::isInstance)
                .count();
    }

    @Test
    void aBidTheLogDidNotTakeIsRefusedWith503AndTheAuctionIsReadOnlyUntilReloaded() {
        Running r = running();
        bidNext(r, r.csk(), Franchise.CSK);
        eventLog.readable = false;
        eventLog.onAppend = (code, events) -> CompletableFuture.failedFuture(new RuntimeException("broker away"));

        assertThatThrownBy(() -> bidNext(r, r.mi(), Franchise.MI))
                .isInstanceOf(EventLogUnavailable.OutcomeUnknown.class);
        // While the log cannot be read, the auction takes no command at all.
        assertThatThrownBy(() -> bidNext(r, r.mi(), Franchise.MI))
                .isInstanceOf(EventLogUnavailable.class)
                .hasMessageContaining("read-only");
        assertThat(house.reloading()).containsKey(r.code());

        eventLog.onAppend = eventLog::land;
        eventLog.readable = true;
        await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().isEmpty());
        // Memory is the log again: one bid, CSK's, and MI may bid now.
        assertThat(house.view(r.code()).lot().highestBidder()).isEqualTo("CSK");
        bidNext(r, r.mi(), Franchise.MI);
        assertThat(bidsInLog(r.code())).isEqualTo(2);
    }

    @Test
    void aBidWhoseAnswerWasLostButWhichLandedIsAnsweredAsAccepted() {
        Running r = running();
        eventLog.onAppend = (code, events) -> {
            eventLog.records.addAll(events);
            return CompletableFuture.failedFuture(new RuntimeException("the answer was lost"));
        };
        AuctionHouse.BidReceipt receipt = bidNext(r, r.csk(), Franchise.CSK);
        eventLog.onAppend = eventLog::land;
        assertThat(receipt.amount().value()).isPositive();
        assertThat(bidsInLog(r.code())).isEqualTo(1);
        await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().isEmpty());
        assertThat(house.view(r.code()).lot().highestBidder()).isEqualTo("CSK");
    }

    @Test
    void aBidTheLogRefusedOutrightIs503AndLeavesNoTrace() {
        Running r = running();
        eventLog.onAppend = (code, events) -> {
            throw new IllegalStateException("send threw at once");
        };
        assertThatThrownBy(() -> bidNext(r, r.csk(), Franchise.CSK))
                .isExactlyInstanceOf(EventLogUnavailable.class)
                .hasMessageContaining("did not happen");
        eventLog.onAppend = eventLog::land;
        await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().isEmpty());
        assertThat(house.view(r.code()).lot().highestBidder()).isNull();
        assertThat(bidsInLog(r.code())).isZero();
    }

    @Test
    void aCreateTooLargeForTheLogIsRefusedAndLeavesNoAuction() {
        eventLog.onAppend = (code, events) -> CompletableFuture.failedFuture(new EventTooLarge("too large"));
        assertThatThrownBy(() -> house.create(twoPlayers())).isInstanceOf(EventTooLarge.class);
        eventLog.onAppend = (code, events) -> {
            throw new RuntimeException("send threw");
        };
        assertThatThrownBy(() -> house.create(twoPlayers())).isInstanceOf(EventLogUnavailable.class);
        await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().isEmpty());
        assertThat(house.list()).isEmpty();
    }

    @Test
    void theClockSurvivesAFailedTickAndRunsAgainAfterTheReload() {
        Running r = running();
        bidNext(r, r.csk(), Franchise.CSK);
        eventLog.readable = false;
        eventLog.onAppend = (code, events) -> {
            throw new IllegalStateException("tick write threw");
        };
        clock.advance(Duration.ofSeconds(11));
        await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().containsKey(r.code()));
        eventLog.onAppend = eventLog::land;
        eventLog.readable = true;
        await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().isEmpty());
        // The reload gives the open lot a fresh window; when it runs out, the clock sells the player. The window is
        // counted from when the restart is written, which may come just after the auction stops showing as
        // reloading: advancing the test's clock before it would push the lot's end past the advance (as happened
        // once under two CPU burners), so wait for the restart in the log first.
        await().atMost(Duration.ofMinutes(1))
                .until(() -> eventLog.records.stream().anyMatch(AuctionEvent.LotClockRestarted.class::isInstance));
        clock.advance(Duration.ofSeconds(11));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> eventLog.records.stream().anyMatch(AuctionEvent.LotSold.class::isInstance));
        assertThat(house.results(r.code())).hasSize(1);
    }

    @Test
    void aRecordTheRebuildCannotApplyIsDeadLetteredAndTheAuctionLoadsDamaged() {
        Running r = running();
        bidNext(r, r.csk(), Franchise.CSK);
        bidNext(r, r.mi(), Franchise.MI);
        List<AuctionEvent> records = new ArrayList<>(eventLog.records);
        AuctionEvent last = records.getLast();
        // A conflicting copy of a sequence number, and a record after a gap.
        AuctionEvent conflicting = records.get(records.size() - 2);
        var bid = (AuctionEvent.BidAccepted) last;
        var gap = new AuctionEvent.BidAccepted(
                bid.auctionCode(),
                bid.seq() + 5,
                bid.at(),
                bid.lot(),
                bid.playerId(),
                bid.franchise(),
                bid.amount(),
                bid.closesAt());
        eventLog.records.add(gap);
        eventLog.records.add(new AuctionEvent.AuctionPaused(conflicting.auctionCode(), conflicting.seq(), bid.at()));

        AuctionHouse rebuilt = house(eventLog, clock, AuctionHouse.Settings.DEFAULT_FINISHED_KEPT);
        try {
            rebuilt.recover();
            assertThat(rebuilt.damaged()).containsOnlyKeys(r.code());
            assertThat(rebuilt.view(r.code()).lot().highestBidder()).isEqualTo("MI");
            assertThat(eventLog.deadLetters).hasSize(2);
            assertThatThrownBy(() -> rebuilt.host(r.code(), "x", HostAction.PAUSE))
                    .isInstanceOf(EventLogUnavailable.class)
                    .hasMessageContaining("damaged");
        } finally {
            rebuilt.close();
        }
    }
}
