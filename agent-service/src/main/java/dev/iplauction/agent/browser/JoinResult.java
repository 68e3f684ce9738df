package dev.iplauction.agent.browser;

/** How taking a seat through the lobby ended. */
public enum JoinResult {
    /** The seat is this token's (newly taken, or taken again after a reconnect); the page is in the room. */
    JOINED,
    /** Another token holds the seat (a person, most likely): leave it alone. */
    TAKEN_BY_SOMEONE_ELSE,
    /** The house has no auction with that code. */
    AUCTION_NOT_FOUND,
    /** The auction is over: there is nothing left to take a seat for. */
    AUCTION_OVER
}
