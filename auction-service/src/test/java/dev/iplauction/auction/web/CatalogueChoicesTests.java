package dev.iplauction.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.contracts.EventJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class CatalogueChoicesTests {

    @Test
    void offersTheShippedCataloguesEachDescribedFromItsFile() {
        CatalogueChoices choices = new CatalogueChoices(CatalogueRepository.fromClasspath());

        assertThat(choices.all())
                .extracting(CatalogueChoices.Choice::id, CatalogueChoices.Choice::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ipl2025", "IPL 2025 mega auction"),
                        org.assertj.core.groups.Tuple.tuple("ipl2026", "IPL 2026 mini auction"),
                        org.assertj.core.groups.Tuple.tuple("quick", "Quick auction"));
        assertThat(choices.byId("ipl2026").orElseThrow().description())
                .startsWith("359 players, 173 retained, purses from ₹2.75 Cr to ₹64.3 Cr, squads of ")
                .contains("no RTM")
                .endsWith("as of 16 Dec 2025");
        assertThat(choices.byId("quick").orElseThrow().description())
                .isEqualTo("60 players, purses of ₹40 Cr, squads of 4–8, one RTM card each, as of 24 Nov 2024");
        assertThat(choices.byId("ipl2027")).isEmpty();
        assertThat(choices.byId(null)).isEmpty();
    }

    @Test
    void alsoOffersTheCatalogueFileTheHouseWasGiven(@TempDir Path dir) throws Exception {
        ObjectNode document;
        try (InputStream quick = CatalogueRepository.class.getResourceAsStream("/catalogue/quick.json")) {
            document = (ObjectNode) EventJson.mapper().readTree(quick);
        }
        document.put("id", "friday");
        document.put("name", "Friday night league");
        Path file = dir.resolve("friday.json");
        Files.writeString(file, EventJson.mapper().writeValueAsString(document));

        CatalogueChoices choices =
                new CatalogueChoices(CatalogueRepository.fromClasspath().with(file));

        assertThat(choices.all())
                .extracting(CatalogueChoices.Choice::id)
                .containsExactly("ipl2025", "ipl2026", "quick", "friday");
        assertThat(choices.byId("friday").orElseThrow().name()).isEqualTo("Friday night league");
        assertThat(choices.byId("friday").orElseThrow().description()).startsWith("60 players");
        assertThat(choices.ids()).isEqualTo("ipl2025, ipl2026, quick, friday");
    }
}
