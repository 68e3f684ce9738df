package dev.iplauction.orchestrator.health;

/** The orchestrator's verdict on one franchise seat. */
public enum SeatStatus {
    /** Never heard from yet, within its start-up grace (or a fresh grace after a launch). */
    STARTING,
    /** Heartbeats arrive, and they say the seat is working. */
    HEALTHY,
    /** Silent past the timeout (or its process died); recovery is about to begin. */
    UNHEALTHY,
    /** A restart was issued; waiting for it to finish and for the seat to heartbeat again. */
    RESTARTING,
    /** Every restart attempt was used up; the others carry on without it. */
    FAILED,
    /** The seat said its auction is over: silence is expected, nothing to recover. */
    FINISHED;

    /** Counted as healthy in the summary: working, or waiting for its first heartbeat within the grace. */
    public boolean healthy() {
        return this == HEALTHY || this == STARTING || this == FINISHED;
    }
}
