package dev.iplauction.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.profiles.PlayerProfile.BattingLine;
import dev.iplauction.profiles.PlayerProfile.BowlingLine;
import dev.iplauction.profiles.PlayerProfile.CoverageStatus;
import dev.iplauction.profiles.ProfilePipeline.Sources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a hand-made set of deliveries and season rows (src/test/resources/cricsheet-small) whose totals
 * were worked out by hand: a batter facing a wide, a no-ball and a super over; a bowler's leg byes, run outs and a
 * catch; an overseas player with season data only; players without data, ambiguous and unknown.
 */
class ProfilePipelineTests {

    static final LocalDate CUTOFF = LocalDate.of(2024, 11, 24);

    @TempDir
    Path temp;

    @Test
    void countsABattersRunsBallsOutsAndBoundariesByPhaseLeavingOutWidesAndSuperOvers() {
        PlayerProfile alpha = build(CUTOFF).get("R-MI-1");

        assertThat(alpha.name()).isEqualTo("Alpha Batter");
        assertThat(alpha.cricsheetId()).isEqualTo("aaaa0001");
        assertThat(alpha.coverage().status()).isEqualTo(CoverageStatus.IPL);
        BattingLine ipl = alpha.batting().ipl();
        assertThat(ipl).isEqualTo(new BattingLine(1, 11, 5, 1, 1, 1));
        assertThat(ipl.strikeRate()).isEqualTo(220.0);
        assertThat(ipl.average()).isEqualTo(11.0);
        assertThat(ipl.boundaryRate()).isEqualTo(0.4);
        assertThat(alpha.batting().iplPhases().powerplay()).isEqualTo(new BattingLine(0, 4, 2, 0, 1, 0));
        assertThat(alpha.batting().iplPhases().middle()).isEqualTo(new BattingLine(0, 6, 1, 0, 0, 1));
        assertThat(alpha.batting().iplPhases().death()).isEqualTo(new BattingLine(0, 1, 2, 1, 0, 0));
        // The IPL from the deliveries plus the T20 internationals of 2023; 2024's had not ended by the cut-off, and
        // the season file's own IPL row is not counted twice.
        assertThat(alpha.batting().t20()).isEqualTo(new BattingLine(4, 101, 65, 3, 9, 4));
        assertThat(alpha.bowling()).isNull();
        assertThat(alpha.experience().iplMatches()).isEqualTo(1);
        assertThat(alpha.experience().t20Matches()).isEqualTo(4);
        assertThat(alpha.experience().t20iMatches()).isEqualTo(3);
        assertThat(alpha.experience().competitions()).containsExactly("IPL", "T20I");
        assertThat(alpha.atHomeOf("MI")).hasValueSatisfying(mi -> {
            assertThat(mi.matches()).isEqualTo(1);
            assertThat(mi.batting().runs()).isEqualTo(11);
        });
        assertThat(alpha.atHomeOf("KKR")).isEmpty();
    }

    @Test
    void countsABowlersLegalBallsRunsChargedWicketsAndDots() {
        PlayerProfile bravo = build(CUTOFF).get("1");

        // 7 legal balls; 17 runs charged (4 + 1 wide + 6 + 1 + 2 + 1 no-ball + 2, not the leg bye); the catch is his,
        // the run out is not; dots: two scoreless balls and the leg bye.
        assertThat(bravo.bowling().ipl()).isEqualTo(new BowlingLine(7, 17, 1, 3));
        assertThat(bravo.bowling().ipl().economy()).isCloseTo(6.0 * 17 / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bravo.bowling().iplPhases().powerplay()).isEqualTo(new BowlingLine(3, 7, 0, 1));
        assertThat(bravo.bowling().iplPhases().middle()).isEqualTo(new BowlingLine(1, 6, 0, 0));
        assertThat(bravo.bowling().iplPhases().death()).isEqualTo(new BowlingLine(3, 4, 1, 2));
        assertThat(bravo.experience().iplMatches()).isEqualTo(2);
        assertThat(bravo.experience().iplSeasons()).isEqualTo(2);
        assertThat(bravo.experience().firstIplSeason()).isEqualTo(2021);
        assertThat(bravo.experience().lastIplSeason()).isEqualTo(2024);
        assertThat(bravo.form().bowling()).isEqualTo(new BowlingLine(6, 15, 1, 3));
        assertThat(bravo.form().since()).isEqualTo("2022-11-24");
    }

