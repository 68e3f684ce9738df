package dev.iplauction.orchestrator.restart;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import dev.iplauction.orchestrator.health.Holder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts agent containers through the Docker Engine API. A seat's container is found among the containers labelled
 * {@code dev.iplauction.project=<project>} and {@code dev.iplauction.role=agent} only, by what the seat's heartbeats
 * said, the most specific first: the instance id (label {@code dev.iplauction.instance} or environment
 * AGENT_INSTANCE_ID), then the container id prefix or name, then the hostname (by default a container's id prefix;
 * shared by every container on the host network). A tie restarts nothing. A container without those labels is never
 * touched, whatever its name. Compose starts the containers; this runtime starts and stops none of its own, but
 * it starts again a labelled agent container that crashed or was killed ({@link #reviveCrashed()}): a dead container's
 * seats move to the other agents through the consumer group and keep heartbeating, so its silence alone would never
 * bring it back. One that keeps crashing is started at most three times in ten minutes.
 */
public final class DockerAgentRuntime implements AgentRuntime {

    private static final Logger log = LoggerFactory.getLogger(DockerAgentRuntime.class);
    /** The JVM's exit status after SIGTERM. */
    private static final long STOPPED_ON_PURPOSE = 143;
    /** How often crashed agent containers are looked for. */
    private static final Duration REVIVE_INTERVAL = Duration.ofSeconds(5);
    /** A container that keeps crashing (a bad setting, say) is started again at most this often per window. */
    private static final int REVIVALS_PER_WINDOW = 3;

    private static final Duration REVIVAL_WINDOW = Duration.ofMinutes(10);
    private final Map<String, Deque<Instant>> revivals = new ConcurrentHashMap<>();

    private final DockerClient docker;
    private final String project;
    private final Duration stopTimeout;
    private final Clock clock;
    private final RestartJoiner joiner;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("docker-restarts").daemon().factory());
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("docker-watch").daemon().factory());

    public DockerAgentRuntime(
            DockerClient docker, String project, Duration stopTimeout, Clock clock, Duration joinWindow) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.project = Objects.requireNonNull(project, "project");
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
        this.clock = clock;
        this.joiner = new RestartJoiner(clock, joinWindow);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public RestartStep hardStep() {
        return RestartStep.CONTAINER;
    }

    @Override
    public void start(RuntimeListener listener) {
        try {
            List<AgentUnit> units = units();
            log.info("docker engine answers; {} labelled agent containers: {}", units.size(), units);
        } catch (RuntimeException e) {
            log.warn(
                    "docker engine does not answer yet ({}); container restarts will fail until it does", e.toString());
        }
        long every = REVIVE_INTERVAL.toMillis();
        watcher.scheduleWithFixedDelay(
                () -> {
                    try {
                        reviveCrashed();
                    } catch (RuntimeException e) {
                        log.debug("looking for crashed agent containers: {}", e.toString());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts again every labelled agent container that exited because it crashed or was killed: any exit status but
     * 0 (a clean exit) and 143 (SIGTERM: someone stopped it on purpose, as {@code docker compose stop} does).
     *
     * @return the containers started
     */
    List<String> reviveCrashed() {
        List<String> revived = new ArrayList<>();
        for (Container container : agentContainers()) {
            if (!"exited".equals(container.getState()) && !"dead".equals(container.getState())) {
                continue;
            }
            InspectContainerResponse inspected =
                    docker.inspectContainerCmd(container.getId()).exec();
            Long exit =
                    inspected.getState() == null ? null : inspected.getState().getExitCodeLong();
            if (exit == null || exit == 0 || exit == STOPPED_ON_PURPOSE) {
                continue;
            }
            Deque<Instant> recent = revivals.computeIfAbsent(container.getId(), id -> new ArrayDeque<>());
            Instant now = clock.instant();
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(REVIVAL_WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= REVIVALS_PER_WINDOW) {
                log.debug(
                        "agent container {} crashed again; left down after {} starts", name(container), recent.size());
                continue;
            }
            recent.addLast(now);
            log.warn(
                    "agent container {} exited with status {}{}; starting it again",
                    name(container),
                    exit,
                    Boolean.TRUE.equals(inspected.getState().getOOMKilled()) ? " (out of memory)" : "");
            try {
                docker.startContainerCmd(container.getId()).exec();
                revived.add(name(container));
            } catch (RuntimeException e) {
                log.warn("could not start agent container {} again: {}", name(container), e.getMessage());
            }
        }
        return revived;
    }

    @Override
    public CompletableFuture<Restarted> restart(Franchise seat, Holder holder) {
        return CompletableFuture.supplyAsync(() -> find(seat, holder), worker)
                .thenCompose(container -> joiner.join(
                        container.getId(),
                        holder.instanceId(),
                        () -> CompletableFuture.supplyAsync(() -> restart(container, holder), worker)));
    }

    @Override
    public List<AgentUnit> units() {
        return agentContainers().stream()
                .map(c -> new AgentUnit(
                        name(c),
                        c.getId().substring(0, 12),
                        c.getLabels() == null ? null : c.getLabels().get(AgentLabels.INSTANCE),
                        List.of(),
                        c.getState()))
                .toList();
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        worker.shutdownNow();
        try {
            docker.close();
        } catch (java.io.IOException e) {
            log.debug("closing the docker client: {}", e.toString());
        }
    }

    /** The running labelled agent containers and their own start times (Docker's State.StartedAt). */
    @Override
    public AgentStarts agentStarts() {
        try {
            List<AgentStarts.Agent> running = new ArrayList<>();
            for (Container container : agentContainers()) {
                if (!"running".equals(container.getState())) {
                    continue;
                }
                InspectContainerResponse inspected =
                        docker.inspectContainerCmd(container.getId()).exec();
                Instant started = parseStart(
                        inspected.getState() == null
                                ? null
                                : inspected.getState().getStartedAt());
                if (started == null) {
                    continue;
                }
                var config = inspected.getConfig();
                String instance = container.getLabels() == null
                        ? null
                        : container.getLabels().get(AgentLabels.INSTANCE);
                if (instance == null && config != null && config.getEnv() != null) {
                    instance = Arrays.stream(config.getEnv())
                            .filter(e -> e.startsWith("AGENT_INSTANCE_ID="))
                            .map(e -> e.substring("AGENT_INSTANCE_ID=".length()))
                            .findFirst()
                            .orElse(null);
                }
                running.add(new AgentStarts.Agent(
                        container.getId(), config == null ? null : config.getHostName(), instance, started));
            }
            return new AgentStarts(true, running);
        } catch (RuntimeException e) {
            log.debug("asking the docker engine for the agents' start times: {}", e.toString());
            return AgentStarts.UNKNOWN;
        }
    }

    private static Instant parseStart(String startedAt) {
        if (startedAt == null || startedAt.isBlank() || startedAt.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(startedAt);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The one labelled container that runs the seat's instance. */
    Container find(Franchise seat, Holder holder) {
        if (holder == null) {
            throw new RestartFailed("no heartbeat of " + seat.code() + " ever named its instance, so no container can"
                    + " be found for it");
        }
        List<Container> candidates;
        try {
            candidates = agentContainers();
        } catch (RuntimeException e) {
            throw new RestartFailed("docker engine: " + e.getMessage(), e);
        }
        // The most specific evidence wins: the instance id (unique per agent) before the host, which containers on
        // the host network all share. Two containers on the same evidence is a tie: none is restarted.
        List<Container> matches = List.of();
        for (int strength = Match.INSTANCE; strength >= Match.HOSTNAME && matches.isEmpty(); strength--) {
            int wanted = strength;
            matches =
                    candidates.stream().filter(c -> match(c, holder) == wanted).toList();
        }
        if (matches.isEmpty()) {
            throw new RestartFailed("no container labelled " + AgentLabels.PROJECT + "=" + project + ","
                    + AgentLabels.ROLE + "=" + AgentLabels.AGENT_ROLE + " runs instance " + holder.instanceId()
                    + " (host " + holder.host() + ")");
        }
        if (matches.size() > 1) {
            throw new RestartFailed("instance " + holder.instanceId() + " (host " + holder.host() + ") matches "
                    + matches.size() + " labelled containers equally: "
                    + matches.stream().map(DockerAgentRuntime::name).toList() + "; restarting none");
        }
        return matches.get(0);
    }

    /** How a container matched a holder, strongest first. */
    private static final class Match {
        static final int INSTANCE = 3;
        static final int ID_OR_NAME = 2;
        static final int HOSTNAME = 1;
        static final int NONE = 0;
    }

    private List<Container> agentContainers() {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(AgentLabels.PROJECT, project, AgentLabels.ROLE, AgentLabels.AGENT_ROLE))
                .exec();
    }

    private int match(Container container, Holder holder) {
        String host = holder.host();
        String instance = holder.instanceId();
        Map<String, String> labels = container.getLabels();
        if (instance != null && labels != null && instance.equals(labels.get(AgentLabels.INSTANCE))) {
            return Match.INSTANCE;
        }
        InspectContainerResponse inspected =
                docker.inspectContainerCmd(container.getId()).exec();
        var config = inspected.getConfig();
        if (instance != null
                && config != null
                && config.getEnv() != null
                && Arrays.asList(config.getEnv()).contains("AGENT_INSTANCE_ID=" + instance)) {
            return Match.INSTANCE;
        }
        if (host != null && host.length() >= 12 && container.getId().startsWith(host)) {
            return Match.ID_OR_NAME;
        }
        if (host != null
                && container.getNames() != null
                && Arrays.asList(container.getNames()).contains("/" + host)) {
            return Match.ID_OR_NAME;
        }
        if (host != null && config != null && host.equals(config.getHostName())) {
            return Match.HOSTNAME;
        }
        return Match.NONE;
    }

    private Restarted restart(Container container, Holder holder) {
        String id = container.getId();
        // Checked again just before acting: the labels are the only licence to touch a container.
        Map<String, String> labels =
                docker.inspectContainerCmd(id).exec().getConfig().getLabels();
        if (labels == null
                || !project.equals(labels.get(AgentLabels.PROJECT))
                || !AgentLabels.AGENT_ROLE.equals(labels.get(AgentLabels.ROLE))) {
            throw new RestartFailed("container " + name(container) + " lost its agent labels; not restarting it");
        }
        log.warn(
                "restarting container {} ({}) for instance {}",
                name(container),
                id.substring(0, 12),
                holder.instanceId());
        try {
            docker.restartContainerCmd(id)
                    .withTimeout((int) Math.max(0, stopTimeout.toSeconds()))
                    .exec();
        } catch (RuntimeException e) {
            throw new RestartFailed("docker restart of " + name(container) + ": " + e.getMessage(), e);
        }
        InspectContainerResponse after = docker.inspectContainerCmd(id).exec();
        if (after.getState() == null || !Boolean.TRUE.equals(after.getState().getRunning())) {
            throw new RestartFailed("container " + name(container) + " is not running after its restart: "
                    + (after.getState() == null ? "no state" : after.getState().getStatus()));
        }
        Instant at = clock.instant();
        log.info(
                "container {} runs again since {}",
                name(container),
                after.getState().getStartedAt());
        return new Restarted(id.substring(0, 12), holder.instanceId(), at);
    }

    private static String name(Container c) {
        return c.getNames() == null || c.getNames().length == 0
                ? c.getId().substring(0, 12)
                : c.getNames()[0].replaceFirst("^/", "");
    }
}
