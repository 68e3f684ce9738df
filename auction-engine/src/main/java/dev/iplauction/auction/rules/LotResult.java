package dev.iplauction.auction.rules;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.auction.Round;
import java.time.Instant;

/** How a lot ended: sold (to whom, for how much, by right to match or not) or unsold (skipped by the host or not). */
public record LotResult(
        int lot,
        Round round,
        Player player,
        Franchise soldTo,
        Lakh price,
        boolean rightToMatch,
        boolean skipped,
        Instant at) {

    public boolean sold() {
        return soldTo != null;
    }
}
