package dev.iplauction.auction.house;

/**
 * The change did not happen because the event log could not take it (or the auction is read-only until it has been
 * reloaded from the log after such a failure). Safe to retry once the log is back.
 */
public class EventLogUnavailable extends RuntimeException {

    public EventLogUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The event log did not settle the change in time, so whether it happened is not known yet: the auction's state
     * will say once it has been reloaded. Not safe to retry blindly.
     */
    public static final class OutcomeUnknown extends EventLogUnavailable {

        public OutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
