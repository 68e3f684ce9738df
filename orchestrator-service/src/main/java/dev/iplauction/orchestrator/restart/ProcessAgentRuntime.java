package dev.iplauction.orchestrator.restart;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import dev.iplauction.orchestrator.health.Holder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agents as local processes: one per group of seats (AGENT_TEAMS), launched with a stagger, restarted on
 * request, reported when one exits on its own, and stopped on close: SIGTERM first, SIGKILL after the stop timeout (at
 * once for a process stopped by SIGSTOP, which could not act on SIGTERM), and every descendant (a Chromium and its helpers) with it, so nothing is orphaned. The JVM reaps its children, so
 * none is left a zombie. Each process's output is appended to {@code <log-dir>/<group>.log}.
 *
 * <p>The process ids are written to {@code <log-dir>/agents.pids}; an orchestrator that was killed before it could
 * stop its agents stops them at its next start (when the process with that id is still the one it started).
 */
public final class ProcessAgentRuntime implements AgentRuntime {

    private static final Logger log = LoggerFactory.getLogger(ProcessAgentRuntime.class);
    private static final String PID_FILE = "agents.pids";

    private final ProcessSettings settings;
    private final Clock clock;
    private final ExecutorService launcher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("agent-launcher").daemon().factory());
    private final RestartJoiner joiner;
    private final Duration joinWindow;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final long orchestratorPid = ProcessHandle.current().pid();

    private volatile RuntimeListener listener;
    /** Guarded by {@code this}: the earliest time the next launch may happen. */
    private Instant nextLaunchSlot = Instant.MIN;
    /** Guarded by {@code this}. */
    private boolean closed;

    public ProcessAgentRuntime(ProcessSettings settings, Clock clock, Duration joinWindow) {
        this.settings = settings;
        this.clock = clock;
        this.joiner = new RestartJoiner(clock, joinWindow);
        this.joinWindow = joinWindow;
        for (List<Franchise> group : settings.groups()) {
            String name = group.stream().map(Franchise::code).collect(Collectors.joining("-"));
            agents.put(name, new Agent(name, group));
        }
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public RestartStep hardStep() {
        return RestartStep.PROCESS;
    }

    @Override
    public void start(RuntimeListener listener) {
        this.listener = listener;
        try {
            Files.createDirectories(settings.logDirectory());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot create the agents' log folder " + settings.logDirectory() + ": " + e.getMessage(), e);
        }
        stopLeftovers();
        log.info(
                "launching {} agent processes for {} seats, {} apart: {}",
                agents.size(),
                settings.seats().size(),
                settings.stagger(),
                agents.keySet());
        for (Agent agent : agents.values()) {
            launchInTurn(agent).exceptionally(e -> {
                log.error("agent {} could not be launched: {}", agent.name, e.getMessage());
                listener.exited(agent.seats, null, "launch failed: " + e.getMessage());
                return null;
            });
        }
    }

    @Override
    public CompletableFuture<Restarted> restart(Franchise seat, Holder holder) {
        Agent agent = agentOf(seat);
        if (agent == null) {
            return CompletableFuture.failedFuture(
                    new RestartFailed("no agent process of this orchestrator plays " + seat.code()));
        }
        synchronized (this) {
            // A seat of a multi-seat process that has not heard from the process launched moments ago shares its
            // restart; a dead process, or the very instance that went silent, is restarted.
            Process current = agent.process;
            if (current != null
                    && current.isAlive()
                    && agent.launchedAt != null
                    && clock.instant().isBefore(agent.launchedAt.plus(joinWindow))
                    && (holder == null || !holder.instanceId().equals(agent.instanceId))) {
                return CompletableFuture.completedFuture(new Restarted(agent.name, agent.instanceId, agent.launchedAt));
            }
        }
        return joiner.join(
                agent.name,
                null,
                () -> CompletableFuture.runAsync(() -> stop(agent, "restart"), launcher)
                        .thenCompose(stopped -> launchInTurn(agent)));
    }

    @Override
    public List<AgentUnit> units() {
        List<AgentUnit> units = new ArrayList<>();
        synchronized (this) {
            for (Agent agent : agents.values()) {
                Process p = agent.process;
                units.add(new AgentUnit(
                        agent.name,
                        p == null ? null : String.valueOf(p.pid()),
                        agent.instanceId,
                        agent.seats.stream().map(Franchise::code).toList(),
                        p == null ? "not started" : p.isAlive() ? "running" : "exited " + p.exitValue()));
            }
        }
        return units;
    }

    /** The process that plays this seat now, if any (tests send it signals). */
    public Optional<ProcessHandle> processOf(Franchise seat) {
        Agent agent = agentOf(seat);
        synchronized (this) {
            return agent == null || agent.process == null ? Optional.empty() : Optional.of(agent.process.toHandle());
        }
    }

    @Override
    public void close() {
        List<Agent> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = List.copyOf(agents.values());
        }
        launcher.shutdownNow();
        // SIGTERM to all first, so they stop side by side, then wait for each and kill what is left.
        Map<Agent, Stopping> stopping = new LinkedHashMap<>();
        for (Agent agent : all) {
            Stopping s = beginStop(agent);
            if (s != null) {
                stopping.put(agent, s);
            }
        }
        long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
        for (var entry : stopping.entrySet()) {
            finishStop(entry.getKey(), entry.getValue(), Math.max(0, deadline - System.nanoTime()));
            RuntimeListener l = listener;
            if (l != null) {
                l.stopped(entry.getKey().seats, entry.getValue().instanceId, "orchestrator shutting down");
            }
        }
        writePidFile();
    }

    private Agent agentOf(Franchise seat) {
        return agents.values().stream()
                .filter(a -> a.seats.contains(seat))
                .findFirst()
                .orElse(null);
    }

    /** Launches at the next free launch slot, so launches stay {@code stagger} apart. */
    private CompletableFuture<Restarted> launchInTurn(Agent agent) {
        long delayMillis;
        synchronized (this) {
            Instant now = clock.instant();
            Instant slot = nextLaunchSlot.isAfter(now) ? nextLaunchSlot : now;
            nextLaunchSlot = slot.plus(settings.stagger());
            delayMillis = Duration.between(now, slot).toMillis();
        }
        return CompletableFuture.supplyAsync(
                () -> launch(agent), CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, launcher));
    }

    private Restarted launch(Agent agent) {
        Process process;
        String instanceId;
        synchronized (this) {
            if (closed) {
                throw new RestartFailed("the orchestrator is shutting down");
            }
            agent.generation++;
            instanceId = "agent-" + agent.name.toLowerCase(java.util.Locale.ROOT) + "-" + orchestratorPid + "-"
                    + agent.generation;
            ProcessBuilder builder = new ProcessBuilder(settings.command());
            Map<String, String> env = builder.environment();
            env.put("PORT", "0"); // nine agent-services on one machine must not fight over 8081
            env.putAll(settings.environment());
            env.put("AUCTION_CODE", settings.auctionCode());
            env.put("AGENT_TEAMS", agent.seats.stream().map(Franchise::code).collect(Collectors.joining(",")));
            env.put("AGENT_INSTANCE_ID", instanceId);
            env.putIfAbsent("KAFKA_BOOTSTRAP_SERVERS", settings.bootstrapServers());
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(
                    settings.logDirectory().resolve(agent.name + ".log").toFile()));
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new RestartFailed("cannot start " + settings.command().get(0) + ": " + e.getMessage(), e);
            }
            agent.process = process;
            agent.instanceId = instanceId;
            agent.launchedAt = clock.instant();
        }
        Instant at = agent.launchedAt;
        log.info("agent {} started: pid {}, instance {}, seats {}", agent.name, process.pid(), instanceId, agent.seats);
        writePidFile();
        process.onExit().thenAccept(p -> exited(agent, p, instanceId));
        RuntimeListener l = listener;
        if (l != null) {
            l.launched(agent.seats, instanceId, at);
        }
        return new Restarted(agent.name, instanceId, at);
    }

    private void exited(Agent agent, Process process, String instanceId) {
        synchronized (this) {
            if (closed || agent.stopping == process) {
                return; // we asked for it
            }
        }
        int code = process.exitValue();
        String why = code > 128 ? "exit code " + code + " (signal " + (code - 128) + ")" : "exit code " + code;
        log.warn("agent {} (pid {}, instance {}) exited on its own: {}", agent.name, process.pid(), instanceId, why);
        RuntimeListener l = listener;
        if (l != null) {
            l.exited(agent.seats, instanceId, why);
        }
    }

    /** Stops the agent's process and its descendants, waiting for them. */
    private void stop(Agent agent, String why) {
        Stopping s = beginStop(agent);
        if (s != null) {
            finishStop(agent, s, settings.stopTimeout().toNanos());
        }
    }

    private record Stopping(Process process, List<ProcessHandle> descendants, String instanceId) {}

    private Stopping beginStop(Agent agent) {
        Process process;
        synchronized (this) {
            process = agent.process;
            if (process == null || !process.isAlive()) {
                return null;
            }
            agent.stopping = process;
        }
        // Collected before the parent dies: afterwards they belong to init and are no longer its descendants.
        List<ProcessHandle> descendants = process.descendants().toList();
        if (frozen(process.pid())) {
            // SIGTERM waits, undelivered, until a stopped process is continued: waiting for it would only add the
            // whole stop timeout to the seat's silence.
            log.warn("agent {} (pid {}) is stopped (SIGSTOP): killing it at once", agent.name, process.pid());
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        return new Stopping(process, descendants, agent.instanceId);
    }

    /** Whether the process is stopped by a signal ('T' in /proc/PID/stat, Linux); false where that cannot be read. */
    static boolean frozen(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
            // pid (comm) state …: the command may contain spaces and parentheses, so read after the last ')'
            String afterCommand = stat.substring(stat.lastIndexOf(')') + 1).strip();
            return afterCommand.startsWith("T");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void finishStop(Agent agent, Stopping s, long timeoutNanos) {
        try {
            if (!s.process.waitFor(timeoutNanos, TimeUnit.NANOSECONDS)) {
                log.warn(
                        "agent {} (pid {}) did not stop within {} of SIGTERM: killing it",
                        agent.name,
                        s.process.pid(),
                        settings.stopTimeout());
                s.process.destroyForcibly();
                s.process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            s.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : s.descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        log.info("agent {} (pid {}) stopped", agent.name, s.process.pid());
    }

    private void writePidFile() {
        List<String> lines = new ArrayList<>();
        synchronized (this) {
            for (Agent agent : agents.values()) {
                Process p = agent.process;
                if (p != null && p.isAlive()) {
                    p.toHandle()
                            .info()
                            .startInstant()
                            .ifPresent(start -> lines.add(p.pid() + " " + start.toEpochMilli() + " " + agent.name));
                }
            }
        }
        try {
            Files.write(settings.logDirectory().resolve(PID_FILE), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("cannot write {}: {}", PID_FILE, e.getMessage());
        }
    }

    /** Stops agents a previous orchestrator started and could not stop (it was killed). */
    private void stopLeftovers() {
        Path file = settings.logDirectory().resolve(PID_FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length < 2) {
                    continue;
                }
                long pid = Long.parseLong(parts[0]);
                long started = Long.parseLong(parts[1]);
                ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(h -> h.info()
                                .startInstant()
                                .map(Instant::toEpochMilli)
                                .orElse(-1L)
                                .equals(started))
                        .ifPresent(h -> {
                            log.warn("stopping agent pid {} left running by a previous orchestrator", pid);
                            h.descendants().forEach(ProcessHandle::destroyForcibly);
                            h.destroyForcibly();
                        });
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read {}: {}", file, e.getMessage());
        }
    }

    private static final class Agent {
        final String name;
        final List<Franchise> seats;
        Process process;
        Process stopping;
        String instanceId;
        Instant launchedAt;
        int generation;

        Agent(String name, List<Franchise> seats) {
            this.name = name;
            this.seats = List.copyOf(seats);
        }
    }
}
