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
 * together join the restart under way instead of restarting the unit again each. A seat that asks a little later, on
 * behalf of the very instance that a finished restart replaced (it has not heard from the new one yet), joins that
 * restart too while it is within the join window. Any other request restarts the unit again: a new instance that
 * crashed needs a new restart, whenever it crashed.
 */
final class RestartJoiner {

    private final Clock clock;
    private final Duration window;

    /** Guarded by {@code this}. */
    private final Map<String, CompletableFuture<Restarted>> running = new HashMap<>();
    /** Guarded by {@code this}. */
    private final Map<String, Finished> finished = new HashMap<>();

    private record Finished(Restarted restarted, String replacedInstance) {}

    RestartJoiner(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /**
     * @param replacedInstance the instance the requesting seat last heard from; null if none
     */
    synchronized CompletableFuture<Restarted> join(
            String unit, String replacedInstance, Supplier<CompletableFuture<Restarted>> restart) {
        CompletableFuture<Restarted> underWay = running.get(unit);
        if (underWay != null) {
            return underWay;
        }
        Finished recent = finished.get(unit);
        Instant now = clock.instant();
        if (recent != null
                && replacedInstance != null
                && replacedInstance.equals(recent.replacedInstance())
                && now.isBefore(recent.restarted().at().plus(window))) {
            return CompletableFuture.completedFuture(recent.restarted());
        }
        CompletableFuture<Restarted> started = restart.get();
        running.put(unit, started);
        started.whenComplete((done, failure) -> {
            synchronized (RestartJoiner.this) {
                running.remove(unit, started);
                if (done != null) {
                    finished.put(unit, new Finished(done, replacedInstance));
                }
            }
        });
        return started;
    }
}
