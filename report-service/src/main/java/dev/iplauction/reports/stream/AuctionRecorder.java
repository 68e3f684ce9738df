package dev.iplauction.reports.stream;

import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.Recorded;
import dev.iplauction.reports.analysis.ReportBuilder;
import dev.iplauction.reports.render.ReportFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every event of every auction in the events store (keyed by auction code and the event's topic position, so a
 * record processed twice is stored once) and writes the auction's report when its {@code AuctionCompleted} arrives.
 *
 * <p>Agents' telemetry can arrive after the auction completed (their senders queue and retry). Such a late event marks
 * the report stale; once no new event has come for the settle delay, the report is written again from everything
 * stored. The report written at completion is therefore on disk at once, and the final one a settle delay after the
 * last straggler. The status store remembers what each report was made from, so after a restart a stale report is
 * still rewritten and a missing one written.
 */
final class AuctionRecorder implements Processor<String, Recorded, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(AuctionRecorder.class);

    private final ReportFiles files;
    private final Duration settle;
    private final Duration scanInterval;
    private final ReportListener listener;

    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, Recorded> events;
    private KeyValueStore<String, AuctionStatus> statuses;

    AuctionRecorder(ReportFiles files, Duration settle, Duration scanInterval, ReportListener listener) {
        this.files = files;
        this.settle = settle;
        this.scanInterval = scanInterval;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.events = context.getStateStore(ReportTopology.EVENTS_STORE);
        this.statuses = context.getStateStore(ReportTopology.STATUS_STORE);
        List<KeyValue<String, AuctionStatus>> missing = new ArrayList<>();
        try (KeyValueIterator<String, AuctionStatus> all = statuses.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.completed() && !files.exists(kv.key)) {
                    missing.add(KeyValue.pair(kv.key, kv.value.reported(-1)));
                }
            });
        }
        missing.forEach(kv -> statuses.put(kv.key, kv.value));
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, this::rewriteSettled);
    }

    /** The store key of an event: its auction, then its topic position, so an auction's events are one key range. */
    static String key(Recorded r) {
        return prefix(r.auctionCode())
                + r.source().ordinal()
                + '|'
                + String.format("%05d|%019d", r.partition(), r.offset());
    }

    static String prefix(String auctionCode) {
        return auctionCode + '|';
    }

    @Override
    public void process(Record<String, Recorded> record) {
        Recorded recorded = record.value();
        if (recorded == null) {
            return;
        }
        String code = recorded.auctionCode();
        String key = key(recorded);
        if (events.get(key) != null) {
            return; // processed before a crash and again after it: already counted
        }
        events.put(key, recorded);
        long now = context.currentSystemTimeMs();
        AuctionStatus status = statusOf(code).arrived(now);
        if (recorded.event() instanceof AuctionEvent.AuctionCompleted) {
            status = status.completedNow();
            statuses.put(code, status);
            write(code, status, record.timestamp());
        } else {
            statuses.put(code, status);
        }
    }

    private AuctionStatus statusOf(String code) {
        AuctionStatus status = statuses.get(code);
        return status == null ? AuctionStatus.NEW : status;
    }

    /** Rewrites every completed auction's report that late events made stale, once they have settled. */
    private void rewriteSettled(long now) {
        List<KeyValue<String, AuctionStatus>> due = new ArrayList<>();
        try (KeyValueIterator<String, AuctionStatus> all = statuses.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.stale() && now - kv.value.lastArrivalMillis() >= settle.toMillis()) {
                    due.add(kv);
                }
            });
        }
        due.forEach(kv -> write(kv.key, kv.value, -1));
    }

    private void write(String code, AuctionStatus status, long completedTimestamp) {
        List<Recorded> stored = eventsOf(code);
        try {
            AuctionReport report = ReportBuilder.build(code, stored);
            files.write(report);
            long since = completedTimestamp < 0 ? -1 : Math.max(0, System.currentTimeMillis() - completedTimestamp);
            statuses.put(code, status.reported(stored.size()));
            if (since >= 0) {
                log.info("report of {} written: {} events, {} ms after AuctionCompleted", code, stored.size(), since);
            } else {
                log.info("report of {} rewritten with late events: {} events", code, stored.size());
            }
            listener.written(report, stored.size(), since);
        } catch (RuntimeException e) {
            // A full disk or a bad directory must not stop the stream; the report is tried again after a settle delay.
            log.error("could not write the report of {}; will try again in {}", code, settle, e);
            statuses.put(code, status.retryAfter(context.currentSystemTimeMs()).reported(-1));
        }
    }

    private List<Recorded> eventsOf(String code) {
        List<Recorded> stored = new ArrayList<>();
        try (KeyValueIterator<String, Recorded> range = events.prefixScan(prefix(code), new StringSerializer())) {
            range.forEachRemaining(kv -> stored.add(kv.value));
        }
        return stored;
    }
}
