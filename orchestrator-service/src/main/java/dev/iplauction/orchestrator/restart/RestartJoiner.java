package dev.iplauction.orchestrator.restart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One restart per container or process however many of its seats ask: seats that share a unit and fall silent
 * together join the restart under way, or the one that finished within the join window, instead of restarting the
 * unit again each.
 */
final class RestartJoiner {

    private final Clock clock;
    private final Duration window;

    /** Guarded by {@code this}. */
    private final Map<String, CompletableFuture<Restarted>> running = new HashMap<>();
    /** Guarded by {@code this}. */
    private final Map<String, Restarted> finished = new HashMap<>();

    RestartJoiner(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    synchronized CompletableFuture<Restarted> join(String unit, Supplier<CompletableFuture<Restarted>> restart) {
        CompletableFuture<Restarted> underWay = running.get(unit);
        if (underWay != null) {
            return underWay;
        }
        Restarted recent = finished.get(unit);
        Instant now = clock.instant();
        if (recent != null && now.isBefore(recent.at().plus(window))) {
            return CompletableFuture.completedFuture(recent);
        }
        CompletableFuture<Restarted> started = restart.get();
        running.put(unit, started);
        started.whenComplete((done, failure) -> {
            synchronized (RestartJoiner.this) {
                running.remove(unit, started);
                if (done != null) {
                    finished.put(unit, done);
                }
            }
        });
        return started;
    }
}
