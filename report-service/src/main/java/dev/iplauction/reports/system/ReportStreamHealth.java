package dev.iplauction.reports.system;

import dev.iplauction.reports.stream.ReportStream;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The report stream in {@code /actuator/health}: up while it runs or rebalances, down once it has stopped or failed
 * (then no report would be written).
 */
@Component("reportsHealthIndicator")
class ReportStreamHealth implements HealthIndicator {

    private final ReportStream stream;

    ReportStreamHealth(ReportStream stream) {
        this.stream = stream;
    }

    @Override
    public Health health() {
        return stream.state()
                .map(state -> (state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED
                                ? Health.up()
                                : Health.down())
                        .withDetail("state", state.name())
                        .build())
                .orElseGet(
                        () -> Health.down().withDetail("state", "not started").build());
    }
}
