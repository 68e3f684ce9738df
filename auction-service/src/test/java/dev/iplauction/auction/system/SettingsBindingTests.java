package dev.iplauction.auction.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.auction.kafka.EventLogSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The house's settings records as Spring binds them: the defaults, and values that will not do refused by name. */
class SettingsBindingTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({AuctionProperties.class, EventLogSettings.class})
    static class Bound {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bound.class);

    @Test
    void nothingSetGivesTheDefaults() {
        context.run(started -> {
            AuctionProperties house = started.getBean(AuctionProperties.class);
            assertThat(house.outcomeTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(house.reportUrl()).isEmpty();
            assertThat(started.getBean(EventLogSettings.class))
                    .isEqualTo(new EventLogSettings(3, 1, 1, "auction-service", 900_000, Duration.ofSeconds(60)));
        });
    }

    @Test
    void propertiesAreBoundByName() {
        context.withPropertyValues(
                        "auction.outcome-timeout=90s",
                        "auction.report-url=https://reports.example.test/",
                        "auction.kafka.partitions=1",
                        "auction.kafka.replicas=3",
                        "auction.kafka.min-insync-replicas=2",
                        "auction.kafka.transactional-id=house-2",
                        "auction.kafka.max-record-bytes=500000",
                        "auction.kafka.read-timeout=2m")
                .run(started -> {
                    AuctionProperties house = started.getBean(AuctionProperties.class);
                    assertThat(house.outcomeTimeout()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(house.reportUrl()).isEqualTo("https://reports.example.test/");
                    assertThat(started.getBean(EventLogSettings.class))
                            .isEqualTo(new EventLogSettings(1, 3, 2, "house-2", 500_000, Duration.ofMinutes(2)));
                });
    }

    @Test
    void aValueThatWillNotDoStopsTheStartNamingTheProperty() {
        refused("auction.outcome-timeout=0s", "auction.outcome-timeout must be longer than zero");
        refused("auction.report-url=localhost:8084", "auction.report-url (AUCTION_REPORT_URL) must be blank");
        refused("auction.kafka.partitions=0", "auction.kafka.partitions must be at least 1");
        refused("auction.kafka.replicas=0", "auction.kafka.replicas must be between 1 and");
        refused(
                "auction.kafka.min-insync-replicas=2",
                "auction.kafka.min-insync-replicas must be between 1 and auction.kafka.replicas (1)");
        refused("auction.kafka.transactional-id= ", "auction.kafka.transactional-id must not be blank");
        refused("auction.kafka.max-record-bytes=10", "auction.kafka.max-record-bytes must be between 1024");
        refused("auction.kafka.read-timeout=0s", "auction.kafka.read-timeout must be longer than zero");
    }

    private void refused(String setting, String message) {
        context.withPropertyValues(setting)
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining(message));
    }
}