    @Test
    void anOverseasPlayerWithoutIplMatchesIsProfiledFromTheSeasonsThatEndedBeforeTheCutoff() {
        PlayerProfile charlie = build(CUTOFF).get("2");

        assertThat(charlie.coverage().status()).isEqualTo(CoverageStatus.T20_ONLY);
        assertThat(charlie.batting().ipl()).isNull();
        assertThat(charlie.batting().t20()).isEqualTo(new BattingLine(15, 450, 300, 12, 37, 18));
        assertThat(charlie.bowling().t20()).isEqualTo(new BowlingLine(60, 80, 3, 20));
        assertThat(charlie.experience().competitions()).containsExactly("BBL", "CPL");
        assertThat(charlie.form().matches()).isEqualTo(15);
    }

    @Test
    void aPlayerWithoutDataHasAProfileThatSaysWhy() {
        Map<String, PlayerProfile> profiles = build(CUTOFF);

        assertThat(profiles.get("3").coverage().status()).isEqualTo(CoverageStatus.NOT_IN_CRICSHEET);
        assertThat(profiles.get("3").hasData()).isFalse();
        assertThat(profiles.get("3").batting()).isNull();
        assertThat(profiles.get("5").coverage().status()).isEqualTo(CoverageStatus.NO_T20_DATA);
        assertThat(profiles.get("5").cricsheetId()).isEqualTo("ffff0007");
        // Two candidates, only one of whom has data: that one.
        assertThat(profiles.get("4").cricsheetId()).isEqualTo("eeee0006");
        assertThat(profiles.get("4").batting().ipl()).isEqualTo(new BattingLine(1, 2, 1, 1, 0, 0));
        assertThat(profiles.get("4").atHomeOf("KKR")).isPresent();
    }

    @Test
    void aCandidateIsNotPickedForAnUncappedPlayerByInternationalDataNorForTwoPlayersOfOneName() {
        Map<String, PlayerProfile> profiles = build(CUTOFF);

        // The only candidate with data has played T20 internationals: not an uncapped player.
        assertThat(profiles.get("6").coverage().status()).isEqualTo(CoverageStatus.AMBIGUOUS);
        assertThat(profiles.get("6").cricsheetId()).isNull();
        // Two players named alike, one candidate with data: it cannot be both of them.
        assertThat(profiles.get("7").coverage().status()).isEqualTo(CoverageStatus.AMBIGUOUS);
        assertThat(profiles.get("8").coverage().status()).isEqualTo(CoverageStatus.AMBIGUOUS);
    }

    @Test
    void aLaterMatchDoesNotChangeAnEarlierAuctionsProfiles() throws IOException {
        Path withoutLater = copyOfTheData(
                "without",
                line -> !line.contains("2024-11-30") && !line.contains(",T20I,2024,") && !line.contains(",BBL,2024,"));
        Path withLater = copyOfTheData("with", line -> true);

        String before =
                ProfilePipeline.build(sources(withoutLater), "test", CUTOFF).toJson();
        String after = ProfilePipeline.build(sources(withLater), "test", CUTOFF).toJson();
        assertThat(after).isEqualTo(before);

        // The same data with a later cut-off does count those matches, so the comparison above can fail.
        PlayerProfile alphaLater = ProfilePipeline.build(sources(withLater), "test", LocalDate.of(2026, 1, 1))
                .profiles()
                .getFirst();
        assertThat(alphaLater.batting().ipl().runs()).isEqualTo(15);
        assertThat(alphaLater.batting().t20().runs()).isEqualTo(15 + 90 + 70);
    }

    @Test
    void theDocumentCreditsCricsheetAndReadsBackAsItWasWritten() {
        ProfileDocument document = ProfilePipeline.build(sources(smallData()), "test", CUTOFF);

        assertThat(document.cutoff()).isEqualTo("2024-11-24");
        assertThat(document.source().name()).isEqualTo("Cricsheet");
        assertThat(document.source().licence()).contains("Open Data Commons Attribution");
        assertThat(document.source().attribution()).contains("cricsheet.org");
        String json = document.toJson();
        ProfileDocument read = ProfileDocument.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(read).isEqualTo(document);
        assertThat(read.toJson()).isEqualTo(json);
        assertThat(json.lines().filter(line -> line.startsWith("    {\"id\""))).hasSize(9);
    }

