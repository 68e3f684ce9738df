package dev.iplauction.orchestrator.health;

import dev.iplauction.contracts.Franchise;
import java.time.Duration;

/** What the policy asks for after a heartbeat or a check; the supervisor carries it out and reports it. */
public sealed interface Action {

    Franchise franchise();

    /** A new instance holds the seat (its first heartbeat from there). */
    record HolderChanged(Franchise franchise, String instanceId, String previousInstanceId) implements Action {}

    record Unhealthy(Franchise franchise, String instanceId, Duration silentFor, String reason) implements Action {}

    /** Ask the holding instance to restart the seat's browser context. */
    record SoftRestart(Franchise franchise, String instanceId, int attempt) implements Action {}

    /** Restart the container or process behind the seat; {@code holder} is null for a seat never heard from. */
    record HardRestart(Franchise franchise, Holder holder, int attempt) implements Action {}

    /** Recovery gave up: the seat is failed. */
    record GiveUp(Franchise franchise, String instanceId, int attempts, String error) implements Action {}

    record Recovered(Franchise franchise, String instanceId, Duration downFor) implements Action {}
}
