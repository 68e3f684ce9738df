package dev.iplauction.agent.strategy;

import static dev.iplauction.agent.strategy.Lots.lot;
import static dev.iplauction.agent.strategy.Lots.player;
import static dev.iplauction.agent.strategy.Lots.team;
import static dev.iplauction.agent.strategy.Lots.withCards;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import org.junit.jupiter.api.Test;

class MiniAuctionTests {

    private final BudgetPlanner planner = new BudgetPlanner();

    @Test
    void aFranchiseThatKeptMoreThanAMegaAuctionAllowsPlansToFillEverySlot() {
        // MI 2026: 20 players kept, ₹2.75 Cr for 5 slots.
        TeamState mi = withCards(team(Franchise.MI, 275, 5, 3, 5, 7), 0, 20, 0);
        LotContext context = lot(mi, player(Role.BATTER, 30));

        assertThat(MiniAuction.adapt(context).rules()).isEqualTo(new SquadRules(25, 25, 8, Lakh.of(30)));
        var budget = planner.plan(BuyingStyles.of(Franchise.MI), mi, context.player(), MiniAuction.adapt(context));
        assertThat(budget.limit())
                .as("the lowest base price kept back for each of the four slots left after this one")
                .isLessThanOrEqualTo(Lakh.of(275 - 4 * 30));
        assertThat(planner.plan(BuyingStyles.of(Franchise.MI), mi, context.player(), context)
                        .limit())
                .as("as a mega auction it would not keep that back: a squad of 20 has its minimum")
                .isGreaterThan(Lakh.of(275 - 4 * 30));
    }

    @Test
    void aMegaAuctionFranchiseAndAStandingThatDoesNotSayWhatWasKeptPlayAsBefore() {
        TeamState kept6 = withCards(team(Franchise.RR, 4100, 2, 1, 2, 1), 0, 5, 1);
        TeamState unknown = team(Franchise.KKR, 6430, 3, 2, 3, 4);

        assertThat(MiniAuction.adapt(lot(kept6, player(Role.BATTER, 30))).rules())
                .isEqualTo(SquadRules.IPL);
        assertThat(MiniAuction.adapt(lot(unknown, player(Role.BATTER, 30))).rules())
                .isEqualTo(SquadRules.IPL);
    }

    @Test
    void aBigPurseWithManySlotsIsNotSpentOnTheFirstStar() {
        // KKR 2026: 12 kept, ₹64.3 Cr for 13 slots, a ₹2 Cr star in the first set.
        TeamState kkr = withCards(team(Franchise.KKR, 6430, 3, 2, 3, 4), 0, 12, 0);
        LotContext context = MiniAuction.adapt(lot(kkr, player(Role.ALL_ROUNDER, 200)));

        var budget = planner.plan(BuyingStyles.of(Franchise.KKR), kkr, context.player(), context);

        assertThat(budget.limit()).isGreaterThan(Lakh.ZERO).isLessThan(Lakh.of(6430 / 2));
    }
}