    @Test
    void theCommandWritesTheFileAndRefusesABadCutoff() throws IOException {
        Path out = temp.resolve("out/profiles.json");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Path data = smallData();
        String[] args = {
            "--cricsheet", data.resolve("cricsheet").toString(),
            "--auction", data.resolve("ipl2025").toString(),
            "--cutoff", "2024-11-24",
            "--out", out.toString()
        };

        int status = ProfilePipeline.run(args, new PrintStream(stdout), new PrintStream(stderr));

        assertThat(status).isZero();
        assertThat(stdout.toString()).contains("wrote 9 profiles", "4 with T20 data");
        assertThat(Files.readString(out)).startsWith("{\n  \"format\" : 1,");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int bad = ProfilePipeline.run(
                new String[] {"--cutoff", "24/11/2024"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString()).contains("--cutoff must be a date like 2024-11-24");

        ByteArrayOutputStream noFolders = new ByteArrayOutputStream();
        int missing = ProfilePipeline.run(
                new String[] {"--cutoff", "2024-11-24"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(noFolders));
        assertThat(missing).isEqualTo(2);
        assertThat(noFolders.toString())
                .contains("--cricsheet DIR and either --auction DIR or --crosswalk FILE with --matches DIR are needed");
    }

    @Test
    void aCrosswalkOutOfStepWithTheListIsRefusedWithTheRowNamed() throws IOException {
        Path data = copyOfTheData("bad", line -> !line.startsWith("2,AL1,Charlie"));

        assertThatThrownBy(() -> ProfilePipeline.build(sources(data), "test", CUTOFF))
                .isInstanceOf(ProfileDataException.class)
                .hasMessageContaining("the crosswalk");
    }

    private Map<String, PlayerProfile> build(LocalDate cutoff) {
        return ProfilePipeline.build(sources(smallData()), "test", cutoff).profiles().stream()
                .collect(Collectors.toMap(PlayerProfile::id, Function.identity()));
    }

    static Sources sources(Path data) {
        return new Sources(data.resolve("cricsheet"), data.resolve("ipl2025"));
    }

    /** The hand-made data set, laid out as the pipeline reads Cricsheet's and the auction's folders. */
    private Path smallData() {
        return layOut("small", line -> true, false);
    }

    /** The small data set with some lines left out; the deliveries written gzipped, as Cricsheet's large file is. */
    private Path copyOfTheData(String name, Predicate<String> keep) {
        return layOut(name, keep, true);
    }

    /**
     * Writes the hand-made files (src/test/resources/cricsheet-small, named for what they hold) under the file names
     * the pipeline looks for, keeping only the lines {@code keep} accepts.
     */
    private Path layOut(String name, Predicate<String> keep, boolean gzipDeliveries) {
        try {
            return writeLaidOut(temp.resolve(name), keep, gzipDeliveries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeLaidOut(Path root, Predicate<String> keep, boolean gzipDeliveries) throws IOException {
        Map<String, String> files = Map.of(
                "deliveries.csv", "cricsheet/" + ProfilePipeline.DELIVERIES,
                "seasons.csv", "cricsheet/" + ProfilePipeline.SEASONS,
                "auction-players.csv", "ipl2025/" + ProfilePipeline.AUCTION_LIST,
                "crosswalk.csv", "ipl2025/" + ProfilePipeline.CROSSWALK);
        for (Map.Entry<String, String> file : files.entrySet()) {
            List<String> lines;
            try (var in = ProfilePipelineTests.class.getResourceAsStream("/cricsheet-small/" + file.getKey())) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(keep)
                        .toList();
            }
            Path target = root.resolve(file.getValue());
            Files.createDirectories(target.getParent());
            String text = String.join("\n", lines) + "\n";
            if (gzipDeliveries && file.getKey().equals("deliveries.csv")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(Path.of(target + ".gz")))) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                Files.writeString(target, text);
            }
        }
        return root;
    }
}
