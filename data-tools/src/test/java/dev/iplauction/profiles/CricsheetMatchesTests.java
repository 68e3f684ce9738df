package dev.iplauction.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.profiles.CricsheetMatches.Delivery;
import dev.iplauction.profiles.CricsheetMatches.Match;
import dev.iplauction.profiles.PlayerProfile.BattingLine;
import dev.iplauction.profiles.PlayerProfile.BowlingLine;
import dev.iplauction.profiles.ProfilePipeline.Sources;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cricsheet match-file reader on hand-made files (src/test/resources/cricsheet-json): an IPL match with a wide, a
 * no-ball, leg byes, a catch and a super over; a copy of a match the deliveries file has; T20 internationals in a
 * season the season table counts, before and after the 2026 auction's day, and one copy of a match in two folders; a
 * women's match and an ODI, which are not T20 men's matches.
 */
class CricsheetMatchesTests {

    static final LocalDate IPL2026 = ProfilePipeline.IPL2026_AUCTION;

    @TempDir
    Path temp;

    static Path fixtures() {
        try {
            return Path.of(
                    CricsheetMatchesTests.class.getResource("/cricsheet-json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Match> read(Path folder, LocalDate cutoff) {
        List<Match> matches = new ArrayList<>();
        CricsheetMatches.forEach(folder, cutoff, matches::add);
        assertThat(matches).extracting(Match::id).doesNotHaveDuplicates();
        return matches.stream().collect(Collectors.toMap(Match::id, Function.identity()));
    }

    @Test
    void readsAMatchWithPersonIdsCompetitionSeasonAndEveryBall() {
        Match ipl = read(fixtures(), IPL2026).get("910001");

        assertThat(ipl.competition()).isEqualTo("IPL");
        assertThat(ipl.season()).isEqualTo(2025);
        assertThat(ipl.date()).isEqualTo(LocalDate.of(2025, 4, 10));
        assertThat(ipl.venue()).isEqualTo("Wankhede Stadium, Mumbai");
        assertThat(ipl.teams())
                .containsEntry("aaaa0001", "Mumbai Indians")
                .containsEntry("bbbb0002", "Chennai Super Kings");
        assertThat(ipl.deliveries()).hasSize(7);
        Delivery wide = ipl.deliveries().get(1);
        assertThat(wide.batter()).isEqualTo("aaaa0001");
        assertThat(wide.bowler()).isEqualTo("bbbb0002");
        assertThat(wide.wides()).isEqualTo(1);
        assertThat(wide.legal()).isFalse();
        Delivery out = ipl.deliveries().get(5);
        assertThat(out.wickets()).containsExactly(new CricsheetMatches.Wicket("caught", "aaaa0001"));
        Delivery superOver = ipl.deliveries().get(6);
        assertThat(superOver.superOver()).isTrue();
        assertThat(superOver.innings()).isEqualTo(2);
    }

    @Test
    void onlyMensT20MatchesBeforeTheCutoffCountAndEachMatchOnce() {
        Map<String, Match> before = read(fixtures(), IPL2026);
        // 920001 is in two folders; 920003 is on 20 Dec 2025; 940001 is a women's match and 950001 an ODI.
        assertThat(before.keySet()).containsExactlyInAnyOrder("900002", "910001", "920001", "920002");
        assertThat(before.get("920001").competition()).isEqualTo("T20I");

        Map<String, Match> later = read(fixtures(), LocalDate.of(2026, 1, 1));
        assertThat(later).containsKey("920003");
        assertThat(later.get("920003").season())
                .as("a T20 international's season is its year")
                .isEqualTo(2025);
        // The cut-off day itself does not count: the auction's own day is not known before it.
        assertThat(read(fixtures(), LocalDate.of(2025, 4, 10))).doesNotContainKey("910001");
        assertThat(read(fixtures(), LocalDate.of(2025, 4, 11))).containsKey("910001");
    }

    @Test
    void readsGzippedFilesAsCricsheetsArchivesCanBeStored() throws IOException {
        Path folder = temp.resolve("gz");
        Files.createDirectories(folder);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("910001.json.gz")))) {
            out.write(Files.readAllBytes(fixtures().resolve("ipl/910001.json")));
        }
        assertThat(read(folder, IPL2026)).containsOnlyKeys("910001");
    }

    @Test
    void aFileThatIsNotAMatchOrNamesSomeoneWithoutAnIdIsRefusedNamingIt() throws IOException {
        Path folder = temp.resolve("bad");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("1.json"), "{\"info\": {\"match_type\": ");
        assertThatThrownBy(() -> read(folder, IPL2026))
                .isInstanceOf(ProfileDataException.class)
                .hasMessageContaining("1.json")
                .hasMessageContaining("not JSON");

