package dev.iplauction.logservice.query;

import dev.iplauction.logservice.store.EncodedLine;
import dev.iplauction.logservice.store.LineCodec;
import dev.iplauction.logservice.store.StoredLine;
import java.io.IOException;
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
 */
public final class LiveTail implements SmartLifecycle {

    private static final int QUEUE = 10_000;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    private final class Subscriber {
        final LogFilter filter;
        final SseEmitter emitter;
        final BlockingQueue<StoredLine> queue = new ArrayBlockingQueue<>(QUEUE);
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

    /** Starts sending to the emitter: first the given recent lines, then every new one that matches. */
    SseEmitter subscribe(LogFilter filter, List<StoredLine> recent) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(filter, emitter);
        recent.forEach(subscriber.queue::offer);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(e -> subscriber.close());
        subscribers.add(subscriber);
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
