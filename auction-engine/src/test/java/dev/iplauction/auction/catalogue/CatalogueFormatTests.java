package dev.iplauction.auction.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.FranchiseSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue format as a user meets it: a hand-written file that loads, and broken ones refused with the field. */
class CatalogueFormatTests {

    @TempDir
    Path dir;

    @Test
    void aHandWrittenSixTeamLeagueLoads() throws IOException {
        Path file = write("six.json", sixTeamLeague());

        Catalogue league = CatalogueRepository.readFile(file);

        assertThat(league.id()).isEqualTo("six-league");
        assertThat(league.franchises())
                .extracting(FranchiseSetup::franchise)
                .containsExactly(Franchise.CSK, Franchise.DC, Franchise.GT, Franchise.KKR, Franchise.MI, Franchise.RR);
        assertThat(league.squadRules()).isEqualTo(new SquadRules(3, 5, 2, Lakh.of(20)));
        assertThat(league.overseasFeeCap()).isEqualTo(Lakh.of(150));
        assertThat(league.players()).hasSize(30);
        assertThat(league.franchises().get(2).retained()).hasSize(2);
        assertThat(league.lotOrder(1))
                .extracting(p -> p.setCode())
                .as("the file's own set order, not the IPL's")
                .startsWith("STARS", "STARS", "BAT")
                .endsWith("ROOKIES");
    }

