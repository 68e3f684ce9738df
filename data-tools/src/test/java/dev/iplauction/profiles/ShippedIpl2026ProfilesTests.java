package dev.iplauction.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.profiles.CrosswalkBuilder.Result;
import dev.iplauction.profiles.CrosswalkBuilder.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The 2026 crosswalk and profiles player-profiles ships are what the tools make of the shared data (the 2025
 * crosswalk, Cricsheet's register, the data to 2024 and the 2025 match files), where that data is present.
 */
class ShippedIpl2026ProfilesTests {

    private static final Path SHARED = Path.of("../../shared/data");

    /** The shipped crosswalk, beside the module that ships the profiles (not on any classpath). */
    static final Path SHIPPED_CROSSWALK = Path.of("../player-profiles/crosswalk/ipl2026-crosswalk.csv");

    @Test
    void theShippedCrosswalkAndProfilesAreWhatTheToolsMakeOfTheSharedData() throws IOException {
        assumeThat(SHARED.resolve("cricsheet2025/json"))
                .as("the shared Cricsheet data beside the repository")
                .isDirectory();

        Result crosswalk = CrosswalkBuilder.build(
                CatalogueRepository.fromClasspath().ipl2026(),
                new CrosswalkBuilder.Sources(
                        SHARED.resolve("ipl2025/crosswalk_to_cricsheet.csv"),
                        SHARED.resolve("cricsheet"),
                        SHARED.resolve("cricsheet2025/json")),
                ProfilePipeline.IPL2026_AUCTION);
        assertThat(crosswalk.toCsv())
                .as("player-profiles/crosswalk/ipl2026-crosswalk.csv is out of date: run"
                        + " scripts/refresh-profiles-2026.sh")
                .isEqualTo(Files.readString(SHIPPED_CROSSWALK));
        // 173 retained and 359 in the auction; most match, by the earlier list's crosswalk above all.
        assertThat(crosswalk.rows()).hasSize(532);
        assertThat(crosswalk.counts().get(Rule.PREVIOUS_CROSSWALK)).isGreaterThan(300);
        assertThat(crosswalk.counts().get(Rule.UNMATCHED)).isLessThan(150);

        ProfileDocument rebuilt = ProfilePipeline.build(
                ProfilePipeline.Sources.withMatches(
                        SHARED.resolve("cricsheet"), SHIPPED_CROSSWALK, SHARED.resolve("cricsheet2025/json")),
                "ipl2026",
                ProfilePipeline.IPL2026_AUCTION);
        assertThat(rebuilt.toJson())
                .as("profiles/ipl2026-profiles.json is out of date: run scripts/refresh-profiles-2026.sh")
                .isEqualTo(shipped());
        assertThat(rebuilt.withData()).isGreaterThan(300);
        // IPL 2025 is in: its 74 matches took every regular's last season to 2025.
        assertThat(rebuilt.profiles().stream()
                        .filter(p -> p.experience().lastIplSeason() != null
                                && p.experience().lastIplSeason() == 2025))
                .hasSizeGreaterThan(150);
    }

    private static String shipped() throws IOException {
        try (InputStream in = ProfileRepository.class.getResourceAsStream(ProfileRepository.IPL2026_RESOURCE)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
