package dev.iplauction.auction.house;

import java.time.Duration;

/** A creation refused by the {@link CreationGate}: too many unfinished auctions, or too many from one client. */
public final class CreationRefused extends RuntimeException {

    private final boolean rateLimited;
    private final Duration retryAfter;

    private CreationRefused(String message, boolean rateLimited, Duration retryAfter) {
        super(message);
        this.rateLimited = rateLimited;
        this.retryAfter = retryAfter;
    }

    static CreationRefused rateLimited(int perMinute, Duration retryAfter) {
        return new CreationRefused(
                "at most " + perMinute + " auctions a minute may be created from one address; try again in "
                        + retryAfterSeconds(retryAfter) + " s",
                true,
                retryAfter);
    }

    static CreationRefused tooManyAuctions(int maxLive) {
        return new CreationRefused(
                "the house already runs " + maxLive + " unfinished auctions, its limit; finish or end one first",
                false,
                null);
    }

    /** True for a client over its rate (429), false for a full house (409). */
    public boolean rateLimited() {
        return rateLimited;
    }

    /** Whole seconds until the client may try again (rate limit only; at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    private static long retryAfterSeconds(Duration retryAfter) {
        return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
