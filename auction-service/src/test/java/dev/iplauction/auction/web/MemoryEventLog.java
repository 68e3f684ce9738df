package dev.iplauction.auction.web;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.CreateAuction;
import dev.iplauction.auction.house.EventLogUnavailable;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An event log in memory that can be made to fail (appends and reads alike, as when the broker is down), for the pages
 * of auctions that refuse every change.
 */
final class MemoryEventLog implements AuctionEventLog {

    final List<AuctionEvent> records = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public CompletableFuture<Void> append(String auctionCode, List<AuctionEvent> events) {
        if (failing) {
            return CompletableFuture.failedFuture(new EventLogUnavailable("the broker is down", null));
        }
        records.addAll(events);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Map<String, List<AuctionEvent>> readAll() {
        if (failing) {
            throw new EventLogUnavailable("the broker is down", null);
        }
        Map<String, List<AuctionEvent>> all = new LinkedHashMap<>();
        for (AuctionEvent e : records) {
            all.computeIfAbsent(e.auctionCode(), k -> new ArrayList<>()).add(e);
        }
        return all;
    }

    @Override
    public void deadLetter(AuctionEvent event, String reason) {}

    /**
     * Creates a quick auction in this log and adds a record after a gap in its sequence numbers: a house rebuilt from
     * this log cannot apply it and loads the auction damaged. Returns its code.
     */
    String damagedAuction() {
        AuctionHouse house = house(this);
        String code;
        try {
            code = house.create(CreateAuction.of("quick")).code();
        } finally {
            house.close();
        }
        AuctionEvent last = records.stream()
                .filter(e -> e.auctionCode().equals(code))
                .reduce((a, b) -> b)
                .orElseThrow();
        records.add(new AuctionEvent.AuctionPaused(code, last.seq() + 5, last.at()));
        return code;
    }

    /** A house on this log with the usual windows; a caller waits at most 2 s to learn what a failed write did. */
    static AuctionHouse house(MemoryEventLog log) {
        return new AuctionHouse(
                log,
                Clock.systemUTC(),
                CatalogueRepository.fromClasspath(),
                List.of(),
                new AuctionHouse.Settings(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(5),
                        Duration.ofSeconds(2)));
    }
}
