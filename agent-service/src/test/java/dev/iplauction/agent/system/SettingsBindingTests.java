package dev.iplauction.agent.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.browser.BrowserSettings;
import dev.iplauction.agent.llm.LlmSettings;
import dev.iplauction.agent.telemetry.TelemetrySettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings records are bound by Spring itself (@ConfigurationProperties), defaults and refusals included. */
class SettingsBindingTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TelemetrySettings.class, LlmSettings.class, BrowserSettings.class})
    static class Bound {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void nothingSetGivesTheDefaults() {
        context.run(started -> {
            assertThat(started.getBean(TelemetrySettings.class)).isEqualTo(TelemetrySettings.defaults());
            assertThat(started.getBean(LlmSettings.class)).isEqualTo(LlmSettings.defaults());
            assertThat(started.getBean(BrowserSettings.class)).isEqualTo(BrowserSettings.defaults());
        });
    }

    @Test
    void propertiesAreBoundByName() {
        context.withPropertyValues(
                        "agent.telemetry.capacity=42",
                        "agent.telemetry.drop-log-interval=2s",
                        "agent.llm.enabled=false",
                        "agent.llm.deadline=700ms",
                        "agent.browser.executable-path=/usr/lib/chromium/chromium",
                        "agent.browser.headless=false")
                .run(started -> {
                    TelemetrySettings telemetry = started.getBean(TelemetrySettings.class);
                    assertThat(telemetry.capacity()).isEqualTo(42);
                    assertThat(telemetry.dropLogInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(telemetry.closeTimeout()).isEqualTo(TelemetrySettings.DEFAULT_CLOSE_TIMEOUT);
                    LlmSettings llm = started.getBean(LlmSettings.class);
                    assertThat(llm.enabled()).isFalse();
                    assertThat(llm.deadline()).isEqualTo(Duration.ofMillis(700));
                    BrowserSettings browser = started.getBean(BrowserSettings.class);
                    assertThat(browser.chromiumPath()).isEqualTo("/usr/lib/chromium/chromium");
                    assertThat(browser.headless()).isFalse();
                    assertThat(browser.viewportWidth()).isEqualTo(BrowserSettings.DEFAULT_VIEWPORT_WIDTH);
                });
    }

    @Test
    void aValueOutOfRangeStopsTheStartNamingTheProperty() {
        context.withPropertyValues("agent.telemetry.capacity=0")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("agent.telemetry.capacity must be between 1"));
        context.withPropertyValues("agent.llm.deadline=0s")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("agent.llm.deadline must be more than 0"));
    }
}
