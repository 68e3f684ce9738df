package dev.iplauction.logservice.query;

import dev.iplauction.logservice.store.EncodedLine;
import dev.iplauction.logservice.store.LineCodec;
import dev.iplauction.logservice.store.StoredLine;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live tail: every record as it is written to combined.log, to each subscriber whose filter it matches, as a
 * server-sent event {@code log} with the stored line as JSON. Each subscriber has its own bounded queue and sender
 * (a virtual thread), so a slow browser never slows the ingest; what overflows is counted and announced as a
 * {@code dropped} event.
 *
 * <p>Bounded on every side: at most {@code maxSubscribers} tails at once (more are refused), at most {@code queueSize}
 * lines waiting for each, and each stream ends after {@code timeout} (a client that still wants it reconnects).
 */
public final class LiveTail implements SmartLifecycle {

    private final int maxSubscribers;
    private final int queueSize;
    private final Duration timeout;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** As many tails are open as the service allows. */
    static final class TooManyTails extends RuntimeException {
        TooManyTails(int max) {
            super(max + " live tails are open, the most this service serves at once; try again later");
        }
    }

    /** The defaults: 20 tails, 1,000 waiting lines each, 30 minutes a stream. */
    public LiveTail() {
        this(20, 1_000, Duration.ofMinutes(30));
    }

    public LiveTail(int maxSubscribers, int queueSize, Duration timeout) {
        this.maxSubscribers = maxSubscribers;
        this.queueSize = queueSize;
        this.timeout = timeout;
    }

    private final class Subscriber {
        final LogFilter filter;
        final SseEmitter emitter;
        final BlockingQueue<StoredLine> queue = new ArrayBlockingQueue<>(queueSize);
        final AtomicLong dropped = new AtomicLong();
        volatile boolean open = true;

        Subscriber(LogFilter filter, SseEmitter emitter) {
            this.filter = filter;
            this.emitter = emitter;
        }

        void offer(StoredLine line) {
            if (filter.matches(line) && !queue.offer(line)) {
                dropped.incrementAndGet();
            }
        }

        void run() {
            try {
                // At once, so the client sees the stream open (headers flushed) before any line matches.
                emitter.send(SseEmitter.event().comment("tail open"));
                while (open) {
                    StoredLine line = queue.poll(15, TimeUnit.SECONDS);
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        emitter.send(SseEmitter.event().name("dropped").data(lost));
                    }
                    if (line == null) {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                    } else {
                        emitter.send(SseEmitter.event()
                                .name("log")
                                .id(line.partition() + "-" + line.offset())
                                .data(LineCodec.json(line)));
                    }
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        void close() {
            open = false;
            subscribers.remove(this);
        }
    }

    /**
     * Starts sending to the emitter: first the given recent lines, then every new one that matches.
     *
     * @throws TooManyTails if as many tails are open as the service allows
     */
    SseEmitter subscribe(LogFilter filter, List<StoredLine> recent) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(filter, emitter);
        synchronized (subscribers) {
            if (subscribers.size() >= maxSubscribers) {
                throw new TooManyTails(maxSubscribers);
            }
            subscribers.add(subscriber);
        }
        recent.forEach(subscriber.queue::offer);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(() -> {
            subscriber.close();
            emitter.complete();
        });
        emitter.onError(e -> subscriber.close());
        Thread.ofVirtual().name("log-tail").start(subscriber::run);
        return emitter;
    }

    /** Called by the ingest after each write. */
    public void publish(List<EncodedLine> written) {
        if (subscribers.isEmpty()) {
            return;
        }
        for (EncodedLine encoded : written) {
            LineCodec.decode(encoded.bytes()).ifPresent(line -> {
                for (Subscriber subscriber : subscribers) {
                    subscriber.offer(line);
                }
            });
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown (a later phase stops first), which would
     * otherwise wait its whole timeout for streams that never end by themselves.
     */
    @Override
    public void stop() {
        running = false;
        for (Subscriber subscriber : subscribers) {
            subscriber.close();
            subscriber.emitter.complete();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    int subscribers() {
        return subscribers.size();
    }
}
