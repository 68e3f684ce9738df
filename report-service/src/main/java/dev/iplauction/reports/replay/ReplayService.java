package dev.iplauction.reports.replay;

import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.EventSource;
import dev.iplauction.reports.analysis.Recorded;
import dev.iplauction.reports.analysis.ReportBuilder;
import dev.iplauction.support.kafka.ReadToEnd;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a past auction from its topics: reads all six topics (every partition, from the beginning or from the first
 * record at or after a time) up to their current ends with a plain consumer of its own (no group, nothing committed),
 * keeps the auction's events, and builds its timeline and its report as the live service does.
 *
 * <p>A record that cannot be read is skipped and counted: the live stream has already sent it to its dead-letter topic,
 * and a replay only reads.
 */
public final class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final Map<String, Object> consumerConfig;
    private final Duration timeout;
    private final Semaphore running;
    private final int maxConcurrent;

    /** Two replays at once, the service's default. */
    public ReplayService(Map<String, Object> consumerConfig, Duration timeout) {
        this(consumerConfig, timeout, 2);
    }

    /**
     * @param consumerConfig Boot's consumer settings (spring.kafka.*: bootstrap, security, ssl, properties); the group
     *     is dropped, and it reads committed records only unless the settings say otherwise
     * @param timeout how long a replay may take to read the topics to their ends
     * @param maxConcurrent replays at once: each scans six whole topics, so more are refused rather than queued
     */
    public ReplayService(Map<String, Object> consumerConfig, Duration timeout, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("at least one replay must be allowed at a time, not " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
        this.running = new Semaphore(maxConcurrent);
        this.consumerConfig = readerConfig(consumerConfig);
        this.timeout = timeout;
    }

    /** The replay reader's settings: Boot's, less the group, with what a replay must have on top. */
    static Map<String, Object> readerConfig(Map<String, Object> boot) {
        Map<String, Object> config = new HashMap<>(boot);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        // auction-service writes in transactions: a replay, like the live report, counts only what was committed.
        // Always set, never "if absent": Boot's consumer settings always carry its default, read_uncommitted.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "report-replay");
        return config;
    }

    /** What a replay read and made. */
    public record Replay(
            String auctionCode,
            Instant from,
            long recordsScanned,
            long unreadable,
            List<Recorded> events,
            long readNanos,
            long buildNanos,
            Timeline timeline,
            AuctionReport report) {

        public boolean found() {
            return !events.isEmpty();
        }

        /** The auction's events per second through the whole replay: reading, timeline and report. */
        public double eventsPerSecond() {
            long nanos = readNanos + buildNanos;
            return nanos == 0 ? 0 : events.size() * 1e9 / nanos;
        }

        /** Records read per second from the topics, the auction's and every other's. */
        public double recordsScannedPerSecond() {
            return readNanos == 0 ? 0 : recordsScanned * 1e9 / readNanos;
        }
    }

    /**
     * Replays an auction.
     *
     * @param auctionCode the auction's code, already checked
     * @param from null for the whole history; otherwise each partition is read from its first record at or after it
     */
    public Replay replay(String auctionCode, Instant from) {
        if (!running.tryAcquire()) {
            throw new ReplaysBusy("as many replays are running as this service runs at once; try again shortly");
        }
        try {
            return replayNow(auctionCode, from);
        } finally {
            running.release();
        }
    }

    /** How many replays are running now. */
    public int running() {
        return maxConcurrent - running.availablePermits();
    }

    private Replay replayNow(String auctionCode, Instant from) {
        long start = System.nanoTime();
        List<Recorded> events = new ArrayList<>();
        long[] counts = new long[2]; // scanned, unreadable
        try (Consumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            read(consumer, auctionCode, from, events, counts);
        }
        long read = System.nanoTime() - start;
        long built = System.nanoTime();
        Timeline timeline = TimelineBuilder.build(auctionCode, from, events);
        AuctionReport report = ReportBuilder.build(auctionCode, events);
        long build = System.nanoTime() - built;
        Replay replay = new Replay(auctionCode, from, counts[0], counts[1], events, read, build, timeline, report);
        log.info(
                "replayed {}{}: {} events of {} records read in {} ms, built in {} ms ({} events/s){}",
                auctionCode,
                from == null ? "" : " from " + from,
                events.size(),
                counts[0],
                read / 1_000_000,
                build / 1_000_000,
                Math.round(replay.eventsPerSecond()),
                counts[1] == 0 ? "" : ", " + counts[1] + " unreadable records skipped");
        return replay;
    }

    private void read(
            Consumer<byte[], byte[]> consumer, String code, Instant from, List<Recorded> events, long[] counts) {
        Map<String, EventSource> sources = new HashMap<>();
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(timeout);
        for (EventSource source : EventSource.values()) {
            List<PartitionInfo> infos = topics.get(source.topicName());
            if (infos == null) {
                continue; // a topic nobody has written yet holds nothing of this auction
            }
            sources.put(source.topicName(), source);
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        if (partitions.isEmpty()) {
            return;
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        if (from == null) {
            consumer.seekToBeginning(partitions);
        } else {
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(p -> at.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at, timeout);
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp offset = found.get(p);
                consumer.seek(p, offset == null ? end.get(p) : offset.offset());
            }
        }
        byte[] needle = code.getBytes(StandardCharsets.UTF_8);
        try {
            counts[0] += ReadToEnd.read(consumer, end, timeout, record -> {
                // Cheap first look: a record that does not even contain the code's bytes is another auction's.
                if (record.value() == null || indexOf(record.value(), needle) < 0) {
                    return;
                }
                EventSource source = sources.get(record.topic());
                Object event;
                try {
                    event = source.read(record.value());
                } catch (RuntimeException e) {
                    counts[1]++;
                    return;
                }
                if (code.equals(EventSource.auctionCodeOf(event))) {
                    events.add(new Recorded(source, record.partition(), record.offset(), event));
                }
            });
        } catch (ReadToEnd.NotReadToEnd e) {
            throw new ReplayTimedOut("the topics were not read to their ends: " + e.getMessage());
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The most replays the service runs at once are running; this one is refused, not queued. */
    public static final class ReplaysBusy extends RuntimeException {
        ReplaysBusy(String message) {
            super(message);
        }
    }

    /** The topics could not be read to their ends in time (Kafka unreachable or very slow). */
    public static final class ReplayTimedOut extends RuntimeException {
        ReplayTimedOut(String message) {
            super(message);
        }
    }
}
