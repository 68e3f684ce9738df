package dev.iplauction.auction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.auction.house.EventLogUnavailable;
import dev.iplauction.auction.table.TableNotes;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Auctions that refuse every change, made so for real: one the rebuild from the log could not apply a record of
 * (damaged), one whose write to the log failed (read-only until reloaded). The home page's list and the room say so;
 * a healthy auction says nothing.
 */
@WebMvcTest(AuctionPages.class)
@Import({TableStream.class, TableNotes.class, CatalogueChoices.class, ReadOnlyPagesTests.House.class})
class ReadOnlyPagesTests {

    private static final CatalogueRepository CATALOGUES = CatalogueRepository.fromClasspath();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuctionHouse house;

    @Autowired
    MemoryLog eventLog;

    @MockitoBean
    LiveUpdates liveUpdates;

    /** A log in memory whose appends can be made to fail and whose reads can be made to fail too. */
    static final class MemoryLog implements AuctionEventLog {
        final List<AuctionEvent> records = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        @Override
        public CompletableFuture<Void> append(String auctionCode, List<AuctionEvent> events) {
            if (failing) {
                return CompletableFuture.failedFuture(new EventLogUnavailable("the broker is down", null));
            }
            records.addAll(events);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Map<String, List<AuctionEvent>> readAll() {
            if (failing) {
                throw new EventLogUnavailable("the broker is down", null);
            }
            Map<String, List<AuctionEvent>> all = new LinkedHashMap<>();
            for (AuctionEvent e : records) {
                all.computeIfAbsent(e.auctionCode(), k -> new ArrayList<>()).add(e);
            }
            return all;
        }

        @Override
        public void deadLetter(AuctionEvent event, String reason) {}
    }

    private static AuctionHouse house(MemoryLog log) {
        return new AuctionHouse(
                log,
                Clock.systemUTC(),
                CATALOGUES,
                List.of(),
                new AuctionHouse.Settings(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(5)));
    }

    /** The house the pages see: rebuilt from a log with a gap in one auction's records. */
    @TestConfiguration
    static class House {

        static String damagedCode;
        static String healthyCode;

        @Bean
        MemoryLog memoryLog() {
            return new MemoryLog();
        }

        @Bean(destroyMethod = "close")
        AuctionHouse auctionHouse(MemoryLog log) {
            AuctionHouse before = house(log);
            try {
                damagedCode = before.create(CreateAuction.of("quick")).code();
                healthyCode = before.create(CreateAuction.of("quick")).code();
            } finally {
                before.close();
            }
            AuctionEvent last = log.records.stream()
                    .filter(e -> e.auctionCode().equals(damagedCode))
                    .reduce((a, b) -> b)
                    .orElseThrow();
            // A record after a gap: the rebuild cannot apply it.
            log.records.add(new AuctionEvent.AuctionPaused(damagedCode, last.seq() + 5, last.at()));
            AuctionHouse rebuilt = house(log);
            rebuilt.recover();
            return rebuilt;
        }

        @Bean
        CatalogueRepository catalogueRepository() {
            return CATALOGUES;
        }
    }

    private Html page(String path) throws Exception {
        return new Html(mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void theHomePagesListAndTheRoomSayAnAuctionIsDamaged() throws Exception {
        assertThat(house.damaged()).containsOnlyKeys(House.damagedCode);

        Html home = page("/");
        Html room = page("/auctions/" + House.damagedCode + "/room");
        Html healthyRoom = page("/auctions/" + House.healthyCode + "/room");

        assertThat(home.all("auction-list-item"))
                .filteredOn(item -> House.damagedCode.equals(item.get("data-code")))
                .singleElement()
                .satisfies(item -> assertThat(item).containsEntry("data-read-only", "damaged"));
        assertThat(home.all("auction-list-item"))
                .filteredOn(item -> House.healthyCode.equals(item.get("data-code")))
                .singleElement()
                .satisfies(item -> assertThat(item.get("data-read-only")).isNullOrEmpty());
        assertThat(home.all("auction-read-only")).hasSize(1);
        assertThat(home.toString()).contains("Damaged, read-only:").contains("reloaded from the event log");

        assertThat(room.one("damaged-banner"))
                .containsEntry("data-kind", "damaged")
                .doesNotContainKey("hidden");
        assertThat(room.text("damaged-title")).isEqualTo("This auction is damaged and read-only.");
        assertThat(room.text("damaged-reason")).isNotBlank();
        assertThat(room.text("damaged-reload")).contains("restart");
        assertThat(room.toString())
                .contains("refused until it has been reloaded from the event log")
                .contains("The event log keeps every accepted bid and sale");
        assertThat(healthyRoom.one("damaged-banner")).containsKey("hidden");
    }

    @Test
    void anAuctionWhoseWriteFailedIsReadOnlyUntilReloadedAndThePagesSaySo() throws Exception {
        eventLog.failing = true;
        try {
            try {
                house.claimSeat(House.healthyCode, Franchise.CSK, null);
            } catch (RuntimeException expected) {
                // The write failed: the house refuses it and holds the auction read-only.
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().containsKey(House.healthyCode));

            Html home = page("/");
            Html room = page("/auctions/" + House.healthyCode + "/room");

            assertThat(home.all("auction-list-item"))
                    .filteredOn(item -> House.healthyCode.equals(item.get("data-code")))
                    .singleElement()
                    .satisfies(item -> assertThat(item).containsEntry("data-read-only", "reloading"));
            assertThat(room.one("damaged-banner")).containsEntry("data-kind", "reloading");
            assertThat(room.text("damaged-title")).isEqualTo("This auction is read-only for now.");
            assertThat(room.text("damaged-reason")).contains("broker is down");
            assertThat(room.text("damaged-reload")).contains("retries by itself");
        } finally {
            eventLog.failing = false;
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().isEmpty());
        assertThat(page("/auctions/" + House.healthyCode + "/room").one("damaged-banner"))
                .as("reloaded: the banner is gone")
                .containsKey("hidden");
    }
}
