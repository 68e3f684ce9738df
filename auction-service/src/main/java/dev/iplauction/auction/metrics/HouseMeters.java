package dev.iplauction.auction.metrics;

import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.auction.AuctionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The house's meters, read off what it writes to the log once the log has it: every bid outcome is an event there
 * ({@code BidAccepted}, {@code BidRefused} with its reason), and so are a lot's opening and its end.
 *
 * <ul>
 *   <li>{@code auction.bids{outcome=accepted}}, {@code auction.bids{outcome=refused,reason=stale|purse|…}}
 *   <li>{@code auction.lot.duration{outcome=sold|unsold}}: from the lot opening to its hammer
 *   <li>{@code auction.event.log.write{outcome=ok|failed}}: from the append to Kafka's acknowledgement
 * </ul>
 */
public final class HouseMeters {

    private final Counter accepted;
    private final Map<RefusalReason, Counter> refused = new EnumMap<>(RefusalReason.class);
    private final Timer sold;
    private final Timer unsold;
    private final Timer writeOk;
    private final Timer writeFailed;
    /** When the lot on the block opened, per auction: one entry per running auction. */
    private final Map<String, Instant> lotOpenedAt = new ConcurrentHashMap<>();

    public HouseMeters(MeterRegistry registry) {
        // Every series exists from the start, at zero, so a dashboard shows a flat line rather than "no data".
        accepted = bids(registry).tag("outcome", "accepted").register(registry);
        for (RefusalReason reason : RefusalReason.values()) {
            refused.put(
                    reason,
                    bids(registry)
                            .tag("outcome", "refused")
                            .tag("reason", reason.code())
                            .register(registry));
        }
        sold = lotDuration("sold").register(registry);
        unsold = lotDuration("unsold").register(registry);
        writeOk = write("ok").register(registry);
        writeFailed = write("failed").register(registry);
    }

    private static Counter.Builder bids(MeterRegistry registry) {
        return Counter.builder("auction.bids").description("Bids the rules accepted or refused, by reason");
    }

    private static Timer.Builder lotDuration(String outcome) {
        return Timer.builder("auction.lot.duration")
                .description("From a lot's opening to its hammer")
                .tag("outcome", outcome);
    }

    private static Timer.Builder write(String outcome) {
        return Timer.builder("auction.event.log.write")
                .description("From handing events to the log to their acknowledgement by Kafka")
                .tag("outcome", outcome);
    }

    /** Times an append begun at {@code start} ({@link System#nanoTime()}) and, once the log has the events, counts them. */
    public CompletableFuture<Void> appended(List<AuctionEvent> events, CompletableFuture<Void> written, long start) {
        written.whenComplete((ok, failure) -> {
            long took = System.nanoTime() - start;
            if (failure != null) {
                writeFailed.record(Duration.ofNanos(took));
                return;
            }
            writeOk.record(Duration.ofNanos(took));
            events.forEach(this::count);
        });
        return written;
    }

    void count(AuctionEvent event) {
        switch (event) {
            case AuctionEvent.BidAccepted e -> accepted.increment();
            case AuctionEvent.BidRefused e -> refused.get(e.reason()).increment();
            case AuctionEvent.LotOpened e -> lotOpenedAt.put(e.auctionCode(), e.at());
            case AuctionEvent.LotSold e -> lotEnded(e.auctionCode(), e.at(), sold);
            case AuctionEvent.LotUnsold e -> lotEnded(e.auctionCode(), e.at(), unsold);
            case AuctionEvent.AuctionCompleted e -> lotOpenedAt.remove(e.auctionCode());
            default -> {}
        }
    }

    private void lotEnded(String auctionCode, Instant at, Timer timer) {
        Instant opened = lotOpenedAt.remove(auctionCode);
        if (opened != null && !at.isBefore(opened)) {
            timer.record(Duration.between(opened, at));
        }
    }
}
