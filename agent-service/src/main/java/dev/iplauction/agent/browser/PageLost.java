package dev.iplauction.agent.browser;

import java.time.Instant;

/**
 * A seat's page stopped working: it shows nothing new and clicks nothing until {@link AuctionPage#reopen()}.
 *
 * @param detail what happened, in words
 */
public record PageLost(Reason reason, String detail, Instant at) {

    public enum Reason {
        /** The page's renderer crashed. */
        CRASHED,
        /** The page or its browser context was closed by something other than this agent. */
        CLOSED,
        /** Chromium itself died; the host has started (or is starting) a new one. */
        BROWSER_DIED
    }
}