    @Test
    void aFileJoinsTheShippedCataloguesAndIsFoundByIdOrPath() throws IOException {
        Path file = write("six.json", sixTeamLeague());
        CatalogueRepository shipped = CatalogueRepository.fromClasspath();

        CatalogueRepository withLeague = shipped.with(file);

        assertThat(withLeague.ids()).containsExactly("ipl2025", "ipl2026", "quick", "six-league");
        assertThat(withLeague.byId("six-league")).isPresent();
        assertThat(withLeague.byId(file.toString()))
                .containsSame(withLeague.byId("six-league").orElseThrow());
        assertThat(shipped.byId(file.toString())).isEmpty();
        assertThat(shipped.resolve(file.toString()).id()).isEqualTo("six-league");
        assertThat(shipped.resolve("ipl2026")).isSameAs(shipped.ipl2026());
        assertThatThrownBy(() -> shipped.resolve("ipl2030"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ipl2030")
                .hasMessageContaining("[ipl2025, ipl2026, quick]");
    }

    /** Each row: what is broken in the six-team league (text replaced), then what the message must say. */
    @ParameterizedTest(name = "{3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'\"id\": \"4\", \"set\": \"BAT\", \"name\": \"Gloveman\", \"country\": \"India\", \"overseas\": false, \"role\": \"WICKETKEEPER\", \"capped\": false, \"basePrice\": 30 '"
                        + "|'\"id\": \"4\", \"set\": \"BAT\", \"name\": \"Gloveman\", \"country\": \"India\", \"overseas\": false, \"role\": \"WICKETKEEPER\", \"capped\": false '"
                        + "|line 29: players[3].basePrice (id 4, Gloveman) is missing|a missing base price",
                "'\"name\": \"Twirler\", \"country\": \"India\", \"overseas\": false, \"role\": \"BOWLER\", \"capped\": true, \"basePrice\": 40'"
                        + "|'\"name\": \"Twirler\", \"country\": \"India\", \"overseas\": false, \"role\": \"BOWLER\", \"capped\": true, \"basePrice\": 10'"
                        + "|line 31: players[5].basePrice (id 6, Twirler) is 10 lakh, below rules.minBasePrice 20 lakh|a base price below the floor",
                "'{ \"franchise\": \"GT\", \"purse\": 600, \"slots\": 3, \"overseasSlots\": 1'"
                        + "|'{ \"franchise\": \"GT\", \"purse\": 600, \"slots\": 3, \"overseasSlots\": 2'"
                        + "|line 14: franchises[2].overseasSlots (id GT) is 2, but maxOverseas 2 less its 1 retained overseas players is 1|slots that disagree with the retained squad",
                "'\"purse\": 300, \"slots\": 4, \"overseasSlots\": 1, \"rtmCards\": 0'"
                        + "|'\"purse\": 300, \"slots\": 4, \"overseasSlots\": 1, \"rtmCards\": 1'"
                        + "|line 16: franchises[4].rtmCards (id MI) is 1, but rules.rightToMatch is false|a card in an auction without right to match",
                "'\"id\": \"9\", \"set\": \"ROOKIES\"'|'\"id\": \"9\", \"set\": \"ROOKIE\"'"
                        + "|line 34: players[8].set (id 9, Young Gun) must be one of the sets listed under sets, got 'ROOKIE'|a set that is not in the set order",
                "'\"id\": \"12\", \"set\"'|'\"id\": \"11\", \"set\"'"
                        + "|line 37: players[11].id (id 11, Fielding Sub) 11 is used by another player|a duplicate id",
                "'\"role\": \"ALL_ROUNDER\", \"capped\": true, \"basePrice\": 75'|'\"role\": \"CAPTAIN\", \"capped\": true, \"basePrice\": 75'"
                        + "|line 30, column 100, field players[4].role|an unknown role",
                "'\"franchise\": \"KKR\"'|'\"franchise\": \"KXIP\"'|line 15, column 20, field franchises[3].franchise|a franchise that does not exist",
                "'\"rightToMatch\": false,'|'\"rightToMatch\": false'|line 9, column|malformed JSON",
                "'\"format\": 2'|'\"format\": 1'|line 2: format is 1, this code reads format 2: rebuild it|the old format",
                "'\"overseasFeeCap\": 150'|'\"overseasFeeCap\": 150, \"feeCap\": 150'|field rules.feeCap|a field the format does not have",
                "'{ \"from\": 500, \"step\": 50 }'|'{ \"from\": 200, \"step\": 50 }'"
                        + "|line 7: rules.increments is not a bid ladder: steps must rise: step 2 is from 200 lakh|a ladder that does not rise",
                "'{ \"from\": 500, \"step\": 50 }'|'{ \"from\": 500, \"step\": 0 }'"
                        + "|line 7: rules.increments is not a bid ladder: step 2 goes up by 0 lakh|a step of nothing",
                "'\"minSquad\": 3, \"maxSquad\": 5'|'\"minSquad\": 6, \"maxSquad\": 5'|line 7: rules squad limits must satisfy|a minimum above the maximum",
                "'\"sets\": [ \"STARS\", \"BAT\"'|'\"sets\": [ \"STARS\", \"STARS\"'|line 10: sets[1] STARS is listed twice|a set listed twice",
            })
    void aBrokenFileIsRefusedWithTheLineAndTheField(String original, String broken, String message, String what)
            throws IOException {
        String text = sixTeamLeague();
        assertThat(text).as("the sample still has the text this case breaks").contains(original);
        Path file = write("broken.json", text.replace(original, broken));

        assertThatThrownBy(() -> CatalogueRepository.readFile(file))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(message);
    }

    @Test
    void aMissingFileOrOneTooLargeIsRefused() throws IOException {
        assertThatThrownBy(() -> CatalogueRepository.readFile(dir.resolve("none.json")))
                .hasMessageContaining("no catalogue file");
        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[CatalogueDocument.MAX_BYTES + 1]);
        assertThatThrownBy(() -> CatalogueRepository.readFile(huge)).hasMessageContaining("larger than");
    }

    @Test
    void theShippedFilesWriteBackByteForByte() throws IOException {
        for (String id : CatalogueRepository.SHIPPED) {
            try (InputStream in = getClass().getResourceAsStream("/catalogue/" + id + ".json")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(CatalogueRepository.readShipped(id).toJson()).as(id).isEqualTo(text);
            }
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String sixTeamLeague() throws IOException {
        try (InputStream in = CatalogueFormatTests.class.getResourceAsStream("/six-team-league.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
