package dev.iplauction.agent.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.BudgetPlannerTests.Standing;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleBasedStrategyTests {

    private final RuleBasedStrategy strategy = new RuleBasedStrategy();

    @Test
    void bidsForAPlayerItNeedsAndSaysWhyInOneLine() {
        TeamState csk = Lots.team(Franchise.CSK, 5_500, 3, 1, 4, 4);
        Player keeper = Lots.player(Role.WICKETKEEPER, 100);

        LotDecision decision = strategy.decide(Lots.lot(csk, keeper));

        assertThat(decision.choice()).isEqualTo(Choice.BID);
        assertThat(decision.source()).isEqualTo(Source.RULES);
        assertThat(decision.wouldBid(keeper.basePrice())).isTrue();
        assertThat(decision.maxBid()).isGreaterThanOrEqualTo(decision.valuation());
        assertThat(decision.maxBid()).isLessThanOrEqualTo(BiddingRules.maxBid(SquadRules.IPL, csk.purse(), 12));
        assertThat(decision.reason())
                .matches("need a 2nd keeper; worth ₹[0-9.]+ (Cr|L) to CSK, will go to ₹[0-9.]+ (Cr|L)")
                .contains(decision.valuation().display(), decision.maxBid().display())
                .doesNotContain("\n");
    }

    @Test
    void saysWhenItsBudgetHoldsItBelowWhatThePlayerIsWorth() {
        TeamState mi = Lots.team(Franchise.MI, 4_000, 0, 0, 0, 0);
        Player star = Lots.marquee(Role.BOWLER);

        LotDecision decision = strategy.decide(Lots.lot(mi, star, Lots.QUICK, Lots.QUICK_PURSE, 59, List.of()));

        assertThat(decision.maxBid()).isEqualTo(Lakh.of(1_000)).isLessThan(decision.valuation());
        assertThat(decision.reason()).endsWith("will go to ₹10 Cr (its cap for one player)");
    }

    @Test
    void theMoreAggressiveSideStretchesFurtherAboveItsValuation() {
        Player bowler = Lots.player(Role.BOWLER, 100);
        TeamState srh = Lots.team(Franchise.SRH, 6_000, 3, 1, 3, 2);
        TeamState csk = Lots.team(Franchise.CSK, 6_000, 3, 1, 3, 2);

        LotDecision bold = strategy.decide(Lots.lot(srh, bowler));
        LotDecision patient = strategy.decide(Lots.lot(csk, bowler));

        double boldStretch = (double) bold.maxBid().value() / bold.valuation().value();
        double patientStretch =
                (double) patient.maxBid().value() / patient.valuation().value();
        assertThat(boldStretch).isGreaterThan(patientStretch);
        assertThat(boldStretch).isBetween(1.15, 1.2);
        assertThat(patientStretch).isBetween(1.0, 1.07);
    }

    @Test
    void passesWhenTheSquadIsFull() {
        TeamState full = Lots.team(Franchise.MI, 3_000, 2, 2, 2, 2);
        Player star = Lots.marquee(Role.BATTER);

        LotDecision decision = strategy.decide(Lots.lot(full, star, Lots.QUICK, Lots.QUICK_PURSE, 10, List.of()));

        assertThat(decision.choice()).isEqualTo(Choice.PASS);
        assertThat(decision.maxBid()).isEqualTo(Lakh.ZERO);
        assertThat(decision.wouldBid(star.basePrice())).isFalse();
        assertThat(decision.source()).isEqualTo(Source.RULES);
        assertThat(decision.reason()).startsWith("squad full (8 of 8)");
    }

    @Test
    void passesOnAnOverseasPlayerWhenTheOverseasSlotsAreFullButNotOnAnIndianOne() {
        TeamState team = Lots.withOverseas(Lots.team(Franchise.SRH, 3_000, 1, 1, 1, 0), 3);
        Player indian = Lots.player(Role.BOWLER, 150);
        Player overseas = Lots.overseas(indian);

        LotDecision foreign = strategy.decide(Lots.lot(team, overseas, Lots.QUICK, Lots.QUICK_PURSE, 30, List.of()));
        LotDecision local = strategy.decide(Lots.lot(team, indian, Lots.QUICK, Lots.QUICK_PURSE, 30, List.of()));

        assertThat(foreign.choice()).isEqualTo(Choice.PASS);
        assertThat(foreign.reason()).startsWith("overseas slots full (3 of 3)");
        assertThat(local.choice()).isEqualTo(Choice.BID);
    }

    @Test
    void passesWhenThePurseMustBeKeptForThePlacesStillToFill() {
        TeamState team = Lots.team(Franchise.PBKS, 400, 1, 0, 0, 0);
        Player star = Lots.marquee(Role.BOWLER);
        List<Player> upcoming = List.of(Lots.player(Role.BATTER, 150), Lots.player(Role.BOWLER, 150));

        LotDecision decision =
                strategy.decide(Lots.lot(team, star, Lots.QUICK, Lots.QUICK_PURSE, upcoming.size(), upcoming));

        assertThat(BiddingRules.maxBid(Lots.QUICK, team.purse(), 1))
                .as("the rules alone would allow it")
                .isGreaterThan(star.basePrice());
        assertThat(decision.choice()).isEqualTo(Choice.PASS);
        assertThat(decision.maxBid()).isEqualTo(Lakh.ZERO);
        assertThat(decision.reason()).startsWith("cannot stretch to ₹2 Cr for " + star.name() + ": PBKS may spend");
    }

    @Test
    void passesWhenTheRoleIsSaturatedAndThereIsNoHurry() {
        BuyingStyle csk = BuyingStyles.of(Franchise.CSK);
        int limit = csk.roleLimit(Role.BOWLER, SquadRules.IPL);
        TeamState team = Lots.team(Franchise.CSK, 4_000, 4, 2, 4, limit);
        Player bowler = Lots.player(Role.BOWLER, 75);

        LotDecision decision = strategy.decide(Lots.lot(team, bowler));

        assertThat(decision.choice()).isEqualTo(Choice.PASS);
        assertThat(decision.reason())
                .isEqualTo("already " + limit + " bowlers, enough for CSK; passing on Test Bowler");
    }

    @Test
    void passesOnceThePriceIsBeyondWhatThePlayerIsWorthToIt() {
        TeamState team = Lots.team(Franchise.GT, 6_000, 3, 1, 3, 3);
        Player bowler = Lots.player(Role.BOWLER, 75);
        LotContext opening = Lots.lot(team, bowler);
        LotDecision atBase = strategy.decide(opening);
        int beyond = atBase.maxBid().value() + 100;

        LotDecision later = strategy.decide(Lots.at(opening, beyond, Franchise.MI));

        assertThat(atBase.choice()).isEqualTo(Choice.BID);
        assertThat(later.choice()).isEqualTo(Choice.PASS);
        assertThat(later.reason()).contains("is worth", "to GT, short of the");
    }

    @Test
    void aSideShortOfItsMinimumTakesACheapPlayerItWouldOtherwiseLetGoAsLotsRunOut() {
        BuyingStyle csk = BuyingStyles.of(Franchise.CSK);
        int limit = csk.roleLimit(Role.BOWLER, Lots.QUICK);
        TeamState team = Lots.team(Franchise.CSK, 1_500, 0, 0, 0, limit);
        Player bowler = Lots.player(Role.BOWLER, 100);

        LotDecision early = strategy.decide(Lots.lot(team, bowler, Lots.QUICK, Lots.QUICK_PURSE, 300, List.of()));
        LotDecision late = strategy.decide(Lots.lot(team, bowler, Lots.QUICK, Lots.QUICK_PURSE, 1, List.of()));

        assertThat(early.choice()).isEqualTo(Choice.PASS);
        assertThat(late.choice()).isEqualTo(Choice.BID);
        assertThat(late.reason()).startsWith("squad short by 1 with 2 lots left");
    }

    @Test
    void everyDecisionAndRightToMatchChoiceStaysWithinTheRulesInAnyStanding() {
        Random random = new Random(7L);
        BudgetPlanner planner = new BudgetPlanner();
        int bids = 0;
        int matches = 0;
        int raises = 0;
        for (int i = 0; i < 10_000; i++) {
            Standing standing = Standing.random(random);
            TeamState team = standing.team();
            SquadRules rules = standing.lot().rules();
            Player player = Lots.withTeam2024(standing.player(), team.franchise());
            LotContext lot = Lots.at(
                    withPlayer(standing.lot(), player),
                    player.basePrice().value() + 5 * random.nextInt(40),
                    Franchise.values()[(team.franchise().ordinal() + 1) % 10]);

            LotDecision decision = strategy.decide(lot);
            Lakh limit = planner.plan(BuyingStyles.of(team.franchise()), team, player, lot)
                    .limit();
            assertThat(decision.maxBid()).isLessThanOrEqualTo(limit);
            assertThat(decision.source()).isEqualTo(Source.RULES);
            assertThat(decision.reason()).isNotBlank();
            if (decision.wouldBid(lot.nextBid())) {
                bids++;
                assertThat(affordable(rules, team, player, lot.nextBid())).isTrue();
            }
            if (strategy.useRtm(lot)) {
                matches++;
                assertThat(team.rtmCards()).isPositive();
                assertThat(BiddingRules.rtmCapAllows(player.capped(), team.kept(player.capped())))
                        .isTrue();
                assertThat(affordable(rules, team, player, lot.currentBid())).isTrue();
            }
            Franchise holder = Franchise.values()[(team.franchise().ordinal() + 3) % 10];
            LotContext matched = withPlayer(lot, Lots.withTeam2024(player, holder));
            Optional<Lakh> raise = strategy.raiseAfterMatch(matched);
            if (raise.isPresent()) {
                raises++;
                assertThat(raise.get()).isGreaterThan(lot.currentBid());
                assertThat(raise.get())
                        .isLessThanOrEqualTo(strategy.decide(matched).maxBid());
                assertThat(affordable(rules, team, player, raise.get())).isTrue();
            }
        }
        assertThat(bids).isGreaterThan(500);
        assertThat(matches).isGreaterThan(100);
        assertThat(raises).isGreaterThan(100);
    }

    @Test
    void theCardHolderMatchesAFairPrice() {
        Player keeper = Lots.withTeam2024(Lots.player(Role.WICKETKEEPER, 200), Franchise.CSK);
        TeamState csk = Lots.team(Franchise.CSK, 5_500, 3, 0, 3, 4);
        LotContext lot = Lots.lot(csk, keeper);
        int max = strategy.decide(lot).maxBid().value();

        assertThat(strategy.useRtm(Lots.at(lot, 220, Franchise.MI))).isTrue();
        assertThat(strategy.useRtm(Lots.at(lot, max, Franchise.MI)))
                .as("a card holder pays a little more to keep his own player")
                .isTrue();
        assertThat(strategy.useRtm(Lots.at(lot, 4_000, Franchise.MI))).isFalse();
    }

    @Test
    void theCardIsNotPlayedWithoutACardBeyondTheKeptCapsOrByAnyoneButTheHolder() {
        Player capped = Lots.withTeam2024(Lots.player(Role.WICKETKEEPER, 200), Franchise.CSK);
        Player uncapped = Lots.withTeam2024(Lots.uncapped(Role.WICKETKEEPER, 24), Franchise.CSK);
        TeamState csk = Lots.team(Franchise.CSK, 5_500, 3, 0, 3, 4);

        assertThat(strategy.useRtm(Lots.at(Lots.lot(Lots.withCards(csk, 0, 0, 0), capped), 220, Franchise.MI)))
                .as("no card")
                .isFalse();
        assertThat(strategy.useRtm(Lots.at(Lots.lot(Lots.withCards(csk, 2, 5, 0), capped), 220, Franchise.MI)))
                .as("five capped players kept")
                .isFalse();
        assertThat(strategy.useRtm(Lots.at(Lots.lot(Lots.withCards(csk, 2, 0, 2), uncapped), 35, Franchise.MI)))
                .as("two uncapped players kept")
                .isFalse();
        assertThat(strategy.useRtm(Lots.at(Lots.lot(Lots.withCards(csk, 2, 0, 2), capped), 220, Franchise.MI)))
                .as("two uncapped kept, a capped player may still be matched")
                .isTrue();
        Player someoneElses = Lots.withTeam2024(capped, Franchise.RR);
        assertThat(strategy.useRtm(Lots.at(Lots.lot(csk, someoneElses), 220, Franchise.MI)))
                .as("not the 2024 franchise")
                .isFalse();
        assertThat(strategy.useRtm(Lots.at(Lots.lot(csk, capped), 220, Franchise.CSK)))
                .as("already the highest bidder")
                .isFalse();
        assertThat(strategy.useRtm(Lots.lot(csk, capped)))
                .as("no price on the table")
                .isFalse();
        TeamState full = Lots.team(Franchise.CSK, 5_000, 2, 2, 2, 2);
        assertThat(strategy.useRtm(Lots.at(
                        Lots.lot(full, capped, Lots.QUICK, Lots.QUICK_PURSE, 10, List.of()), 220, Franchise.MI)))
                .as("squad full")
                .isFalse();
    }

    @Test
    void afterAMatchTheHighestBidderRaisesJustBeyondTheCardHoldersReach() {
        Player keeper = Lots.withTeam2024(Lots.player(Role.WICKETKEEPER, 200), Franchise.CSK);
        TeamState mi = Lots.team(Franchise.MI, 6_000, 3, 0, 3, 4);
        TeamState csk = Lots.team(Franchise.CSK, 500, 5, 2, 5, 5);
        LotContext lot = Lots.at(Lots.withRivals(Lots.lot(mi, keeper), List.of(csk)), 300, Franchise.MI);

        Optional<Lakh> raise = strategy.raiseAfterMatch(lot);

        assertThat(strategy.decide(lot).maxBid().value()).isGreaterThan(505);
        assertThat(raise).contains(Lakh.of(505));
    }

    @Test
    void afterAMatchByARichHolderTheRaiseIsAboveTheMatchAndWithinTheMaximum() {
        Player keeper = Lots.withTeam2024(Lots.player(Role.WICKETKEEPER, 200), Franchise.CSK);
        TeamState mi = Lots.team(Franchise.MI, 6_000, 3, 0, 3, 4);
        TeamState csk = Lots.team(Franchise.CSK, 6_000, 3, 0, 3, 4);
        LotContext lot = Lots.at(Lots.withRivals(Lots.lot(mi, keeper), List.of(csk)), 300, Franchise.MI);
        Lakh max = strategy.decide(lot).maxBid();

        Optional<Lakh> raise = strategy.raiseAfterMatch(lot);

        assertThat(raise).isPresent();
        assertThat(raise.get()).isGreaterThan(Lakh.of(300)).isLessThanOrEqualTo(max);
        assertThat(raise.get().value() % 5).isZero();
    }

    @Test
    void noRaiseAfterAMatchBeyondItsMaximumOrWithAFullSquad() {
        Player keeper = Lots.withTeam2024(Lots.player(Role.WICKETKEEPER, 200), Franchise.CSK);
        TeamState mi = Lots.team(Franchise.MI, 6_000, 3, 0, 3, 4);
        LotContext lot = Lots.lot(mi, keeper);
        Lakh max = strategy.decide(lot).maxBid();
        TeamState full = Lots.team(Franchise.MI, 6_000, 2, 2, 2, 2);

        assertThat(strategy.raiseAfterMatch(Lots.at(lot, max.value(), Franchise.MI)))
                .isEmpty();
        assertThat(strategy.raiseAfterMatch(
                        Lots.at(Lots.lot(full, keeper, Lots.QUICK, Lots.QUICK_PURSE, 5, List.of()), 300, Franchise.MI)))
                .isEmpty();
        assertThat(strategy.raiseAfterMatch(lot)).as("no matched price").isEmpty();
    }

    @Test
    void theProfilesCanBeReplaced() {
        BuyingStyle csk = BuyingStyles.of(Franchise.CSK);
        BuyingStyle timid = new BuyingStyle(
                Franchise.CSK,
                "never bids more than 1% of the purse",
                0,
                0,
                csk.priorities(),
                csk.roleShares(),
                0.5,
                0.5,
                0.01,
                csk.homeGround());
        RuleBasedStrategy custom = new RuleBasedStrategy(f -> timid, new Valuation(), new BudgetPlanner());
        TeamState team = Lots.team(Franchise.CSK, 5_500, 3, 1, 4, 4);
        Player star = Lots.marquee(Role.BATTER);

        assertThat(custom.decide(Lots.lot(team, star)).choice()).isEqualTo(Choice.PASS);
        assertThat(strategy.decide(Lots.lot(team, star)).choice()).isEqualTo(Choice.BID);
    }

    @Test
    void ordinalsReadAsACommentatorWouldSayThem() {
        List<String> said = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101}) {
            said.add(RuleBasedStrategy.ordinal(n));
        }
        assertThat(said)
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st");
    }

    private static boolean affordable(SquadRules rules, TeamState team, Player player, Lakh amount) {
        return BiddingRules.affordability(
                        rules, team.purse(), team.squadSize(), team.overseasCount(), player.overseas(), amount)
                .isEmpty();
    }

    private static LotContext withPlayer(LotContext lot, Player player) {
        return new LotContext(
                lot.auctionCode(),
                lot.me(),
                lot.lot(),
                player,
                lot.currentBid(),
                lot.highestBidder(),
                lot.nextBid(),
                lot.rules(),
                lot.mine(),
                lot.rivals(),
                lot.lotsRemaining(),
                lot.startingPurse(),
                lot.upcoming());
    }
}
