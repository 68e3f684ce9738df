package dev.iplauction.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.iplauction.profiles.PlayerProfile.CoverageStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProfileRepositoryTests {

    /** The shared reference data, beside the repository; present on a developer's machine and in CI. */
    private static final Path SHARED = Path.of("../../shared/data");

    private final ProfileRepository repository = ProfileRepository.fromClasspath("ipl2025");

    @Test
    void theShippedProfilesCoverEveryPlayerOfTheAuctionListUpToTheAuctionsDate() {
        assertThat(repository.all()).hasSize(620);
        assertThat(repository.cutoff()).isEqualTo(ProfilePipeline.IPL2025_AUCTION);
        assertThat(repository.source().name()).isEqualTo("Cricsheet");
        assertThat(repository.all().stream().filter(PlayerProfile::hasData).count())
                .as("players with T20 data")
                .isGreaterThan(300);
        assertThat(repository.all().stream().filter(p -> p.coverage().status() == CoverageStatus.NOT_IN_CRICSHEET))
                .as("players the crosswalk cannot place: a fact, still profiled")
                .isNotEmpty();
        assertThat(repository.fromClasspath("quick")).isSameAs(repository);
    }

    @Test
    void looksPlayersUpByCatalogueIdAndByAUniqueName() {
        PlayerProfile kohli = repository.byId("R-RCB-1").orElseThrow();
        assertThat(kohli.name()).isEqualTo("Virat Kohli");
        // Kohli's IPL runs to the end of 2024, a well-known total.
        assertThat(kohli.batting().ipl().runs()).isEqualTo(8004);
        assertThat(kohli.experience().lastIplSeason()).isEqualTo(2024);

        assertThat(repository.byName("  rishabh   PANT "))
                .map(PlayerProfile::id)
                .hasValue("3");
        // Two players are named Akash Singh: the name alone cannot tell them apart.
        assertThat(repository.byName("Akash Singh")).isEmpty();
        assertThat(repository.byId("no-such-player")).isEmpty();
    }

    @Test
    void anUnknownCatalogueIsRefusedWithTheOnesThereAre() {
        assertThatThrownBy(() -> ProfileRepository.fromClasspath("ipl2030"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ipl2025 and quick");
    }

    @Test
    void theShippedFileIsWhatThePipelineMakesOfTheSharedData() throws IOException {
        assumeThat(SHARED.resolve("cricsheet/people.csv"))
                .as("the shared Cricsheet data beside the repository")
                .isRegularFile();

        String rebuilt = ProfilePipeline.build(
                        new ProfilePipeline.Sources(SHARED.resolve("cricsheet"), SHARED.resolve("ipl2025")),
                        "ipl2025",
                        ProfilePipeline.IPL2025_AUCTION)
                .toJson();

        String shipped = shipped();
        assertThat(rebuilt)
                .withFailMessage(
                        "profiles/ipl2025-profiles.json is out of date (first difference at line %d): run"
                                + " scripts/refresh-profiles.sh",
                        firstDifferentLine(shipped, rebuilt))
                .isEqualTo(shipped);
    }

    private static String shipped() throws IOException {
        try (InputStream in = ProfileRepository.class.getResourceAsStream(ProfileRepository.IPL2025_RESOURCE)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int firstDifferentLine(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int common = Math.min(a.size(), b.size());
        return IntStream.range(0, common)
                        .filter(i -> !a.get(i).equals(b.get(i)))
                        .findFirst()
                        .orElse(common)
                + 1;
    }
}
