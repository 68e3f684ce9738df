package dev.iplauction.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.BudgetPlanner;
import dev.iplauction.agent.strategy.BuyingStyles;
import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.PlayerRating;
import dev.iplauction.agent.strategy.RuleBasedStrategy;
import dev.iplauction.agent.strategy.Strategy;
import dev.iplauction.agent.strategy.Valuation;
import dev.iplauction.auction.catalogue.Catalogue;
import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.simulation.Summary.FranchiseSummary;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ten rule-based franchises play whole auctions against each other on the auction house's rules engine ({@link
 * EngineAuction}), and every one of them stays within the rules: the engine refuses any bid that breaks a squad
 * limit or the purse's reserve, so no refusal means no franchise tried.
 */
class StrategySimulationTests {

    private final CatalogueRepository catalogues = CatalogueRepository.fromClasspath();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aQuickAuctionOfAGeneratedPoolEndsWithEveryFranchiseWithinItsSquadLimits(long seed) {
        Summary summary = play(GeneratedPools.quickCatalogue(seed), seed, new RuleBasedStrategy());

        assertWithinTheRules(summary, GeneratedPools.QUICK_RULES);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
    void aQuickAuctionEndsWithEveryFranchiseWithinItsSquadLimitsEvenWhenTheRoomHidesThePlayersToCome(long seed) {
        Summary summary = play(GeneratedPools.quickCatalogue(seed), seed, withoutPoolView(new RuleBasedStrategy()));

        assertWithinTheRules(summary, GeneratedPools.QUICK_RULES);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void theQuickCatalogueEndsWithEveryFranchiseWithinItsSquadLimitsAndSpendsMostOfItsMoney(long seed) {
        Catalogue quick = catalogues.quick();
        assertThat(quick.players()).hasSize(60);
        assertThat(quick.players().stream().filter(Player::overseas)).hasSize(24);

        Summary summary = play(quick, seed, marketStrategy());

        assertWithinTheRules(summary, quick.squadRules());
        assertThat(summary.franchises().stream()
                        .mapToLong(FranchiseSummary::spentLakh)
                        .sum())
                .as("the room spends most of its money")
                .isGreaterThan(10 * GeneratedPools.QUICK_PURSE.value() * 3 / 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2, 3})
    void theFullIpl2025AuctionEndsWithEveryFranchiseWithinItsSquadLimitsOnTheMarketRating(long seed) {
        Catalogue ipl2025 = catalogues.ipl2025();

        Summary summary = play(ipl2025, seed, marketStrategy());

        assertWithinTheRules(summary, ipl2025.squadRules());
    }

    @Test
    void theRightToMatchIsPlayedInAQuickAuction() {
        int used = 0;
        for (long seed = 1; seed <= 20; seed++) {
            used += play(GeneratedPools.quickCatalogue(seed), seed, new RuleBasedStrategy()).franchises().stream()
                    .mapToInt(FranchiseSummary::rtmUsed)
                    .sum();
        }
        assertThat(used).isPositive();
    }

    private static Summary play(Catalogue catalogue, long seed, Strategy strategy) {
        EngineAuction engine = new EngineAuction(catalogue, strategy, seed);
        return Summary.of(engine.run(), catalogue.id(), seed, "test", engine.refusals());
    }

    private static RuleBasedStrategy marketStrategy() {
        return new RuleBasedStrategy(BuyingStyles::of, new Valuation(PlayerRating.fromMarket()), new BudgetPlanner());
    }

    /** The same strategy in a room without a pool page: it never sees the players still to come. */
    private static Strategy withoutPoolView(Strategy strategy) {
        return new Strategy() {
            @Override
            public LotDecision decide(LotContext context) {
                return strategy.decide(hidden(context));
            }

            @Override
            public boolean useRtm(LotContext context) {
                return strategy.useRtm(hidden(context));
            }

            @Override
            public Optional<Lakh> raiseAfterMatch(LotContext context) {
                return strategy.raiseAfterMatch(hidden(context));
            }
        };
    }

    private static LotContext hidden(LotContext c) {
        return new LotContext(
                c.auctionCode(),
                c.me(),
                c.lot(),
                c.player(),
                c.currentBid(),
                c.highestBidder(),
                c.nextBid(),
                c.rules(),
                c.mine(),
                c.rivals(),
                c.lotsRemaining(),
                c.startingPurse(),
                List.of());
    }

    private static void assertWithinTheRules(Summary summary, SquadRules rules) {
        assertThat(summary.refusals())
                .as("bids and moves the rules engine refused")
                .isEmpty();
        assertThat(summary.franchises()).hasSize(10).allSatisfy(f -> {
            assertThat(f.squadSize())
                    .as(f.franchise() + " squad at the end")
                    .isBetween(rules.minSquad(), rules.maxSquad());
            assertThat(f.overseas()).as(f.franchise() + " overseas").isLessThanOrEqualTo(rules.maxOverseas());
            assertThat(f.unspentLakh()).as(f.franchise() + " purse").isNotNegative();
        });
    }
}
