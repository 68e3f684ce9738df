package dev.iplauction.bench;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The physical limit beside {@link BidThroughput}: a bare Kafka producer doing the house's writes with nothing else
 * (no HTTP, no rules, no JSON per request, no Spring). N writers, as many as the auctions bidding, each write one
 * {@code BidAccepted}-sized record (a real one, serialised as the house does) and wait until it is durable before the
 * next, keyed by their auction, to a topic of as many partitions as {@code auction.events}. Like the house's event
 * log, one transactional producer (acks=all, idempotent, linger 0) on one thread commits whatever writes wait as one
 * transaction (group commit), waiting up to 2 ms for writes of every key in the last two transactions.
 * {@code --transactional false} measures plain acks=all sends instead. Then, for {@code --paced} seconds, the writers
 * write at half the rate just measured, as the house's bench does ({@link BidThroughput}): each on a fixed schedule,
 * the schedules spread evenly, latency counted from when each write was due.
 *
 * <p>Usage: {@code BareWrites --bootstrap 127.0.0.1:19092 [--writers 16] [--warmup 30] [--seconds 20] [--paced 20]
 * [--partitions 3] [--transactional true] [--cpu-of broker=PID]}
 */
public final class BareWrites {

    /** As the house's writer: at most this many writes in one transaction. */
    private static final int MAX_BATCH = 256;
    /** As the house's writer: how long it waits at most for a transaction's writes to come. */
    private static final long GATHER_NANOS = 2_000_000;

    private record Write(ProducerRecord<String, byte[]> record, CompletableFuture<Void> done) {}

    private record Result(long writes, List<Double> latenciesMillis) {

        static Result of(List<Future<Result>> parts) throws Exception {
            long writes = 0;
            List<Double> latencies = new ArrayList<>();
            for (Future<Result> f : parts) {
                Result r = f.get();
                writes += r.writes();
                latencies.addAll(r.latenciesMillis());
            }
            return new Result(writes, latencies);
        }

        String summary() {
            return new Percentiles(latenciesMillis.stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray())
                    .summary(" ms");
        }
    }

