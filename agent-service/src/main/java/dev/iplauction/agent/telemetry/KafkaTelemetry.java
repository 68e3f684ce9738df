package dev.iplauction.agent.telemetry;

import dev.iplauction.agent.telemetry.TelemetryStats.TopicStats;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * {@link Telemetry} on Kafka: each event goes to its topic from {@link Topics}, keyed by its franchise code, its value
 * JSON in the one {@link EventJson} mapping (logical type names, no type headers).
 *
 * <p>A caller only puts the event in a bounded queue in memory and returns. One sender thread hands the queue, in
 * order per topic, to a Kafka producer that is set up to wait out a broker outage: idempotent, {@code acks=all}, a long
 * {@code delivery.timeout.ms} (it keeps retrying what it has taken), a short {@code max.block.ms} (it never holds the
 * sender thread for long) and one request in flight. A record the producer turns away before taking it (no topic
 * metadata yet, its buffer full) goes back to the head of its queue and is tried again, so it is neither lost nor sent
 * out of order.
 *
 * <p>When the queue is full, the oldest queued heartbeat makes room (a stale heartbeat is worth least); with no
 * heartbeat queued, the new event is dropped. Every dropped event (queue full, given up by the producer, published
 * after close) is counted per topic in {@link #stats()} and logged as a count, at most once per {@link
 * TelemetrySettings#dropLogInterval()}.
 *
 * <p>{@link #close()} sends what is queued within {@link TelemetrySettings#closeTimeout()}, then closes the producer.
 */
public final class KafkaTelemetry implements Telemetry, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaTelemetry.class);

    /** The topics telemetry writes to, in the order the sender visits their queues. */
    static final List<Topics> TOPICS =
            List.of(Topics.AGENT_HEARTBEATS, Topics.AGENT_DECISIONS, Topics.AGENT_BIDS, Topics.AGENT_LLM_CALLS);

    /** How long a topic's queue rests after the producer turned its head record away, before the next try. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    /** Kafka's own default {@code linger.ms} and {@code request.timeout.ms}, for checking the delivery timeout. */
    private static final long DEFAULT_LINGER_MS = 5;

    private static final long DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

    private final Producer<String, Object> producer;
    private final TelemetrySettings settings;
    private final Map<Topics, Lane> lanes = new EnumMap<>(Topics.class);
    private final Lane[] order;
    private final Thread sender;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Events queued plus the one the sender holds. Guarded by {@link #lock}. */
    private int reserved;
    /** Guarded by {@link #lock}. */
    private boolean closing;
    /** When closing must be done, in {@link System#nanoTime()}. Guarded by {@link #lock}. */
    private long closeDeadline;
    /** Where the sender looks first for its next record. Sender thread only. */
    private int nextLane;

    private final DropLog dropLog;

    /**
     * Creates the producer from {@code producerProperties} (bootstrap servers, security, client id …) with the
     * settings of {@link #producerConfig} on top, and starts the sender thread.
     */
    public KafkaTelemetry(Map<String, Object> producerProperties, TelemetrySettings settings) {
        this(
                new KafkaProducer<>(
                        producerConfig(producerProperties, settings),
                        new StringSerializer(),
                        new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo()),
                settings);
    }

    /** Sends through the given producer, which this telemetry closes when it closes. */
    KafkaTelemetry(Producer<String, Object> producer, TelemetrySettings settings) {
        this.producer = producer;
        this.settings = settings;
        for (Topics topic : TOPICS) {
            lanes.put(topic, new Lane(topic));
        }
        this.order = lanes.values().toArray(Lane[]::new);
        this.dropLog = new DropLog(settings.dropLogInterval());
        this.sender = Thread.ofPlatform().name("telemetry-sender").daemon().unstarted(this::run);
        sender.start();
    }

    /**
     * The producer settings telemetry needs, on top of {@code base}: durable and in order ({@code acks=all},
     * idempotence), patient with Kafka ({@code delivery.timeout.ms} from the settings, retries left at their unbounded
     * default) and never holding the sender thread long ({@code max.block.ms}), with a buffer sized from the settings.
     * Never transactional: a telemetry record stands alone.
     */
    public static Map<String, Object> producerConfig(Map<String, Object> base, TelemetrySettings settings) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One request in flight: with more, a batch that failed retriably while the next one landed on a broker that
        // had lost the producer's state retries forever on OutOfOrderSequence (KAFKA-14359), and telemetry stalls
        // after a broker restart. A few records a second need no pipelining.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, settings.bufferMemory().toBytes());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "agent-telemetry");
        long delivery = settings.deliveryTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(delivery));
        // Kafka refuses a delivery timeout shorter than linger.ms + request.timeout.ms: shorten the request timeout.
        long linger = millis(config.get(ProducerConfig.LINGER_MS_CONFIG), DEFAULT_LINGER_MS);
        long request = millis(config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG), DEFAULT_REQUEST_TIMEOUT_MS);
        if (linger + request > delivery) {
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(Math.max(1, delivery - linger)));
        }
        return config;
    }

    private static long millis(Object value, long otherwise) {
        return value == null ? otherwise : Long.parseLong(String.valueOf(value).strip());
    }

    @Override
    public void heartbeat(Heartbeat heartbeat) {
        offer(Topics.AGENT_HEARTBEATS, heartbeat == null ? null : heartbeat.franchise(), heartbeat);
    }

    @Override
    public void decision(DecisionMade decision) {
        offer(Topics.AGENT_DECISIONS, decision == null ? null : decision.franchise(), decision);
    }

    @Override
    public void bid(BidPlaced bid) {
        offer(Topics.AGENT_BIDS, bid == null ? null : bid.franchise(), bid);
    }

    @Override
    public void llmCall(LlmCallCompleted call) {
        offer(Topics.AGENT_LLM_CALLS, call == null ? null : call.franchise(), call);
    }

    @Override
    public TelemetryStats stats() {
        Map<Topics, TopicStats> stats = new EnumMap<>(Topics.class);
        lock.lock();
        try {
            for (Lane lane : order) {
                stats.put(
                        lane.topic,
                        new TopicStats(lane.sent.get(), lane.queue.size(), lane.inFlight.get(), lane.dropped()));
            }
        } finally {
            lock.unlock();
        }
        return new TelemetryStats(stats);
    }

    /**
     * Stops taking events, sends what is queued within the close timeout, closes the producer (which waits for what it
     * has taken until the same deadline) and counts whatever is left as dropped. Calling it again waits for the first
     * close to finish.
     */
    @Override
    public void close() {
        Duration timeout = settings.closeTimeout();
        lock.lock();
        try {
            if (!closing) {
                closing = true;
                closeDeadline = System.nanoTime() + timeout.toNanos();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            // The sender may be in a send that waits up to max.block.ms; past that, interrupt it.
            sender.join(timeout.plus(settings.maxBlock()).plusSeconds(1));
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(Duration.ofSeconds(5));
            }
            if (sender.isAlive()) {
                log.warn("The telemetry sender thread did not stop within {} of closing", timeout.plusSeconds(6));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues an event, making room by dropping the oldest queued heartbeat if need be. Never blocks, never throws. */
    private void offer(Topics topic, Franchise franchise, Object event) {
        Lane lane = lanes.get(topic);
        try {
            if (event == null || franchise == null) {
                // Every record needs a key. An event without a franchise is a bug upstream, but no reason to fail the
                // caller.
                lane.refused.incrementAndGet();
                dropLog.invalid(topic, event);
                return;
            }
            Outgoing outgoing = new Outgoing(franchise.code(), event);
            lock.lock();
            try {
                if (closing) {
                    lane.refused.incrementAndGet();
                    return;
                }
                if (reserved >= settings.capacity() && !dropOldestHeartbeat()) {
                    lane.overflowed.incrementAndGet();
                    return;
                }
                lane.queue.addLast(outgoing);
                reserved++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            lane.refused.incrementAndGet();
            dropLog.invalid(topic, e);
        }
    }

    /** Caller holds {@link #lock}. */
    private boolean dropOldestHeartbeat() {
        Lane heartbeats = lanes.get(Topics.AGENT_HEARTBEATS);
        if (heartbeats.queue.pollFirst() == null) {
            return false;
        }
        reserved--;
        heartbeats.overflowed.incrementAndGet();
        return true;
    }

    private void run() {
        try {
            while (true) {
                try {
                    Taken next = takeNext();
                    if (next == null) {
                        return;
                    }
                    send(next.lane(), next.outgoing());
                } catch (RuntimeException e) {
                    log.error("Telemetry sender hit an unexpected error and carries on", e);
                }
            }
        } finally {
            finish();
        }
    }

    private record Taken(Lane lane, Outgoing outgoing) {}

    /**
     * The next record to send, taken from the queues in turn (skipping any that rest after a refusal), waiting for one
     * if none is ready; null once closing is done (all sent or the deadline passed) or the thread is interrupted.
     */
    private Taken takeNext() {
        while (true) {
            dropLog.reportIfDue(this::queuedSize);
            lock.lock();
            try {
                long now = System.nanoTime();
                if (Thread.currentThread().isInterrupted()
                        || (closing && (reserved == 0 || now - closeDeadline >= 0))) {
                    return null;
                }
                long wait = dropLog.nanosToNextReport(now);
                if (closing) {
                    wait = Math.min(wait, closeDeadline - now);
                }
                for (int i = 0; i < order.length; i++) {
                    Lane lane = order[(nextLane + i) % order.length];
                    if (lane.queue.isEmpty()) {
                        continue;
                    }
                    long rest = lane.restingUntil - now;
                    if (rest > 0) {
                        wait = Math.min(wait, rest);
                        continue;
                    }
                    nextLane = (nextLane + i + 1) % order.length;
                    lane.inFlight.incrementAndGet();
                    return new Taken(lane, lane.queue.pollFirst());
                }
                changed.awaitNanos(Math.max(wait, TimeUnit.MILLISECONDS.toNanos(1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                lock.unlock();
            }
        }
    }

    private void send(Lane lane, Outgoing outgoing) {
        Attempt attempt = new Attempt(lane);
        RuntimeException thrown = null;
        attempt.sending = true;
        try {
            producer.send(new ProducerRecord<>(lane.topic.topicName(), outgoing.key(), outgoing.event()), attempt);
        } catch (RuntimeException e) {
            thrown = e;
        } finally {
            attempt.sending = false;
        }
        Exception refusal = thrown != null ? thrown : attempt.refusal;
        if (refusal == null) {
            release(); // the producer has the record now; its callback counts how it ends
        } else if (refusal instanceof RetriableException || refusal instanceof InterruptException) {
            // Turned away before the producer took it (no metadata yet, buffer full): try again, first in line.
            putBack(lane, outgoing);
            dropLog.refusedForNow(refusal);
        } else {
            release();
            lane.inFlight.decrementAndGet();
            lane.failed.incrementAndGet();
            dropLog.failed(refusal);
        }
    }

    private void release() {
        lock.lock();
        try {
            reserved--;
        } finally {
            lock.unlock();
        }
    }

    private void putBack(Lane lane, Outgoing outgoing) {
        lock.lock();
        try {
            lane.queue.addFirst(outgoing);
            lane.inFlight.decrementAndGet();
            lane.restingUntil = System.nanoTime() + RETRY_PAUSE.toNanos();
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is still queued, closes the producer within what is left of the close deadline, reports. */
    private void finish() {
        long remaining;
        lock.lock();
        try {
            for (Lane lane : order) {
                lane.refused.addAndGet(lane.queue.size());
                reserved -= lane.queue.size();
                lane.queue.clear();
            }
            if (!closing) {
                closing = true; // the sender died: refuse (and count) events from now on
                closeDeadline = System.nanoTime();
            }
            remaining = Math.max(0, closeDeadline - System.nanoTime());
        } finally {
            lock.unlock();
        }
        boolean interrupted = Thread.interrupted();
        try {
            producer.close(Duration.ofNanos(remaining));
        } catch (RuntimeException e) {
            log.warn("Closing the telemetry producer failed: {}", e.toString());
        } finally {
            dropLog.reportIfDue(this::queuedSize, true);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int queuedSize() {
        lock.lock();
        try {
            return reserved;
        } finally {
            lock.unlock();
        }
    }

    private record Outgoing(String key, Object event) {}

    /** One topic's queue and counts. */
    private static final class Lane {

        final Topics topic;
        /** Guarded by the telemetry's lock. */
        final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
        /** Until when the sender leaves this queue alone after a refusal, in nanoTime. Guarded by the lock. */
        long restingUntil = System.nanoTime();

        final AtomicLong inFlight = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        /** Dropped for a full queue. */
        final AtomicLong overflowed = new AtomicLong();
        /** Given up by the producer, or refused by it for good. */
        final AtomicLong failed = new AtomicLong();
        /** Published after close, without a franchise, or still queued when closing ran out of time. */
        final AtomicLong refused = new AtomicLong();

        Lane(Topics topic) {
            this.topic = topic;
        }

        long dropped() {
            return overflowed.get() + failed.get() + refused.get();
        }
    }

    /** One send; its callback tells a refusal inside {@code send()} from the record's later outcome. */
    private final class Attempt implements Callback {

        private final Lane lane;
        /** Sender thread only. */
        boolean sending;
        /** Sender thread only. */
        Exception refusal;

        Attempt(Lane lane) {
            this.lane = lane;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null && sending && Thread.currentThread() == sender) {
                // KafkaProducer reports a record it would not take (no metadata, no buffer space) through the callback,
                // on the calling thread, before send() returns. Records it took complete on its own I/O thread.
                refusal = exception;
                return;
            }
            if (exception == null) {
                lane.sent.incrementAndGet();
            } else {
                lane.failed.incrementAndGet();
                dropLog.failed(exception);
            }
            lane.inFlight.decrementAndGet();
        }
    }

    /** Counts drops and refusals and logs them as counts, at most once per interval. */
    private final class DropLog {

        private final long intervalNanos;
        private final Duration interval;
        private final Map<Topics, long[]> reported = new EnumMap<>(Topics.class);
        private final AtomicLong refusedForNow = new AtomicLong();
        private volatile String lastFailure;
        private volatile String lastRefusal;
        private volatile String lastInvalid;
        /** Sender thread only. */
        private long lastReport = System.nanoTime();

        DropLog(Duration interval) {
            this.interval = interval;
            this.intervalNanos = interval.toNanos();
        }

        void failed(Exception e) {
            lastFailure = e.toString();
        }

        void refusedForNow(Exception e) {
            refusedForNow.incrementAndGet();
            lastRefusal = e.toString();
        }

        void invalid(Topics topic, Object what) {
            lastInvalid = topic.topicName() + ": " + what;
        }

        long nanosToNextReport(long now) {
            return Math.max(0, lastReport + intervalNanos - now);
        }

        void reportIfDue(java.util.function.IntSupplier queued) {
            reportIfDue(queued, false);
        }

        /** Sender thread only. */
        void reportIfDue(java.util.function.IntSupplier queued, boolean now) {
            long time = System.nanoTime();
            if (!now && time - lastReport < intervalNanos) {
                return;
            }
            lastReport = time;
            List<String> parts = new ArrayList<>();
            long total = 0;
            for (Lane lane : order) {
                long[] before = reported.computeIfAbsent(lane.topic, t -> new long[3]);
                long overflowed = lane.overflowed.get() - before[0];
                long failed = lane.failed.get() - before[1];
                long refused = lane.refused.get() - before[2];
                before[0] += overflowed;
                before[1] += failed;
                before[2] += refused;
                if (overflowed + failed + refused > 0) {
                    parts.add(lane.topic.topicName() + " " + (overflowed + failed + refused) + " (queue full "
                            + overflowed + ", producer gave up " + failed + ", not sent " + refused + ")");
                    total += overflowed + failed + refused;
                }
            }
            if (total > 0) {
                String failure = lastFailure;
                String invalid = lastInvalid;
                lastFailure = null;
                lastInvalid = null;
                log.warn(
                        "Telemetry dropped {} events since the last report: {}{}{}",
                        total,
                        String.join(", ", parts),
                        failure == null ? "" : "; last producer failure: " + failure,
                        invalid == null ? "" : "; last invalid event: " + invalid);
            }
            long refusals = refusedForNow.getAndSet(0);
            if (refusals > 0) {
                log.warn(
                        "Kafka turned telemetry records away {} times in the last {} ({}); {} events wait in memory",
                        refusals,
                        interval,
                        lastRefusal,
                        queued.getAsInt());
            }
        }
    }
}
