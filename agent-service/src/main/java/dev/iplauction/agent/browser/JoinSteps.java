package dev.iplauction.agent.browser;

import java.util.StringJoiner;

/**
 * How long each step of one join took, for the log line that says the seat is taken: where a slow start goes (waiting
 * for the browser thread, opening the context and page, the lobby, the seat form, the room). Steps are marked from the
 * browser thread and the seat's, one after another.
 */
final class JoinSteps {

    private final long began = System.nanoTime();
    private final StringJoiner steps = new StringJoiner(", ");
    private long last = began;

    /** The step that ends now. */
    synchronized void mark(String step) {
        long now = System.nanoTime();
        steps.add(step + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    synchronized long totalMillis() {
        return (System.nanoTime() - began) / 1_000_000;
    }

    @Override
    public synchronized String toString() {
        return steps.toString();
    }
}