        String text = Files.readString(fixtures().resolve("ipl/910001.json"))
                .replace("\"B Bowler\": \"bbbb0002\"", "\"B Bowler\": \"\"");
        Files.writeString(folder.resolve("1.json"), text);
        assertThatThrownBy(() -> read(folder, IPL2026))
                .isInstanceOf(ProfileDataException.class)
                .hasMessageContaining("1.json")
                .hasMessageContaining("'B Bowler' has no person id");
        assertThatThrownBy(() -> read(temp.resolve("missing"), IPL2026))
                .isInstanceOf(ProfileDataException.class)
                .hasMessageContaining("no folder");
    }

    // ---- the pipeline with match files ----

    private Map<String, PlayerProfile> profiles(Path data, Path matches, LocalDate cutoff) {
        Path crosswalk = data.resolve("crosswalk-2026.csv");
        Sources sources = matches == null
                ? new Sources(data.resolve("cricsheet"), null, crosswalk, null)
                : Sources.withMatches(data.resolve("cricsheet"), crosswalk, matches);
        return ProfilePipeline.build(sources, "test2026", cutoff).profiles().stream()
                .collect(Collectors.toMap(PlayerProfile::id, Function.identity()));
    }

    private Path smallData() throws IOException {
        Path data = ProfilePipelineTests.writeLaidOut(temp.resolve("small"), line -> true, false);
        try (var in = getClass().getResourceAsStream("/cricsheet-small/crosswalk-2026.csv")) {
            Files.write(data.resolve("crosswalk-2026.csv"), in.readAllBytes());
        }
        return data;
    }

    @Test
    void anIplMatchFromAFileCountsBallByBallAsTheDeliveriesFileDoesAndOnlyOnce() throws IOException {
        Path data = smallData();
        Map<String, PlayerProfile> without = profiles(data, null, IPL2026);
        Map<String, PlayerProfile> with = profiles(data, fixtures(), IPL2026);

        // A Batter in 910001: 4, a wide (no ball faced), 6, 1 off a no-ball, out caught; the super over's six and the
        // copy of 900002 do not count.
        BattingLine before = without.get("R-MI-1").batting().ipl();
        BattingLine after = with.get("R-MI-1").batting().ipl();
        assertThat(after.runs() - before.runs()).isEqualTo(11);
        assertThat(after.balls() - before.balls()).isEqualTo(4);
        assertThat(after.outs() - before.outs()).isEqualTo(1);
        assertThat(after.fours() - before.fours()).isEqualTo(1);
        assertThat(after.sixes() - before.sixes()).isEqualTo(1);
        assertThat(after.innings() - before.innings()).isEqualTo(1);
        assertThat(with.get("R-MI-1").experience().lastIplSeason()).isEqualTo(2025);
        assertThat(with.get("R-MI-1").experience().iplMatches()
                        - without.get("R-MI-1").experience().iplMatches())
                .isEqualTo(1);

        // B Bowler: four legal balls (the leg bye one a dot), 13 charged (4, a wide, 6, 1 and a no-ball), the catch.
        BowlingLine bowledBefore = without.get("1").bowling().ipl();
        BowlingLine bowledAfter = with.get("1").bowling().ipl();
        assertThat(bowledAfter.balls() - bowledBefore.balls()).isEqualTo(4);
        assertThat(bowledAfter.runs() - bowledBefore.runs()).isEqualTo(13);
        assertThat(bowledAfter.wickets() - bowledBefore.wickets()).isEqualTo(1);
        assertThat(bowledAfter.dots() - bowledBefore.dots()).isEqualTo(2);
    }

    @Test
    void otherMatchesCountOnceUnlessTheSeasonTableHasTheirSeasonOrTheyCameAfterTheCutoff() throws IOException {
        Path data = smallData();
        Map<String, PlayerProfile> without = profiles(data, null, IPL2026);
        Map<String, PlayerProfile> with = profiles(data, fixtures(), IPL2026);

        // C Overseas: 920001 (4, 6, 1) once; 920002 is in the table's T20I 2024; 920003 is after the auction.
        BattingLine before = without.get("2").batting().t20();
        BattingLine after = with.get("2").batting().t20();
        assertThat(after.runs() - before.runs()).isEqualTo(11);
        assertThat(after.balls() - before.balls()).isEqualTo(3);
        assertThat(with.get("2").experience().t20iMatches()
                        - without.get("2").experience().t20iMatches())
                .isEqualTo(1);
        assertThat(with.get("2").experience().competitions()).contains("T20I");

        // The same files with a later cut-off do count 920003, so the comparison above can fail.
        assertThat(profiles(data, fixtures(), LocalDate.of(2026, 1, 1))
                        .get("2")
                        .batting()
                        .t20()
                        .runs())
                .isEqualTo(after.runs() + 6);
        // Someone nobody matched still has a profile, which says why it is empty.
        assertThat(with.get("3").hasData()).isFalse();
        assertThat(with.get("3").coverage().note()).contains("matched nobody");
    }
}
