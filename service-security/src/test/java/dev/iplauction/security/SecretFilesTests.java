package dev.iplauction.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTests {

    @TempDir
    Path dir;

    @Test
    void makesAnOwnerOnlySecretOnceAndReadsTheSameOneAfterwards() throws Exception {
        Path file = dir.resolve("sub/operator-token");
        String first = SecretFiles.readOrCreate(file);
        assertThat(first).hasSizeGreaterThanOrEqualTo(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretFiles.readOrCreate(file)).isEqualTo(first);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("seat-secret");
        Files.writeString(file, "an-operator-chosen-secret\n");
        SecretFiles.write(file, "another");
        assertThat(SecretFiles.readOrCreate(file)).isEqualTo("an-operator-chosen-secret");
    }

    @Test
    void theOldDefaultAndShortSecretsAreRefusedNamingTheSetting() {
        assertThat(SeatSecrets.problem("change-me-ipl-agents"))
                .get()
                .asString()
                .contains("AGENT_SEAT_SECRET", "default");
        assertThat(SeatSecrets.problem("short-one")).get().asString().contains("AGENT_SEAT_SECRET", "16");
        assertThat(SeatSecrets.problem(SecretFiles.newSecret())).isEmpty();
        assertThatThrownBy(() -> SeatSecrets.resolve("change-me-ipl-agents", dir.resolve("unused")))
                .hasMessageContaining("AGENT_SEAT_SECRET");
        assertThat(SeatSecrets.resolve("", dir.resolve("seat-secret")))
                .isEqualTo(SecretFiles.readOrCreate(dir.resolve("seat-secret")));
    }
}
