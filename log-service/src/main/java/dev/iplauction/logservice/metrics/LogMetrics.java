package dev.iplauction.logservice.metrics;

import dev.iplauction.logservice.ingest.LogIngester;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The ingest's meters, read from its published status (no hook in the hot loop):
 *
 * <ul>
 *   <li>{@code logs.records{outcome=written|dead_lettered|skipped}}: records into combined.log, dropped to the
 *       dead-letter topic as unreadable, or skipped as already written before a restart
 *   <li>{@code logs.records.held}: waiting in the re-ordering window
 *   <li>{@code logs.consumer.lag}: records in {@code agent.logs} not read yet
 * </ul>
 */
@Component
class LogMetrics implements MeterBinder {

    private final LogIngester ingester;

    LogMetrics(LogIngester ingester) {
        this.ingester = ingester;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("logs.records", ingester, i -> i.status().written())
                .description("Log records by what became of them")
                .tag("outcome", "written")
                .register(registry);
        FunctionCounter.builder("logs.records", ingester, i -> i.status().deadLettered())
                .description("Log records by what became of them")
                .tag("outcome", "dead_lettered")
                .register(registry);
        FunctionCounter.builder("logs.records", ingester, i -> i.status().skippedAsWritten())
                .description("Log records by what became of them")
                .tag("outcome", "skipped")
                .register(registry);
        Gauge.builder("logs.records.held", ingester, i -> i.status().held())
                .description("Records waiting in the re-ordering window")
                .register(registry);
        Gauge.builder("logs.consumer.lag", ingester, i -> Math.max(0, i.lag()))
                .description("Records in agent.logs not read yet")
                .register(registry);
    }
}
