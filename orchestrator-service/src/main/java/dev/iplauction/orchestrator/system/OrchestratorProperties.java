package dev.iplauction.orchestrator.system;

import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.orchestrator.health.HealthSettings;
import dev.iplauction.orchestrator.health.SoftRestartMode;
import dev.iplauction.orchestrator.restart.AgentLabels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The orchestrator's settings ({@code orchestrator.*}, or environment variables such as {@code
 * ORCHESTRATOR_HEARTBEAT_TIMEOUT}); the defaults are the replaced system's. Anything that makes no sense stops the
 * service at start-up with a message naming the setting.
 *
 * @param auctionCode the auction whose seats are watched (AUCTION_CODE); heartbeats of other auctions are ignored
 * @param runtime where the agents run: docker (containers, restarted through the Docker API) or process
 * @param agents how many seats to watch when {@code teams} is empty
 * @param teams exactly these seats (franchise codes); empty: the first {@code agents} franchises not skipped
 * @param skipTeams franchises left to people (AGENT_SKIP_TEAMS, as for the agents)
 * @param checkInterval how often every seat is looked at
 * @param heartbeatTimeout silence that makes a seat unhealthy
 * @param startupGrace silence allowed after the agent's own start (container or process), the orchestrator's start, a
 *     seat's launch or a restart; long enough for an agent (a JVM and a Chromium) to start on a loaded 2-core machine
 * @param restartAttempts hard restarts per recovery before the seat is failed
 * @param restartBackoff the wait before the second hard restart, doubled for each further one
 * @param restartBackoffMax the longest such wait
 * @param restartWindow the window of the restart cap
 * @param restartsPerWindow the restart cap: hard restarts of one seat within the window
 * @param softRestart when a RestartSeat command comes first
 * @param slowBackoff after the quick attempts, the wait before the next try, doubled up to restartBackoffMax
 * @param maxConcurrentRestarts hard restarts under way at once across all seats
 * @param stagger the least time between two agent launches (process runtime)
 * @param rebuildWindow how far back in agent.heartbeats the view is rebuilt from at start
 */