    private BareWrites() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = Args.string(args, "--bootstrap", "127.0.0.1:9092");
        int writers = Args.integer(args, "--writers", 16);
        Duration warmup = Duration.ofSeconds(Args.integer(args, "--warmup", 30));
        Duration measure = Duration.ofSeconds(Args.integer(args, "--seconds", 20));
        Duration paced = Duration.ofSeconds(Args.integer(args, "--paced", 20));
        int partitions = Args.integer(args, "--partitions", 3);
        String mode = Args.string(args, "--transactional", "true");
        if (!List.of("true", "false").contains(mode)) {
            throw new IllegalArgumentException("--transactional needs true or false, got '" + mode + "'");
        }
        boolean transactional = Boolean.parseBoolean(mode);
        String topic = "bench.bare-writes-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }

        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        if (transactional) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic);
        }
        byte[] sample = bidAccepted("BENCH0", 1);
        System.out.printf(
                "bare %s producer: %d writers, %d-byte records, %d partitions, %ds warm-up, %ds measured%n",
                transactional ? "transactional (group commit)" : "acks=all",
                writers,
                sample.length,
                partitions,
                warmup.toSeconds(),
                measure.toSeconds());

        ProcessCpu cpu = ProcessCpu.of("producer", args);
        BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + measure.toNanos();
        Supplier<Producer<String, byte[]>> producers =
                () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        AtomicLong retried = new AtomicLong();
        try (Producer<String, byte[]> producer = transactional ? null : producers.get();
                ExecutorService pool = Executors.newFixedThreadPool(writers + 1)) {
            Future<?> committer = null;
            if (transactional) {
                committer = pool.submit(() -> commitLoop(producers, queue, retried));
            }
            List<Future<Result>> writing =
                    writeWithEvery(writers, pool, producer, transactional, queue, topic, measureFrom, measureTo, 0);
            cpu.startAt(measureFrom);
            Result all = Result.of(writing);
            double seconds = measure.toNanos() / 1e9;
            System.out.printf(
                    "bare writes: %d in %.1fs = %.0f records/s%n", all.writes(), seconds, all.writes() / seconds);
            System.out.println("bare write latency: " + all.summary());
            System.out.println(cpu.per("record", all.writes()));
            if (!paced.isZero() && all.writes() > 0) {
                double rate = all.writes() / seconds / 2;
                long interval = (long) (writers * 1e9 / rate);
                long from = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                Result half = Result.of(writeWithEvery(
                        writers, pool, producer, transactional, queue, topic, from, from + paced.toNanos(), interval));
                System.out.printf(
                        "at half the peak rate (%.0f records/s asked, %.0f written): latency from when each write was"
                                + " due: %s%n",
                        rate, half.writes() / (paced.toNanos() / 1e9), half.summary());
            }
            if (committer != null) {
                committer.cancel(true);
            }
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            if (retried.get() > 0) {
                System.out.println("transactions failed and written again by a fresh producer: " + retried.get());
            }
        }
    }

    /**
     * Every writer writes under its own key from {@code from} to {@code to}: back to back, or with an interval above
     * zero on a fixed schedule, the writers' schedules spread evenly.
     */
    private static List<Future<Result>> writeWithEvery(
            int writers,
            ExecutorService pool,
            Producer<String, byte[]> producer,
            boolean transactional,
            BlockingQueue<Write> queue,
            String topic,
            long from,
            long to,
            long interval) {
        List<Future<Result>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String key = String.format("BNCH%02d", w);
            long offset = w * interval / writers;
            results.add(pool.submit(() ->
                    writeUntil(producer, transactional, queue, topic, key, from + offset, to + offset, interval)));
        }
        return results;
    }

    private static Result writeUntil(
            Producer<String, byte[]> producer,
            boolean transactional,
            BlockingQueue<Write> queue,
            String topic,
            String key,
            long measureFrom,
            long measureTo,
            long intervalNanos)
            throws Exception {
        long writes = 0;
        List<Double> latencies = new ArrayList<>();
        Schedule schedule = new Schedule(measureFrom, intervalNanos);
        for (long seq = 1; ; seq++) {
            long sent = schedule.next();
            if (sent >= measureTo) {
                return new Result(writes, latencies);
            }
            // Serialised per write, as the house serialises each event it appends.
            var record = new ProducerRecord<>(topic, key, bidAccepted(key, seq));
            if (transactional) {
                var done = new CompletableFuture<Void>();
                queue.add(new Write(record, done));
                done.get(30, TimeUnit.SECONDS); // a dead committer fails the run, never hangs it
            } else {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
            if (sent >= measureFrom) {
                writes++;
                latencies.add((System.nanoTime() - sent) / 1e6);
            }
        }
    }

    /**
     * The house's writer, bare: every write already waiting goes into one transaction, committed before answering. A
     * failed transaction is handled as the house does, by a fresh producer with the same id (which settles the old
     * one), and its writes are written again (the house's caller would retry): on this broker a transaction now and
     * then fails with InvalidTxnStateException under load, and that ended the whole run.
     */
    private static void commitLoop(
            Supplier<Producer<String, byte[]>> producers, BlockingQueue<Write> queue, AtomicLong retried) {
        List<Write> batch = new ArrayList<>();
        Set<String> lastKeys = new HashSet<>();
        Set<String> keysBefore = new HashSet<>();
        Producer<String, byte[]> producer = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                // As the house's writer: until writes of every key in the last two transactions have come, wait for
                // them a moment.
                Set<String> keys = new HashSet<>();
                batch.forEach(w -> keys.add(w.record().key()));
                Set<String> expected = new HashSet<>(lastKeys);
                expected.addAll(keysBefore);
                long until = System.nanoTime() + GATHER_NANOS;
                for (Write next; batch.size() < MAX_BATCH && keys.size() < expected.size(); batch.add(next)) {
                    next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    keys.add(next.record().key());
                }
                keysBefore = lastKeys;
                lastKeys = keys;
                for (int attempt = 1; ; attempt++) {
                    try {
                        if (producer == null) {
                            producer = producers.get();
                            producer.initTransactions();
                        }
                        producer.beginTransaction();
                        for (Write w : batch) {
                            producer.send(w.record());
                        }
                        producer.commitTransaction();
                        break;
                    } catch (org.apache.kafka.common.errors.InterruptException stop) {
                        throw stop;
                    } catch (KafkaException failed) {
                        if (producer != null) {
                            producer.close(Duration.ZERO);
                            producer = null;
                        }
                        if (attempt == 3) {
                            throw failed;
                        }
                        retried.incrementAndGet();
                    }
                }
                batch.forEach(w -> w.done().complete(null));
            }
        } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException stop) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            batch.forEach(w -> w.done().completeExceptionally(failed));
            queue.forEach(w -> w.done().completeExceptionally(failed));
            throw failed;
        } finally {
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
            }
        }
    }

    /** An accepted bid as the house writes it to {@code auction.events}. */
    private static byte[] bidAccepted(String code, long seq) {
        Instant now = Instant.now();
        return EventJson.mapper()
                .writeValueAsBytes(new AuctionEvent.BidAccepted(
                        code,
                        seq,
                        now,
                        (int) (seq / 20) + 1,
                        "ipl2025-virat-kohli",
                        seq % 2 == 0 ? Franchise.CSK : Franchise.MI,
                        Lakh.of(200 + (int) (seq % 1000) * 5),
                        now.plusSeconds(5)));
    }
}
