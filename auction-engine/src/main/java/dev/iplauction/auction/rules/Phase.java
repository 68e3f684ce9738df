package dev.iplauction.auction.rules;

/** Where an auction is in its life. */
public enum Phase {
    /** Created; seats are being taken; the host has not started. */
    LOBBY,
    RUNNING,
    PAUSED,
    COMPLETED
}
