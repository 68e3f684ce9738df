package dev.iplauction.orchestrator.health;

import java.time.Duration;
import java.util.Objects;

/**
 * What the health policy needs to know, validated here so that the policy never meets a nonsense value.
 *
 * @param heartbeatTimeout a seat that said nothing alive for this long is unhealthy
 * @param startupGrace how long a seat may stay silent after its agent's own start (container or process), the
 *     orchestrator's start, its launch or a restart, before the timeout applies; also the timeout of a seat that
 *     reports STARTING or JOINING
 * @param restartAttempts hard restarts (container or process) per recovery before the seat is marked failed
 * @param backoff the wait before the second hard restart; doubled for each further one
 * @param maxBackoff the longest wait between two hard restarts
 * @param restartWindow the sliding window of the restart cap
 * @param restartsPerWindow at most this many hard restarts of one seat within the window, across recoveries
 * @param softRestart when a soft restart comes first
 * @param slowBackoff after the quick attempts are used up (the seat is FAILED), the wait before the next try,
 *     doubled for each further one up to {@code maxBackoff}: giving up is never final (like CrashLoopBackOff)
 * @param maxConcurrentRestarts hard restarts under way at once across all seats (a restart is under way until the
 *     seat heartbeats again or its grace after the restart runs out); one by default, so that recovery never adds
 *     more start-up load than one agent's
 */
public record HealthSettings(
        Duration heartbeatTimeout,
        Duration startupGrace,
        int restartAttempts,
        Duration backoff,
        Duration maxBackoff,
        Duration restartWindow,
        int restartsPerWindow,
        SoftRestartMode softRestart,
        Duration slowBackoff,
        int maxConcurrentRestarts) {

    /** Without the slow retries' own setting (one minute, or the maximum if less) and one restart at a time. */
    public HealthSettings(
            Duration heartbeatTimeout,
            Duration startupGrace,
            int restartAttempts,
            Duration backoff,
            Duration maxBackoff,
            Duration restartWindow,
            int restartsPerWindow,
            SoftRestartMode softRestart) {
        this(
                heartbeatTimeout,
                startupGrace,
                restartAttempts,
                backoff,
                maxBackoff,
                restartWindow,
                restartsPerWindow,
                softRestart,
                maxBackoff.compareTo(Duration.ofMinutes(1)) < 0 ? maxBackoff : Duration.ofMinutes(1),
                1);
    }

    public HealthSettings {
        positive(heartbeatTimeout, "heartbeat-timeout");
        notNegative(startupGrace, "startup-grace");
        if (restartAttempts < 0 || restartAttempts > 100) {
            throw new IllegalArgumentException(
                    "orchestrator.restart-attempts must be between 0 and 100, got " + restartAttempts);
        }
        notNegative(backoff, "restart-backoff");
        notNegative(maxBackoff, "restart-backoff-max");
        if (maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("orchestrator.restart-backoff-max (" + maxBackoff
                    + ") must be at least orchestrator.restart-backoff (" + backoff + ")");
        }
        positive(restartWindow, "restart-window");
        if (restartsPerWindow < 1) {
            throw new IllegalArgumentException(
                    "orchestrator.restarts-per-window must be at least 1, got " + restartsPerWindow);
        }
        Objects.requireNonNull(softRestart, "orchestrator.soft-restart");
        notNegative(slowBackoff, "slow-backoff");
        if (maxBackoff.compareTo(slowBackoff) < 0) {
            throw new IllegalArgumentException("orchestrator.restart-backoff-max (" + maxBackoff
                    + ") must be at least orchestrator.slow-backoff (" + slowBackoff + ")");
        }
        if (maxConcurrentRestarts < 1) {
            throw new IllegalArgumentException(
                    "orchestrator.max-concurrent-restarts must be at least 1, got " + maxConcurrentRestarts);
        }
    }

    /**
     * The replaced system's numbers (30 s timeout and grace, 3 attempts, 5 s back-off doubling to 2 min), one restart
     * at a time and slow retries from 1 min; the service's own defaults are in OrchestratorProperties (180 s grace).
     */
    public static HealthSettings defaults() {
        return new HealthSettings(
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                3,
                Duration.ofSeconds(5),
                Duration.ofMinutes(2),
                Duration.ofMinutes(10),
                6,
                SoftRestartMode.WHEN_INSTANCE_ALIVE);
    }

    /** The wait after hard restart number {@code done} (1, 2 …) before the next one may start. */
    public Duration backoffAfter(int done) {
        if (done <= 0) {
            return Duration.ZERO;
        }
        Duration wait = backoff;
        for (int i = 1; i < done && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * The wait before slow retry number {@code k + 1} after the quick attempts (k = 0 for the first): the slow
     * back-off doubled k times, capped at the maximum.
     */
    public Duration slowBackoffAfter(int k) {
        Duration wait = slowBackoff;
        for (int i = 0; i < k && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, "orchestrator." + name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("orchestrator." + name + " must be longer than 0, got " + value);
        }
    }

    private static void notNegative(Duration value, String name) {
        Objects.requireNonNull(value, "orchestrator." + name);
        if (value.isNegative()) {
            throw new IllegalArgumentException("orchestrator." + name + " must be 0 or more, got " + value);
        }
    }
}
