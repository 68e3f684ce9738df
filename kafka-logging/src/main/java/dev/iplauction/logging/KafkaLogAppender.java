package dev.iplauction.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.logging.LogEvent;
import dev.iplauction.contracts.logging.LogEvent.LogRecorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends every log record to {@code agent.logs} as a {@link LogRecorded}, keyed by its source.
 *
 * <p>The logging thread only converts the event and offers it to a bounded queue; a daemon thread owns the Kafka
 * producer and sends. When Kafka is slow or away the queue fills and further records are dropped and counted, so a
 * Kafka outage never blocks or crashes the service that logs; the count is reported every
 * {@code statusInterval} in a status line (Logback's status manager and stdout) and by {@link #dropped()}. Kafka's own
 * client loggers are never sent, nor anything logged on the sender thread, so the appender cannot feed itself.
 *
 * <p>Under Spring Boot (logback-spring.xml) the producer is built from the same {@code spring.kafka.*} settings as
 * every other client of the service ({@code security.*}, {@code ssl.*}, {@code properties.*}, {@code producer.*});
 * the appender then sets only what a log sender needs on top (acks, short blocking, its client id).
 */
public class KafkaLogAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private static final String KAFKA_LOGGERS = "org.apache.kafka";
    private static final AtomicLong DROPPED_IN_JVM = new AtomicLong();

    private String bootstrapServers;
    private String source = "unknown";
    private String topic = Topics.AGENT_LOGS.topicName();
    private boolean enabled = true;
    private int queueSize = 8_192;
    private String acks = "1";
    private long maxBlockMillis = 500;
    private long statusIntervalMillis = 60_000;
    private long closeTimeoutMillis = 3_000;

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Map<String, Object> springKafka = Map.of();
    private volatile BlockingQueue<LogRecorded> queue;
    private volatile Thread sender;
    private volatile boolean running;

    /** Records dropped by every Kafka log appender in this JVM since it started. */
    public static long droppedInJvm() {
        return DROPPED_IN_JVM.get();
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (source == null || source.isBlank()) {
            addError("KafkaLogAppender needs a source (the service's name); not started");
            return;
        }
        if (queueSize < 1) {
            addError("KafkaLogAppender queueSize must be at least 1, not " + queueSize + "; not started");
            return;
        }
        if (!enabled || bootstrapServers == null || bootstrapServers.isBlank()) {
            addInfo("KafkaLogAppender for " + source + " is off (enabled=" + enabled + ", bootstrapServers="
                    + bootstrapServers + "): records go to the other appenders only");
            super.start();
            return;
        }
        try {
            springKafka = SpringKafkaSettings.producer(getContext());
        } catch (RuntimeException e) {
            addError("KafkaLogAppender could not read the spring.kafka.* settings; not started", e);
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        running = true;
        Thread thread = new Thread(this::sendLoop, "kafka-log-appender-" + source);
        thread.setDaemon(true);
        sender = thread;
        super.start();
        thread.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        BlockingQueue<LogRecorded> q = queue;
        if (q == null || !running || Thread.currentThread() == sender) {
            return;
        }
        String logger = event.getLoggerName();
        if (logger != null && logger.startsWith(KAFKA_LOGGERS)) {
            return;
        }
        LogRecorded record;
        try {
            record = LogRecords.from(event, source);
        } catch (RuntimeException e) {
            addError("KafkaLogAppender could not convert a log event", e);
            return;
        }
        if (!q.offer(record)) {
            dropped.incrementAndGet();
            DROPPED_IN_JVM.incrementAndGet();
        }
    }

    private void sendLoop() {
        Producer<String, byte[]> producer = null;
        long nextStatus = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(statusIntervalMillis);
        long reportedDropped = 0;
        long reportedFailed = 0;
        List<LogRecorded> batch = new ArrayList<>(256);
        try {
            while (running || !queue.isEmpty()) {
                LogRecorded first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, 255);
                    if (producer == null) {
                        producer = createProducer();
                    }
                    if (producer == null) {
                        countDropped(batch.size()); // cannot create a producer (bad bootstrap address)
                    } else {
                        for (LogRecorded record : batch) {
                            send(producer, record);
                        }
                    }
                    batch.clear();
                }
                if (System.nanoTime() - nextStatus >= 0) {
                    nextStatus = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(statusIntervalMillis);
                    if (dropped.get() != reportedDropped || failed.get() != reportedFailed) {
                        reportedDropped = dropped.get();
                        reportedFailed = failed.get();
                        status();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            countDropped(queue.size() + batch.size());
            queue.clear();
        } finally {
            if (producer != null) {
                producer.close(Duration.ofMillis(closeTimeoutMillis));
            }
            if (dropped.get() != reportedDropped || failed.get() != reportedFailed) {
                status();
            }
        }
    }

    private Producer<String, byte[]> createProducer() {
        Map<String, Object> config = new HashMap<>(springKafka);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "log-appender-" + source);
        config.put(ProducerConfig.ACKS_CONFIG, acks);
        // Only the sender thread ever waits, and never for long: records waiting on a lost broker are dropped.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMillis);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
        // acks=1 is not idempotent; a log record sent twice on a retry is better than a producer that refuses.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "all".equals(acks) || "-1".equals(acks));
        // One request in flight: with more, a topic still being created can hold the queue in the idempotent
        // producer's out-of-order-sequence retries until the delivery timeout (KAFKA-14359), dropping lines meanwhile.
        // A few lines a second need order, not parallel requests.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try {
            return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        } catch (RuntimeException e) {
            addError("KafkaLogAppender could not create a Kafka producer for " + bootstrapServers, e);
            return null;
        }
    }

    private void send(Producer<String, byte[]> producer, LogRecorded record) {
        byte[] value;
        try {
            value = EventJson.mapper().writerFor(LogEvent.class).writeValueAsBytes(record);
        } catch (RuntimeException e) {
            addError("KafkaLogAppender could not write a record as JSON", e);
            countDropped(1);
            return;
        }
        try {
            producer.send(new ProducerRecord<>(topic, record.source(), value), (metadata, failure) -> {
                if (failure == null) {
                    sent.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    DROPPED_IN_JVM.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            DROPPED_IN_JVM.incrementAndGet();
        }
    }

    private void countDropped(int count) {
        dropped.addAndGet(count);
        DROPPED_IN_JVM.addAndGet(count);
    }

    private void status() {
        String line = "KafkaLogAppender[" + source + "] to " + topic + ": " + sent.get() + " sent, " + dropped.get()
                + " dropped (queue full or no producer), " + failed.get() + " failed to send";
        addWarn(line);
        System.out.println(line);
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        running = false;
        Thread thread = sender;
        if (thread != null) {
            try {
                // The sender drains what is queued and closes the producer, which flushes; bounded either way.
                thread.join(closeTimeoutMillis * 2);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(closeTimeoutMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sender = null;
        super.stop();
    }

    /** Records dropped because the queue was full or no producer could be made. */
    public long dropped() {
        return dropped.get();
    }

    /** Records Kafka acknowledged. */
    public long sent() {
        return sent.get();
    }

    /** Records handed to the producer that Kafka did not take (broker away past the delivery timeout). */
    public long failed() {
        return failed.get();
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public void setAcks(String acks) {
        this.acks = acks;
    }

    public void setMaxBlockMillis(long maxBlockMillis) {
        this.maxBlockMillis = maxBlockMillis;
    }

    public void setStatusIntervalMillis(long statusIntervalMillis) {
        this.statusIntervalMillis = statusIntervalMillis;
    }

    public void setCloseTimeoutMillis(long closeTimeoutMillis) {
        this.closeTimeoutMillis = closeTimeoutMillis;
    }
}
