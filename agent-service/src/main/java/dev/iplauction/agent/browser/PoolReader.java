package dev.iplauction.agent.browser;

import com.microsoft.playwright.Page;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads a seat's pool page: opens it in a tab of its own in the seat's context (the same session, as a person would
 * open it next to the room), reads every row at once and closes the tab. The room page is never touched, and the
 * browser thread does only short steps when no click waits ({@link BrowserHost#callWhenIdle}): open the tab and start
 * loading, then (once the page reports its document loaded) read and close.
 */
final class PoolReader {

    private static final Logger log = LoggerFactory.getLogger(PoolReader.class);

    private final BrowserHost host;
    private final String name;
    private final Executor callbacks;
    private final Duration timeout;

    /**
     * The tabs open on the pool page, each with what waits for its document to load. A tab's doorbell rings go here and
     * never to the seat's room page (whose pushes and page reports they would confuse).
     */
    private final Map<Page, CompletableFuture<Void>> poolTabs = new ConcurrentHashMap<>();

    PoolReader(BrowserHost host, String name, Executor callbacks) {
        this.host = host;
        this.name = name;
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
            PageTab.hand(callbacks, () -> poolLoaded.complete(null), name);
        }
        return true;
    }

    /** The players still to come, from the pool page at this URL, read in a tab of the seat's context. */
    CompletableFuture<List<Player>> read(SeatTab seat, String url) {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        AtomicReference<Page> opened = new AtomicReference<>();
        CompletableFuture<List<Player>> read = host.callWhenIdle(
                        b -> {
                            if (loaded.isDone()) {
                                return null; // timed out while queued
                            }
                            Page poolTab = seat.context().newPage();
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
                                            name);
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
            if (failure != null) { // the seat says so; here only the detail
                log.debug("{} could not read the pool: {}", name, BrowserHost.firstLine(Deadline.unwrap(failure)));
            }
        });
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
