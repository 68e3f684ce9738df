package dev.iplauction.auction.house;

/** What only the host may do. */
public enum HostAction {
    START,
    PAUSE,
    RESUME,
    SKIP,
    END
}
