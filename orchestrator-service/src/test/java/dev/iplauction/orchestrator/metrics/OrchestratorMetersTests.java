package dev.iplauction.orchestrator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.AgentCommand;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import dev.iplauction.orchestrator.health.SeatStatus;
import dev.iplauction.orchestrator.restart.Outbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrchestratorMetersTests {

    private static final Instant AT = Instant.parse("2024-11-24T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private volatile List<SeatStatus> seats = List.of();
    private final OrchestratorMeters meters = new OrchestratorMeters(registry, () -> seats);
    private final List<OrchestratorEvent> published = new ArrayList<>();
    private final Outbox outbox = meters.metered(new Outbox() {
        @Override
        public void event(OrchestratorEvent event) {
            published.add(event);
        }

        @Override
        public CompletableFuture<Void> command(AgentCommand command) {
            return CompletableFuture.completedFuture(null);
        }
    });

    @Test
    void theSeatsAreCountedByState() {
        assertThat(seats("healthy")).isZero();
        seats = List.of(SeatStatus.HEALTHY, SeatStatus.HEALTHY, SeatStatus.RESTARTING, SeatStatus.FAILED);

        assertThat(seats("healthy")).isEqualTo(2);
        assertThat(seats("restarting")).isEqualTo(1);
        assertThat(seats("failed")).isEqualTo(1);
        assertThat(seats("starting")).isZero();
    }

    @Test
    void theSeatGaugesOutliveAGarbageCollection() {
        // As in the service: nothing but the gauges holds the supplier (a weakly held one would read NaN).
        SimpleMeterRegistry alone = new SimpleMeterRegistry();
        List<SeatStatus> states = new ArrayList<>(List.of(SeatStatus.HEALTHY));
        new OrchestratorMeters(alone, () -> states); // capturing: a new supplier object, held by nothing else
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertThat(alone.get("orchestrator.seats")
                        .tag("state", "healthy")
                        .gauge()
                        .value())
                .isEqualTo(1);
    }

    @Test
    void restartsAreCountedByKindAndTheEventsStillGoOut() {
        outbox.event(new OrchestratorEvent.SeatUnhealthy("ABCD12", Franchise.CSK, AT, "a-1", 31_000, "silent"));
        outbox.event(new OrchestratorEvent.SeatRestarting("ABCD12", Franchise.CSK, AT, "a-1", RestartStep.SOFT, 1));
        outbox.event(
                new OrchestratorEvent.SeatRestarting("ABCD12", Franchise.CSK, AT, "a-1", RestartStep.CONTAINER, 2));
        outbox.event(new OrchestratorEvent.SeatRecovered("ABCD12", Franchise.CSK, AT, "a-2", 12_000));
        outbox.event(new OrchestratorEvent.SeatRestartFailed("ABCD12", Franchise.MI, AT, "b-1", 3, "no container"));

        assertThat(restarts("soft")).isEqualTo(1);
        assertThat(restarts("container")).isEqualTo(1);
        assertThat(restarts("process")).isZero();
        assertThat(registry.get("orchestrator.restarts.given.up").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("orchestrator.seat.unhealthy").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("orchestrator.seat.recovery").timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(12);
        assertThat(published).hasSize(5);
    }

    private double seats(String state) {
        return registry.get("orchestrator.seats").tag("state", state).gauge().value();
    }

    private double restarts(String kind) {
        return registry.get("orchestrator.restarts").tag("kind", kind).counter().count();
    }
}
