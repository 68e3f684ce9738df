package dev.iplauction.logservice.ingest;

import dev.iplauction.logservice.store.CombinedLog;
import dev.iplauction.logservice.store.EncodedLine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The steps from {@code agent.logs} to combined.log, with no threads of its own: read, skip what the file already
 * holds, dead-letter what cannot be read, hold the rest for ordering, write what is due, and commit positions that
 * cover only what is on disk. {@link LogIngester} runs the steps in a loop; tests run them one by one and can stop
 * anywhere, as a crash would.
 *
 * <p>Per partition, the position committed is the oldest record still held, or else the next one to read: every
 * record below it is in the file or dead-lettered. Records written ahead of it are found again by the recovery.
 *
 * <p>Not a {@code @KafkaListener}: positions come from the file, not a group, and commits must lag behind held records.
 */
public final class Ingestion {

    private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final CombinedLog combinedLog;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Consumer<List<EncodedLine>> onWritten;
    private final ReorderBuffer<Held> buffer;

    /** A record read and waiting in the ordering buffer; {@code written} once it is in the file. */
    private static final class Held {
        final EncodedLine line;
        boolean written;

        Held(EncodedLine line) {
            this.line = line;
        }
    }

    private static final int PARALLEL_BATCH = 1_000;
    private final ExecutorService parser = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("log-parse").daemon(true).factory());

    private final Map<Integer, Long> next = new TreeMap<>();
    /** Per partition, the held records in offset order: the first not yet written bounds the position. */
    private final Map<Integer, ArrayDeque<Held>> held = new HashMap<>();

    private final Map<Integer, Set<Long>> alreadyWritten = new HashMap<>();
    private final Set<Integer> assigned = new HashSet<>();

    private long written;
    private long deadLettered;
    private long skipped;
    private long firstReadNanos;
    private long lastWrittenNanos;
    private long lastWrittenAtMillis;
    private boolean progressed;
    /** Records in Kafka not read yet, over the assigned partitions, as of the last poll; -1 before it is known. */
    private volatile long lag = -1;

    private volatile IngestStatus snapshot = new IngestStatus(0, 0, 0, 0, Map.of(), 0, 0);

    public Ingestion(
            org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer,
            String topic,
            CombinedLog combinedLog,
            DeadLetters deadLetters,
            Clock clock,
            Duration window,
            int maxHeld,
            Consumer<List<EncodedLine>> onWritten) {
        this.consumer = consumer;
        this.topic = topic;
        this.combinedLog = combinedLog;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.onWritten = onWritten;
        this.buffer = new ReorderBuffer<>(window, maxHeld, h -> h.line.atEpochNanos());
        combinedLog.recovered().alreadyWritten().forEach((p, offsets) -> alreadyWritten.put(p, new HashSet<>(offsets)));
    }

    /**
     * Takes every partition of the topic that is not yet taken, reading each from the position the file recovered
     * (or from the beginning). Returns the number of new partitions.
     */
    public int assignPartitions(Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            return 0;
        }
        List<Integer> fresh = infos.stream()
                .map(PartitionInfo::partition)
                .filter(p -> !assigned.contains(p))
                .toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        assigned.addAll(fresh);
        consumer.assign(assigned.stream().map(p -> new TopicPartition(topic, p)).toList());
        Map<Integer, Long> recovered = combinedLog.recovered().positions();
        for (int p : fresh) {
            TopicPartition tp = new TopicPartition(topic, p);
            Long position = recovered.get(p);
            if (position == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, position); // below the log start (retention), the reset policy takes the earliest
            }
            next.put(p, consumer.position(tp, timeout));
        }
        return fresh.size();
    }

    /** Reads once and handles what came; writes what is due. Returns the number of records read. */
    public int pollOnce(Duration timeout) {
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(timeout);
        lag = currentLag();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        RawRecords.Read[] reads = parse(records);
        long now = nowNanos();
        for (int i = 0; i < records.size(); i++) {
            handle(records.get(i), reads[i], now);
        }
        writeDue();
        publishStatus();
        return records.size();
    }

    /**
     * Checks and encodes the records; a large batch is shared with a second thread (parsing is most of the
     * ingest's work, and the order of handling stays the order read).
     */
    private RawRecords.Read[] parse(List<ConsumerRecord<byte[], byte[]>> records) {
        RawRecords.Read[] reads = new RawRecords.Read[records.size()];
        int split = records.size() >= PARALLEL_BATCH ? records.size() / 2 : records.size();
        Future<?> second =
                split < records.size() ? parser.submit(() -> parse(records, reads, split, records.size())) : null;
        parse(records, reads, 0, split);
        if (second != null) {
            try {
                second.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading records", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not read records", e.getCause());
            }
        }
        return reads;
    }

    private static void parse(List<ConsumerRecord<byte[], byte[]>> records, RawRecords.Read[] reads, int from, int to) {
        for (int i = from; i < to; i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            reads[i] = RawRecords.read(record.value(), record.partition(), record.offset());
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record, RawRecords.Read read, long now) {
        if (firstReadNanos == 0) {
            firstReadNanos = System.nanoTime();
        }
        int p = record.partition();
        long offset = record.offset();
        Set<Long> written = alreadyWritten.get(p);
        if (written != null && written.remove(offset)) {
            skipped++;
        } else if (read.problem() != null) {
            deadLetters.send(record, read.problem());
            deadLettered++;
        } else {
            Held entry = new Held(read.line());
            buffer.add(entry, now);
            held.computeIfAbsent(p, k -> new ArrayDeque<>()).addLast(entry);
        }
        next.put(p, offset + 1);
        progressed = true;
    }

    /** Stops the second parsing thread. */
    public void close() {
        parser.shutdownNow();
    }

    private long nowNanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Writes the records whose time has come. */
    public int writeDue() {
        List<Held> due = buffer.release(nowNanos());
        if (due.isEmpty()) {
            return 0;
        }
        List<EncodedLine> lines = new ArrayList<>(due.size());
        for (Held entry : due) {
            lines.add(entry.line);
        }
        combinedLog.write(lines);
        for (Held entry : due) {
            entry.written = true;
        }
        written += due.size();
        progressed = true;
        lastWrittenNanos = System.nanoTime();
        lastWrittenAtMillis = clock.millis();
        onWritten.accept(lines);
        return due.size();
    }

    /** Makes the file durable and records positions that cover only what it holds. */
    public void commit() {
        combinedLog.commit(positions());
        progressed = false;
        publishStatus();
    }

    /** Whether anything was read or written since the last commit. */
    public boolean progressed() {
        return progressed;
    }

    /** Per partition, the position below which every record is in the file or dead-lettered. */
    public Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new TreeMap<>();
        next.forEach((p, n) -> {
            ArrayDeque<Held> h = held.get(p);
            while (h != null && !h.isEmpty() && h.peekFirst().written) {
                h.pollFirst();
            }
            positions.put(p, h == null || h.isEmpty() ? n : h.peekFirst().line.offset());
        });
        return positions;
    }

    /** After a failure half-way through a batch: read again from the first record not handled. */
    public void rewind() {
        next.forEach((p, n) -> consumer.seek(new TopicPartition(topic, p), n));
    }

    /** Records in Kafka the ingest has not read yet (the consumer's lag), or -1 before it is known; any thread. */
    public long lag() {
        return lag;
    }

    /** From the consumer's last fetch, no request to the broker; a partition it knows nothing of yet is left out. */
    private long currentLag() {
        long total = -1;
        try {
            for (TopicPartition tp : consumer.assignment()) {
                var partitionLag = consumer.currentLag(tp);
                if (partitionLag.isPresent()) {
                    total = Math.max(total, 0) + partitionLag.getAsLong();
                }
            }
        } catch (RuntimeException e) {
            return lag; // a metric: never worth stopping the ingest for
        }
        return total;
    }

    /** The last status the ingest thread published; safe to read from any thread. */
    public IngestStatus status() {
        return snapshot;
    }

    private void publishStatus() {
        long busy = firstReadNanos == 0 || lastWrittenNanos == 0 ? 0 : (lastWrittenNanos - firstReadNanos) / 1_000_000;
        snapshot =
                new IngestStatus(written, deadLettered, skipped, buffer.size(), positions(), busy, lastWrittenAtMillis);
    }
}
