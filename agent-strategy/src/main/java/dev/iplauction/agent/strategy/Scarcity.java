package dev.iplauction.agent.strategy;

import dev.iplauction.agent.strategy.PlayerRating.Rating;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How scarce a player is: how many players as good as him, of his role and his kind (Indian or overseas: an XI
 * holds at most four overseas players, so the Indian pool is the one that runs dry), are still to come,
 * against how many franchises still need his role and can pay for him. The last good wicketkeeper, or an overseas
 * fast bowler when few are left, is worth more than the same player early in a deep pool. Unknown (no pool in view)
 * means not scarce.
 *
 * @param supply players still to come of his role (and overseas status) rated at least {@link #AS_GOOD} as well
 * @param demand franchises (this one included) below their target for his role, with room and money for him
 * @param factor 1 while supply meets demand, rising to {@code 1 + WEIGHT} when none as good is left
 */
record Scarcity(int supply, int demand, double factor) {

    /** How much more the last one is worth. */
    static final double WEIGHT = 0.4;

    /** A player rated within this much of him counts as as good. */
    static final double AS_GOOD = 0.05;

    static final Scarcity UNKNOWN = new Scarcity(0, 0, 1);

    static Scarcity of(
            BuyingStyle buyingStyle,
            Player player,
            double quality,
            LotContext context,
            Function<Player, Rating> rating) {
        if (context.upcoming().isEmpty()) {
            return UNKNOWN;
        }
        int supply = 0;
        for (Player next : context.upcoming()) {
            if (next.role() == player.role()
                    && next.overseas() == player.overseas()
                    && rating.apply(next).quality() >= quality - AS_GOOD) {
                supply++;
            }
        }
        SquadRules rules = context.rules();
        List<TeamState> room = new ArrayList<>(context.rivals());
        room.add(context.mine());
        int demand = 0;
        for (TeamState team : room) {
            boolean needs = team.count(player.role()) < buyingStyle.roleTarget(player.role(), rules);
            boolean fits = BiddingRules.affordability(
                            rules,
                            team.purse(),
                            team.squadSize(),
                            team.overseasCount(),
                            player.overseas(),
                            player.basePrice())
                    .isEmpty();
            if (needs && fits) {
                demand++;
            }
        }
        if (demand == 0) {
            return new Scarcity(supply, 0, 1);
        }
        double shortfall = Math.max(0, Math.min(1, (double) (demand - supply) / demand));
        return new Scarcity(supply, demand, 1 + WEIGHT * shortfall);
    }

    boolean scarce() {
        return factor > 1;
    }
}
