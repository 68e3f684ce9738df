package dev.iplauction.auction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.auction.house.MemoryEventLog;
import dev.iplauction.auction.system.AuctionProperties;
import dev.iplauction.auction.table.TableNotes;
import dev.iplauction.contracts.Franchise;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@WebMvcTest(HousePages.class)
@Import({TableStream.class, TableNotes.class, CatalogueChoices.class, ReadOnlyPagesTests.House.class})
class ReadOnlyPagesTests {

    private static final CatalogueRepository CATALOGUES = CatalogueRepository.fromClasspath();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuctionHouse house;

    @Autowired
    MemoryEventLog eventLog;

    @MockitoBean
    LiveUpdates liveUpdates;

    /** The house the pages see: rebuilt from a log with a gap in one auction's records. */
    @TestConfiguration
    @EnableConfigurationProperties(AuctionProperties.class)
    static class House {

        static String damagedCode;
        static String healthyCode;

        @Bean
        MemoryEventLog memoryLog() {
            return new MemoryEventLog();
        }

        @Bean(destroyMethod = "close")
        AuctionHouse auctionHouse(MemoryEventLog log) {
            damagedCode = log.damagedAuction();
            AuctionHouse before = log.house();
            try {
                healthyCode = before.create(CreateAuction.of("quick")).code();
            } finally {
                before.close();
            }
            AuctionHouse rebuilt = log.house();
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
        assertThat(mvc.perform(get("/auctions/" + House.damagedCode + "/read-only"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"readOnly\":true")
                .contains("\"kind\":\"damaged\"");
        assertThat(mvc.perform(get("/auctions/" + House.healthyCode + "/read-only"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .isEqualTo("{\"readOnly\":false}");
    }

    @Test
    void anAuctionWhoseWriteFailedIsReadOnlyUntilReloadedAndThePagesSaySo() throws Exception {
        eventLog.failing(true);
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
            eventLog.failing(false);
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().isEmpty());
        assertThat(page("/auctions/" + House.healthyCode + "/room").one("damaged-banner"))
                .as("reloaded: the banner is gone")
                .containsKey("hidden");
    }
}
