package dev.iplauction.agent.browser;

import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.contracts.Franchise;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a seat's page takes its seat, in a fresh tab: the lobby, the rejoin form, then the room. Driven by the pages' own
 * reports rather than by waiting on the browser thread, so nine seats join side by side and a seat that reopens never
 * holds up another seat's click.
 */
final class PageJoin {

    private static final Logger log = LoggerFactory.getLogger(PageJoin.class);
    /** The most patience a join grows to: 16 navigation timeouts (4 minutes with the default 15 s). */
    private static final int MAX_PATIENCE = 16;

    private final BrowserHost host;
    private final String name;
    private final Executor callbacks;
    private final Duration navigationTimeout;
    /**
     * How many navigation timeouts a page load may take while joining: doubled after each join that ran out of time,
     * back to 1 once seated. A loaded machine (nine Chromiums starting together) can make every load slower than the
     * timeout; retrying with the same patience would fail forever and only add to the load.
     */
    private final AtomicInteger patience = new AtomicInteger(1);

    PageJoin(BrowserHost host, String name, Executor callbacks) {
        this.host = host;
        this.name = name;
        this.callbacks = callbacks;
        this.navigationTimeout = host.settings().navigationTimeout();
    }

    /** Where and as whom a page sits. */
    record Target(String base, String code, Franchise franchise, String token) {

        /** Checks what a join was given: refuses with what is wrong. */
        static Target of(URI baseUrl, String auctionCode, Franchise franchise, String seatToken) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(franchise, "franchise");
            if (!baseUrl.isAbsolute() || !List.of("http", "https").contains(baseUrl.getScheme())) {
                throw new IllegalArgumentException(
                        "the auction house's address must be an http(s) URL, got " + baseUrl);
            }
            if (seatToken == null || seatToken.isBlank()) {
                throw new IllegalArgumentException(
                        "a seat token is needed to join: the agent's own, kept across restarts");
            }
            String base = baseUrl.toString().replaceAll("/+$", "");
            return new Target(base, AuctionCode.normalise(auctionCode), franchise, seatToken.trim());
        }

        String lobby() {
            return base + "/auctions/" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        }

        String room() {
            return lobby() + "/room";
        }

