package dev.iplauction.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class TelemetrySettingsTests {

    private final TelemetrySettings defaults = TelemetrySettings.defaults();

    @Test
    void everythingLeftOutTakesItsDefault() {
        assertThat(defaults)
                .isEqualTo(new TelemetrySettings(
                        10_000,
                        Duration.ofSeconds(10),
                        Duration.ofMillis(500),
                        Duration.ofMinutes(10),
                        DataSize.ofMegabytes(4),
                        Duration.ofSeconds(5)));
    }

    @Test
    void withersChangeOneSettingOnly() {
        TelemetrySettings changed = defaults.withCapacity(5).withDropLogInterval(Duration.ofMillis(100));
        assertThat(changed.capacity()).isEqualTo(5);
        assertThat(changed.dropLogInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(changed.withCapacity(10_000).withDropLogInterval(Duration.ofSeconds(5)))
                .isEqualTo(defaults);
    }

    @Test
    void refusesWhatCannotWorkNamingTheProperty() {
        assertThatThrownBy(() -> defaults.withCapacity(0))
                .hasMessage("agent.telemetry.capacity must be between 1 and 1000000 events, got 0");
        assertThatThrownBy(() -> defaults.withCloseTimeout(Duration.ofSeconds(-1)))
                .hasMessage("agent.telemetry.close-timeout must be 0 (drop what is queued) or more, got PT-1S");
        assertThatThrownBy(() -> defaults.withMaxBlock(Duration.ZERO))
                .hasMessage("agent.telemetry.max-block must be more than 0 and at most 60s, got PT0S");
        assertThatThrownBy(() -> defaults.withDeliveryTimeout(Duration.ofMillis(500)))
                .hasMessage("agent.telemetry.delivery-timeout must be between 1s and 24h, got PT0.5S");
        assertThatThrownBy(() -> defaults.withBufferMemory(DataSize.ofKilobytes(16)))
                .hasMessage("agent.telemetry.buffer-memory must be between 256KB and 1GB, got 16384B");
        assertThatThrownBy(() -> defaults.withDropLogInterval(Duration.ZERO))
                .hasMessage("agent.telemetry.drop-log-interval must be more than 0, got PT0S");
    }

    @Test
    void aCloseTimeoutOfZeroIsAllowed() {
        assertThat(defaults.withCloseTimeout(Duration.ZERO).closeTimeout()).isZero();
    }
}
