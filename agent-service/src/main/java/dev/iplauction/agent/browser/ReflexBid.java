package dev.iplauction.agent.browser;

import dev.iplauction.contracts.Lakh;
import java.time.Instant;

/**
 * A bid the page clicked by itself, armed with a {@link Reflex}. Whether the house took it shows as ever: a view with
 * this franchise holding the lot at this amount, or a {@link Refusal}.
 *
 * @param promptedAt the browser's clock when the view that prompted the click arrived
 * @param clickedAt the browser's clock at the click
 */
public record ReflexBid(int lot, Lakh amount, Instant promptedAt, Instant clickedAt) {}
