package dev.iplauction.auction.house;

import dev.iplauction.contracts.auction.AuctionEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Where an auction's history is kept: {@code auction.events}. The log, not memory, is the truth. */
public interface AuctionEventLog {

    /** Appends events in order; completes when they are durable (acknowledged by every in-sync replica). */
    CompletableFuture<Void> append(String auctionCode, List<AuctionEvent> events);

    /** Every auction's events in order, read from the start of the log. */
    Map<String, List<AuctionEvent>> readAll();
}
