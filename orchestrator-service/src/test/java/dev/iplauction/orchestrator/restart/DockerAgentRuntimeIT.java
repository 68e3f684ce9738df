package dev.iplauction.orchestrator.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.orchestrator.health.Holder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Docker runtime against a real Docker engine (skipped where none answers, or where it holds no image to run):
 * it restarts a labelled agent container found by its host or instance id, and never touches a container without the
 * project's labels, even one that names the same instance.
 */
class DockerAgentRuntimeIT {

    private static final String PROJECT = "ipl-auction-agents-it";
    private static DockerClient docker;
    private static String image;
    private static final List<String> created = new ArrayList<>();

    @BeforeAll
    static void connect() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .build();
        docker = DockerClientImpl.getInstance(
                config,
                new ZerodepDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .connectionTimeout(Duration.ofSeconds(2))
                        .responseTimeout(Duration.ofSeconds(60))
                        .build());
        boolean answers;
        try {
            docker.pingCmd().exec();
            answers = true;
        } catch (RuntimeException e) {
            answers = false;
        }
        assumeTrue(answers, "no Docker engine answers at " + host);
        image = docker.listImagesCmd().exec().stream()
                .flatMap(i -> i.getRepoTags() == null
                        ? java.util.stream.Stream.empty()
                        : java.util.Arrays.stream(i.getRepoTags()))
                .filter(tag -> List.of(
                                "local/jre:21", "local/debian:trixie-minbase", "debian:bookworm-slim", "busybox:latest")
                        .contains(tag))
                .findFirst()
                .orElse(null);
        assumeTrue(image != null, "no local image with a shell to run (build one, such as local/jre:21, beforehand)");
    }

    @AfterAll
    static void cleanUp() {
        for (String id : created) {
            try {
                docker.removeContainerCmd(id).withForce(true).exec();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    private static String run(String name, Map<String, String> labels, String instanceId) {
        return run(name, labels, instanceId, null);
    }

    private static String run(String name, Map<String, String> labels, String instanceId, String hostname) {
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (RuntimeException e) {
            // none left from an earlier run
        }
        var create = docker.createContainerCmd(image)
                .withName(name)
                .withLabels(labels)
                .withEnv("AGENT_INSTANCE_ID=" + instanceId)
                .withCmd("sleep", "infinity")
                .withHostConfig(HostConfig.newHostConfig().withInit(true));
        if (hostname != null) {
            create.withHostName(hostname);
        }
        String id = create.exec().getId();
        created.add(id);
        docker.startContainerCmd(id).exec();
        return id;
    }

    private static String startedAt(String id) {
        return docker.inspectContainerCmd(id).exec().getState().getStartedAt();
    }

    private static DockerAgentRuntime runtime() {
        return new DockerAgentRuntime(docker, PROJECT, Duration.ofSeconds(2), Clock.systemUTC(), Duration.ZERO);
    }

    @Test
    void aLabelledAgentContainerIsFoundByItsHostAndRestarted() throws Exception {
        String id = run(
                "orchestrator-it-agent",
                Map.of(AgentLabels.PROJECT, PROJECT, AgentLabels.ROLE, AgentLabels.AGENT_ROLE),
                "agent-it-1");
        String before = startedAt(id);
        // a container's hostname is its id prefix: that is what the agent's heartbeats carry as host
        Restarted restarted = runtime()
                .restart(Franchise.CSK, new Holder("agent-it-1", id.substring(0, 12), 1))
                .get(60, TimeUnit.SECONDS);

        assertThat(restarted.unit()).isEqualTo(id.substring(0, 12));
        assertThat(startedAt(id)).isNotEqualTo(before);
        assertThat(docker.inspectContainerCmd(id).exec().getState().getRunning())
                .isTrue();
    }

    @Test
    void theAgentsStartTimesAreTheirContainersOwnAndOnlyRunningLabelledOnesCount() throws Exception {
        Map<String, String> agent = Map.of(AgentLabels.PROJECT, PROJECT, AgentLabels.ROLE, AgentLabels.AGENT_ROLE);
        String id = run("orchestrator-it-started", agent, "agent-it-started");
        String stopped = run("orchestrator-it-stopped", agent, "agent-it-stopped");
        docker.stopContainerCmd(stopped).withTimeout(0).exec();
        String bystander = run("orchestrator-it-started-bystander", Map.of(), "agent-it-started");

        AgentStarts starts = runtime().agentStarts();

        assertThat(starts.known()).isTrue();
        java.time.Instant started = java.time.Instant.parse(startedAt(id));
        assertThat(starts.startOf(new Holder("agent-it-started", "elsewhere", 1)))
                .as("by instance id")
                .isEqualTo(started);
        assertThat(starts.startOf(new Holder("unknown", id.substring(0, 12), 1)))
                .as("by the host its heartbeats name")
                .isEqualTo(started);
        assertThat(starts.running())
                .extracting(AgentStarts.Agent::id)
                .contains(id)
                .doesNotContain(stopped, bystander);
        assertThat(starts.startOf(new Holder("agent-it-stopped", stopped.substring(0, 12), 1)))
                .isNull();
    }

    @Test
    void aLabelledAgentContainerIsAlsoFoundByTheInstanceIdInItsEnvironment() throws Exception {
        String id = run(
                "orchestrator-it-agent-by-instance",
                Map.of(AgentLabels.PROJECT, PROJECT, AgentLabels.ROLE, AgentLabels.AGENT_ROLE),
                "agent-it-2");
        String before = startedAt(id);
        runtime()
                .restart(Franchise.MI, new Holder("agent-it-2", "some-other-host", 1))
                .get(60, TimeUnit.SECONDS);
        assertThat(startedAt(id)).isNotEqualTo(before);
    }

    @Test
    void onASharedHostnameTheInstanceIdDecidesAndATieRestartsNothing() throws Exception {
        Map<String, String> agent = Map.of(AgentLabels.PROJECT, PROJECT, AgentLabels.ROLE, AgentLabels.AGENT_ROLE);
        // as on the host network: every agent container has the same hostname
        String first = run("orchestrator-it-shared-1", agent, "agent-shared-1", "shared-host");
        String second = run("orchestrator-it-shared-2", agent, "agent-shared-2", "shared-host");
        String firstBefore = startedAt(first);
        String secondBefore = startedAt(second);

        runtime()
                .restart(Franchise.GT, new Holder("agent-shared-2", "shared-host", 1))
                .get(60, TimeUnit.SECONDS);
        assertThat(startedAt(second)).isNotEqualTo(secondBefore);
        assertThat(startedAt(first)).isEqualTo(firstBefore);

        String secondAfter = startedAt(second);
        assertThatThrownBy(() -> runtime()
                        .restart(Franchise.GT, new Holder("agent-unknown", "shared-host", 1))
                        .get(60, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RestartFailed.class)
                .hasMessageContaining("matches 2 labelled containers equally");
        assertThat(startedAt(first)).isEqualTo(firstBefore);
        assertThat(startedAt(second)).isEqualTo(secondAfter);
    }

    @Test
    void aKilledAgentContainerIsStartedAgainButOneStoppedOnPurposeOrUnlabelledIsNot() throws Exception {
        Map<String, String> agent = Map.of(AgentLabels.PROJECT, PROJECT, AgentLabels.ROLE, AgentLabels.AGENT_ROLE);
        String killed = run("orchestrator-it-killed", agent, "agent-killed");
        String crashed = run("orchestrator-it-crashed", agent, "agent-crashed");
        String stopped = run("orchestrator-it-stopped", agent, "agent-stopped");
        String bystander = run("orchestrator-it-killed-bystander", Map.of(), "agent-bystander");
        docker.killContainerCmd(killed).exec(); // SIGKILL: exit status 137
        docker.killContainerCmd(bystander).exec();
        docker.killContainerCmd(crashed).withSignal("SIGUSR1").exec(); // dies of a signal it does not handle
        docker.killContainerCmd(stopped).withSignal("SIGTERM").exec(); // as docker compose stop does
        awaitExited(killed, crashed, stopped, bystander);
        assertThat(docker.inspectContainerCmd(stopped).exec().getState().getExitCodeLong())
                .as("sleep under tini exits 143 on SIGTERM, like the JVM")
                .isEqualTo(143L);

        assertThat(runtime().reviveCrashed())
                .containsExactlyInAnyOrder("orchestrator-it-killed", "orchestrator-it-crashed");

        assertThat(docker.inspectContainerCmd(killed).exec().getState().getRunning())
                .isTrue();
        assertThat(docker.inspectContainerCmd(crashed).exec().getState().getRunning())
                .isTrue();
        assertThat(docker.inspectContainerCmd(stopped).exec().getState().getRunning())
                .isFalse();
        assertThat(docker.inspectContainerCmd(bystander).exec().getState().getRunning())
                .isFalse();
    }

    @Test
    void aContainerThatKeepsCrashingIsStartedAtMostThreeTimesInTenMinutes() throws Exception {
        Map<String, String> agent = Map.of(AgentLabels.PROJECT, PROJECT, AgentLabels.ROLE, AgentLabels.AGENT_ROLE);
        String flapping = run("orchestrator-it-flapping", agent, "agent-flapping");
        DockerAgentRuntime runtime = runtime();
        for (int crash = 1; crash <= 4; crash++) {
            docker.killContainerCmd(flapping).exec();
            awaitExited(flapping);
            List<String> revived = runtime.reviveCrashed();
            if (crash <= 3) {
                assertThat(revived).as("crash %d", crash).containsExactly("orchestrator-it-flapping");
            } else {
                assertThat(revived).as("crash %d", crash).isEmpty();
            }
        }
        assertThat(docker.inspectContainerCmd(flapping).exec().getState().getRunning())
                .isFalse();
    }

    private static void awaitExited(String... ids) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            boolean all = true;
            for (String id : ids) {
                all &= !docker.inspectContainerCmd(id).exec().getState().getRunning();
            }
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("containers still running after 10 s");
    }

    @Test
    void aContainerWithoutTheProjectsLabelsIsNeverTouched() {
        String unlabelled = run("orchestrator-it-bystander", Map.of(), "agent-it-3");
        String otherProject = run(
                "orchestrator-it-other-project",
                Map.of(AgentLabels.PROJECT, "someone-else", AgentLabels.ROLE, AgentLabels.AGENT_ROLE),
                "agent-it-3");
        String before = startedAt(unlabelled);
        String otherBefore = startedAt(otherProject);

        for (Holder holder : List.of(
                new Holder("agent-it-3", unlabelled.substring(0, 12), 1),
                new Holder("agent-it-3", otherProject.substring(0, 12), 1),
                new Holder("agent-it-3", "orchestrator-it-bystander", 1))) {
            assertThatThrownBy(() -> runtime().restart(Franchise.RCB, holder).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(RestartFailed.class)
                    .hasMessageContaining("no container labelled dev.iplauction.project=" + PROJECT);
        }
        assertThat(startedAt(unlabelled)).isEqualTo(before);
        assertThat(startedAt(otherProject)).isEqualTo(otherBefore);
        assertThat(runtime().units())
                .extracting(AgentUnit::name)
                .doesNotContain("orchestrator-it-bystander", "orchestrator-it-other-project");
    }

    @Test
    void aSeatNeverHeardFromHasNoContainerToRestart() {
        assertThatThrownBy(() -> runtime().restart(Franchise.DC, null).get(60, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RestartFailed.class)
                .hasMessageContaining("no heartbeat of DC ever named its instance");
    }
}
