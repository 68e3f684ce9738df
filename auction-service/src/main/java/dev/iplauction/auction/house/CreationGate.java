package dev.iplauction.auction.house;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may create an auction now. Every auction's first event carries its whole player pool and the house keeps every
 * unfinished auction in memory, so creation is the one request that grows the house: at most {@code maxLive} unfinished
 * auctions at once, and at most {@code perClientPerMinute} creations by one client (a token bucket per remote address,
 * refilled evenly over the minute).
 */
public final class CreationGate {

    /** Clients remembered at most; beyond it, idle (full) buckets are forgotten first, then everything. */
    private static final int MAX_CLIENTS = 10_000;

    private final int maxLive;
    private final int perClientPerMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** One client's allowance: {@code tokens} left at {@code atMillis}. */
    private static final class Bucket {
        double tokens;
        long atMillis;

        Bucket(double tokens, long atMillis) {
            this.tokens = tokens;
            this.atMillis = atMillis;
        }
    }

    public CreationGate(int maxLive, int perClientPerMinute, Clock clock) {
        if (maxLive < 1 || perClientPerMinute < 1) {
            throw new IllegalArgumentException("the live auction cap and the creation rate must be at least 1");
        }
        this.maxLive = maxLive;
        this.perClientPerMinute = perClientPerMinute;
        this.clock = clock;
    }

    /** No limits: for tools and tests that drive the house directly. */
    public static CreationGate unlimited() {
        return new CreationGate(Integer.MAX_VALUE, Integer.MAX_VALUE, Clock.systemUTC());
    }

    public int maxLive() {
        return maxLive;
    }

    /** Takes one of this client's creations, or refuses with how long to wait for the next. */
    void admitClient(String client) {
        if (perClientPerMinute == Integer.MAX_VALUE) {
            return;
        }
        long now = clock.millis();
        double perMilli = perClientPerMinute / 60_000.0;
        if (buckets.size() >= MAX_CLIENTS) {
            forgetIdle(now, perMilli);
        }
        Bucket bucket = buckets.computeIfAbsent(client == null ? "" : client, k -> new Bucket(perClientPerMinute, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(perClientPerMinute, bucket.tokens + (now - bucket.atMillis) * perMilli);
            bucket.atMillis = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            long waitMillis = (long) Math.ceil((1 - bucket.tokens) / perMilli);
            throw CreationRefused.rateLimited(perClientPerMinute, Duration.ofMillis(waitMillis));
        }
    }

    /** Refuses a creation that would make more than {@code maxLive} unfinished auctions. */
    void admitLive(long live) {
        if (live >= maxLive) {
            throw CreationRefused.tooManyAuctions(maxLive);
        }
    }

    private void forgetIdle(long now, double perMilli) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            if (b.tokens + (now - b.atMillis) * perMilli >= perClientPerMinute) {
                it.remove();
            }
        }
        if (buckets.size() >= MAX_CLIENTS) {
            // Still full of busy clients (a spread-out flood): start afresh rather than grow without bound.
            buckets.clear();
        }
    }
}
