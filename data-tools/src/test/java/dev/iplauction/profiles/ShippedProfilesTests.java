package dev.iplauction.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The profiles player-profiles ships are what the pipeline makes of the shared data, where that data is present. */
class ShippedProfilesTests {

    /** The shared reference data, beside the repository; present on a developer's machine and in CI. */
    private static final Path SHARED = Path.of("../../shared/data");

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