        String pool() {
            return lobby() + "/pool";
        }
    }

    /** How long a whole join may take now. */
    Duration deadline() {
        return navigationTimeout.multipliedBy(3L * patience.get());
    }

    /**
     * In an open tab: the lobby, the rejoin form, then the room.
     *
     * @param lobbyLoading the report of the tab's first document: the lobby, which the tab started loading as it opened
     */
    CompletableFuture<JoinResult> enter(PageTab fresh, Target joining, CompletableFuture<PageReport> lobbyLoading) {
        return awaitDocument(lobbyLoading, "could not open the lobby of " + joining.code() + " at " + joining.lobby())
                .thenCompose(lobby -> {
                    fresh.steps.mark("lobby");
                    if (lobby.isProblem()) {
                        if (lobby.status() == 404 || lobby.status() == 400) {
                            return done(JoinResult.AUCTION_NOT_FOUND);
                        }
                        return failed("the auction house answered the lobby of " + joining.code() + " with "
                                + lobby.status() + ": " + lobby.message());
                    }
                    if (!"lobby".equals(lobby.page())) {
                        return failed(
                                "expected the lobby of " + joining.code() + ", got the " + lobby.page() + " page");
                    }
                    if ("COMPLETED".equals(lobby.phase())) {
                        return done(JoinResult.AUCTION_OVER);
                    }
                    return submitRejoin(fresh, joining).thenCompose(after -> {
                        fresh.steps.mark("seat form");
                        return afterRejoin(fresh, joining, after);
                    });
                });
    }

    /** How a join ended: patience grows after a join that ran out of time, and is back to 1 once seated. */
    void ended(PageTab on, Target joining, JoinResult result, Throwable failure) {
        if (failure != null) {
            log.warn("{} could not join {}: {}", name, joining.code(), BrowserHost.firstLine(failure));
            if (Deadline.unwrap(failure) instanceof TimeoutException) {
                int more = patience.updateAndGet(p -> Math.min(p * 2, MAX_PATIENCE));
                log.info(
                        "{} will wait up to {} for each page while joining",
                        name,
                        navigationTimeout.multipliedBy(more));
            }
        } else if (result == JoinResult.JOINED) {
            patience.set(1);
            log.info(
                    "{} joined {} as {} in {} ms ({})",
                    name,
                    joining.code(),
                    joining.franchise(),
                    on.steps.totalMillis(),
                    on.steps);
        }
    }

    private CompletableFuture<PageReport> submitRejoin(PageTab on, Target joining) {
        CompletableFuture<PageReport> next = on.nextDocument();
        host.call(
                        b -> on.seat
                                .page()
                                .evaluate(
                                        PageScripts.REJOIN,
                                        List.of(joining.franchise().code(), joining.token())),
                        callbacks)
                .whenComplete((submitted, failure) -> {
                    if (failure != null) {
                        next.completeExceptionally(Deadline.unwrap(failure));
                    } else if (!Boolean.TRUE.equals(submitted)) {
                        next.completeExceptionally(new PageActionFailed("the lobby has no rejoin form"));
                    }
                });
        return awaitDocument(next, "could not take the seat with the lobby's form of " + joining.code());
    }

    private CompletableFuture<JoinResult> afterRejoin(PageTab on, Target joining, PageReport after) {
        if (after.franchise() == joining.franchise()) {
            if ("room".equals(after.page())) {
                return done(JoinResult.JOINED);
            }
            return load(on, joining.room(), "room of " + joining.code()).thenCompose(room -> {
                on.steps.mark("room");
                if ("room".equals(room.page()) && room.franchise() == joining.franchise()) {
                    return done(JoinResult.JOINED);
                }
                return failed("the room of " + joining.code() + " does not show this browser seated as "
                        + joining.franchise() + " (it shows the " + room.page() + " page, seat '"
                        + (room.franchise() == null ? "" : room.franchise()) + "')");
            });
        }
        if (after.isProblem()) {
            if (after.status() == 404) {
                return done(JoinResult.AUCTION_NOT_FOUND);
            }
            return failed("the auction house answered the seat form with " + after.status() + ": " + after.message());
        }
        if ("COMPLETED".equals(after.phase())) {
            return done(JoinResult.AUCTION_OVER);
        }
        if (after.seatsTaken().contains(joining.franchise())) {
            return done(JoinResult.TAKEN_BY_SOMEONE_ELSE);
        }
        return failed("the lobby of " + joining.code() + " did not seat " + joining.franchise()
                + (after.message().isEmpty() ? "" : ": " + after.message()));
    }

    /**
     * Opens a URL in the tab, as typing it would, and waits for its document's report. Only the page's script runs on
     * the browser thread: the load itself is awaited through the report, so it holds up no other seat. A navigation
     * the page starts itself meanwhile (the lobby follows the auction into the room when the host starts) simply
     * makes the next document the page's, and its report the answer.
     */
    private CompletableFuture<PageReport> load(PageTab on, String url, String what) {
        CompletableFuture<PageReport> next = on.nextDocument();
        host.call(b -> on.seat.page().evaluate(PageScripts.OPEN, url), callbacks)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        next.completeExceptionally(Deadline.unwrap(failure));
                    }
                });
        return awaitDocument(next, "could not open the " + what + " at " + url);
    }

    /** The next document's report, or a failure that says what could not be done (within the navigation timeout). */
    private CompletableFuture<PageReport> awaitDocument(CompletableFuture<PageReport> next, String couldNot) {
        return Deadline.within(
                        next,
                        navigationTimeout.multipliedBy(patience.get()),
                        () -> couldNot.replaceFirst("^could not ", ""),
                        callbacks)
                .exceptionallyCompose(failure -> {
                    Throwable cause = Deadline.unwrap(failure);
                    if (cause instanceof TimeoutException || cause instanceof CancellationException) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    return CompletableFuture.failedFuture(
                            new PageActionFailed(couldNot + ": " + BrowserHost.firstLine(cause), cause));
                });
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    private static <T> CompletableFuture<T> failed(String message) {
        return CompletableFuture.failedFuture(new PageActionFailed(message));
    }
}
