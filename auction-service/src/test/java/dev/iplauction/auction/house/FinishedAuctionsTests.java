package dev.iplauction.auction.house;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.rules.Phase;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.kafkatest.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's memory attack: anyone may create auctions and, as their host, end them at once. Finished auctions must not
 * pile up in the house's memory: past the number kept, the oldest leave, and a late visitor hears why.
 */
class FinishedAuctionsTests {

    private static final CatalogueRepository CATALOGUES = CatalogueRepository.fromClasspath();
    private static final int KEPT = 2;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-11-24T10:00:00Z"));
    private final MemoryEventLog eventLog = new MemoryEventLog();
    private final List<AuctionHouse> houses = new ArrayList<>();

    private AuctionHouse house() {
        AuctionHouse house = WritePathTests.house(eventLog, clock, KEPT);
        houses.add(house);
        return house;
    }

    @AfterEach
    void close() {
        houses.forEach(AuctionHouse::close);
    }

    /** What an attacker does: create an auction, take a seat, start it and end it at once. */
    private static String createdAndEnded(AuctionHouse house) {
        var created = house.create(WritePathTests.twoPlayers());
        house.claimSeat(created.code(), Franchise.CSK, null);
        house.host(created.code(), created.hostToken(), HostAction.START);
        house.host(created.code(), created.hostToken(), HostAction.END);
        assertThat(house.view(created.code()).phase()).isEqualTo(Phase.COMPLETED.name());
        return created.code();
    }

    @Test
    void pastTheNumberKeptTheOldestFinishedAuctionsLeaveAndSayWhy() {
        AuctionHouse house = house();
        String live = house.create(WritePathTests.twoPlayers()).code();
        List<String> ended = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ended.add(createdAndEnded(house));
        }

        // The last one ended after the last creation: one over the number kept until the next creation trims.
        assertThat(house.list()).hasSize(1 + KEPT + 1);
        house.create(WritePathTests.twoPlayers());
        assertThat(house.list()).hasSize(1 + KEPT + 1);

        assertThat(house.view(live).phase()).as("a live auction never leaves").isEqualTo(Phase.LOBBY.name());
        for (String code : ended.subList(ended.size() - KEPT, ended.size())) {
            assertThat(house.view(code).phase()).isEqualTo(Phase.COMPLETED.name());
        }
        assertThatThrownBy(() -> house.view(ended.getFirst()))
                .isInstanceOfSatisfying(
                        AuctionNotFound.class, e -> assertThat(e.leftTheHouse()).isTrue())
                .hasMessageContaining("finished and has left the house")
                .hasMessageContaining("report-service");
        assertThatThrownBy(() -> house.view("ZZZZZZ"))
                .isInstanceOfSatisfying(
                        AuctionNotFound.class, e -> assertThat(e.leftTheHouse()).isFalse());
        assertThat(eventLog.records)
                .as("the log keeps every auction")
                .extracting(e -> e.auctionCode())
                .contains(ended.getFirst());
    }

    @Test
    void aRestartRebuildsOnlyTheLatestFinishedAuctions() {
        AuctionHouse first = house();
        List<String> ended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ended.add(createdAndEnded(first));
        }
        first.close();

        AuctionHouse second = house();
        second.recover();

        assertThat(second.list()).extracting(v -> v.code()).containsExactlyInAnyOrderElementsOf(ended.subList(3, 5));
        assertThatThrownBy(() -> second.view(ended.getFirst()))
                .isInstanceOfSatisfying(
                        AuctionNotFound.class, e -> assertThat(e.leftTheHouse()).isTrue());
    }
}
