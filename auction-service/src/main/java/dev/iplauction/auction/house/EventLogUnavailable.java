package dev.iplauction.auction.house;

/** The event log did not confirm a write in time: the change is not taken, and the auction is reloaded from the log. */
public final class EventLogUnavailable extends RuntimeException {

    public EventLogUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
