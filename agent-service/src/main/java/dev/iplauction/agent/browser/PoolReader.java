package dev.iplauction.agent.browser;

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
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads the pool page for every seat of the instance: the page is public and the same for every seat, so one read
 * serves all who asked for it while it was waiting to start. A read is one short step on the browser thread when no
 * click or push waits ({@link BrowserHost#callWhenIdle}): an asking seat's room page fetches the pool page with its own
 * session, as a person's browser would, and reads its rows from the fetched document. Nothing of the room changes, and
 * no tab or renderer is opened: a tab of its own took four steps on the browser thread (open, load, read, close), and
 * with two CPU burners its opening held the first lot's views back from every seat for a second.
 *
 * <p>Each seat gets a read that began after it asked (the pool shrinks as lots open): a seat that asks while a read is
 * under way gets the next one, shared by everyone who asked meanwhile. So nine seats asking together cost two reads.
 */
final class PoolReader {

    private static final Logger log = LoggerFactory.getLogger(PoolReader.class);

    private final BrowserHost host;
    private final Executor callbacks;
    private final Duration timeout;

    private final AtomicInteger readsMade = new AtomicInteger();

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
        readInRoom(seat, url).whenComplete((players, failure) -> {
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

    /** One read: the seat's room page fetches the pool page and reads it, within the reader's timeout. */
    private CompletableFuture<List<Player>> readInRoom(SeatTab seat, String url) {
        CompletableFuture<Object> answer = host.callWhenIdle(
                b -> {
                    readsMade.incrementAndGet();
                    // The fetch gives up within the timeout too: the browser thread waits for its answer.
                    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()); // no long in JS
                    return seat.page().evaluate(PageScripts.READ_POOL, List.of(url, millis));
                },
                callbacks);
        CompletableFuture<List<Player>> read =
                answer.thenApply(json -> poolPlayers(EventJson.mapper().readTree(String.valueOf(json)), url));
        // A read that timed out while still queued never runs: the browser thread is busy enough already.
        return Deadline.within(read, timeout, () -> "reading the pool at " + url, callbacks)
                .whenComplete((players, failure) -> answer.cancel(false));
    }

    /** How many reads this reader has made (for tests: reads asked together share one). */
    int readsMade() {
        return readsMade.get();
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
