package dev.iplauction.agent.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iplauction.agent.strategy.SimulatedAuction.Purchase;
import dev.iplauction.agent.strategy.SimulatedAuction.Result;
import dev.iplauction.agent.strategy.SimulatedAuction.Squad;
import dev.iplauction.agent.strategy.SimulationPools.Catalogue;
import dev.iplauction.agent.strategy.SimulationPools.FranchiseEntry;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ten rule-based franchises play whole auctions against each other, and every one of them stays within the rules. */
class StrategySimulationTests {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aQuickAuctionOfAGeneratedPoolEndsWithEveryFranchiseWithinItsSquadLimits(long seed) {
        Result result = quick(SimulationPools.generatedQuick(seed), seed, new RuleBasedStrategy());

        assertWithinTheRules(result, SimulationPools.QUICK_RULES);
        assertEveryoneHasTheMinimumSquad(result, SimulationPools.QUICK_RULES);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
    void aQuickAuctionEndsWithEveryFranchiseWithinItsSquadLimitsEvenWhenTheRoomHidesThePlayersToCome(long seed) {
        SimulatedAuction auction = new SimulatedAuction(
                        SimulationPools.QUICK_RULES, SimulationPools.QUICK_PURSE, new RuleBasedStrategy(), seed)
                .withoutPoolView();
        for (Franchise franchise : Franchise.values()) {
            auction.seat(franchise, SimulationPools.QUICK_PURSE, 1, List.of());
        }

        Result result = auction.run(SimulationPools.generatedQuick(seed));

        assertWithinTheRules(result, SimulationPools.QUICK_RULES);
        assertEveryoneHasTheMinimumSquad(result, SimulationPools.QUICK_RULES);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void theQuickCatalogueEndsWithEveryFranchiseWithinItsSquadLimits(long seed) {
        Catalogue catalogue = catalogueOrSkip();
        List<Player> pool = catalogue.quickPool();
        assertThat(pool).hasSize(60);
        assertThat(pool.stream().filter(Player::overseas)).hasSize(24);

        Result result = quick(SimulationPools.inSetOrder(pool, seed), seed, strategyWithCaps(catalogue));
        if (seed == 1) {
            System.out.println("Quick catalogue, seed 1:\n" + result.summary());
        }

        assertWithinTheRules(result, SimulationPools.QUICK_RULES);
        assertEveryoneHasTheMinimumSquad(result, SimulationPools.QUICK_RULES);
        assertThat(result.squads().values().stream().mapToInt(Squad::spent).sum())
                .as("the room spends most of its money")
                .isGreaterThan(10 * SimulationPools.QUICK_PURSE.value() * 3 / 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theFullIpl2025AuctionEndsWithEveryFranchiseWithinItsSquadLimits(long seed) {
        Catalogue catalogue = catalogueOrSkip();
        SquadRules rules = catalogue.squadRules();
        SimulatedAuction auction =
                new SimulatedAuction(rules, Lakh.of(catalogue.startingPurse()), strategyWithCaps(catalogue), seed);
        for (FranchiseEntry entry : catalogue.franchises()) {
            auction.seat(entry.franchise(), entry.purse(), entry.rtmCards(), catalogue.retainedBy(entry.franchise()));
        }

        Result result = auction.run(SimulationPools.inSetOrder(catalogue.auctionPlayers(), seed));
        if (seed == 1) {
            System.out.println("IPL 2025, seed 1:\n" + result.summary());
        }

        assertWithinTheRules(result, rules);
        assertEveryoneHasTheMinimumSquad(result, rules);
    }

    @Test
    void theRightToMatchIsPlayedInAQuickAuction() {
        int used = 0;
        for (long seed = 1; seed <= 20; seed++) {
            used += quick(SimulationPools.generatedQuick(seed), seed, new RuleBasedStrategy())
                    .rtmUsed();
        }
        assertThat(used).isPositive();
    }

    private static Result quick(List<Player> lots, long seed, Strategy strategy) {
        SimulatedAuction auction =
                new SimulatedAuction(SimulationPools.QUICK_RULES, SimulationPools.QUICK_PURSE, strategy, seed);
        for (Franchise franchise : Franchise.values()) {
            auction.seat(franchise, SimulationPools.QUICK_PURSE, 1, List.of());
        }
        return auction.run(lots);
    }

    private static RuleBasedStrategy strategyWithCaps(Catalogue catalogue) {
        return new RuleBasedStrategy(
                TeamProfiles::of, new Valuation(PlayerRating.fromMarket(catalogue.ipl2024Caps())), new BudgetPlanner());
    }

    private static Catalogue catalogueOrSkip() {
        Optional<Catalogue> catalogue = SimulationPools.catalogue();
        assumeTrue(catalogue.isPresent(), "the IPL 2025 catalogue is not beside this module");
        return catalogue.get();
    }

    private static void assertWithinTheRules(Result result, SquadRules rules) {
        assertThat(result.breaches()).as("bids and purchases the rules refuse").isEmpty();
        assertThat(result.squads()).hasSize(10);
        for (Squad squad : result.squads().values()) {
            assertThat(squad.players.size()).as(squad.franchise + " squad").isLessThanOrEqualTo(rules.maxSquad());
            assertThat(squad.overseas).as(squad.franchise + " overseas").isLessThanOrEqualTo(rules.maxOverseas());
            assertThat(squad.purse).as(squad.franchise + " purse").isNotNegative();
            for (Purchase purchase : squad.purchases) {
                Lakh reserve = BiddingRules.reserveAfterWinning(rules, purchase.squadBefore());
                assertThat(purchase.purseBefore() - purchase.price().value())
                        .as(squad.franchise + " kept the reserve after buying "
                                + purchase.player().name())
                        .isGreaterThanOrEqualTo(reserve.value());
            }
        }
    }

    private static void assertEveryoneHasTheMinimumSquad(Result result, SquadRules rules) {
        assertThat(result.squads().values())
                .allSatisfy(squad -> assertThat(squad.players.size())
                        .as(squad.franchise + " squad at the end\n" + result.summary())
                        .isBetween(rules.minSquad(), rules.maxSquad()));
    }
}
