package dev.iplauction.orchestrator.health;

import java.util.List;

/**
 * Every seat after a check, the fleet's state, and what to do, in order.
 *
 * @param systemicBegan true when this check found a systemic fault that the previous one did not
 * @param systemicEnded true when a systemic fault is over with this check
 */
public record FleetVerdict(
        List<SeatRecord> seats, FleetState fleet, List<Action> actions, boolean systemicBegan, boolean systemicEnded) {

    public FleetVerdict {
        seats = List.copyOf(seats);
        actions = List.copyOf(actions);
    }
}
