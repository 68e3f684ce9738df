package dev.iplauction.orchestrator.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import dev.iplauction.orchestrator.health.SeatRecord;
import dev.iplauction.orchestrator.health.SeatStatus;
import dev.iplauction.orchestrator.standin.StandInAgent;
import dev.iplauction.orchestrator.testing.Orchestrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The process runtime for real: a real (embedded, KRaft) broker, the orchestrator, and stand-in agents as real JVM
 * processes, one per seat, heartbeating every 300 ms. CSK is killed with SIGKILL, MI is frozen with SIGSTOP (alive but
 * silent), RCB cannot come up at all; DC is left alone throughout.
 */
class ProcessRuntimeIT {

    private static final String AUCTION = "PROC01";
    private static EmbeddedKafkaKraftBroker broker;
    private static Orchestrator orchestrator;
    private static final Set<Long> launchedPids = new HashSet<>();
    private static Path logDir;

    @BeforeAll
    static void start() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, Topics.SEAT_PARTITIONS);
        broker.afterPropertiesSet();
        logDir = Files.createTempDirectory("orchestrator-process-it");
        String java = ProcessHandle.current().info().command().orElseThrow();
        String command = String.join(
                ",",
                java,
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                StandInAgent.class.getName());
        orchestrator = Orchestrator.start(
                broker.getBrokersAsString(),
                "--orchestrator.auction-code=" + AUCTION,
                "--orchestrator.runtime=process",
                "--orchestrator.teams=CSK,MI,RCB,DC",
                "--orchestrator.process.command=" + command,
                "--orchestrator.process.env.AGENT_HEARTBEAT_INTERVAL=300ms",
                "--orchestrator.process.env.STANDIN_BROKEN_TEAMS=RCB",
                "--orchestrator.process.log-dir=" + logDir,
                "--orchestrator.process.stop-timeout=2s",
                "--orchestrator.check-interval=200ms",
                "--orchestrator.heartbeat-timeout=2s",
                "--orchestrator.startup-grace=20s",
                "--orchestrator.restart-backoff=300ms",
                // After the three quick attempts, the slow retries wait longer than this test runs.
                "--orchestrator.slow-backoff=10m",
                "--orchestrator.restart-backoff-max=10m",
                "--orchestrator.stagger=200ms");
    }

    @AfterAll
    static void stop() {
        if (orchestrator != null) {
            ProcessAgentRuntime runtime =
                    (ProcessAgentRuntime) orchestrator.supervisor().runtime();
            for (Franchise seat : List.of(Franchise.CSK, Franchise.MI, Franchise.RCB, Franchise.DC)) {
                runtime.processOf(seat).ifPresent(p -> launchedPids.add(p.pid()));
            }
            orchestrator.close();
            // No orphans: every agent process this test saw is gone once the orchestrator has stopped.
            for (long pid : launchedPids) {
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .as("agent pid %s after shutdown", pid)
                        .isEmpty();
            }
            List<OrchestratorEvent> dc = new dev.iplauction.kafkatest.TopicReader(broker.getBrokersAsString())
                    .values(Topics.ORCHESTRATOR_EVENTS.topicName(), OrchestratorEvent.class).stream()
                            .filter(e -> e.franchise() == Franchise.DC)
                            .toList();
            assertThat(dc).last().isInstanceOf(OrchestratorEvent.AgentStopped.class);
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    private static ProcessHandle processOf(Franchise seat) {
        return ((ProcessAgentRuntime) orchestrator.supervisor().runtime())
                .processOf(seat)
                .orElseThrow();
    }

    private static SeatRecord healthy(Franchise seat) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> orchestrator.seat(seat).status() == SeatStatus.HEALTHY);
        SeatRecord record = orchestrator.seat(seat);
        launchedPids.add(processOf(seat).pid());
        return record;
    }

    private static List<OrchestratorEvent> since(Franchise seat, int seen) {
        List<OrchestratorEvent> all = orchestrator.events(seat);
        return all.subList(seen, all.size());
    }

    @Test
    void anAgentKilledWithSigkillIsRestartedAndItsSeatHeartbeatsAgain() {
        SeatRecord before = healthy(Franchise.CSK);
        ProcessHandle victim = processOf(Franchise.CSK);
        assertThat(before.holder().pid()).isEqualTo(victim.pid());

        int seen = orchestrator.events(Franchise.CSK).size();
        victim.destroyForcibly(); // SIGKILL

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            SeatRecord now = orchestrator.seat(Franchise.CSK);
            assertThat(now.status()).isEqualTo(SeatStatus.HEALTHY);
            assertThat(now.holder().instanceId()).isNotEqualTo(before.holder().instanceId());
        });
        SeatRecord after = orchestrator.seat(Franchise.CSK);
        assertThat(after.holder().pid())
                .isNotEqualTo(victim.pid())
                .isEqualTo(processOf(Franchise.CSK).pid());
        launchedPids.add(after.holder().pid());
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(orchestrator.events(Franchise.CSK))
                        .extracting(e -> e.getClass().getSimpleName())
                        .containsSubsequence(
                                "AgentStarted",
                                "SeatUnhealthy",
                                "SeatRestarting",
                                "SeatRestarted",
                                "AgentStarted",
                                "SeatRecovered"));
        var unhealthy = orchestrator.events(Franchise.CSK).stream()
                .filter(OrchestratorEvent.SeatUnhealthy.class::isInstance)
                .map(OrchestratorEvent.SeatUnhealthy.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(unhealthy.reason()).contains("exited").contains("signal 9");
        assertThat(since(Franchise.CSK, seen))
                .filteredOn(OrchestratorEvent.SeatRestarting.class::isInstance)
                .extracting(e -> ((OrchestratorEvent.SeatRestarting) e).step())
                .containsExactly(RestartStep.PROCESS);
    }

    @Test
    void anAgentStoppedWithSigstopAliveButSilentIsDetectedAndReplaced() throws Exception {
        SeatRecord before = healthy(Franchise.MI);
        ProcessHandle frozen = processOf(Franchise.MI);

        int seen = orchestrator.events(Franchise.MI).size();
        Process kill = new ProcessBuilder("kill", "-STOP", String.valueOf(frozen.pid())).start();
        assertThat(kill.waitFor()).isZero();
        assertThat(frozen.isAlive()).isTrue();
        // kill returns once the signal is sent; the process shows as stopped when the kernel gets to it, which on a
        // busy machine can be a moment later.
        await().atMost(Duration.ofMinutes(1)).until(() -> ProcessAgentRuntime.frozen(frozen.pid()));
        assertThat(ProcessAgentRuntime.frozen(ProcessHandle.current().pid())).isFalse();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            SeatRecord now = orchestrator.seat(Franchise.MI);
            assertThat(now.status()).isEqualTo(SeatStatus.HEALTHY);
            assertThat(now.holder().instanceId()).isNotEqualTo(before.holder().instanceId());
        });
        launchedPids.add(processOf(Franchise.MI).pid());
        await().atMost(Duration.ofMinutes(2)).until(() -> !frozen.isAlive());
        var unhealthy = since(Franchise.MI, seen).stream()
                .filter(OrchestratorEvent.SeatUnhealthy.class::isInstance)
                .map(OrchestratorEvent.SeatUnhealthy.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(unhealthy.reason()).contains("no heartbeat for");
        assertThat(unhealthy.silentForMillis()).isGreaterThanOrEqualTo(2000);
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(since(Franchise.MI, seen))
                        .extracting(e -> e.getClass().getSimpleName())
                        .containsExactly(
                                "SeatUnhealthy", "SeatRestarting", "SeatRestarted", "AgentStarted", "SeatRecovered"));
    }

    @Test
    void aSeatThatCannotBeSavedEndsFailedAfterTheConfiguredAttemptsWhileTheOthersStayHealthy() {
        await().atMost(Duration.ofMinutes(5))
                .until(() -> orchestrator.seat(Franchise.RCB).status() == SeatStatus.FAILED);
        SeatRecord rcb = orchestrator.seat(Franchise.RCB);
        assertThat(rcb.attempts()).isEqualTo(3);
        assertThat(rcb.reason()).contains("gave up after 3 quick restarts").contains("exit code 3");

        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(orchestrator.events(Franchise.RCB))
                        .filteredOn(OrchestratorEvent.SeatRestartFailed.class::isInstance)
                        .singleElement()
                        .satisfies(e -> assertThat(((OrchestratorEvent.SeatRestartFailed) e).attempts())
                                .isEqualTo(3)));
        assertThat(orchestrator.events(Franchise.RCB))
                .filteredOn(OrchestratorEvent.SeatRestarting.class::isInstance)
                .hasSize(3);
        healthy(Franchise.DC);
        assertThat(orchestrator.seat(Franchise.DC).totalRestarts()).isZero();
    }
}
