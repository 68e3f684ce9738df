package dev.iplauction.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.auction.house.MemoryEventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room's player card shows the profile of the auction's own player: catalogue ids repeat across catalogues. */
class PlayerCardsTests {

    private final AuctionHouse house = new MemoryEventLog().house();
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
