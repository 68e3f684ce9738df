package dev.iplauction.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.auction.catalogue.Catalogue;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import dev.iplauction.profiles.CrosswalkBuilder.Result;
import dev.iplauction.profiles.CrosswalkBuilder.Row;
import dev.iplauction.profiles.CrosswalkBuilder.Rule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matching rules on a hand-made register: an earlier crosswalk and two match files (src/test/resources/
 * crosswalk-small), and Cricsheet's people, alternative names and a season table, written below into a folder of
 * their own, under the names a Cricsheet download gives them.
 */
class CrosswalkBuilderTests {

    private static final LocalDate CUTOFF = LocalDate.of(2025, 12, 16);

    @TempDir
    Path temp;

    @TempDir
    static Path register;

    @BeforeAll
    static void writeTheRegister() throws Exception {
        Files.writeString(register.resolve("people.csv"), """
                identifier,name,unique_name
                aaaa0001,A Batter,A Batter
                bbbb0002,B Bowler,B Bowler
                jjjj0001,JL Smith,JL Smith
                jjjj0002,JA Smith,JA Smith
                mmmm0001,MM Ali,MM Ali
                eeee0001,E Opponent,E Opponent
                """);
        Files.writeString(register.resolve("names.csv"), """
                identifier,name
                bbbb0002,Bravo Bowler
                """);
        Files.writeString(register.resolve("t20_player_season_stats_to_2024.csv"), """
                cricsheet_id,name_in_data,competition,season,matches,bat_innings,runs,balls_faced,outs,fours,sixes,\
                balls_bowled,runs_conceded,wickets,dot_balls
                mmmm0001,MM Ali,T20I,2022,5,5,100,80,4,8,3,60,70,3,20
                """);
    }

