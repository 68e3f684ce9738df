package dev.iplauction.agent.browser;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser context of a seat's page, a new one for every join: its {@link SeatTab} once open, whether it was lost,
 * and which document it shows (so a join can wait for the next one).
 */
final class PageTab {

    private static final Logger log = LoggerFactory.getLogger(PageTab.class);

    final int generation;
    final AtomicBoolean lost = new AtomicBoolean();
    final AtomicBoolean flushQueued = new AtomicBoolean();
    final JoinSteps steps = new JoinSteps();
    volatile SeatTab seat;
    volatile PageLost.Reason lostReason;

    private final String name;
    private final Executor callbacks;

    // Guarded by this: the document shown now and who waits for the next one.
    private String currentDoc;
    private String waitingAfter;
    private CompletableFuture<PageReport> waiting;

    PageTab(String name, int generation, Executor callbacks) {
        this.name = name;
        this.generation = generation;
        this.callbacks = callbacks;
    }

    /** The report of the next document this tab shows (one other than the one shown now). */
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
            hand(callbacks, () -> failed.completeExceptionally(new PageActionFailed(failure + " at " + url)), name);
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

    /** Runs a task on a seat's executor, or drops it (with a word in the debug log) when the seat has shut it down. */
    static void hand(Executor executor, Runnable task, String who) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException shutDown) {
            log.debug("{}: the seat's executor is shut down; a message from the page is dropped", who);
        }
    }

    @Override
    public String toString() {
        return name + "#" + generation;
    }
}
