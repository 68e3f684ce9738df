package dev.iplauction.agent.browser;

import dev.iplauction.contracts.Lakh;
import java.time.Instant;

/**
 * The house's refusal of this page's own last action, as the room's {@code last-refusal} shows it.
 *
 * @param reason the problem's reason code: {@code stale}, {@code highest-bidder}, {@code purse}, {@code squad-full},
 *     {@code overseas-limit}, {@code lot-closed}, {@code not-running}, {@code not-your-seat}, {@code not-your-turn},
 *     {@code network} …
 * @param status the HTTP status (0 when the house could not be reached)
 * @param lot the lot the action named, or null
 * @param amount the amount it named, or null
 * @param count how many refusals this page has shown so far: a new refusal has a higher count
 * @param message the refusal in words
 * @param seenAt the browser's clock when the page showed it
 */
public record Refusal(String reason, int status, Integer lot, Lakh amount, int count, String message, Instant seenAt) {

    /** Whether it answers a bid on this lot at this amount. */
    public boolean concerns(int lotNumber, Lakh bid) {
        return lot != null && lot == lotNumber && bid != null && bid.equals(amount);
    }
}
