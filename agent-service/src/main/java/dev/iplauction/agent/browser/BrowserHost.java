package dev.iplauction.agent.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent instance's one browser: one {@link Playwright} (and its Node.js driver) and one Chromium, owned by one
 * dedicated thread, with a {@link BrowserContext} and page per seat.
 *
 * <p>Playwright for Java is single-threaded, and it delivers what pages push ({@code exposeBinding} callbacks, crash and
 * close events) only while its thread is inside a Playwright call. So the host's thread does two things: it runs the
 * tasks given to {@link #call} one at a time, in order (those given to {@link #callFirst} before them, those given to
 * {@link #callWhenIdle} when no other waits),
 * and between tasks it waits inside Playwright (a client-side {@code waitForCondition} on a context with no pages,
 * which costs no messages to the driver, wakes the moment a message arrives, and returns within 10 ms of a task
 * arriving) so that pushes reach Java the moment they arrive. Whatever a callback or a task's result sets off must be
 * handed to another executor at once: seat logic never runs on this thread. (Measured against {@code
 * page.waitForTimeout(1)} in a loop: that costs about half a core in the JVM and the driver while idle; this, next to
 * nothing.)
 *
 * <p>If Chromium dies, the host tells every open seat (its {@code onBrowserLost}), starts a new Chromium (and a new
 * driver if the old one died too), retrying with back-off, and seats reopen their pages in it.
 */
public final class BrowserHost implements AutoCloseable {

    /** A piece of work for the browser thread. It may use any Playwright object; {@code browser} is the current one. */
    @FunctionalInterface
    public interface BrowserTask<T> {
        T run(Browser browser) throws Exception;
    }

    /** Prepares a seat's context (bindings, init scripts, handlers) before its page opens, on the browser thread. */
    public interface SeatSetup {
        void prepare(BrowserContext context) throws Exception;

        /** Called with the seat's page once it is open, still on the browser thread (for page event handlers). */
        default void opened(Page page) throws Exception {}
    }

    private static final Logger log = LoggerFactory.getLogger(BrowserHost.class);

    /** How long one pumping wait lasts when nothing happens (it returns early as soon as there is work). */
    private static final double PUMP_WAIT_MILLIS = 1_000;

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long SLOW_TASK_MILLIS = 100;

    private final BrowserSettings settings;
    private final Executor callbacks;
    private final ExecutorService ownedCallbacks;
    private final BlockingQueue<Task> firstTasks = new LinkedBlockingQueue<>();
    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final BlockingQueue<Task> idleTasks = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final AtomicInteger relaunches = new AtomicInteger();
    private final Thread thread;
    private final PoolReader pool;
    private volatile boolean running = true;
    private volatile boolean browserLost;
    private volatile long startupMillis;

    // Owned by the browser thread.
    private Playwright playwright;
    private Browser browser;
    private BrowserContext pump;
    private final List<SeatTab> seats = new ArrayList<>();
    private long nextRecoveryNanos;
    private Duration retryDelay = FIRST_RETRY;
    private RuntimeException recoveryFailure;

    private BrowserHost(BrowserSettings settings, Executor callbacks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (callbacks == null) {
            this.ownedCallbacks = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("browser-callback-", 0).factory());
            this.callbacks = ownedCallbacks;
        } else {
            this.ownedCallbacks = null;
            this.callbacks = callbacks;
        }
        this.thread = Thread.ofPlatform().name("browser-host").daemon(true).unstarted(this::run);
        this.pool = new PoolReader(this, this.callbacks);
    }

    /** Starts Playwright and Chromium, completing results on a virtual thread each. Blocks until Chromium runs. */
    public static BrowserHost start(BrowserSettings settings) {
        return start(settings, null);
    }

    /**
     * Starts Playwright and Chromium. Blocks until Chromium runs.
     *
     * @param callbacks where the futures of {@link #call} complete, so that what they set off never runs on the
     *     browser thread (give an executor that runs tasks on its own threads, not the caller's); null for a virtual
     *     thread each
     * @throws BrowserUnavailable when Chromium (or Playwright's driver) does not start
     */
    public static BrowserHost start(BrowserSettings settings, Executor callbacks) {
        return launch(settings, callbacks).awaitStarted();
    }

    /**
     * Starts Playwright and Chromium on the browser thread and returns at once, so the caller's own start-up runs beside
     * Chromium's; tasks given meanwhile wait for it (and fail if it never starts). {@link #awaitStarted} says whether it
     * did.
     */
    public static BrowserHost launch(BrowserSettings settings) {
        return launch(settings, null);
    }

    private static BrowserHost launch(BrowserSettings settings, Executor callbacks) {
        BrowserHost host = new BrowserHost(settings, callbacks);
        host.thread.start();
        return host;
    }

    /**
     * Waits until Playwright and Chromium run.
     *
     * @return this host
     * @throws BrowserUnavailable when Chromium (or Playwright's driver) did not start; the host is then closed
     */
    public BrowserHost awaitStarted() {
        try {
            started.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (ExecutionException e) {
            close();
            throw new BrowserUnavailable("Chromium did not start: " + firstLine(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            close();
            throw new BrowserUnavailable("Chromium did not start within " + STARTUP_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new BrowserUnavailable("interrupted while starting Chromium", e);
        }
    }

    public BrowserSettings settings() {
        return settings;
    }

    /** The pool page's reader, one for every seat of this browser (the pool is the same public list for all). */
    PoolReader pool() {
        return pool;
    }

    /** How long starting Playwright and Chromium took. */
    public Duration startupTime() {
        return Duration.ofMillis(startupMillis);
    }

    /** How many times Chromium has been started again after it died. */
    public int relaunches() {
        return relaunches.get();
    }

    /** Whether the caller is the browser thread. */
    public boolean isBrowserThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Runs a task on the browser thread, after the tasks given before it. The future completes on the host's callback
     * executor; it fails with what the task threw, or with {@link BrowserUnavailable} when the host is closed or
     * Chromium cannot be started again.
     */
    public <T> CompletableFuture<T> call(BrowserTask<T> task) {
        return call(task, callbacks);
    }

    /** Runs a task on the browser thread; the future completes on {@code completion}. */
    public <T> CompletableFuture<T> call(BrowserTask<T> task, Executor completion) {
        return submit(task, completion, tasks);
    }

    /**
     * Runs a task on the browser thread before any other that waits: for the pages' flushes, which hold the rooms' next
     * views (a join's steps or a click must not delay a lot reaching the seats; at most one flush waits per page, so
     * they cannot starve the rest). The future completes on {@code completion}.
     */
    public <T> CompletableFuture<T> callFirst(BrowserTask<T> task, Executor completion) {
        return submit(task, completion, firstTasks);
    }

    /**
     * Runs a task on the browser thread when no {@link #call} task waits: for housekeeping (reading the pool) that may
     * wait behind clicks and the pages' pushes. The future completes on {@code completion}.
     */
    public <T> CompletableFuture<T> callWhenIdle(BrowserTask<T> task, Executor completion) {
        return submit(task, completion, idleTasks);
    }

    private <T> CompletableFuture<T> submit(BrowserTask<T> task, Executor completion, BlockingQueue<Task> queue) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(completion, "completion");
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue(
                queue,
                new Task(
                        () -> {
                            if (result.isDone()) {
                                return; // timed out or cancelled while queued
                            }
                            try {
                                long began = System.nanoTime();
                                T value = task.run(ensureBrowser());
                                long tookMillis = (System.nanoTime() - began) / 1_000_000;
                                if (tookMillis >= SLOW_TASK_MILLIS) {
                                    log.debug("A browser task held the browser thread for {} ms", tookMillis);
                                }
                                hand(completion, () -> result.complete(value));
                            } catch (Throwable failure) {
                                hand(completion, () -> result.completeExceptionally(failure));
                            }
                        },
                        failure -> hand(completion, () -> result.completeExceptionally(failure))));
        return result;
    }

    /**
     * Opens a seat: a new browser context, prepared by {@code setup}, with one page.
     *
     * @param name for logs
     * @param onBrowserLost run on the browser thread when Chromium dies while the seat is open: hand off at once
     */
    public CompletableFuture<SeatTab> openSeat(String name, SeatSetup setup, Runnable onBrowserLost) {
        return openSeat(name, setup, onBrowserLost, callbacks);
    }

    /** Opens a seat; the future completes on {@code completion}. */
    public CompletableFuture<SeatTab> openSeat(
            String name, SeatSetup setup, Runnable onBrowserLost, Executor completion) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(onBrowserLost, "onBrowserLost");
        return call(
                current -> {
                    BrowserContext context = current.newContext(settings.contextOptions());
                    try {
                        context.setDefaultTimeout(settings.actionTimeout().toMillis());
                        context.setDefaultNavigationTimeout(
                                settings.navigationTimeout().toMillis());
                        setup.prepare(context);
                        Page page = context.newPage();
                        setup.opened(page);
                        SeatTab tab = new SeatTab(name, context, page, onBrowserLost);
                        seats.add(tab);
                        return tab;
                    } catch (Exception | Error e) {
                        closeQuietly(context);
                        throw e;
                    }
                },
                completion);
    }

    /** Closes a seat's context (a close that is expected: not reported as a loss). */
    public CompletableFuture<Void> closeSeat(SeatTab tab) {
        tab.markClosing();
        CompletableFuture<Void> result = new CompletableFuture<>();
        enqueue(
                tasks,
                new Task(
                        () -> {
                            seats.remove(tab);
                            closeQuietly(tab.context());
                            hand(callbacks, () -> result.complete(null));
                        },
                        closed -> hand(callbacks, () -> result.complete(null))));
        return result;
    }

    /** Closes every seat, Chromium and Playwright, and waits (up to 30 s) for it. Tasks still queued fail. */
    @Override
    public void close() {
        running = false;
        if (isBrowserThread()) {
            return; // the loop ends after this task and shuts down
        }
        if (thread.isAlive()) {
            try {
                stopped.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.warn("The browser host did not stop cleanly: {}", firstLine(e));
            }
        }
    }

    // ---- the browser thread ----

    /** A task and what to do with it when it will never run (the host closed first). */
    private record Task(Runnable run, Consumer<Throwable> fail) {}

    private void enqueue(BlockingQueue<Task> queue, Task task) {
        if (!running) {
            task.fail().accept(new BrowserUnavailable("the browser host is closed"));
            return;
        }
        queue.add(task);
        if (!running && stopped.isDone()) {
            failQueuedTasks(); // the loop shut down between the check above and the add
        }
    }

    /** The next task: one given to {@link #callFirst}, else to {@link #call}, else to {@link #callWhenIdle}. */
    private Task nextTask() {
        Task task = firstTasks.poll();
        if (task == null) {
            task = tasks.poll();
        }
        return task != null ? task : idleTasks.poll();
    }

    private void run() {
        try {
            long began = System.nanoTime();
            startPlaywright();
            launchBrowser();
            startupMillis = (System.nanoTime() - began) / 1_000_000;
            log.info("Chromium {} started in {} ms", browser.version(), startupMillis);
            started.complete(null);
        } catch (Throwable failure) {
            started.completeExceptionally(failure);
            running = false;
        }
        try {
            while (running) {
                Task task = nextTask();
                if (task != null) {
                    task.run().run();
                } else {
                    pump();
                }
            }
        } catch (Throwable unexpected) {
            log.error("The browser thread stopped on an unexpected error", unexpected);
            running = false;
        } finally {
            shutDown();
        }
    }

    /** Waits inside Playwright, so pushes from pages are delivered, until there is a task (or a second passes). */
    private void pump() {
        if (!healthy()) {
            recover();
            if (!healthy()) {
                waitForTaskUntil(nextRecoveryNanos); // nothing to pump: wait for a task or the next try
            }
            return;
        }
        try {
            pump.waitForCondition(
                    this::hasWork, new BrowserContext.WaitForConditionOptions().setTimeout(PUMP_WAIT_MILLIS));
        } catch (TimeoutError idle) {
            // Nothing happened for a second: wait again.
        } catch (PlaywrightException failure) {
            if (running) {
                log.warn("Lost the connection to Chromium: {}", firstLine(failure));
                pump = null;
                recover();
            }
        } catch (RuntimeException | StackOverflowError broken) {
            // Thrown from inside Playwright's message handling: its state cannot be trusted. Start afresh.
            log.error("Playwright failed while waiting for pages; starting Chromium again", broken);
            browserLost = true;
            recover();
        }
    }

    private boolean hasWork() {
        return !firstTasks.isEmpty() || !tasks.isEmpty() || !idleTasks.isEmpty() || !running || browserLost;
    }

    private boolean healthy() {
        return !browserLost && browser != null && pump != null && browser.isConnected();
    }

    private Browser ensureBrowser() {
        if (!healthy()) {
            recover();
        }
        if (!healthy()) {
            throw new BrowserUnavailable(
                    "Chromium is not running"
                            + (recoveryFailure == null
                                    ? ""
                                    : ": starting it again failed: " + firstLine(recoveryFailure)),
                    recoveryFailure);
        }
        return browser;
    }

    /**
     * Brings the browser back: a new pumping context if only that is gone; else tells every open seat that Chromium
     * died and starts a new one (and a new driver if need be), unless the last try failed less than a back-off ago.
     */
    private void recover() {
        if (!running) {
            return;
        }
        if (!browserLost && browser != null && browser.isConnected()) {
            try {
                openPump();
                return;
            } catch (PlaywrightException e) {
                log.warn("Chromium does not answer: {}", firstLine(e));
            }
        }
        browserLost = true;
        tellSeatsBrowserLost();
        if (System.nanoTime() < nextRecoveryNanos) {
            return;
        }
        try {
            relaunch();
            retryDelay = FIRST_RETRY;
            recoveryFailure = null;
        } catch (RuntimeException failure) {
            recoveryFailure = failure;
            nextRecoveryNanos = System.nanoTime() + retryDelay.toNanos();
            log.error(
                    "Could not start Chromium again (next try in {} ms): {}",
                    retryDelay.toMillis(),
                    firstLine(failure));
            Duration doubled = retryDelay.multipliedBy(2);
            retryDelay = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        }
    }

    private void tellSeatsBrowserLost() {
        List<SeatTab> lost = List.copyOf(seats);
        seats.clear();
        for (SeatTab tab : lost) {
            try {
                tab.onBrowserLost().run();
            } catch (RuntimeException e) {
                log.warn("Telling {} that Chromium died failed", tab, e);
            }
        }
    }

    private void relaunch() {
        closeQuietly(browser);
        browser = null;
        pump = null;
        try {
            launchBrowser();
        } catch (PlaywrightException browserFailed) {
            log.warn("Launching Chromium failed ({}); starting Playwright's driver again", firstLine(browserFailed));
            closeQuietly(playwright);
            playwright = null;
            startPlaywright();
            launchBrowser();
        }
        browserLost = false;
        log.warn("Started Chromium again (relaunch {})", relaunches.incrementAndGet());
    }

    private void startPlaywright() {
        Path driver = settings.effectiveDriverDirectory();
        if (driver != null) {
            DriverInstall.useDriverUnder(driver);
        }
        playwright = Playwright.create(settings.createOptions());
    }

    private void launchBrowser() {
        Browser launched = playwright.chromium().launch(settings.launchOptions());
        launched.onDisconnected(b -> {
            if (b == browser) {
                browserLost = true;
            }
        });
        browser = launched;
        openPump();
    }

    /** A context with no page: waiting on it costs no renderer and no messages, only the driver's pipe is read. */
    private void openPump() {
        pump = browser.newContext();
    }

    /** The browser is gone and will not be tried again before the deadline: run (and so fail) tasks until then. */
    private void waitForTaskUntil(long deadlineNanos) {
        try {
            long wait = Math.max(1, Math.min(deadlineNanos - System.nanoTime(), TimeUnit.SECONDS.toNanos(1)));
            Task task = nextTask();
            if (task == null) {
                task = tasks.poll(wait, TimeUnit.NANOSECONDS);
            }
            if (task != null) {
                task.run().run();
            }
        } catch (InterruptedException e) {
            running = false;
        }
    }

    private void shutDown() {
        seats.clear();
        closeQuietly(browser);
        closeQuietly(playwright);
        browser = null;
        playwright = null;
        pump = null;
        stopped.complete(null);
        failQueuedTasks();
        if (ownedCallbacks != null) {
            ownedCallbacks.shutdown();
        }
    }

    private void failQueuedTasks() {
        BrowserUnavailable closed = new BrowserUnavailable("the browser host is closed");
        for (Task task; (task = nextTask()) != null; ) {
            task.fail().accept(closed);
        }
    }

    private void hand(Executor executor, Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException shutDown) {
            completion.run();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("Closing {} failed: {}", closeable, firstLine(e));
        }
    }

    /** A failure's message in one line (Playwright's "Error { message='…' name=… stack=… }" reduced to the message). */
    static String firstLine(Throwable failure) {
        if (failure == null) {
            return "";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        int quoted = message.indexOf("message='");
        if (message.startsWith("Error {") && quoted >= 0) {
            message = message.substring(quoted + "message='".length());
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
