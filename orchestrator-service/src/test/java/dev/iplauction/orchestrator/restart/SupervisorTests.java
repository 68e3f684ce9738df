package dev.iplauction.orchestrator.restart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.AgentCommand;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import dev.iplauction.orchestrator.health.HealthPolicy;
import dev.iplauction.orchestrator.health.HealthSettings;
import dev.iplauction.orchestrator.health.Holder;
import dev.iplauction.orchestrator.health.SeatStatus;
import dev.iplauction.orchestrator.health.SoftRestartMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's part of the start-up grace, with an injected clock and a runtime that reports agent start times
 * as the Docker runtime does: no agent running holds every unheard seat's grace, a new agent moves it, and a systemic
 * fault is announced once, as events.
 */
class SupervisorTests {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private volatile AgentStarts starts = new AgentStarts(true, List.of());
    private final List<Franchise> restarted = new CopyOnWriteArrayList<>();
    private final List<OrchestratorEvent> events = new CopyOnWriteArrayList<>();

    private final AgentRuntime runtime = new AgentRuntime() {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public RestartStep hardStep() {
            return RestartStep.CONTAINER;
        }

        @Override
        public void start(RuntimeListener listener) {}

        @Override
        public CompletableFuture<Restarted> restart(Franchise seat, Holder holder) {
            restarted.add(seat);
            return CompletableFuture.failedFuture(new RestartFailed("nothing to restart in this test"));
        }

        @Override
        public AgentStarts agentStarts() {
            return starts;
        }

        @Override
        public List<AgentUnit> units() {
            return List.of();
        }

        @Override
        public void close() {}
    };

    private final Outbox outbox = new Outbox() {
        @Override
        public void event(OrchestratorEvent event) {
            events.add(event);
        }

        @Override
        public CompletableFuture<Void> command(AgentCommand command) {
            return CompletableFuture.completedFuture(null);
        }
    };

    private final Supervisor supervisor = new Supervisor(
            "ABCD12",
            List.of(Franchise.CSK, Franchise.DC, Franchise.GT, Franchise.KKR),
            new HealthPolicy(new HealthSettings(
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(180),
                    3,
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(10),
                    6,
                    SoftRestartMode.WHEN_INSTANCE_ALIVE,
                    Duration.ofMinutes(1),
                    1)),
            runtime,
            outbox,
            clock,
            Duration.ofHours(1)); // checks are called by the test, not the schedule

    @AfterEach
    void close() {
        supervisor.close();
    }

    private void at(long seconds) {
        now = T0.plusSeconds(seconds);
    }

    private void beat(Franchise f, String instance, long seconds) {
        supervisor.heartbeat(
                new Heartbeat("ABCD12", f, T0.plusSeconds(seconds), instance, instance, 1, SeatState.BIDDING, seconds));
    }

    private SeatStatus status(Franchise f) {
        return supervisor.seats().stream()
                .filter(s -> s.franchise() == f)
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void whileNoAgentContainerRunsNoSeatIsJudgedThenTheGraceCountsFromTheAgentsStart() {
        for (long t = 0; t <= 600; t += 10) {
            at(t);
            supervisor.check();
        }
        assertThat(restarted)
                .as("ten minutes without agents: nothing to restart")
                .isEmpty();
        assertThat(supervisor.seats()).allMatch(s -> s.status() == SeatStatus.STARTING);

        starts = new AgentStarts(true, List.of(new AgentStarts.Agent("c1", "c1", null, T0.plusSeconds(600))));
        at(779);
        supervisor.check();
        assertThat(restarted).isEmpty();
        at(780);
        supervisor.check();
        assertThat(status(Franchise.CSK)).isNotEqualTo(SeatStatus.STARTING);
    }

    @Test
    void aNewAgentsFirstHeartbeatGivesTheSeatsNotYetHeardFromAFreshGrace() {
        starts = new AgentStarts(true, List.of(new AgentStarts.Agent("c1", "c1", null, T0)));
        // Agents pass the start gate one after another: each new instance shows start-up is still progressing.
        for (long t = 100; t <= 400; t += 100) {
            at(t);
            beat(Franchise.CSK, "agent-" + t, t);
            supervisor.check();
        }
        assertThat(status(Franchise.DC)).isEqualTo(SeatStatus.STARTING);
        at(579);
        beat(Franchise.CSK, "agent-400", 579);
        supervisor.check();
        assertThat(status(Franchise.DC)).isEqualTo(SeatStatus.STARTING);
        at(580);
        beat(Franchise.CSK, "agent-400", 580);
        supervisor.check();
        assertThat(status(Franchise.DC)).isNotEqualTo(SeatStatus.STARTING);
        assertThat(restarted).as("one at a time").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aSystemicFaultIsAnnouncedOnceAsEventsForTheSilentSeatsAndOnTheStatus() {
        starts = new AgentStarts(true, List.of(new AgentStarts.Agent("c1", "c1", null, T0)));
        at(200);
        for (Franchise f : List.of(Franchise.CSK, Franchise.DC, Franchise.GT, Franchise.KKR)) {
            beat(f, "agent-" + f.code(), 200);
        }
        at(260);
        beat(Franchise.KKR, "agent-KKR", 260);
        supervisor.check();
        at(270);
        supervisor.check();

        assertThat(supervisor.fleet().systemicReason()).contains("3 of 4 seats silent together");
        assertThat(events)
                .filteredOn(OrchestratorEvent.SeatUnhealthy.class::isInstance)
                .map(e -> (OrchestratorEvent.SeatUnhealthy) e)
                .filteredOn(e -> e.reason().startsWith("systemic fault"))
                .extracting(OrchestratorEvent::franchise)
                .containsExactly(Franchise.CSK, Franchise.DC, Franchise.GT);
        assertThat(restarted).as("one agent, not three").containsExactly(Franchise.CSK);
    }
}
