package dev.iplauction.auction.house;

/** A change whose event would be larger than the event log takes: refused before it reaches Kafka. */
public final class EventTooLarge extends RuntimeException {

    public EventTooLarge(String message) {
        super(message, null, false, false);
    }
}
