package dev.iplauction.auction.kafka;

import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.house.EventLogUnavailable;
import dev.iplauction.auction.house.EventTooLarge;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.support.kafka.DeadLetter;
import dev.iplauction.support.kafka.ReadToEnd;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * {@code auction.events} on Kafka, written by one transactional producer on one thread (the writer).
 *
 * <p>Each batch of appends is one transaction; readers use read_committed, so a batch is seen whole or not at all.
 * When a transaction fails in any way (a broker paused, killed, a timeout), the producer is thrown away; the next one
 * with the same {@code transactional.id} fences it, and its start-up settles the old transaction for good (committed
 * or aborted), so a record can never land after the house was told it did not. Reads run on the writer thread too,
 * between transactions, and read to the high watermark with read_committed: every settled transaction is in the read.
 *
 * <p>Keys are auction codes (one auction stays in one partition, in order). A record that cannot be read is copied to
 * the dead-letter topic and skipped.
 */
public final class KafkaAuctionEventLog implements AuctionEventLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaAuctionEventLog.class);
    private static final String TOPIC = Topics.AUCTION_EVENTS.topicName();
    private static final String DEAD_LETTERS = Topics.AUCTION_EVENTS.deadLetterTopicName();
    /** Appends taken into one transaction at most. */
    private static final int MAX_BATCH = 256;
    /**
     * How long the writer waits at most for a transaction's appends to come (see gather). bench-bids, 16 auctions on 2
     * cores: a bid spends 1-1.5 ms between its answer and the same auction's next append (HTTP both ways, the caller,
     * the rules), so a shorter wait split the callers into two groups that took turns, 9 appends a transaction where the
     * bare producer carried 16, and the broker spent twice its CPU per record on transactions.
     */
    private static final long GATHER_NANOS = 2_000_000;

    private final Supplier<Producer<String, byte[]>> producers;
    private final KafkaTemplate<byte[], byte[]> deadLetters;
    private final ConsumerFactory<byte[], byte[]> consumers;
    private final int maxRecordBytes;
    private final Duration readTimeout;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    // Writer thread only.
    private Producer<String, byte[]> producer;
    /** The last sequence number in the log of each auction, as far as the writer knows. */
    private final Map<String, Long> lastSeq = new HashMap<>();
    /**
     * The auctions of the last transaction and of the one before: those bidding now, whose next appends are likely on
     * their way (see gather).
     */
    private Set<String> lastCodes = new HashSet<>();

    private Set<String> codesBefore = new HashSet<>();
    /** Auctions whose last append failed: what the log holds is not known until the next read. */
    private final Set<String> uncertain = new HashSet<>();

    private sealed interface Task {}

    private record Append(
            String code,
            long firstSeq,
            long lastSeq,
            List<ProducerRecord<String, byte[]>> records,
            CompletableFuture<Void> done)
            implements Task {}

    private record Read(CompletableFuture<Map<String, List<AuctionEvent>>> done) implements Task {}

    /**
     * @param producers makes a transactional producer (each with the same {@code transactional.id})
     * @param maxRecordBytes the largest record value the producer and topic take; larger events are refused at once
     * @param readTimeout how long a full read may take before it is given up
     */
    public KafkaAuctionEventLog(
            Supplier<Producer<String, byte[]>> producers,
            KafkaTemplate<byte[], byte[]> deadLetters,
            ConsumerFactory<byte[], byte[]> consumers,
            int maxRecordBytes,
            Duration readTimeout) {
        this.producers = producers;
        this.deadLetters = deadLetters;
        this.consumers = consumers;
        this.maxRecordBytes = maxRecordBytes;
        this.readTimeout = readTimeout;
        this.writer = Thread.ofPlatform().name("auction-writer").daemon(true).start(this::run);
    }

    @Override
    public CompletableFuture<Void> append(String auctionCode, List<AuctionEvent> events) {
        try {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
            for (AuctionEvent event : events) {
                byte[] value = EventJson.mapper().writeValueAsBytes(event);
                if (value.length > maxRecordBytes) {
                    return CompletableFuture.failedFuture(new EventTooLarge("the change to auction " + auctionCode
                            + " would be " + value.length + " bytes in the event log, which takes at most "
                            + maxRecordBytes + "; make the request smaller"));
                }
                records.add(new ProducerRecord<>(TOPIC, auctionCode, value));
            }
            if (events.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            var done = new CompletableFuture<Void>();
            enqueue(
                    new Append(
                            auctionCode,
                            events.getFirst().seq(),
                            events.getLast().seq(),
                            records,
                            done),
                    done);
            return done;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Map<String, List<AuctionEvent>> readAll() {
        var done = new CompletableFuture<Map<String, List<AuctionEvent>>>();
        enqueue(new Read(done), done);
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof EventLogUnavailable unavailable) {
                throw unavailable;
            }
            throw new EventLogUnavailable("the event log could not be read: " + e.getCause(), e.getCause());
        }
    }

    private void enqueue(Task task, CompletableFuture<?> done) {
        if (closed) {
            done.completeExceptionally(new EventLogUnavailable("the event log is closed", null));
            return;
        }
        queue.add(task);
    }

    // ---- the writer thread ----

    private void run() {
        List<Append> batch = new ArrayList<>();
        while (!closed) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            try {
                switch (task) {
                    case Read read -> read(read);
                    case Append first -> {
                        batch.clear();
                        batch.add(first);
                        Set<String> codes = new HashSet<>();
                        codes.add(first.code());
                        Read next = gather(batch, codes);
                        write(batch);
                        codesBefore = lastCodes;
                        lastCodes = codes;
                        if (next != null) {
                            read(next);
                        }
                    }
                }
            } catch (RuntimeException | Error e) {
                log.error(
                        "the auction event writer failed on {}", task.getClass().getSimpleName(), e);
            }
        }
        Producer<String, byte[]> last = producer;
        if (last != null) {
            last.close(Duration.ofSeconds(2));
        }
        EventLogUnavailable closing = new EventLogUnavailable("the event log is closed", null);
        for (Task left; (left = queue.poll()) != null; ) {
            switch (left) {
                case Append a -> a.done().completeExceptionally(closing);
                case Read r -> r.done().completeExceptionally(closing);
            }
        }
    }

    /**
     * Group commit: every append already waiting goes into the same transaction, up to a Read (returned, to run next).
     * Until appends of every auction in the last two transactions have come, it waits for them up to
     * {@link #GATHER_NANOS}: under load the callers one commit answered send their next changes a little after the
     * writer could start the next transaction, and without the wait it commits the first few alone. One auction alone
     * never waits, however fast its bids come.
     */
    private Read gather(List<Append> batch, Set<String> codes) {
        int expected = expectedAuctions();
        long until = System.nanoTime() + GATHER_NANOS;
        while (batch.size() < MAX_BATCH) {
            Task next;
            if (codes.size() < expected) {
                try {
                    next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // closing: this batch fails at once, as the rest of the queue
                    return null;
                }
            } else {
                next = queue.poll();
            }
            switch (next) {
                case null -> {
                    return null;
                }
                case Read read -> {
                    return read;
                }
                case Append append -> {
                    batch.add(append);
                    codes.add(append.code());
                }
            }
        }
        return null;
    }

    /** How many auctions the last two transactions had between them. */
    private int expectedAuctions() {
        int expected = lastCodes.size();
        for (String code : codesBefore) {
            if (!lastCodes.contains(code)) {
                expected++;
            }
        }
        return expected;
    }

    private void write(List<Append> batch) {
        List<Append> live = new ArrayList<>(batch.size());
        Map<String, Long> next = new HashMap<>();
        for (Append append : batch) {
            long expected = next.getOrDefault(append.code(), lastSeq.getOrDefault(append.code(), 0L)) + 1;
            if (uncertain.contains(append.code()) || append.firstSeq() != expected) {
                // Built on a change the log does not have (or has twice): it must never land.
                append.done()
                        .completeExceptionally(new EventLogUnavailable(
                                "auction " + append.code() + " is out of step with the event log (change "
                                        + append.firstSeq() + ", the log expects " + expected
                                        + "); it is being reloaded",
                                null));
            } else {
                live.add(append);
                next.put(append.code(), append.lastSeq());
            }
        }
        if (live.isEmpty()) {
            return;
        }
        try {
            Producer<String, byte[]> p = producer();
            p.beginTransaction();
            for (Append append : live) {
                for (ProducerRecord<String, byte[]> record : append.records()) {
                    p.send(record);
                }
            }
            // Flushes, then commits; throws if any send failed. Bounded by max.block.ms / delivery.timeout.ms.
            p.commitTransaction();
        } catch (RuntimeException e) {
            discardProducer(e);
            for (Append append : live) {
                uncertain.add(append.code());
                append.done()
                        .completeExceptionally(new EventLogUnavailable(
                                "the event log did not take the change to auction " + append.code() + ": " + e, e));
            }
            return;
        }
        lastSeq.putAll(next);
        for (Append append : live) {
            append.done().complete(null);
        }
    }

    private void read(Read read) {
        try {
            // A fresh producer's start settles (commits or aborts) a transaction the last one left open. The very first
            // one may wait for the broker to create its transaction log: keep trying for as long as a read may take.
            long deadline = System.nanoTime() + readTimeout.toNanos();
            while (true) {
                try {
                    producer();
                    break;
                } catch (EventLogUnavailable e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    log.info("the event log's writer is not ready yet ({}); trying again", e.getMessage());
                }
            }
            Map<String, List<AuctionEvent>> all = readTopic();
            lastSeq.clear();
            all.forEach((code, events) -> lastSeq.put(
                    code, events.stream().mapToLong(AuctionEvent::seq).max().orElse(0)));
            uncertain.clear();
            read.done().complete(all);
        } catch (RuntimeException e) {
            if (!(e instanceof EventLogUnavailable)) {
                discardProducer(e);
            }
            read.done().completeExceptionally(e);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Producer<String, byte[]> fresh = producers.get();
            try {
                fresh.initTransactions();
            } catch (RuntimeException e) {
                fresh.close(Duration.ZERO);
                throw new EventLogUnavailable("the event log's writer could not start: " + e, e);
            }
            producer = fresh;
        }
        return producer;
    }

    private void discardProducer(RuntimeException cause) {
        log.warn("auction event transaction failed ({}); the writer starts afresh", cause.toString());
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("closing the failed producer", e);
            }
            producer = null;
        }
    }

    private Map<String, List<AuctionEvent>> readTopic() {
        Map<String, List<AuctionEvent>> byAuction = new LinkedHashMap<>();
        Properties uncommitted = new Properties();
        uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (Consumer<byte[], byte[]> consumer = consumers.createConsumer();
                Consumer<byte[], byte[]> watermarks = consumers.createConsumer(null, null, "-hw", uncommitted)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(TOPIC, readTimeout)) {
                partitions.add(new TopicPartition(TOPIC, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // The high watermark, not the last stable offset: wait for the markers of every settled transaction.
            Map<TopicPartition, Long> end = watermarks.endOffsets(partitions, readTimeout);
            long records = ReadToEnd.read(
                    consumer,
                    end,
                    readTimeout,
                    record -> read(record)
                            .ifPresent(e -> byAuction
                                    .computeIfAbsent(e.auctionCode(), k -> new ArrayList<>())
                                    .add(e)));
            log.info("read {} records of {} auctions from {}", records, byAuction.size(), TOPIC);
        } catch (ReadToEnd.NotReadToEnd e) {
            throw new EventLogUnavailable(TOPIC + " was not read to its end: " + e.getMessage(), e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new EventLogUnavailable(TOPIC + " could not be read: " + e, e);
        }
        return byAuction;
    }

    private Optional<AuctionEvent> read(ConsumerRecord<byte[], byte[]> record) {
        try {
            return Optional.of(EventJson.mapper().readValue(record.value(), AuctionEvent.class));
        } catch (RuntimeException e) {
            log.error(
                    "unreadable record at {}-{}@{} sent to {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    DEAD_LETTERS,
                    e.getMessage());
            // Spring Kafka's dead-letter headers, so a reader can tell a record re-sent by a later rebuild.
            sendDeadLetter(DeadLetter.of(DEAD_LETTERS, record, String.valueOf(e.getMessage()), null));
            return Optional.empty();
        }
    }

    @Override
    public void deadLetter(AuctionEvent event, String reason) {
        try {
            var deadLetter = new ProducerRecord<>(
                    DEAD_LETTERS,
                    event.auctionCode().getBytes(StandardCharsets.UTF_8),
                    EventJson.mapper().writeValueAsBytes(event));
            deadLetter.headers().add("kafka_dlt-original-topic", TOPIC.getBytes(StandardCharsets.UTF_8));
            deadLetter.headers().add("kafka_dlt-exception-message", reason.getBytes(StandardCharsets.UTF_8));
            sendDeadLetter(deadLetter);
        } catch (RuntimeException e) {
            log.error("could not dead-letter event {} of auction {}", event.seq(), event.auctionCode(), e);
        }
    }

    private void sendDeadLetter(ProducerRecord<byte[], byte[]> deadLetter) {
        try {
            deadLetters.send(deadLetter).whenComplete((ok, e) -> {
                if (e != null) {
                    log.error("could not write to {}: {}", DEAD_LETTERS, e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.error("could not write to {}: {}", DEAD_LETTERS, e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }
}
