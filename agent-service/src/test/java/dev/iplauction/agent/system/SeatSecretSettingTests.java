package dev.iplauction.agent.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** No default seat secret works: the one that once shipped, and short ones, stop the agent at start-up. */
class SeatSecretSettingTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AgentProperties.class)
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("agent.auction-code=ABCD12");

    @Test
    void theOldDefaultIsRefusedNamingTheSetting() {
        runner.withPropertyValues("agent.seat-secret=change-me-ipl-agents")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("AGENT_SEAT_SECRET"));
    }

    @Test
    void aShortSecretIsRefused() {
        runner.withPropertyValues("agent.seat-secret=short-secret")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void emptyMeansTheSharedFileAndALongRandomSecretWorks() {
        runner.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("agent.seat-secret=Zx8vQ2mN5pL7kR9tW3yB6cF1")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
