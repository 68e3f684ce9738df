package dev.iplauction.agent.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.BudgetPlanner.Budget;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BudgetPlannerTests {

    private final BudgetPlanner planner = new BudgetPlanner();

    @Test
    void neverExceedsTheRulesMaximumOrTheCapNorBreaksTheReserveInAnyStanding() {
        Random random = new Random(20241124L);
        int positive = 0;
        for (int i = 0; i < 20_000; i++) {
            Standing standing = Standing.random(random);
            BuyingStyle buyingStyle = BuyingStyles.of(standing.team().franchise());

            Budget budget = planner.plan(buyingStyle, standing.team(), standing.player(), standing.lot());

            SquadRules rules = standing.lot().rules();
            TeamState team = standing.team();
            Lakh limit = budget.limit();
            String why = standing.toString();
            assertThat(limit).as(why).isLessThanOrEqualTo(BiddingRules.maxBid(rules, team.purse(), team.squadSize()));
            assertThat(limit).as(why).isLessThanOrEqualTo(budget.styleCap());
            assertThat(limit)
                    .as(why)
                    .isLessThanOrEqualTo(buyingStyle.perPlayerCap(standing.lot().startingPurseOr(team.purse())));
            if (limit.value() > 0) {
                positive++;
                assertThat(team.purse().value() - limit.value())
                        .as(why)
                        .isGreaterThanOrEqualTo(BiddingRules.reserveAfterWinning(rules, team.squadSize())
                                .value());
                assertThat(BiddingRules.affordability(
                                rules,
                                team.purse(),
                                team.squadSize(),
                                team.overseasCount(),
                                standing.player().overseas(),
                                limit))
                        .as(why)
                        .isEmpty();
            }
            if (team.squadSize() >= rules.maxSquad()) {
                assertThat(limit).as(why).isEqualTo(Lakh.ZERO);
                assertThat(budget.refusal()).as(why).contains(RefusalReason.SQUAD_FULL);
            } else if (standing.player().overseas() && team.overseasCount() >= rules.maxOverseas()) {
                assertThat(limit).as(why).isEqualTo(Lakh.ZERO);
                assertThat(budget.refusal()).as(why).contains(RefusalReason.OVERSEAS_LIMIT);
            }
        }
        assertThat(positive).as("standings in which there was money to spend").isGreaterThan(5_000);
    }

    @Test
    void keepsEnoughToCompleteTheMinimumSquadAtTheBasePricesStillToComeNotJustTheLowestOne() {
        TeamState team = Lots.team(Franchise.PBKS, 1_000, 1, 0, 0, 0);
        Player bowler = Lots.player(Role.BOWLER, 200);
        List<Player> upcoming = Collections.nCopies(30, Lots.player(Role.ALL_ROUNDER, 200));
        LotContext lot = Lots.lot(team, bowler, Lots.QUICK, Lots.QUICK_PURSE, upcoming.size(), upcoming);

        Budget budget = planner.plan(BuyingStyles.of(Franchise.PBKS), team, bowler, lot);

        assertThat(budget.ruleMax()).isEqualTo(Lakh.of(1_000 - 2 * 30));
        assertThat(budget.limit().value()).isLessThanOrEqualTo(1_000 - 2 * 200);
        assertThat(budget.limit().value()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void reservesSensiblePricesByRoleWhenThereIsNoHurry() {
        TeamState team = Lots.team(Franchise.GT, 3_000, 3, 1, 3, 3);
        Player batter = Lots.player(Role.BATTER, 200);
        List<Player> upcoming = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            upcoming.add(Lots.player(Role.values()[i % 4], i % 2 == 0 ? 75 : 150));
        }
        LotContext lot = Lots.lot(team, batter, SquadRules.IPL, Lakh.of(12_000), 400, upcoming);

        Budget budget = planner.plan(BuyingStyles.of(Franchise.GT), team, batter, lot);

        int placesAfter = SquadRules.IPL.minSquad() - team.squadSize() - 1;
        assertThat(budget.reserve().value()).isGreaterThanOrEqualTo(placesAfter * 75);
        assertThat(budget.reserve()).isGreaterThan(BiddingRules.reserveAfterWinning(SquadRules.IPL, 10));
        assertThat(budget.limit().value()).isLessThanOrEqualTo(3_000 - placesAfter * 75);
    }

    @Test
    void asPlacesRunShortTheReserveFallsToTheCheapestCompletion() {
        TeamState team = Lots.team(Franchise.GT, 3_000, 3, 1, 3, 3);
        Player batter = Lots.player(Role.BATTER, 200);
        List<Player> upcoming = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            upcoming.add(Lots.player(Role.values()[i % 4], i % 2 == 0 ? 75 : 150));
        }
        LotContext calm = Lots.lot(team, batter, SquadRules.IPL, Lakh.of(12_000), 400, upcoming);
        LotContext pressed = Lots.lot(team, batter, SquadRules.IPL, Lakh.of(12_000), upcoming.size(), upcoming);

        Budget relaxed = planner.plan(BuyingStyles.of(Franchise.GT), team, batter, calm);
        Budget urgent = planner.plan(BuyingStyles.of(Franchise.GT), team, batter, pressed);

        assertThat(urgent.reserve()).isLessThan(relaxed.reserve());
        assertThat(urgent.reserve()).as("the seven cheapest to come").isEqualTo(Lakh.of(5 * 75 + 2 * 150));
    }

    @Test
    void theCheapestCompletionSkipsOverseasPlayersOnceTheSlotsAreFull() {
        List<Player> upcoming = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            upcoming.add(Lots.overseas(Lots.player(Role.BOWLER, 30)));
            upcoming.add(Lots.player(Role.BOWLER, 150));
        }

        assertThat(BudgetPlanner.cheapestCompletion(upcoming, 3, 0, Lots.QUICK)).isEqualTo(450);
        assertThat(BudgetPlanner.cheapestCompletion(upcoming, 3, 2, Lots.QUICK)).isEqualTo(30 + 30 + 150);
        assertThat(BudgetPlanner.cheapestCompletion(upcoming, 12, 5, Lots.QUICK))
                .as("places the pool cannot fill at the lowest base price")
                .isEqualTo(5 * 30 + 5 * 150 + 2 * 30);
        assertThat(BudgetPlanner.cheapestCompletion(List.of(), 4, 3, Lots.QUICK))
                .isEqualTo(120);
    }

    @Test
    void theProfileCapBindsARichFranchise() {
        TeamState team = Lots.team(Franchise.CSK, 12_000, 3, 1, 4, 6);
        Player star = Lots.marquee(Role.BATTER);

        Budget budget = planner.plan(BuyingStyles.of(Franchise.CSK), team, star, Lots.lot(team, star));

        assertThat(budget.limit()).isEqualTo(Lakh.of(2_160));
        assertThat(budget.styleCap()).isEqualTo(Lakh.of(2_160));
    }

    @Test
    void onePlayerTakesOnlyHisShareOfThePurseWhileManyPlacesAreOpen() {
        TeamState team = Lots.team(Franchise.RR, 4_100, 2, 1, 1, 2);
        Player star = Lots.marquee(Role.BOWLER);

        Budget budget = planner.plan(BuyingStyles.of(Franchise.RR), team, star, Lots.lot(team, star));

        double share = (3 + 3 * 0.40) / (22 - 6);
        assertThat(budget.limit().value()).isLessThanOrEqualTo((int) (4_100 * share));
    }

    @Test
    void aFullSquadOrFullOverseasSlotsLeaveNothingToSpend() {
        TeamState full = Lots.team(Franchise.MI, 5_000, 2, 2, 2, 2);
        Player batter = Lots.player(Role.BATTER, 100);
        Budget noRoom = planner.plan(
                BuyingStyles.of(Franchise.MI),
                full,
                batter,
                Lots.lot(full, batter, Lots.QUICK, Lots.QUICK_PURSE, 10, List.of()));

        TeamState overseasFull = Lots.withOverseas(Lots.team(Franchise.MI, 5_000, 2, 1, 1, 1), 3);
        Player overseas = Lots.overseas(batter);
        Budget noSlot = planner.plan(
                BuyingStyles.of(Franchise.MI),
                overseasFull,
                overseas,
                Lots.lot(overseasFull, overseas, Lots.QUICK, Lots.QUICK_PURSE, 10, List.of()));
        Budget indian = planner.plan(
                BuyingStyles.of(Franchise.MI),
                overseasFull,
                batter,
                Lots.lot(overseasFull, batter, Lots.QUICK, Lots.QUICK_PURSE, 10, List.of()));

        assertThat(noRoom.limit()).isEqualTo(Lakh.ZERO);
        assertThat(noRoom.refusal()).contains(RefusalReason.SQUAD_FULL);
        assertThat(noRoom.allows(Lakh.of(100))).isFalse();
        assertThat(noSlot.limit()).isEqualTo(Lakh.ZERO);
        assertThat(noSlot.refusal()).contains(RefusalReason.OVERSEAS_LIMIT);
        assertThat(indian.limit().value()).isPositive();
        assertThat(indian.allows(Lakh.of(100))).isTrue();
    }

    @Test
    void withoutTheStartingPurseTheCapIsAShareOfTheCurrentOne() {
        TeamState team = Lots.team(Franchise.PBKS, 10_000, 0, 0, 0, 0);
        Player star = Lots.marquee(Role.ALL_ROUNDER);
        LotContext lot = new LotContext(
                "TEST42", Franchise.PBKS, 1, star, null, null, star.basePrice(), SquadRules.IPL, team, List.of(), 500);

        Budget budget = planner.plan(BuyingStyles.of(Franchise.PBKS), team, star, lot);

        assertThat(budget.styleCap()).isEqualTo(Lakh.of(2_800));
    }

    /** A random standing: a squad, a purse, a player on the block and the players to come. */
    record Standing(TeamState team, Player player, LotContext lot) {

        static Standing random(Random random) {
            int min = random.nextInt(21);
            int max = Math.max(1, min + random.nextInt(11));
            SquadRules rules = new SquadRules(min, max, random.nextInt(max + 1), Lakh.of(5 + random.nextInt(46)));
            Franchise franchise = Franchise.values()[random.nextInt(10)];
            int squad = random.nextInt(max + 1);
            Map<Role, Integer> roles = new EnumMap<>(Role.class);
            for (int i = 0; i < squad; i++) {
                roles.merge(Role.values()[random.nextInt(4)], 1, Integer::sum);
            }
            int overseas = random.nextInt(Math.min(squad, rules.maxOverseas()) + 1);
            int purse = random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(15_000);
            TeamState team = new TeamState(
                    franchise, Lakh.of(purse), squad, overseas, roles, random.nextInt(3), random.nextInt(6), 0);
            Player player = randomPlayer(random, rules);
            List<Player> upcoming = new ArrayList<>();
            int count = random.nextInt(3) == 0 ? 0 : random.nextInt(60);
            for (int i = 0; i < count; i++) {
                upcoming.add(randomPlayer(random, rules));
            }
            List<TeamState> rivals = new ArrayList<>();
            for (Franchise rival : Franchise.values()) {
                if (rival != franchise) {
                    rivals.add(Lots.team(rival, random.nextInt(10_000), random.nextInt(5), 0, 0, random.nextInt(5)));
                }
            }
            Lakh starting = random.nextBoolean() ? null : Lakh.of(random.nextInt(15_000));
            int lotsRemaining = random.nextBoolean() ? count : random.nextInt(600);
            LotContext lot = new LotContext(
                    "PROPTY",
                    franchise,
                    1,
                    player,
                    null,
                    null,
                    player.basePrice(),
                    rules,
                    team,
                    rivals,
                    lotsRemaining,
                    starting,
                    upcoming);
            return new Standing(team, player, lot);
        }

        private static Player randomPlayer(Random random, SquadRules rules) {
            int[] prices = {30, 40, 50, 75, 100, 125, 150, 200, 5, 1};
            Player base = Lots.player(
                    Role.values()[random.nextInt(4)],
                    Math.max(rules.minBasePrice().value(), prices[random.nextInt(prices.length)]));
            Player player = random.nextInt(3) == 0 ? Lots.overseas(base) : base;
            return random.nextInt(4) == 0 ? Lots.with(player, "M1", true, player.overseas()) : player;
        }
    }
}
