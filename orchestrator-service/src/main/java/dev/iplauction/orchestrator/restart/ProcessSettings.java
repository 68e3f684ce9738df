package dev.iplauction.orchestrator.restart;

import dev.iplauction.contracts.Franchise;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the process runtime starts agents.
 *
 * @param command the agent's command line (the real agent-service jar in production, a stand-in in tests)
 * @param seats the seats to play, in launch order
 * @param seatsPerProcess how many seats one process plays (AGENT_TEAMS of each process)
 * @param environment extra environment of every agent process (AUCTION_URL …); AUCTION_CODE, AGENT_TEAMS,
 *     AGENT_INSTANCE_ID and KAFKA_BOOTSTRAP_SERVERS are set by the runtime, PORT defaults to 0
 * @param logDirectory where each process's stdout and stderr go, one file per process group
 * @param stopTimeout how long a process may take to stop after SIGTERM before it is killed
 * @param stagger the least time between two launches
 */
public record ProcessSettings(
        List<String> command,
        String auctionCode,
        String bootstrapServers,
        List<Franchise> seats,
        int seatsPerProcess,
        Map<String, String> environment,
        Path logDirectory,
        Duration stopTimeout,
        Duration stagger) {

    public ProcessSettings {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("orchestrator.process.command must name the agent's command line");
        }
        Objects.requireNonNull(auctionCode, "auctionCode");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        seats = List.copyOf(seats);
        if (seatsPerProcess < 1) {
            throw new IllegalArgumentException(
                    "orchestrator.process.seats-per-process must be at least 1, got " + seatsPerProcess);
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(logDirectory, "orchestrator.process.log-dir");
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("orchestrator.process.stop-timeout must be 0 or more");
        }
        if (stagger.isNegative()) {
            throw new IllegalArgumentException("orchestrator.stagger must be 0 or more");
        }
    }

    /** The seats in groups of {@link #seatsPerProcess}, one group per process. */
    public List<List<Franchise>> groups() {
        java.util.ArrayList<List<Franchise>> groups = new java.util.ArrayList<>();
        for (int i = 0; i < seats.size(); i += seatsPerProcess) {
            groups.add(List.copyOf(seats.subList(i, Math.min(seats.size(), i + seatsPerProcess))));
        }
        return groups;
    }
}
