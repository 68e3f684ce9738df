package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.SquadRules;

/**
 * A mini auction (IPL 2026): franchises arrive with most of their squad kept, and each has only its own few slots to
 * fill. Buying is then needs-driven: every open slot is a place the franchise must fill, so it plans as if the squad
 * minimum were the maximum. That one change carries through the strategy: the target squad is full, the reserve keeps
 * the lowest base price back for every slot still open after this player (so a big purse is paced across the pool
 * and a small one is never spent on one star), role targets count the retained squad (roles it lacks come first), and
 * urgency rises as the lots left approach the slots left. The overseas slots are the rules' maximum less the retained
 * overseas players, as always.
 *
 * <p>Which auction it is the franchise tells from its own squad: it has kept (retained or matched) more players than
 * the six a mega auction allows. A standing that does not say what was kept (a live room that shows only squad
 * sizes) plays as in a mega auction.
 *
 * <p>No right-to-match cards and the overseas fee cap need nothing here: without cards nobody is offered a match, and
 * the cap changes what the player is paid, not what the purse pays.
 */
final class MiniAuction {

    /** The most players a franchise keeps before a mega auction: retentions and right-to-match cards together. */
    static final int MEGA_AUCTION_MOST_KEPT = 6;

    private MiniAuction() {}

    static boolean applies(TeamState team) {
        return team != null && team.keptCapped() + team.keptUncapped() > MEGA_AUCTION_MOST_KEPT;
    }

    /** The context a franchise plans with: in a mini auction, its squad minimum raised to the maximum. */
    static LotContext adapt(LotContext context) {
        SquadRules rules = context.rules();
        if (!applies(context.mine()) || rules.minSquad() == rules.maxSquad()) {
            return context;
        }
        return context.withRules(
                new SquadRules(rules.maxSquad(), rules.maxSquad(), rules.maxOverseas(), rules.minBasePrice()));
    }
}
