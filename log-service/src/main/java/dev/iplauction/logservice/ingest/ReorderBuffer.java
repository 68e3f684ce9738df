package dev.iplauction.logservice.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Puts records from many sources back in time order: each record is held until the window has passed since its
 * time, so one that arrives up to a window late still takes its place. No record is held longer than the window
 * after it arrived (a sender whose clock runs ahead cannot hold the log back), nor are more than {@code maxHeld}
 * records held (the oldest go first). A record that comes later than the window goes out at once, out of order
 * but never lost. Equal times keep their arrival order.
 */
final class ReorderBuffer<T> {

    private static final class Held<T> {
        final T item;
        final Instant at;
        final Instant arrived;
        final long seq;
        boolean released;

        Held(T item, Instant at, Instant arrived, long seq) {
            this.item = item;
            this.at = at;
            this.arrived = arrived;
            this.seq = seq;
        }
    }

    private final Duration window;
    private final int maxHeld;
    private final Function<T, Instant> timeOf;
    private final PriorityQueue<Held<T>> byTime = new PriorityQueue<>(
            Comparator.<Held<T>, Instant>comparing(h -> h.at).thenComparingLong(h -> h.seq));
    private final ArrayDeque<Held<T>> byArrival = new ArrayDeque<>();
    private long seq;

    ReorderBuffer(Duration window, int maxHeld, Function<T, Instant> timeOf) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the re-ordering window cannot be negative: " + window);
        }
        if (maxHeld < 1) {
            throw new IllegalArgumentException("the buffer must hold at least one record, not " + maxHeld);
        }
        this.window = window;
        this.maxHeld = maxHeld;
        this.timeOf = timeOf;
    }

    void add(T item, Instant arrived) {
        Held<T> held = new Held<>(item, timeOf.apply(item), arrived, seq++);
        byTime.add(held);
        byArrival.addLast(held);
    }

    /** The records whose time has come, in time order. */
    List<T> release(Instant now) {
        Instant cutoff = now.minus(window);
        Instant releaseUpTo = cutoff;
        while (!byArrival.isEmpty() && !byArrival.peekFirst().arrived.isAfter(cutoff)) {
            Held<T> waited = byArrival.pollFirst();
            if (!waited.released && waited.at.isAfter(releaseUpTo)) {
                releaseUpTo = waited.at; // held a whole window already: it goes now, and all before it
            }
        }
        List<T> out = new ArrayList<>();
        while (!byTime.isEmpty() && (!byTime.peek().at.isAfter(releaseUpTo) || byTime.size() > maxHeld)) {
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
