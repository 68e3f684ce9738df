package dev.iplauction.auction.web;

import dev.iplauction.auction.house.AuctionObserver;
import dev.iplauction.auction.system.AuctionProperties;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.EventJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events to every open page of an auction: the whole {@link AuctionView} after each change (event name
 * {@code auction}), so a page never has to piece state together, plus a comment every 15 s to keep idle connections
 * open through proxies.
 *
 * <p>Each page has its own bounded queue and its own sender (a virtual thread), so a page that stops reading never
 * holds up the others: the house's broadcaster only puts views into queues. A page whose queue overflows is dropped:
 * its stream is closed, and its script reconnects and starts again from the whole current view (it keeps the view
 * with the highest {@code seq}). An auction takes at most {@code maxPerAuction} pages at once; more are refused.
 *
 * <p>A lifecycle bean in the last phase, so on shutdown its streams are closed before the web server's graceful
 * shutdown starts waiting for open requests (an open stream would otherwise hold it for its whole timeout).
 */
@Component
public class LiveUpdates implements AuctionObserver, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /** One message for a page: an SSE event's name and its JSON. */
    private record Message(String event, String json) {}

    private static final Message PING = new Message("ping", "");
    private static final Message CLOSE = new Message("close", "");
    private static final String AUCTION = "auction";

    private final int queueSize;
    private final int maxPerAuction;
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private volatile boolean stopped;
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sse-keep-alive").daemon(true).factory());

    /** An auction has as many live pages as it takes. */
    public static final class TooManyStreams extends RuntimeException {
        TooManyStreams(String code, int max) {
            super("auction " + code + " already has " + max + " live pages, its limit; try again later");
        }
    }

    /** One page: its stream, its queue of views to send (JSON, or a keep-alive marker) and its sender. */
    private final class Subscriber {
        final String code;
        final SseEmitter emitter;
        final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(queueSize + 1); // + 1 for CLOSE
        volatile boolean open = true;

        Subscriber(String code, SseEmitter emitter) {
            this.code = code;
            this.emitter = emitter;
        }

        void offer(Message message) {
            if (open && !queue.offer(message)) {
                drop();
            }
        }

        /** Too slow: no more views for it; the sender closes the stream once it is past what it is writing. */
        void drop() {
            if (close()) {
                dropped.incrementAndGet();
                log.debug("dropped a page of auction {} that stopped reading", code);
            }
        }

        /** Stops queueing and wakes the sender; true if it was open. */
        boolean close() {
            if (!open) {
                return false;
            }
            open = false;
            subscribers.getOrDefault(code, List.of()).remove(this);
            queue.clear();
            queue.offer(CLOSE);
            return true;
        }

        void run() {
            try {
                while (true) {
                    Message message = queue.take();
                    if (message == CLOSE || !open) {
                        break;
                    }
                    if (message == PING) {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                    } else {
                        emitter.send(SseEmitter.event()
                                .name(message.event())
                                .data(message.json(), MediaType.APPLICATION_JSON));
                    }
                }
                emitter.complete();
            } catch (IOException | IllegalStateException e) {
                // The page went away.
                emitter.completeWithError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.complete();
            } finally {
                close();
            }
        }
    }

    LiveUpdates() {
        this(32, 200);
    }

    /**
     * @param queueSize views waiting for one page before it counts as too slow and is dropped
     * @param maxPerAuction live pages one auction takes at once
     */
    @Autowired
    LiveUpdates(AuctionProperties properties) {
        this(properties.limits().streamQueue(), properties.limits().streamsPerAuction());
    }

    LiveUpdates(int queueSize, int maxPerAuction) {
        if (queueSize < 1 || maxPerAuction < 1) {
            throw new IllegalArgumentException(
                    "auction.limits.stream-queue and auction.limits.streams-per-auction must be at least 1");
        }
        this.queueSize = queueSize;
        this.maxPerAuction = maxPerAuction;
        keepAlive.scheduleAtFixedRate(this::ping, KEEP_ALIVE.toSeconds(), KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS);
    }

    /** A new stream for one page, starting with the auction as it is now. */
    public SseEmitter subscribe(AuctionView current) {
        return subscribe(current.code(), () -> current);
    }

    /**
     * A new stream for one page. The stream is registered before the current view is read, so no change can fall
     * between the first view and the first update; a page may get a view twice or an older one after a newer one, and
     * keeps the one with the highest {@code seq}.
     *
     * @throws TooManyStreams if the auction already has as many pages as it takes
     */
    public SseEmitter subscribe(String code, Supplier<AuctionView> current) {
        return subscribe(code, current, Map::of);
    }

    /**
     * As {@link #subscribe(String, Supplier)}, and after the first view the other events a page starts from (event
     * name to JSON), such as the {@code table}.
     */
    public SseEmitter subscribe(String code, Supplier<AuctionView> current, Supplier<Map<String, String>> start) {
        SseEmitter emitter = new SseEmitter(Duration.ofHours(6).toMillis());
        if (stopped) {
            // Shutting down: one view, then the page reconnects to whichever auction house answers next.
            try {
                emitter.send(SseEmitter.event().name("auction").data(json(current.get()), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                // gone already
            }
            emitter.complete();
            return emitter;
        }
        List<Subscriber> list = subscribers.computeIfAbsent(code, k -> new CopyOnWriteArrayList<>());
        Subscriber subscriber = new Subscriber(code, emitter);
        synchronized (list) {
            if (list.size() >= maxPerAuction) {
                throw new TooManyStreams(code, maxPerAuction);
            }
            list.add(subscriber);
        }
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(e -> subscriber.close());
        subscriber.offer(new Message(AUCTION, json(current.get())));
        start.get().forEach((event, json) -> subscriber.offer(new Message(event, json)));
        Thread.ofVirtual().name("sse-" + code).start(subscriber::run);
        return emitter;
    }

    @Override
    public void changed(AuctionView view) {
        List<Subscriber> list = subscribers.get(view.code());
        if (list == null || list.isEmpty()) {
            return;
        }
        Message message = new Message(AUCTION, json(view));
        for (Subscriber subscriber : list) {
            subscriber.offer(message);
        }
    }

    /**
     * Sends another kind of event (its name and JSON) to every page of an auction, through the same queues as views:
     * {@code table}, what the room shows of the AI franchises (see {@code TableStream}).
     */
    public void publish(String code, String event, String json) {
        if (AUCTION.equals(event) || PING.event().equals(event) || CLOSE.event().equals(event)) {
            throw new IllegalArgumentException("'" + event + "' is one of the stream's own event names");
        }
        List<Subscriber> list = subscribers.get(code);
        if (list == null || list.isEmpty()) {
            return;
        }
        Message message = new Message(event, json);
        for (Subscriber subscriber : list) {
            subscriber.offer(message);
        }
    }

    /** How many pages follow any auction now (the {@code auction.sse.clients} gauge). */
    public int subscribers() {
        return subscribers.values().stream().mapToInt(List::size).sum();
    }

    /** How many pages follow the auction now. */
    public int subscribers(String code) {
        return subscribers.getOrDefault(code, List.of()).size();
    }

    /** How many pages have been dropped for not reading fast enough, since the start. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public boolean watching(String code) {
        return subscribers(code) > 0;
    }

    private void ping() {
        subscribers.values().forEach(list -> list.forEach(s -> s.offer(PING)));
    }

    private static String json(AuctionView view) {
        return EventJson.mapper().writeValueAsString(view);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; pages reconnect to whichever auction house answers next. */
    @Override
    public void stop() {
        running = false;
        stopped = true;
        subscribers
                .values()
                .forEach(list -> list.forEach(s -> {
                    s.close();
                    s.emitter.complete();
                }));
        log.debug("closed live update streams");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
        stop();
    }
}
