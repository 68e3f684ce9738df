package dev.iplauction.bench;

import java.time.Duration;

/**
 * When one caller's requests go: back to back, or (the paced parts) one every interval from a start. A paced request
 * is timed from when it was due, not from when it went, so a stall shows in every request held up behind it.
 */
final class Schedule {

    private final long intervalNanos;
    private long due;

    /** @param intervalNanos 0 for back to back */
    Schedule(long startNanos, long intervalNanos) {
        this.intervalNanos = intervalNanos;
        this.due = startNanos;
    }

    /** Waits until the next request is due and answers when that is ({@link System#nanoTime()}). */
    long next() throws InterruptedException {
        if (intervalNanos <= 0) {
            return System.nanoTime();
        }
        for (long now; (now = System.nanoTime()) < due; ) {
            Thread.sleep(Duration.ofNanos(due - now));
        }
        long at = due;
        due += intervalNanos;
        return at;
    }
}
