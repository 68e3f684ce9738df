package dev.iplauction.orchestrator.health;

import dev.iplauction.contracts.Franchise;
import java.time.Instant;
import java.util.List;

/**
 * What the policy remembers about all seats together: whether a systemic fault is under way and when the latest hard
 * restart of any seat began (restarts are spaced across seats during one).
 *
 * @param systemicSince when half or more of the seats went silent together; null when that is not so
 * @param silent the seats silent now (their franchises), as last checked
 * @param total the seats watched
 * @param lastRestartAt when the latest restart that the spacing counts began (any hard one; soft ones too during a systemic
 *     fault); null if none yet
 * @param systemicRestarts hard restarts started since the systemic fault began (the spacing doubles with each)
 */
public record FleetState(
        Instant systemicSince, List<Franchise> silent, int total, Instant lastRestartAt, int systemicRestarts) {

    public static final FleetState NONE = new FleetState(null, List.of(), 0, null, 0);

    public FleetState {
        silent = List.copyOf(silent);
    }

    public boolean systemic() {
        return systemicSince != null;
    }

    /** What the status page says about it; null when there is no systemic fault. */
    public String systemicReason() {
        return systemic()
                ? "systemic fault: " + silent.size() + " of " + total + " seats silent together since " + systemicSince
                        + " (the broker or the machine is overloaded?); restarting at most one agent per back-off"
                : null;
    }
}
