package dev.iplauction.agent.browser;

import com.microsoft.playwright.Page;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads the pool page for every seat of the instance: the page is public and the same for every seat, so one read
 * serves all who asked for it while it was waiting to start. A read opens a tab of its own in an asking seat's context
 * (the same session, as a person would open it next to the room), reads every row at once and closes the tab. The room
 * page is never touched, and the browser thread does only short steps when no click or push waits ({@link
 * BrowserHost#callWhenIdle}): open the tab and start loading, then (once the page reports its document loaded) read and
 * close.
 *
 * <p>Each seat gets a read that began after it asked (the pool shrinks as lots open): a seat that asks while a read is
 * under way gets the next one, shared by everyone who asked meanwhile. So nine seats asking together cost two reads
 * and one pool tab at a time, not nine tabs (and nine renderers) beside the rooms and the joins.
 */
final class PoolReader {

    private static final Logger log = LoggerFactory.getLogger(PoolReader.class);

    private final BrowserHost host;
    private final Executor callbacks;
    private final Duration timeout;

    /**
     * The tabs open on the pool page, each with what waits for its document to load. A tab's doorbell rings go here and
     * never to the seat's room page (whose pushes and page reports they would confuse).
     */
    private final Map<Page, CompletableFuture<Void>> poolTabs = new ConcurrentHashMap<>();

    private final AtomicInteger tabsOpened = new AtomicInteger();

    /** Per pool URL, the read under way and the one asked for meanwhile. Guarded by itself. */
    private final Map<String, Reads> reads = new HashMap<>();

    private static final class Reads {
        CompletableFuture<List<Player>> running;
        /** The next read, for everyone who asked while {@link #running} ran; opened in the last asker's context. */
        CompletableFuture<List<Player>> next;

        SeatTab nextIn;
        int nextAskers;
    }

    /** @param callbacks where the shared reads complete (never the browser thread) */
    PoolReader(BrowserHost host, Executor callbacks) {
        this.host = host;
        this.callbacks = callbacks;
        this.timeout = host.settings().navigationTimeout().plus(host.settings().actionTimeout());
    }

    /**
     * Takes a doorbell ring if it comes from a pool tab (on the browser thread): a pool tab rings once, when loaded, and
     * needs no flush. False when the ring is the room's.
     */
    boolean ring(Page source, Object messages) {
        CompletableFuture<Void> poolLoaded = poolTabs.get(source);
        if (poolLoaded == null) {
            return false;
        }
        if (PagePushes.hasPageReport(messages)) {
            PageTab.hand(callbacks, () -> poolLoaded.complete(null), "the pool tab");
        }
        return true;
    }

    /**
     * The players still to come, from the pool page at this URL, as a read that began after this call saw it; the
     * future completes on {@code completion}.
     */
    CompletableFuture<List<Player>> read(SeatTab seat, String url, Executor completion) {
        CompletableFuture<List<Player>> shared;
        synchronized (reads) {
            Reads at = reads.computeIfAbsent(url, u -> new Reads());
            if (at.running == null) {
                at.running = shared = new CompletableFuture<>();
                startRead(seat, url, 1, shared);
            } else {
                if (at.next == null) {
                    at.next = new CompletableFuture<>();
                }
                at.nextIn = seat;
                at.nextAskers++;
                shared = at.next;
            }
        }
        CompletableFuture<List<Player>> mine = new CompletableFuture<>();
        shared.whenComplete((players, failure) -> PageTab.hand(
                completion,
                () -> {
                    if (failure != null) {
                        mine.completeExceptionally(failure);
                    } else {
                        mine.complete(players);
                    }
                },
                seat.name()));
        return mine;
    }

    /** Runs one read into {@code into}, then the one asked for meanwhile, if any. */
    private void startRead(SeatTab seat, String url, int askers, CompletableFuture<List<Player>> into) {
        long began = System.nanoTime();
        readInTab(seat, url).whenComplete((players, failure) -> {
            if (failure != null) {
                log.debug(
                        "Reading the pool for {} seat(s) failed: {}",
                        askers,
                        BrowserHost.firstLine(Deadline.unwrap(failure)));
                into.completeExceptionally(failure);
            } else {
                log.debug("Read the pool for {} seat(s) in {} ms", askers, (System.nanoTime() - began) / 1_000_000);
                into.complete(players);
            }
            CompletableFuture<List<Player>> next;
            SeatTab nextIn;
            int nextAskers;
            synchronized (reads) {
                Reads at = reads.get(url);
                next = at.next;
                nextIn = at.nextIn;
                nextAskers = at.nextAskers;
                at.running = next;
                at.next = null;
                at.nextIn = null;
                at.nextAskers = 0;
                if (next == null) {
                    reads.remove(url);
                }
            }
            if (next != null) {
                startRead(nextIn, url, nextAskers, next);
            }
        });
    }

    /** One read: a tab of its own in the seat's context, opened, read and closed. */
    private CompletableFuture<List<Player>> readInTab(SeatTab seat, String url) {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        AtomicReference<Page> opened = new AtomicReference<>();
        CompletableFuture<List<Player>> read = host.callWhenIdle(
                        b -> {
                            if (loaded.isDone()) {
                                return null; // timed out while queued
                            }
                            Page poolTab = seat.context().newPage();
                            tabsOpened.incrementAndGet();
                            opened.set(poolTab);
                            poolTabs.put(poolTab, loaded);
                            poolTab.onRequestFailed(request -> {
                                String failure = request.failure();
                                if (request.isNavigationRequest()
                                        && request.frame() == poolTab.mainFrame()
                                        && failure != null
                                        && !failure.contains("ERR_ABORTED")) {
                                    PageTab.hand(
                                            callbacks,
                                            () -> loaded.completeExceptionally(
                                                    new PageActionFailed(failure + " at " + request.url())),
                                            "the pool tab");
                                }
                            });
                            // Only the document: the pool is rendered on the server, and its page's script would
                            // open a live stream and poll the house for as long as the tab lives.
                            poolTab.route("**/*", route -> {
                                if ("document".equals(route.request().resourceType())) {
                                    route.resume();
                                } else {
                                    route.abort();
                                }
                            });
                            poolTab.evaluate(PageScripts.OPEN, url);
                            return null;
                        },
                        callbacks)
                .thenCompose(started -> loaded)
                .thenCompose(ready -> host.callWhenIdle(
                        b -> {
                            Page poolTab = opened.get();
                            try {
                                return poolTab.evaluate(PageScripts.READ_POOL);
                            } finally {
                                closePoolTab(poolTab);
                            }
                        },
                        callbacks))
                .thenApply(answer -> poolPlayers(EventJson.mapper().readTree(String.valueOf(answer)), url));
        CompletableFuture<List<Player>> bounded =
                Deadline.within(read, timeout, () -> "reading the pool at " + url, callbacks);
        return bounded.whenComplete((players, failure) -> {
            loaded.cancel(false); // stops a queued open from opening a tab after a timeout
            Page poolTab = opened.get();
            if (poolTab != null && poolTabs.containsKey(poolTab)) {
                host.callWhenIdle(
                        b -> {
                            closePoolTab(poolTab);
                            return null;
                        },
                        callbacks);
            }
        });
    }

    /** How many pool tabs this reader has opened (for tests: reads asked together share one). */
    int tabsOpened() {
        return tabsOpened.get();
    }

    /** On the browser thread. */
    private void closePoolTab(Page poolTab) {
        poolTabs.remove(poolTab);
        if (!poolTab.isClosed()) {
            poolTab.close();
        }
    }

    /**
     * The players of the pool page's rows, in order (see PAGE_CONTRACT.md, "The pool, player by player"). A page that
     * is not the pool, or a row that does not say who its player is, fails the read with what was wrong.
     */
    static List<Player> poolPlayers(JsonNode answer, String url) {
        String page = answer.path("page").asString("");
        if (!"pool".equals(page)) {
            int status = answer.path("status").asInt(0);
            throw new PageActionFailed("expected the pool page at " + url + ", got the '" + page + "' page"
                    + (status > 0 ? " (" + status + ")" : "")
                    + (answer.path("message").asString("").isEmpty()
                            ? ""
                            : ": " + answer.path("message").asString("")));
        }
        JsonNode rows = answer.path("players");
        List<Player> players = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            try {
                players.add(poolPlayer(row));
            } catch (RuntimeException unreadable) {
                throw new PageActionFailed(
                        "pool row " + (players.size() + 1) + " at " + url + " is unreadable: "
                                + unreadable.getMessage(),
                        unreadable);
            }
        }
        int count = answer.path("count").asInt(-1);
        if (count >= 0 && count != players.size()) {
            throw new PageActionFailed(
                    "the pool at " + url + " says " + count + " players but lists " + players.size());
        }
        return List.copyOf(players);
    }

    private static Player poolPlayer(JsonNode row) {
        String id = required(row, "playerId");
        String basePrice = required(row, "basePrice");
        if (!basePrice.matches("\\d+")) {
            throw new IllegalArgumentException("base price '" + basePrice + "' is not whole lakh");
        }
        String team = row.path("team2024").asString("");
        String age = row.path("age").asString("");
        return new Player(
                id,
                required(row, "name"),
                blankToNull(row.path("country").asString("")),
                "true".equals(row.path("overseas").asString("")),
                Role.valueOf(required(row, "role")),
                "true".equals(row.path("capped").asString("")),
                blankToNull(row.path("set").asString("")),
                Lakh.of(Integer.parseInt(basePrice)),
                team.isEmpty()
                        ? null
                        : Franchise.fromCode(team)
                                .orElseThrow(() -> new IllegalArgumentException("unknown franchise '" + team + "'")),
                age.matches("\\d{1,3}") ? Integer.valueOf(age) : null,
                blankToNull(row.path("battingHand").asString("")),
                blankToNull(row.path("bowlingStyle").asString("")));
    }

    private static String required(JsonNode row, String field) {
        String value = row.path(field).asString("").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
