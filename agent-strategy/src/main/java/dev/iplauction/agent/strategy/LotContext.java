package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import java.util.List;

/**
 * Everything an agent knows when a lot is on the block: the player, the state of bidding, its own team and its rivals
 * (as the auction room shows them), and the auction's limits.
 *
 * @param currentBid the highest bid so far, or null before the opening bid
 * @param highestBidder who holds it, or null
 * @param nextBid the only amount a bid may name now
 * @param rivals every other franchise in the auction
 * @param lotsRemaining players still to come after this one in the current round
 * @param startingPurse every franchise's purse before retentions (₹120 Cr in the IPL), which a team's per-player cap
 *     is a share of; null when unknown, and the franchise's current purse stands in for it
 * @param upcoming the players still to come after this one, in order, as the room's pool page lists them; empty when
 *     unknown, and budgets then assume the cheapest base price for the places still to fill
 */
public record LotContext(
        String auctionCode,
        Franchise me,
        int lot,
        Player player,
        Lakh currentBid,
        Franchise highestBidder,
        Lakh nextBid,
        SquadRules rules,
        TeamState mine,
        List<TeamState> rivals,
        int lotsRemaining,
        Lakh startingPurse,
        List<Player> upcoming) {

    public LotContext {
        rivals = List.copyOf(rivals);
        upcoming = upcoming == null ? List.of() : List.copyOf(upcoming);
    }

    /** A lot without the starting purse or the players still to come. */
    public LotContext(
            String auctionCode,
            Franchise me,
            int lot,
            Player player,
            Lakh currentBid,
            Franchise highestBidder,
            Lakh nextBid,
            SquadRules rules,
            TeamState mine,
            List<TeamState> rivals,
            int lotsRemaining) {
        this(
                auctionCode,
                me,
                lot,
                player,
                currentBid,
                highestBidder,
                nextBid,
                rules,
                mine,
                rivals,
                lotsRemaining,
                null,
                List.of());
    }

    /** The purse a team's per-player cap is a share of: the starting purse, or the current one when that is unknown. */
    public Lakh startingPurseOr(Lakh fallback) {
        return startingPurse == null ? fallback : startingPurse;
    }

    /** This context under other squad limits (see {@link MiniAuction}). */
    LotContext withRules(SquadRules other) {
        return new LotContext(
                auctionCode,
                me,
                lot,
                player,
                currentBid,
                highestBidder,
                nextBid,
                other,
                mine,
                rivals,
                lotsRemaining,
                startingPurse,
                upcoming);
    }

    /** This context with another price on the table and another holder of it (for the right-to-match steps). */
    public LotContext at(Lakh bid, Franchise bidder, Lakh next) {
        return new LotContext(
                auctionCode,
                me,
                lot,
                player,
                bid,
                bidder,
                next,
                rules,
                mine,
                rivals,
                lotsRemaining,
                startingPurse,
                upcoming);
    }
}
