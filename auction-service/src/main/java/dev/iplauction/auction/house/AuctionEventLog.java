package dev.iplauction.auction.house;

import dev.iplauction.contracts.auction.AuctionEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Where an auction's history is kept: {@code auction.events}. The log, not memory, is the truth. */
public interface AuctionEventLog {

    /**
     * Appends events in order; completes when they are durable (acknowledged by every in-sync replica). Never throws:
     * every failure, even one found before Kafka is asked (an event too large: {@link EventTooLarge}), comes back as
     * the future's exception. Once an append of an auction has failed, its later appends fail too until the next
     * {@link #readAll}, so the log never gets a change built on one it does not have.
     */
    CompletableFuture<Void> append(String auctionCode, List<AuctionEvent> events);

    /**
     * Every auction's events in order, read from the start of the log, after every earlier append has been settled
     * (committed or given up for good): a write whose answer was lost is either in this read or never will be.
     *
     * @throws EventLogUnavailable if the log cannot be read in time
     */
    Map<String, List<AuctionEvent>> readAll();

    /** Puts an event the rebuild cannot apply on the dead-letter topic, with the reason; best effort. */
    void deadLetter(AuctionEvent event, String reason);
}