    private static Path fixtures() {
        try {
            return Path.of(
                    CrosswalkBuilderTests.class.getResource("/crosswalk-small").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Player player(String id, String name, String country, boolean capped) {
        return new Player(
                id,
                name,
                country,
                !country.equals("India"),
                Role.BATTER,
                capped,
                "BA1",
                Lakh.of(30),
                null,
                null,
                null,
                null);
    }

    private static Catalogue catalogue() {
        Player alpha = new Player(
                "R-MI-1",
                "Alpha Batter",
                "India",
                false,
                Role.BATTER,
                true,
                "Retained",
                Lakh.of(1800),
                null,
                null,
                null,
                null);
        List<Player> players = List.of(
                player("1", "Bravo  Bowler", "India", true),
                player("2", "Jamie Smith", "England", true),
                player("3", "Mohamed Ali", "India", false),
                player("4", "Hotel Same", "India", false),
                player("5", "Nobody Known", "India", false),
                player("6", "Jack Smith", "Ireland", true),
                player("7", "Never Matched", "India", false),
                player("8", "Sai Sudharsan", "India", true),
                player("9", "Rasikh Dar Salam", "India", true),
                player("10", "Adarsh Singh", "India", false));
        return new Catalogue(
                "test2026",
                "test",
                CUTOFF,
                players,
                List.of(new FranchiseSetup(
                        Franchise.MI,
                        Lakh.of(100),
                        0,
                        List.of(new SquadPlayer(alpha, Lakh.of(1800), SquadPlayer.Acquisition.RETAINED)))),
                SquadRules.IPL);
    }

    private static Result build(Path matches) {
        return CrosswalkBuilder.build(
                catalogue(),
                new CrosswalkBuilder.Sources(fixtures().resolve("previous.csv"), register, matches),
                CUTOFF);
    }

    private static Map<String, Row> byId(Result result) {
        return result.rows().stream().collect(Collectors.toMap(Row::id, Function.identity()));
    }

    @Test
    void eachRuleInTurnAndThePlayersNoRuleCouldPlace() {
        Result result = build(fixtures().resolve("matches"));
        Map<String, Row> rows = byId(result);

        assertThat(result.rows()).extracting(Row::id).startsWith("R-MI-1", "1");
        assertThat(rows.get("R-MI-1").rule()).isEqualTo(Rule.PREVIOUS_CROSSWALK);
        assertThat(rows.get("R-MI-1").candidates()).containsExactly("aaaa0001");
        // Two players of one name on the earlier list: both ids, for the pipeline to resolve or leave ambiguous.
        assertThat(rows.get("4").candidates()).containsExactly("hhhh0009", "hhhh0010");
        // Cricsheet's alternative names, spacing aside.
        assertThat(rows.get("1").rule()).isEqualTo(Rule.CRICSHEET_NAME);
        assertThat(rows.get("1").candidates()).containsExactly("bbbb0002");
        // JL Smith played for England before the cut-off; JA Smith did not play at all.
        assertThat(rows.get("2").rule()).isEqualTo(Rule.INITIAL_AND_SURNAME);
        assertThat(rows.get("2").candidates()).containsExactly("jjjj0001");
        // MM Ali has played T20 internationals: not an uncapped Indian. JL Smith played them for England, not Ireland.
        assertThat(rows.get("3").rule()).isEqualTo(Rule.UNMATCHED);
        assertThat(rows.get("6").rule()).isEqualTo(Rule.UNMATCHED);
        assertThat(rows.get("5").rule()).isEqualTo(Rule.UNMATCHED);
        // On the earlier list, but without an id there.
        assertThat(rows.get("7").rule()).isEqualTo(Rule.UNMATCHED);
        // Close: a letter apart, and a middle name more; but another first name is another man.
        assertThat(rows.get("8").rule()).isEqualTo(Rule.CLOSE_NAME);
        assertThat(rows.get("8").candidates()).containsExactly("ssss0001");
        assertThat(rows.get("9").rule()).isEqualTo(Rule.CLOSE_NAME);
        assertThat(rows.get("9").candidates()).containsExactly("rrrr0001");
        assertThat(rows.get("10").rule()).isEqualTo(Rule.UNMATCHED);

        assertThat(result.counts())
                .containsEntry(Rule.PREVIOUS_CROSSWALK, 2)
                .containsEntry(Rule.CRICSHEET_NAME, 1)
                .containsEntry(Rule.CLOSE_NAME, 2)
                .containsEntry(Rule.INITIAL_AND_SURNAME, 1)
                .containsEntry(Rule.UNMATCHED, 5);
        assertThat(result.summary())
                .startsWith("6 of 11 players matched to Cricsheet: 2 by previous-crosswalk, 1 by cricsheet-name,"
                        + " 2 by close-name, 1 by initial-and-surname (1 with several candidates)\n5 unmatched:")
                .contains("  3 Mohamed Ali (India, uncapped)", "  6 Jack Smith (Ireland, capped)");
    }

    @Test
    void theInitialRuleNeedsPlayBeforeTheCutoff() {
        Map<String, Row> rows = byId(build(null));
        assertThat(rows.get("2").rule()).isEqualTo(Rule.UNMATCHED);
        Map<String, Row> early = byId(CrosswalkBuilder.build(
                catalogue(),
                new CrosswalkBuilder.Sources(
                        fixtures().resolve("previous.csv"), register, fixtures().resolve("matches")),
                LocalDate.of(2025, 5, 1)));
        assertThat(early.get("2").rule())
                .as("his only match is on the cut-off day")
                .isEqualTo(Rule.UNMATCHED);
    }

    @Test
    void theWrittenCrosswalkIsWhatThePipelineReads() throws Exception {
        Path file = temp.resolve("crosswalk.csv");
        Files.writeString(file, build(fixtures().resolve("matches")).toCsv());
        List<ProfilePipeline.ListedPlayer> listed = ProfilePipeline.readCrosswalk(file);

        assertThat(listed).hasSize(11);
        assertThat(listed.get(4).candidates()).containsExactly("hhhh0009", "hhhh0010");
        assertThat(listed.get(3).uncapped()).isTrue();
        assertThat(listed.get(3).candidates()).isEmpty();
    }

    @Test
    void theCommandNeedsItsInputsAndNamesWhatIsMissing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CrosswalkBuilder.run(
                new String[] {"--catalogue", "ipl2026"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--previous is needed");
    }
}
