package dev.iplauction.orchestrator.metrics;

import dev.iplauction.contracts.agent.AgentCommand;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import dev.iplauction.orchestrator.health.SeatStatus;
import dev.iplauction.orchestrator.restart.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The orchestrator's meters: the seats by the state it gives them, and what it does about them, read off the events
 * it publishes (every restart it issues is an event on {@code orchestrator.events}).
 *
 * <ul>
 *   <li>{@code orchestrator.seats{state=starting|healthy|unhealthy|restarting|failed|finished}}
 *   <li>{@code orchestrator.restarts{kind=soft|container|process}}: restarts issued
 *   <li>{@code orchestrator.restarts.given.up}: seats marked failed after the last attempt
 *   <li>{@code orchestrator.seat.unhealthy}: seats found silent or dead; {@code orchestrator.seat.recovery}: how long
 *       a seat was down until it heartbeat again
 * </ul>
 */
public final class OrchestratorMeters {

    private final Map<RestartStep, Counter> restarts = new EnumMap<>(RestartStep.class);
    private final Counter givenUp;
    private final Counter unhealthy;
    private final Timer recovery;

    public OrchestratorMeters(MeterRegistry registry, Supplier<? extends Collection<SeatStatus>> seats) {
        for (SeatStatus state : SeatStatus.values()) {
            Gauge.builder(
                            "orchestrator.seats",
                            seats,
                            s -> s.get().stream().filter(state::equals).count())
                    .description("Seats by the orchestrator's verdict")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    // Nothing else holds the supplier: a weakly held one is collected and the gauge reads NaN.
                    .strongReference(true)
                    .register(registry);
        }
        for (RestartStep step : RestartStep.values()) {
            restarts.put(
                    step,
                    Counter.builder("orchestrator.restarts")
                            .description(
                                    "Restarts issued, by how hard: the browser context, the container, the process")
                            .tag("kind", step.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        givenUp = Counter.builder("orchestrator.restarts.given.up")
                .description("Seats marked failed once every restart attempt was used")
                .register(registry);
        unhealthy = Counter.builder("orchestrator.seat.unhealthy")
                .description("Seats found silent past the timeout, or whose agent died")
                .register(registry);
        recovery = Timer.builder("orchestrator.seat.recovery")
                .description("How long a seat was down until it heartbeat again")
                .register(registry);
    }

    /** Counts what the orchestrator publishes. */
    void on(OrchestratorEvent event) {
        switch (event) {
            case OrchestratorEvent.SeatRestarting e -> restarts.get(e.step()).increment();
            case OrchestratorEvent.SeatRestartFailed e -> givenUp.increment();
            case OrchestratorEvent.SeatUnhealthy e -> unhealthy.increment();
            case OrchestratorEvent.SeatRecovered e ->
                recovery.record(Duration.ofMillis(Math.max(0, e.downForMillis())));
            default -> {}
        }
    }

    /** The outbox, counted on the way: the events still go out exactly as before. */
    public Outbox metered(Outbox outbox) {
        return new Outbox() {
            @Override
            public void event(OrchestratorEvent event) {
                try {
                    on(event);
                } finally {
                    outbox.event(event);
                }
            }

            @Override
            public CompletableFuture<Void> command(AgentCommand command) {
                return outbox.command(command);
            }
        };
    }
}
