package dev.iplauction.agent.browser;

import dev.iplauction.contracts.Lakh;
import java.util.Objects;

/**
 * What a seat arms its page with (PAGE_CONTRACT.md, "The reflex"): on this lot the page clicks its own bid button
 * whenever it names an amount up to {@code max}, while this franchise's purse and squad size are still the ones given
 * here (a view that shows others means the seat must arm it again).
 *
 * @param lot the lot it is for
 * @param max the most to bid: the seat's decision within the rules' limits
 * @param purse the franchise's purse as the seat saw it
 * @param squadSize the franchise's squad size as the seat saw it
 * @param spreadMillis how long each click waits for each rival who could bid the same amount and comes before this
 *     franchise in the view's order (0 to 1000; the order is the same on every page and new with each view): pages
 *     that see the same view take turns, and the later ones see the first one's view instead of racing it into a
 *     stale refusal
 */
public record Reflex(int lot, Lakh max, Lakh purse, int squadSize, int spreadMillis) {

    public Reflex {
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(purse, "purse");
        if (lot < 1 || squadSize < 0) {
            throw new IllegalArgumentException("a reflex needs a lot number from 1 and a squad size from 0, got lot "
                    + lot + ", squad " + squadSize);
        }
    }
}
