package dev.iplauction.reports.stream;

/**
 * Where an auction's report stands, kept in the status store beside its events.
 *
 * @param events how many distinct events the store holds for the auction
 * @param reportedEvents how many of them the report on disk was made from; -1 for none yet
 * @param completed whether {@code AuctionCompleted} has been seen
 * @param lastArrivalMillis wall-clock time the last new event arrived, for the settle delay before a rewrite
 */
record AuctionStatus(long events, long reportedEvents, boolean completed, long lastArrivalMillis) {

    static final AuctionStatus NEW = new AuctionStatus(0, -1, false, 0);

    AuctionStatus arrived(long now) {
        return new AuctionStatus(events + 1, reportedEvents, completed, now);
    }

    AuctionStatus completedNow() {
        return new AuctionStatus(events, reportedEvents, true, lastArrivalMillis);
    }

    AuctionStatus reported(long eventCount) {
        return new AuctionStatus(events, eventCount, completed, lastArrivalMillis);
    }

    AuctionStatus retryAfter(long now) {
        return new AuctionStatus(events, reportedEvents, completed, now);
    }

    /** Completed, with events the report on disk does not include yet. */
    boolean stale() {
        return completed && reportedEvents < events;
    }
}
