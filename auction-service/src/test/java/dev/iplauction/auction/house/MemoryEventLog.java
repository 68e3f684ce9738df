package dev.iplauction.auction.house;

import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * The event log in memory, for the house's and the pages' tests. Appends land unless a test says otherwise: they can
 * fail, land then fail (a lost answer) or throw at once ({@link #onAppend}), reads can fail ({@link #readable}), or
 * both at once as when the broker is down ({@link #failing(boolean)}).
 */
public final class MemoryEventLog implements AuctionEventLog {

    public final List<AuctionEvent> records = new CopyOnWriteArrayList<>();
    public final List<AuctionEvent> deadLetters = new CopyOnWriteArrayList<>();
    public volatile BiFunction<String, List<AuctionEvent>, CompletableFuture<Void>> onAppend = this::land;
    public volatile boolean readable = true;

    /** What an append does when nothing fails: the events land. */
    public CompletableFuture<Void> land(String code, List<AuctionEvent> events) {
        records.addAll(events);
        return CompletableFuture.completedFuture(null);
    }

    /** The broker down (appends and reads fail), or back up. */
    public void failing(boolean down) {
        readable = !down;
        onAppend = down
                ? (code, events) -> CompletableFuture.failedFuture(new EventLogUnavailable("the broker is down", null))
                : this::land;
    }

    @Override
    public CompletableFuture<Void> append(String auctionCode, List<AuctionEvent> events) {
        return onAppend.apply(auctionCode, events);
    }

    @Override
    public Map<String, List<AuctionEvent>> readAll() {
        if (!readable) {
            throw new EventLogUnavailable("the broker is down", null);
        }
        Map<String, List<AuctionEvent>> all = new LinkedHashMap<>();
        for (AuctionEvent e : records) {
            all.computeIfAbsent(e.auctionCode(), k -> new ArrayList<>()).add(e);
        }
        return all;
    }

    @Override
    public void deadLetter(AuctionEvent event, String reason) {
        deadLetters.add(event);
    }

    /**
     * Creates a quick auction in this log and adds a record after a gap in its sequence numbers: a house rebuilt from
     * this log cannot apply it and loads the auction damaged. Returns its code.
     */
    public String damagedAuction() {
        AuctionHouse house = house();
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
    public AuctionHouse house() {
        return new AuctionHouse(
                this,
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
