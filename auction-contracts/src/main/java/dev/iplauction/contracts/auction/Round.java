package dev.iplauction.contracts.auction;

/** The auction's rounds: the sets in order, then the accelerated round for the players left unsold. */
public enum Round {
    MAIN,
    ACCELERATED
}
