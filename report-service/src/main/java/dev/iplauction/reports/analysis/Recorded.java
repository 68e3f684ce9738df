package dev.iplauction.reports.analysis;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One event as it was found on its topic: where (topic, partition, offset) and what. The position identifies the
 * record, so the same record read twice (a replay, a reprocessing after a crash) is recognised as one.
 */
public record Recorded(EventSource source, int partition, long offset, Object event) {

    public Recorded {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(event, "event");
        if (!source.eventType().isInstance(event)) {
            throw new IllegalArgumentException("a " + event.getClass().getSimpleName() + " is not from " + source);
        }
    }

    public String auctionCode() {
        return EventSource.auctionCodeOf(event);
    }

    public Instant at() {
        return EventSource.atOf(event);
    }

    /** Topic rank, partition, offset: the order of a topic's records as Kafka keeps them. */
    public static final Comparator<Recorded> BY_POSITION = Comparator.comparing(Recorded::source)
            .thenComparingInt(Recorded::partition)
            .thenComparingLong(Recorded::offset);
}
