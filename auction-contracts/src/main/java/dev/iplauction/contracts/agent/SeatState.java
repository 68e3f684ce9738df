package dev.iplauction.contracts.agent;

/** Where an agent's seat is in its life, as its heartbeats report it. */
public enum SeatState {
    STARTING,
    JOINING,
    WAITING_FOR_START,
    BIDDING,
    PAUSED,
    RECONNECTING,
    FINISHED,
    FAILED
}
