package dev.iplauction.orchestrator.health;

import java.util.List;

/**
 * The seat after an event, what to do about it, and, for a heartbeat that changed nothing, why it was ignored.
 *
 * @param ignored null when the heartbeat was taken; otherwise a short reason ("duplicate", "stale-instance" …)
 */
public record Verdict(SeatRecord seat, List<Action> actions, String ignored) {

    public Verdict {
        actions = List.copyOf(actions);
    }

    static Verdict of(SeatRecord seat, List<Action> actions) {
        return new Verdict(seat, actions, null);
    }

    static Verdict ignored(SeatRecord seat, String why) {
        return new Verdict(seat, List.of(), why);
    }
}
