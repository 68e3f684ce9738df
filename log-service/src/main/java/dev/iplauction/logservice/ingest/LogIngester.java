package dev.iplauction.logservice.ingest;

import dev.iplauction.logservice.store.CombinedLog;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link Ingestion} on its own thread: reads and writes continuously, commits every
 * {@code commitInterval}, looks for new partitions and old files every few seconds. A Kafka or dead-letter failure
 * is retried from the first record not handled; a failure to write the file stops the ingest (what is committed stays
 * true, and a restart recovers), and health says so.
 */
public final class LogIngester implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogIngester.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(10);

    private final Consumer<byte[], byte[]> consumer;
    private final CombinedLog combinedLog;
    private final Ingestion ingestion;
    private final Duration commitInterval;
    private volatile boolean running;
    private volatile String failure;
    private Thread thread;

    public LogIngester(
            Consumer<byte[], byte[]> consumer, CombinedLog combinedLog, Ingestion ingestion, Duration commitInterval) {
        this.consumer = consumer;
        this.combinedLog = combinedLog;
        this.ingestion = ingestion;
        this.commitInterval = commitInterval;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("log-ingest").daemon(true).start(this::run);
    }

    private void run() {
        long lastCommit = System.nanoTime();
        long lastHousekeeping = 0;
        try {
            while (running) {
                try {
                    if (System.nanoTime() - lastHousekeeping >= HOUSEKEEPING.toNanos()) {
                        int added = ingestion.assignPartitions(Duration.ofSeconds(5));
                        if (added > 0) {
                            log.info("reading {} more partition(s) of agent.logs", added);
                        }
                        combinedLog.deleteOld();
                        lastHousekeeping = System.nanoTime();
                    }
                    ingestion.pollOnce(POLL);
                    // Records held for ordering are written on later, empty polls: those writes are committed too.
                    if (ingestion.progressed() && System.nanoTime() - lastCommit >= commitInterval.toNanos()) {
                        ingestion.commit();
                        lastCommit = System.nanoTime();
                    }
                } catch (WakeupException e) {
                    break;
                } catch (java.io.UncheckedIOException e) {
                    failure = "cannot write combined.log: " + e.getMessage();
                    log.error("the ingest stops: {}", failure, e);
                    return; // nothing more is committed: the file's checkpoint stays true for the restart
                } catch (RuntimeException e) {
                    log.warn(
                            "reading agent.logs failed ({}); trying again from the first record not handled",
                            e.toString());
                    ingestion.rewind();
                    pause();
                }
            }
            ingestion.writeDue();
            ingestion.commit();
        } catch (RuntimeException e) {
            failure = "ingest failed: " + e.getMessage();
            log.error("the ingest stops", e);
        } finally {
            ingestion.close();
            consumer.close(Duration.ofSeconds(5));
            combinedLog.close();
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Why the ingest stopped, or null while it runs. */
    public String failure() {
        return failure;
    }

    public IngestStatus status() {
        return ingestion.status();
    }

    /** Records in Kafka not read yet, or -1 before it is known. */
    public long lag() {
        return ingestion.lag();
    }
}