@ConfigurationProperties("orchestrator")
public record OrchestratorProperties(
        @DefaultValue("") String auctionCode,
        @DefaultValue("docker") RuntimeKind runtime,
        @DefaultValue("9") int agents,
        @DefaultValue List<String> teams,
        @DefaultValue List<String> skipTeams,
        @DefaultValue("10s") Duration checkInterval,
        @DefaultValue("30s") Duration heartbeatTimeout,
        @DefaultValue("180s") Duration startupGrace,
        @DefaultValue("3") int restartAttempts,
        @DefaultValue("5s") Duration restartBackoff,
        @DefaultValue("5m") Duration restartBackoffMax,
        @DefaultValue("10m") Duration restartWindow,
        @DefaultValue("6") int restartsPerWindow,
        @DefaultValue("when-instance-alive") SoftRestartMode softRestart,
        @DefaultValue("1m") Duration slowBackoff,
        @DefaultValue("1") int maxConcurrentRestarts,
        @DefaultValue("2s") Duration stagger,
        @DefaultValue("10m") Duration rebuildWindow,
        @DefaultValue Process process,
        @DefaultValue Docker docker) {

    public enum RuntimeKind {
        DOCKER,
        PROCESS
    }

    /**
     * @param command the agent's command line, comma-separated; empty: {@code java -jar <agent-jar>}
     * @param agentJar the agent-service exec jar; empty: agent-service/target/agent-service-*-exec.jar
     * @param seatsPerProcess seats per agent process (1: a process per seat)
     * @param env extra environment of every agent (AUCTION_URL, CHROMIUM_PATH …)
     * @param logDir where each agent process's output goes
     * @param stopTimeout SIGTERM, then this long, then SIGKILL
     */
    public record Process(
            @DefaultValue List<String> command,
            @DefaultValue("") String agentJar,
            @DefaultValue("1") int seatsPerProcess,
            @DefaultValue Map<String, String> env,
            @DefaultValue("logs/agents") Path logDir,
            @DefaultValue("10s") Duration stopTimeout) {}

    /**
     * @param host the Docker Engine API (DOCKER_HOST)
     * @param project the value of the {@code dev.iplauction.project} label of the containers it may restart
     * @param stopTimeout how long a restarted container has to stop before it is killed
     */
    public record Docker(
            @DefaultValue("unix:///var/run/docker.sock") String host,
            @DefaultValue(AgentLabels.DEFAULT_PROJECT) String project,
            @DefaultValue("10s") Duration stopTimeout) {}

    public OrchestratorProperties {
        if (!AuctionCode.isValid(auctionCode)) {
            throw new IllegalArgumentException("orchestrator.auction-code (AUCTION_CODE) must be the six letters or"
                    + " digits of the auction to watch, such as ABCD12; got '" + auctionCode + "'");
        }
        auctionCode = AuctionCode.normalise(auctionCode);
        if (agents < 1 || agents > Franchise.values().length) {
            throw new IllegalArgumentException(
                    "orchestrator.agents must be between 1 and " + Franchise.values().length + ", got " + agents);
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException(
                    "orchestrator.check-interval must be longer than 0, got " + checkInterval);
        }
        if (stagger.isNegative()) {
            throw new IllegalArgumentException("orchestrator.stagger must be 0 or more, got " + stagger);
        }
        if (rebuildWindow.isNegative()) {
            throw new IllegalArgumentException("orchestrator.rebuild-window must be 0 or more, got " + rebuildWindow);
        }
        if (process.seatsPerProcess() < 1) {
            throw new IllegalArgumentException(
                    "orchestrator.process.seats-per-process must be at least 1, got " + process.seatsPerProcess());
        }
        if (process.stopTimeout().isNegative() || docker.stopTimeout().isNegative()) {
            throw new IllegalArgumentException(
                    "orchestrator.process.stop-timeout and orchestrator.docker.stop-timeout" + " must be 0 or more");
        }
        // Fields are assigned after this block: validate through the parameters, so a bad value stops the start.
        new HealthSettings(
                heartbeatTimeout,
                startupGrace,
                restartAttempts,
                restartBackoff,
                restartBackoffMax,
                restartWindow,
                restartsPerWindow,
                softRestart,
                slowBackoff,
                maxConcurrentRestarts);
        seats(teams, skipTeams, agents);
    }

    public HealthSettings healthSettings() {
        return new HealthSettings(
                heartbeatTimeout,
                startupGrace,
                restartAttempts,
                restartBackoff,
                restartBackoffMax,
                restartWindow,
                restartsPerWindow,
                softRestart,
                slowBackoff,
                maxConcurrentRestarts);
    }

    /** The watched seats, in franchise order. */
    public List<Franchise> seats() {
        return seats(teams, skipTeams, agents);
    }

    private static List<Franchise> seats(List<String> teams, List<String> skipTeams, int agents) {
        Set<Franchise> skipped = franchises(skipTeams, "orchestrator.skip-teams (AGENT_SKIP_TEAMS)");
        List<Franchise> chosen = new ArrayList<>();
        if (!teams.isEmpty()) {
            for (Franchise f : franchises(teams, "orchestrator.teams")) {
                if (!skipped.contains(f)) {
                    chosen.add(f);
                }
            }
        } else {
            for (Franchise f : Franchise.values()) {
                if (!skipped.contains(f) && chosen.size() < agents) {
                    chosen.add(f);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(
                    "no seat left to watch: orchestrator.teams " + teams + ", orchestrator.skip-teams " + skipTeams);
        }
        return List.copyOf(chosen);
    }

    private static Set<Franchise> franchises(List<String> codes, String setting) {
        Set<Franchise> result = EnumSet.noneOf(Franchise.class);
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            result.add(Franchise.fromCode(code)
                    .orElseThrow(() -> new IllegalArgumentException(setting + ": '" + code
                            + "' is not a franchise code (one of "
                            + java.util.Arrays.stream(Franchise.values())
                                    .map(Franchise::code)
                                    .toList()
                            + ")")));
        }
        return result;
    }
}
