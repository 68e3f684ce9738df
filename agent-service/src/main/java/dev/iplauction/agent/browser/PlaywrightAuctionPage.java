package dev.iplauction.agent.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A seat's {@link AuctionPage} in a browser context of the instance's one Chromium, driven with Playwright through the
 * page contract.
 *
 * <p>Everything Playwright runs on the {@link BrowserHost}'s thread. The page pushes to Java by itself (an init script
 * and a doorbell binding, see {@link PageScripts#DOORBELL}): every view it applies, every refusal it shows, every bid
 * its reflex clicks, and what each document is once it has loaded. Those pushes, crash and close events, and the
 * futures of every method are handed to the seat's executor at once ({@link PagePushes}).
 *
 * <p>This class keeps the seat's tab (a fresh context for every join, retired when lost, replaced or closed) and the
 * page's actions; joining is {@link PageJoin}'s, reading the pool {@link PoolReader}'s.
 */
public final class PlaywrightAuctionPage implements AuctionPage {

    private final BrowserHost host;
    private final String name;
    private final Executor callbacks;
    private final PagePushes pushes;
    private final PageJoin joins;
    private final PoolReader pool;
    private final java.time.Duration actionTimeout;
    private final AtomicInteger generations = new AtomicInteger();

    private final Object lock = new Object();
    private PageJoin.Target target; // guarded by lock
    private PageTab tab; // guarded by lock
    private boolean closed; // guarded by lock

    /**
     * @param name the seat's name in logs, such as its franchise
     * @param callbacks the seat's executor: the listener and every future of this page run on it, never on the
     *     browser's thread
     */
    public PlaywrightAuctionPage(BrowserHost host, String name, Executor callbacks, Listener listener) {
        this.host = Objects.requireNonNull(host, "host");
        this.name = Objects.requireNonNull(name, "name");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.pushes = new PagePushes(name, Objects.requireNonNull(listener, "listener"), callbacks, this::isCurrent);
        this.joins = new PageJoin(host, name, callbacks);
        this.pool = host.pool();
        this.actionTimeout = host.settings().actionTimeout();
    }

    // ---- joining ----

    @Override
    public CompletableFuture<JoinResult> join(URI baseUrl, String auctionCode, Franchise franchise, String seatToken) {
        PageJoin.Target joining = PageJoin.Target.of(baseUrl, auctionCode, franchise, seatToken);
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
        PageJoin.Target again;
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

    /** A fresh context in place of the old one, then {@link PageJoin#enter}. */
    private CompletableFuture<JoinResult> enter(PageJoin.Target joining) {
        PageTab fresh = new PageTab(name, generations.incrementAndGet(), callbacks);
        PageTab old;
        synchronized (lock) {
            old = tab;
            tab = fresh;
        }
        if (old != null && old.seat != null) {
            host.closeSeat(old.seat);
        }
        pushes.reset();
        CompletableFuture<PageReport> lobby = fresh.nextDocument();
        CompletableFuture<JoinResult> joined = host.openSeat(
                        fresh.toString(),
                        setUp(fresh, joining.lobby()),
                        () -> lost(fresh, PageLost.Reason.BROWSER_DIED, "Chromium died"),
                        callbacks)
                .thenCompose(seat -> {
                    fresh.steps.mark("context and page");
                    fresh.seat = seat;
                    if (!isCurrent(fresh)) {
                        host.closeSeat(seat); // closed or joined again meanwhile
                        return CompletableFuture.failedFuture(
                                new IllegalStateException(name + "'s page was closed or joined again while joining"));
                    }
                    return joins.enter(fresh, joining, lobby);
                });
        CompletableFuture<JoinResult> bounded = Deadline.within(
                joined, joins.deadline(), () -> "joining " + joining.code() + " as " + joining.franchise(), callbacks);
        return bounded.whenComplete((result, failure) -> {
            joins.ended(fresh, joining, result, failure);
            if (failure != null || result != JoinResult.JOINED) {
                retire(fresh);
            }
        });
    }

    // ---- the tab ----

    /**
     * The bindings, init script and crash and close handlers of a new context, on the browser thread; once its page is
     * open, the page starts loading {@code firstUrl} in the same task, so that it loads while the browser thread opens
     * the other seats' tabs (nine seats joining together: each lobby used to start only after all nine tabs had opened).
     */
    private BrowserHost.SeatSetup setUp(PageTab on, String firstUrl) {
        return new BrowserHost.SeatSetup() {
            @Override
            public void prepare(BrowserContext context) {
                on.steps.mark("waiting for the browser thread");
                context.exposeBinding(PageScripts.DOORBELL, (source, args) -> {
                    Object messages = args.length > 0 ? args[0] : null;
                    pushes.handOff(on, messages);
                    if (on.flushQueued.compareAndSet(false, true)) {
                        Page ringing = source.page();
                        // First: behind the pool's reads (or other seats' joins), the room's next views waited
                        // (with two CPU burners, the first lot reached every seat 1.5 s late, after its clock ran out).
                        host.callFirst(
                                b -> {
                                    on.flushQueued.set(false);
                                    return flush(ringing);
                                },
                                callbacks);
                    }
                    return null;
                });
                // One script, one round trip to the driver: nine seats' setups queue on the one browser thread.
                context.addInitScript(
                        host.settings().paint()
                                ? PageScripts.INIT_SCRIPT
                                : PageScripts.INIT_SCRIPT + "\n;" + PageScripts.NO_PAINT);
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
                page.evaluate(PageScripts.OPEN, firstUrl);
            }
        };
    }

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

    /** The tab stopped working (on the browser thread: hand off only). Reported once, unless this agent closed it. */
    private void lost(PageTab on, PageLost.Reason reason, String detail) {
        SeatTab seat = on.seat;
        if ((seat != null && seat.isClosing()) || !isCurrent(on) || !on.lost.compareAndSet(false, true)) {
            return;
        }
        on.lostReason = reason;
        pushes.lost(on, new PageLost(reason, detail, Instant.now()));
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

    /** The seated tab an action may use now, or why there is none. */
    private PageTab usableTab() {
        PageTab on;
        synchronized (lock) {
            on = tab;
            if (closed) {
                throw new IllegalStateException(name + "'s page is closed");
            }
        }
        if (on == null || on.seat == null) {
            throw new IllegalStateException(name + "'s page has not joined an auction yet: join() first");
        }
        if (on.lost.get()) {
            throw new IllegalStateException(name + "'s page was lost (" + on.lostReason + "): reopen() first");
        }
        return on;
    }

    @Override
    public void close() {
        PageTab old;
        synchronized (lock) {
            closed = true;
            old = tab;
            tab = null;
        }
        retire(old);
    }

    private void retire(PageTab old) {
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

    private boolean isCurrent(PageTab candidate) {
        synchronized (lock) {
            return tab == candidate && !closed;
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
                    pushes.deliverLater(view);
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
                                        "squadSize", reflex.squadSize(),
                                        "spreadMs", reflex.spreadMillis())))
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
                        : Optional.of(
                                PagePushes.refusal(EventJson.mapper().readTree(answer.toString()), Instant.now())));
    }

    /** See {@link PoolReader}: the room stays as it is, and seats asking together share a read. */
    @Override
    public CompletableFuture<List<Player>> pool() {
        PageTab on;
        String url;
        try {
            on = usableTab();
            synchronized (lock) {
                url = target.pool();
            }
        } catch (IllegalStateException notNow) {
            return CompletableFuture.failedFuture(notNow);
        }
        return pool.read(on.seat, url, callbacks);
    }

    private CompletableFuture<Click> clickIfShown(String testId) {
        return onPage("clicking " + testId, page -> page.evaluate(PageScripts.CLICK_IF_SHOWN, testId))
                .thenApply(Click::fromPage);
    }

    private <T> CompletableFuture<T> onPage(String what, Function<Page, T> action) {
        SeatTab seat;
        try {
            seat = usableTab().seat;
        } catch (IllegalStateException notNow) {
            return CompletableFuture.failedFuture(notNow);
        }
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
}
