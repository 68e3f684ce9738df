package dev.iplauction.contracts;

import java.util.Optional;

/**
 * The IPL bidding arithmetic that the auction house enforces and the agents plan with. Pure functions of their
 * arguments, so both sides always agree. The bid ladder is an auction's own: {@link Increments}.
 */
public final class BiddingRules {

    /** Retained plus right-to-match players may be at most 5 capped and 2 uncapped. */
    public static final int MAX_KEPT_CAPPED = 5;

    public static final int MAX_KEPT_UNCAPPED = 2;

    private BiddingRules() {}

    /**
     * Whether a franchise that has already kept (retained or bought back by right to match) this many players of the
     * player's kind may use a card on him.
     */
    public static boolean rtmCapAllows(boolean cappedPlayer, int keptOfThatKind) {
        return keptOfThatKind < (cappedPlayer ? MAX_KEPT_CAPPED : MAX_KEPT_UNCAPPED);
    }

    /**
     * The purse a franchise must still hold after buying one more player, so it can fill its remaining minimum places at
     * the lowest base price: minBasePrice × max(0, minSquad − (squad + 1)).
     */
    public static Lakh reserveAfterWinning(SquadRules rules, int squadSize) {
        int placesStillNeeded = Math.max(0, rules.minSquad() - (squadSize + 1));
        return rules.minBasePrice().times(placesStillNeeded);
    }

    /** The most a franchise may bid on one player now: its purse less the reserve. */
    public static Lakh maxBid(SquadRules rules, Lakh purse, int squadSize) {
        return purse.minusOrZero(reserveAfterWinning(rules, squadSize));
    }

    /**
     * Whether a franchise in this standing may buy this player at this amount, judged on purse, squad size and overseas
     * count only (not on the amount being the next valid bid, which the lot decides).
     */
    public static Optional<RefusalReason> affordability(
            SquadRules rules, Lakh purse, int squadSize, int overseasCount, boolean overseasPlayer, Lakh amount) {
        if (squadSize >= rules.maxSquad()) {
            return Optional.of(RefusalReason.SQUAD_FULL);
        }
        if (overseasPlayer && overseasCount >= rules.maxOverseas()) {
            return Optional.of(RefusalReason.OVERSEAS_LIMIT);
        }
        if (amount.isMoreThan(maxBid(rules, purse, squadSize))) {
            return Optional.of(RefusalReason.PURSE);
        }
        return Optional.empty();
    }
}
