package dev.iplauction.agent.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A seat's {@link AuctionPage} in a browser context of the instance's one Chromium, driven with Playwright through the
 * page contract.
 *
 * <p>Everything Playwright runs on the {@link BrowserHost}'s thread. The page pushes to Java by itself (an init script
 * and a doorbell binding, see {@link PageScripts#DOORBELL}): every view it applies, every refusal it shows, and what
 * each document is once it has loaded. Those pushes, crash and close events, and the futures of every method are
 * handed to the seat's executor at once; views, refusals and losses reach the {@link Listener} one at a time, in
 * order, and only views newer than the last one delivered (as the page itself never shows an older one).
 *
 * <p>Joining is driven by the pages' own reports rather than by waiting on the browser thread, so nine seats join side
 * by side and a seat that reopens never holds up another seat's click.
 */
public final class PlaywrightAuctionPage implements AuctionPage {

    private static final Logger log = LoggerFactory.getLogger(PlaywrightAuctionPage.class);
    /** The most patience a join grows to: 16 navigation timeouts (4 minutes with the default 15 s). */
    private static final int MAX_PATIENCE = 16;

    private final BrowserHost host;
    private final String name;
    private final Executor callbacks;
    private final SerialExecutor events;
    private final SerialExecutor reports;
    private final Listener listener;
    private final Duration navigationTimeout;
    private final Duration actionTimeout;
    private final AtomicInteger generations = new AtomicInteger();
    /**
     * How many navigation timeouts a page load may take while joining: doubled after each join that ran out of time,
     * back to 1 once seated. A loaded machine (nine Chromiums starting together) can make every load slower than the
     * timeout; retrying with the same patience would fail forever and only add to the load.
     */
    private final AtomicInteger patience = new AtomicInteger(1);

    private final Object lock = new Object();
    private Target target; // guarded by lock
    private Tab tab; // guarded by lock
    private boolean closed; // guarded by lock

    /**
     * The tabs open on the pool page, each with what waits for its document to load. A tab's doorbell rings go here and
     * never to the seat's room page (whose pushes and page reports they would confuse).
     */
    private final Map<Page, CompletableFuture<Void>> poolTabs = new ConcurrentHashMap<>();

    // Touched only on the serial events executor.
    private String lastCode;
    private long lastSeq = -1;

    /**
     * @param name the seat's name in logs, such as its franchise
     * @param callbacks the seat's executor: the listener and every future of this page run on it, never on the
     *     browser's thread
     */
    public PlaywrightAuctionPage(BrowserHost host, String name, Executor callbacks, Listener listener) {
        this.host = Objects.requireNonNull(host, "host");
        this.name = Objects.requireNonNull(name, "name");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.events = new SerialExecutor(callbacks);
        this.reports = new SerialExecutor(callbacks);
        this.navigationTimeout = host.settings().navigationTimeout();
        this.actionTimeout = host.settings().actionTimeout();
    }

    /** Where and as whom this page sits. */
    private record Target(String base, String code, Franchise franchise, String token) {

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

    /** What a document said about itself once loaded (the init script's "page" report). */
    record PageReport(
            String doc,
            String page,
            String url,
            int status,
            String message,
            Franchise franchise,
            String phase,
            Set<Franchise> seatsTaken) {

        boolean isProblem() {
            return "problem".equals(page) || status >= 400;
        }
    }

    /** One browser context of this seat: a new one for every join. */
    private final class Tab {
        final int generation = generations.incrementAndGet();
        final AtomicBoolean lost = new AtomicBoolean();
        final AtomicBoolean flushQueued = new AtomicBoolean();
        volatile SeatTab seat;
        volatile PageLost.Reason lostReason;

        // Guarded by this: the document shown now and who waits for the next one.
        private String currentDoc;
        private String waitingAfter;
        private CompletableFuture<PageReport> waiting;

        synchronized CompletableFuture<PageReport> nextDocument() {
            if (waiting != null) {
                waiting.cancel(false);
            }
            waiting = new CompletableFuture<>();
            waitingAfter = currentDoc;
            return waiting;
        }

        /** The page could not load the document waited for (on the browser thread: hands the failure off). */
        void onNavigationFailed(String url, String failure) {
            CompletableFuture<PageReport> failed;
            synchronized (this) {
                failed = waiting;
                waiting = null;
            }
            if (failed != null) {
                hand(callbacks, () -> failed.completeExceptionally(new PageActionFailed(failure + " at " + url)));
            }
        }

        void onReport(PageReport report) {
            CompletableFuture<PageReport> done = null;
            synchronized (this) {
                if (report.doc().equals(currentDoc)) {
                    return;
                }
                currentDoc = report.doc();
                if (waiting != null && !report.doc().equals(waitingAfter)) {
                    done = waiting;
                    waiting = null;
                }
            }
            if (done != null) {
                done.complete(report);
            }
        }

        @Override
        public String toString() {
            return name + "#" + generation;
        }
    }

    // ---- joining ----

    @Override
    public CompletableFuture<JoinResult> join(URI baseUrl, String auctionCode, Franchise franchise, String seatToken) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(franchise, "franchise");
        if (!baseUrl.isAbsolute() || !List.of("http", "https").contains(baseUrl.getScheme())) {
            throw new IllegalArgumentException("the auction house's address must be an http(s) URL, got " + baseUrl);
        }
        if (seatToken == null || seatToken.isBlank()) {
            throw new IllegalArgumentException("a seat token is needed to join: the agent's own, kept across restarts");
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        Target joining = new Target(base, AuctionCode.normalise(auctionCode), franchise, seatToken.trim());
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(name + "'s page is closed"));
            }
            target = joining;
        }
        return enter(joining);
    }

    @Override
    public CompletableFuture<JoinResult> reopen() {
        Target again;
        synchronized (lock) {
            again = target;
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(name + "'s page is closed"));
            }
        }
        if (again == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(name + "'s page has not joined an auction yet: join() first"));
        }
        return enter(again);
    }

    /** A fresh context, the lobby, the rejoin form, then the room. */
    private CompletableFuture<JoinResult> enter(Target joining) {
        Tab fresh = new Tab();
        Tab old;
        synchronized (lock) {
            old = tab;
            tab = fresh;
        }
        if (old != null && old.seat != null) {
            host.closeSeat(old.seat);
        }
        events.execute(() -> {
            lastCode = null;
            lastSeq = -1;
        });
        CompletableFuture<JoinResult> joined = host.openSeat(
                        name + "#" + fresh.generation,
                        setUp(fresh),
                        () -> lost(fresh, PageLost.Reason.BROWSER_DIED, "Chromium died"),
                        callbacks)
                .thenCompose(seat -> {
                    fresh.seat = seat;
                    if (!isCurrent(fresh)) {
                        host.closeSeat(seat); // closed or joined again meanwhile
                        return CompletableFuture.failedFuture(
                                new IllegalStateException(name + "'s page was closed or joined again while joining"));
                    }
                    return load(fresh, joining.lobby(), "lobby of " + joining.code());
                })
                .thenCompose(lobby -> {
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
                    return submitRejoin(fresh, joining).thenCompose(after -> afterRejoin(fresh, joining, after));
                });
        CompletableFuture<JoinResult> bounded = Deadline.within(
                joined,
                navigationTimeout.multipliedBy(3L * patience.get()),
                () -> "joining " + joining.code() + " as " + joining.franchise(),
                callbacks);
        return bounded.whenComplete((result, failure) -> {
            if (failure != null || result != JoinResult.JOINED) {
                if (failure != null) {
                    log.warn("{} could not join {}: {}", name, joining.code(), BrowserHost.firstLine(failure));
                    if (Deadline.unwrap(failure) instanceof TimeoutException) {
                        int more = patience.updateAndGet(p -> Math.min(p * 2, MAX_PATIENCE));
                        log.info(
                                "{} will wait up to {} for each page while joining",
                                name,
                                navigationTimeout.multipliedBy(more));
                    }
                }
                retire(fresh);
            } else {
                patience.set(1);
                log.info("{} joined {} as {}", name, joining.code(), joining.franchise());
            }
        });
    }

    private CompletableFuture<PageReport> submitRejoin(Tab on, Target joining) {
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

    private CompletableFuture<JoinResult> afterRejoin(Tab on, Target joining, PageReport after) {
        if (after.franchise() == joining.franchise()) {
            if ("room".equals(after.page())) {
                return done(JoinResult.JOINED);
            }
            return load(on, joining.room(), "room of " + joining.code()).thenCompose(room -> {
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
    private CompletableFuture<PageReport> load(Tab on, String url, String what) {
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

    /** The bindings, init script and crash and close handlers of a new context, on the browser thread. */
    private BrowserHost.SeatSetup setUp(Tab on) {
        return new BrowserHost.SeatSetup() {
            @Override
            public void prepare(BrowserContext context) {
                context.exposeBinding(PageScripts.DOORBELL, (source, args) -> {
                    CompletableFuture<Void> poolLoaded = poolTabs.get(source.page());
                    if (poolLoaded != null) {
                        if (hasPageReport(args.length > 0 ? args[0] : null)) {
                            hand(callbacks, () -> poolLoaded.complete(null));
                        }
                        return null; // a pool tab rings once, when loaded: no flush, and the room's cycle is untouched
                    }
                    handOff(on, args.length > 0 ? args[0] : null);
                    if (on.flushQueued.compareAndSet(false, true)) {
                        Page ringing = source.page();
                        host.callWhenIdle(
                                b -> {
                                    on.flushQueued.set(false);
                                    return flush(ringing);
                                },
                                callbacks);
                    }
                    return null;
                });
                context.addInitScript(PageScripts.INIT_SCRIPT);
                if (!host.settings().paint()) {
                    context.addInitScript(PageScripts.NO_PAINT);
                }
                context.onClose(c -> lost(
                        on,
                        c.browser() != null && !c.browser().isConnected()
                                ? PageLost.Reason.BROWSER_DIED
                                : PageLost.Reason.CLOSED,
                        "the browser context was closed"));
            }

            @Override
            public void opened(Page page) {
                page.onRequestFailed(request -> {
                    String failure = request.failure();
                    if (request.isNavigationRequest()
                            && request.frame() == page.mainFrame()
                            && failure != null
                            && !failure.contains("ERR_ABORTED")) {
                        on.onNavigationFailed(request.url(), failure);
                    }
                });
                page.onCrash(p -> lost(on, PageLost.Reason.CRASHED, "the page crashed"));
                page.onClose(p -> lost(on, PageLost.Reason.CLOSED, "the page was closed"));
            }
        };
    }

    // ---- pushes from the page ----

    /**
     * Lets a page that rang ring again, on the browser thread as a task of its own (never inside the doorbell's call):
     * with what came meanwhile at once, else with its next message.
     */
    private Void flush(Page page) {
        if (!page.isClosed()) {
            page.evaluate(PageScripts.FLUSH);
        }
        return null;
    }

    /**
     * Hands a page's messages (a list of JSON strings) off in order, on the browser thread: views and refusals to the
     * listener's serial executor, page reports to another (so a slow listener never holds up a join).
     */
    private void handOff(Tab from, Object messages) {
        if (!(messages instanceof List<?> list)) {
            return;
        }
        for (Object item : list) {
            String message = String.valueOf(item);
            if (message.startsWith("{\"kind\":\"page\"")) {
                hand(reports, () -> onPageReport(from, message));
            } else {
                hand(events, () -> onPush(from, message));
            }
        }
    }

    private static boolean hasPageReport(Object messages) {
        return messages instanceof List<?> list
                && list.stream().anyMatch(m -> String.valueOf(m).startsWith("{\"kind\":\"page\""));
    }

    private void hand(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException shutDown) {
            log.debug("{}: the seat's executor is shut down; a message from the page is dropped", name);
        }
    }

    /** A view or a refusal, on the serial events executor. */
    private void onPush(Tab from, String message) {
        if (!isCurrent(from)) {
            return;
        }
        JsonNode push;
        try {
            push = EventJson.mapper().readTree(message);
        } catch (RuntimeException unreadable) {
            log.warn("{}: a push from the page could not be read: {}", name, BrowserHost.firstLine(unreadable));
            return;
        }
        Instant at = browserTime(push.path("at"));
        switch (push.path("kind").asString("")) {
            case "view" -> {
                RoomView view;
                try {
                    view = RoomViewJson.parse(push.path("view"), at);
                } catch (RuntimeException unreadable) {
                    log.warn("{}: a view from the page could not be read: {}", name, BrowserHost.firstLine(unreadable));
                    return;
                }
                deliver(view);
            }
            case "refusal" -> listener.on(refusal(push.path("refusal"), at));
            case "bid" -> {
                JsonNode bid = push.path("bid");
                if (bid.path("lot").isIntegralNumber() && bid.path("amount").asInt(0) > 0) {
                    listener.on(new ReflexBid(
                            bid.path("lot").asInt(),
                            Lakh.of(bid.path("amount").asInt()),
                            browserTime(bid.path("promptedAt")),
                            browserTime(bid.path("clickedAt"))));
                } else {
                    log.warn("{}: a reflex bid from the page names no lot or amount: {}", name, bid);
                }
            }
            default ->
                log.debug(
                        "{}: ignored a push of kind '{}'",
                        name,
                        push.path("kind").asString(""));
        }
    }

    /** Gives the listener a view newer than the last it had (on the serial events executor). */
    private void deliver(RoomView view) {
        if (view.code().equals(lastCode) && view.seq() <= lastSeq) {
            return;
        }
        lastCode = view.code();
        lastSeq = view.seq();
        listener.on(view);
    }

    /** What a document is, once it has loaded: completes whoever waits for it (on the seat's executor). */
    private void onPageReport(Tab from, String message) {
        PageReport report;
        try {
            report = pageReport(EventJson.mapper().readTree(message));
        } catch (RuntimeException unreadable) {
            log.warn("{}: a page report could not be read: {}", name, BrowserHost.firstLine(unreadable));
            return;
        }
        from.onReport(report);
    }

    /** The tab stopped working (on the browser thread: hand off only). Reported once, unless this agent closed it. */
    private void lost(Tab on, PageLost.Reason reason, String detail) {
        SeatTab seat = on.seat;
        if ((seat != null && seat.isClosing()) || !isCurrent(on) || !on.lost.compareAndSet(false, true)) {
            return;
        }
        on.lostReason = reason;
        PageLost lost = new PageLost(reason, detail, Instant.now());
        events.execute(() -> {
            if (isCurrent(on)) {
                log.warn("{}: page lost ({}): {}", name, reason, detail);
                listener.on(lost);
            }
        });
    }

    /** A time the page took ({@code performance.timeOrigin + performance.now()}: fractional epoch milliseconds). */
    static Instant browserTime(JsonNode millis) {
        if (!millis.isNumber()) {
            return Instant.now();
        }
        double at = millis.asDouble();
        long whole = (long) Math.floor(at);
        return Instant.ofEpochMilli(whole).plusNanos(Math.round((at - whole) * 1_000) * 1_000); // to the microsecond
    }

    static PageReport pageReport(JsonNode report) {
        Set<Franchise> taken = EnumSet.noneOf(Franchise.class);
        for (JsonNode code : report.path("seatsTaken")) {
            Franchise.fromCode(code.asString("")).ifPresent(taken::add);
        }
        return new PageReport(
                report.path("doc").asString(""),
                report.path("page").asString(""),
                report.path("url").asString(""),
                report.path("status").asInt(0),
                report.path("message").asString(""),
                Franchise.fromCode(report.path("franchise").asString("")).orElse(null),
                report.path("phase").asString(""),
                taken);
    }

    static Refusal refusal(JsonNode refusal, Instant seenAt) {
        String lot = refusal.path("lot").asString("");
        String amount = refusal.path("amount").asString("");
        return new Refusal(
                refusal.path("reason").asString(""),
                refusal.path("status").asInt(0),
                lot.matches("\\d+") ? Integer.valueOf(lot) : null,
                amount.matches("\\d+") ? Lakh.of(Integer.parseInt(amount)) : null,
                refusal.path("count").asInt(0),
                refusal.path("message").asString(""),
                seenAt);
    }

    // ---- for tests: what happens to a seat's page out in the world ----

    /** Crashes the page's renderer, as an out-of-memory kill would. */
    CompletableFuture<Void> crashForTest() {
        SeatTab seat = currentSeat();
        return host.call(b -> {
            try {
                seat.page().navigate("chrome://crash");
            } catch (RuntimeException expected) {
                // The navigation fails because the page crashed.
            }
            return null;
        });
    }

    /** Closes the page's context behind this agent's back. */
    CompletableFuture<Void> closeContextForTest() {
        SeatTab seat = currentSeat();
        return host.call(b -> {
            seat.context().close();
            return null;
        });
    }

    /** The open page's tab (for tests and benchmarks that drive it directly on the browser thread). */
    SeatTab currentSeat() {
        synchronized (lock) {
            if (tab == null || tab.seat == null) {
                throw new IllegalStateException(name + " has no open page");
            }
            return tab.seat;
        }
    }

    // ---- actions ----

    @Override
    public CompletableFuture<Optional<RoomView>> refresh() {
        return onPage("reading the room", page -> page.evaluate(PageScripts.READ_VIEW))
                .thenApply(answer -> {
                    if (answer == null) {
                        return Optional.<RoomView>empty();
                    }
                    JsonNode message = EventJson.mapper().readTree(answer.toString());
                    RoomView view = RoomViewJson.parse(
                            message.path("view"),
                            Instant.ofEpochMilli(message.path("at").asLong()));
                    events.execute(() -> deliver(view));
                    return Optional.of(view);
                });
    }

    @Override
    public CompletableFuture<Click> bid(int lot, Lakh amount) {
        Objects.requireNonNull(amount, "amount");
        return onPage(
                        "bidding " + amount.value() + " on lot " + lot,
                        page -> page.evaluate(PageScripts.BID, List.of(lot, amount.value())))
                .thenApply(Click::fromPage);
    }

    @Override
    public CompletableFuture<Click> arm(Reflex reflex) {
        Objects.requireNonNull(reflex, "reflex");
        return onPage(
                        "arming the reflex for lot " + reflex.lot(),
                        page -> page.evaluate(
                                PageScripts.ARM,
                                Map.of(
                                        "lot", reflex.lot(),
                                        "max", reflex.max().value(),
                                        "purse", reflex.purse().value(),
                                        "squadSize", reflex.squadSize())))
                .thenApply(Click::fromPage);
    }

    @Override
    public CompletableFuture<Click> disarm() {
        return onPage("disarming the reflex", page -> page.evaluate(PageScripts.DISARM))
                .thenApply(Click::fromPage);
    }

    @Override
    public CompletableFuture<Click> rtmMatch() {
        return clickIfShown("rtm-match");
    }

    @Override
    public CompletableFuture<Click> rtmDecline() {
        return clickIfShown("rtm-decline");
    }

    @Override
    public CompletableFuture<Click> rtmRaise(Lakh amount) {
        Objects.requireNonNull(amount, "amount");
        return onPage("raising to " + amount.value(), page -> page.evaluate(PageScripts.RTM_RAISE, amount.value()))
                .thenApply(Click::fromPage);
    }

    @Override
    public CompletableFuture<Click> rtmNoRaise() {
        return clickIfShown("rtm-no-raise");
    }

    @Override
    public CompletableFuture<Optional<Refusal>> lastRefusal() {
        return onPage("reading the last refusal", page -> page.evaluate(PageScripts.READ_REFUSAL_JSON))
                .thenApply(answer -> answer == null
                        ? Optional.<Refusal>empty()
                        : Optional.of(refusal(EventJson.mapper().readTree(answer.toString()), Instant.now())));
    }

    /**
     * Opens the pool page in a tab of its own in this seat's context (the same session, as a person would open it next
     * to the room), reads every row at once and closes the tab. The room page is never touched, and the browser thread
     * does only short steps when no click waits ({@link BrowserHost#callWhenIdle}): open the tab and start loading,
     * then (once the page reports its document loaded) read and close.
     */
    @Override
    public CompletableFuture<List<Player>> pool() {
        Tab on;
        Target where;
        synchronized (lock) {
            on = tab;
            where = target;
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(name + "'s page is closed"));
            }
        }
        if (on == null || on.seat == null || where == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(name + "'s page has not joined an auction yet: join() first"));
        }
        if (on.lost.get()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(name + "'s page was lost (" + on.lostReason + "): reopen() first"));
        }
        SeatTab seat = on.seat;
        String url = where.pool();
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
                                    hand(
                                            callbacks,
                                            () -> loaded.completeExceptionally(
                                                    new PageActionFailed(failure + " at " + request.url())));
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
        CompletableFuture<List<Player>> bounded = Deadline.within(
                read, navigationTimeout.plus(actionTimeout), () -> "reading the pool at " + url, callbacks);
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

    private CompletableFuture<Click> clickIfShown(String testId) {
        return onPage("clicking " + testId, page -> page.evaluate(PageScripts.CLICK_IF_SHOWN, testId))
                .thenApply(Click::fromPage);
    }

    private <T> CompletableFuture<T> onPage(String what, Function<Page, T> action) {
        Tab on;
        synchronized (lock) {
            on = tab;
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(name + "'s page is closed"));
            }
        }
        if (on == null || on.seat == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(name + "'s page has not joined an auction yet: join() first"));
        }
        if (on.lost.get()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(name + "'s page was lost (" + on.lostReason + "): reopen() first"));
        }
        SeatTab seat = on.seat;
        CompletableFuture<T> work = host.call(b -> action.apply(seat.page()), callbacks)
                .exceptionallyCompose(failure -> {
                    Throwable cause = Deadline.unwrap(failure);
                    if (cause instanceof BrowserUnavailable) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    return CompletableFuture.failedFuture(
                            new PageActionFailed(what + " failed: " + BrowserHost.firstLine(cause), cause));
                });
        return Deadline.within(work, actionTimeout, () -> what, callbacks);
    }

    @Override
    public void close() {
        Tab old;
        synchronized (lock) {
            closed = true;
            old = tab;
            tab = null;
        }
        retire(old);
    }

    private void retire(Tab old) {
        if (old == null) {
            return;
        }
        synchronized (lock) {
            if (tab == old) {
                tab = null;
            }
        }
        if (old.seat != null) {
            host.closeSeat(old.seat);
        }
    }

    private boolean isCurrent(Tab candidate) {
        synchronized (lock) {
            return tab == candidate && !closed;
        }
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    private static <T> CompletableFuture<T> failed(String message) {
        return CompletableFuture.failedFuture(new PageActionFailed(message));
    }
}
