package dev.iplauction.auction.web;

import dev.iplauction.auction.house.AuctionObserver;
import dev.iplauction.auction.view.AuctionView;
import dev.iplauction.contracts.EventJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events to every open page of an auction: the whole {@link AuctionView} after each change (event name
 * {@code auction}), so a page never has to piece state together, plus a comment every 15 s to keep idle connections
 * open through proxies.
 *
 * <p>A lifecycle bean in the last phase, so on shutdown its streams are closed before the web server's graceful
 * shutdown starts waiting for open requests (an open stream would otherwise hold it for its whole timeout).
 */
@Component
public class LiveUpdates implements AuctionObserver, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean stopped;
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sse-keep-alive").daemon(true).factory());

    LiveUpdates() {
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
     */
    public SseEmitter subscribe(String code, Supplier<AuctionView> current) {
        SseEmitter emitter = new SseEmitter(Duration.ofHours(6).toMillis());
        if (stopped) {
            // Shutting down: one view, then the page reconnects to whichever auction house answers next.
            send(emitter, code, json(current.get()));
            emitter.complete();
            return emitter;
        }
        List<SseEmitter> list = subscribers.computeIfAbsent(code, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(emitter, code, json(current.get()));
        return emitter;
    }

    @Override
    public void changed(AuctionView view) {
        List<SseEmitter> list = subscribers.get(view.code());
        if (list == null || list.isEmpty()) {
            return;
        }
        String json = json(view);
        for (SseEmitter emitter : list) {
            send(emitter, view.code(), json);
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

    @Override
    public boolean watching(String code) {
        return subscribers(code) > 0;
    }

    private void send(SseEmitter emitter, String code, String json) {
        try {
            emitter.send(SseEmitter.event().name("auction").data(json, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // The page went away; drop it quietly.
            subscribers.getOrDefault(code, List.of()).remove(emitter);
            emitter.completeWithError(e);
        }
    }

    private void ping() {
        subscribers.forEach((code, list) -> {
            for (SseEmitter emitter : list) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    list.remove(emitter);
                }
            }
        });
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
        subscribers.values().forEach(list -> {
            list.forEach(SseEmitter::complete);
            list.clear();
        });
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
