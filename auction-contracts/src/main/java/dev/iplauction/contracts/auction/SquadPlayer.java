package dev.iplauction.contracts.auction;

import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;

/** A player in a franchise's squad and what he cost (his retention price, or the hammer price). */
public record SquadPlayer(Player player, Lakh price, Acquisition acquisition) {

    public enum Acquisition {
        RETAINED,
        BOUGHT,
        RIGHT_TO_MATCH
    }
}
