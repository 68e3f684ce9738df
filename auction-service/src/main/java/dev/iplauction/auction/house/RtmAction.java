package dev.iplauction.auction.house;

/** The right-to-match steps: the card holder matches or declines; after a match the highest bidder raises or not. */
public enum RtmAction {
    MATCH,
    DECLINE,
    RAISE,
    NO_RAISE
}
