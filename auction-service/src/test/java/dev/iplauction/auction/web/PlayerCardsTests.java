package dev.iplauction.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room's player card shows the profile of the auction's own player: catalogue ids repeat across catalogues. */
class PlayerCardsTests {

    /** A log that takes every write and has nothing to read back: the cards only read the house's memory. */
    private static final AuctionEventLog LOG = new AuctionEventLog() {
        @Override
        public CompletableFuture<Void> append(String auctionCode, List<AuctionEvent> events) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Map<String, List<AuctionEvent>> readAll() {
            return Map.of();
        }

        @Override
        public void deadLetter(AuctionEvent event, String reason) {}
    };

    private final AuctionHouse house = new AuctionHouse(
            LOG,
            Clock.systemUTC(),
            CatalogueRepository.fromClasspath(),
            List.of(),
            new AuctionHouse.Settings(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(4),
                    Duration.ofSeconds(2),
                    Duration.ofMillis(100)));
    private final PlayerCards cards = new PlayerCards(house);

    @AfterEach
    void close() {
        house.close();
    }

    @Test
    void playerOneIsJosButtlerIn2025AndDevonConwayIn2026() {
        String mega = house.create(CreateAuction.of("ipl2025")).code();
        String mini = house.create(CreateAuction.of("ipl2026")).code();
        String quick = house.create(CreateAuction.of("quick")).code();

        assertThat(cards.card(mega, "1").getBody().name()).isEqualTo("Jos Buttler");
        assertThat(cards.card(quick, "1").getBody().name()).isEqualTo("Jos Buttler");
        PlayerCards.Card conway = cards.card(mini, "1").getBody();
        assertThat(conway.name()).isEqualTo("Devon Conway");
        assertThat(conway.lines()).as("Conway's 2026 card has his numbers").isNotEmpty();
    }

    @Test
    void anIdTheAuctionDoesNotHaveGetsAnEmptyCardSayingSo() {
        String quick = house.create(CreateAuction.of("quick")).code();

        PlayerCards.Card card = cards.card(quick, "9999").getBody();

        assertThat(card.name()).isNull();
        assertThat(card.note()).isEqualTo("No profile for this player.");
        assertThat(card.lines()).isEmpty();
    }
}
