package dev.iplauction.logservice.ingest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * Puts records from many sources back in time order: each record is held until the window has passed since its
 * time, so one that arrives up to a window late still takes its place. No record is held longer than the window
 * after it arrived (a sender whose clock runs ahead cannot hold the log back), nor are more than {@code maxHeld}
 * records held (the oldest go first). A record that comes later than the window goes out at once, out of order
 * but never lost. Equal times keep their arrival order. Times are nanoseconds since the epoch.
 */
final class ReorderBuffer<T> {

    private static final class Held<T> {
        final T item;
        final long at;
        final long arrived;
        final long seq;
        boolean released;

        Held(T item, long at, long arrived, long seq) {
            this.item = item;
            this.at = at;
            this.arrived = arrived;
            this.seq = seq;
        }
    }

    private final long window;
    private final int maxHeld;
    private final ToLongFunction<T> timeOf;
    private final PriorityQueue<Held<T>> byTime =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final ArrayDeque<Held<T>> byArrival = new ArrayDeque<>();
    private long seq;

    ReorderBuffer(Duration window, int maxHeld, ToLongFunction<T> timeOf) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the re-ordering window cannot be negative: " + window);
        }
        if (maxHeld < 1) {
            throw new IllegalArgumentException("the buffer must hold at least one record, not " + maxHeld);
        }
        this.window = window.toNanos();
        this.maxHeld = maxHeld;
        this.timeOf = timeOf;
    }

    void add(T item, long arrived) {
        Held<T> held = new Held<>(item, timeOf.applyAsLong(item), arrived, seq++);
        byTime.add(held);
        byArrival.addLast(held);
    }

    /** The records whose time has come, in time order. */
    List<T> release(long now) {
        long cutoff = now - window;
        long releaseUpTo = cutoff;
        while (!byArrival.isEmpty() && byArrival.peekFirst().arrived <= cutoff) {
            Held<T> waited = byArrival.pollFirst();
            if (!waited.released && waited.at > releaseUpTo) {
                releaseUpTo = waited.at; // held a whole window already: it goes now, and all before it
            }
        }
        List<T> out = new ArrayList<>();
        while (!byTime.isEmpty() && (byTime.peek().at <= releaseUpTo || byTime.size() > maxHeld)) {
            Held<T> next = byTime.poll();
            next.released = true;
            out.add(next.item);
        }
        if (byTime.isEmpty()) {
            byArrival.clear();
        }
        return out;
    }

    int size() {
        return byTime.size();
    }
}
