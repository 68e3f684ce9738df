package dev.iplauction.agent.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iplauction.agent.strategy.BuyingStyle.Priorities;
import dev.iplauction.agent.strategy.BuyingStyle.RoleShares;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuyingStylesTests {

    @Test
    void everyFranchiseHasItsOwnProfile() {
        List<BuyingStyle> all = BuyingStyles.all();

        assertThat(all).hasSize(10);
        assertThat(all).extracting(BuyingStyle::franchise).containsExactly(Franchise.values());
        for (Franchise franchise : Franchise.values()) {
            assertThat(BuyingStyles.of(franchise).franchise()).isEqualTo(franchise);
            assertThat(BuyingStyles.of(franchise).homeGround()).isEqualTo(franchise.homeGround());
        }
        assertThat(all).doesNotHaveDuplicates();
        assertThat(all).extracting(BuyingStyle::aggression).doesNotHaveDuplicates();
        assertThat(all).extracting(BuyingStyle::priorities).doesNotHaveDuplicates();
        assertThat(all).extracting(BuyingStyle::roleShares).doesNotHaveDuplicates();
        assertThat(all).extracting(BuyingStyle::summary).doesNotHaveDuplicates();
    }

    @Test
    void aggressionRunsFromSunrisersToSuperKingsAsDocumented() {
        List<Franchise> mostAggressiveFirst = BuyingStyles.all().stream()
                .sorted(Comparator.comparingDouble(BuyingStyle::aggression).reversed())
                .map(BuyingStyle::franchise)
                .toList();

        assertThat(mostAggressiveFirst)
                .containsExactly(
                        Franchise.SRH,
                        Franchise.RCB,
                        Franchise.PBKS,
                        Franchise.MI,
                        Franchise.KKR,
                        Franchise.DC,
                        Franchise.LSG,
                        Franchise.GT,
                        Franchise.RR,
                        Franchise.CSK);
    }

    @Test
    void eachFranchiseLeadsTheRoomInWhatItIsKnownFor() {
        assertThat(leader(p -> p.priorities().experience())).isEqualTo(Franchise.CSK);
        assertThat(leader(p -> p.priorities().starPower())).isEqualTo(Franchise.MI);
        assertThat(leader(p -> p.roleShares().batters())).isEqualTo(Franchise.RCB);
        assertThat(leader(p -> p.roleShares().allRounders())).isEqualTo(Franchise.KKR);
        assertThat(leader(BuyingStyle::spinPreference)).isEqualTo(Franchise.KKR);
        assertThat(leader(BuyingStyle::overseasPreference)).isEqualTo(Franchise.SRH);
        assertThat(leader(BuyingStyle::maxBidShare)).isEqualTo(Franchise.PBKS);
        assertThat(leader(BuyingStyle::riskTolerance)).isEqualTo(Franchise.RR);
        assertThat(leader(p -> p.priorities().youth())).isEqualTo(Franchise.DC);
        assertThat(leader(p -> p.priorities().value())).isEqualTo(Franchise.RR);
    }

    @Test
    void theBalancedSidesSpreadTheirWeightAndLeanOnValue() {
        for (Franchise balanced : List.of(Franchise.GT, Franchise.LSG)) {
            BuyingStyle buyingStyle = BuyingStyles.of(balanced);
            assertThat(buyingStyle.priorities().value()).isGreaterThanOrEqualTo(0.3);
            assertThat(buyingStyle.aggression()).isBetween(0.4, 0.6);
            RoleShares shares = buyingStyle.roleShares();
            assertThat(List.of(shares.batters(), shares.allRounders(), shares.bowlers()))
                    .allSatisfy(share -> assertThat(share).isBetween(0.25, 0.36));
        }
    }

    @Test
    void theYouthfulSidesTakeMoreRiskThanThePatientOnes() {
        double youthfulRisk = Math.min(
                BuyingStyles.of(Franchise.DC).riskTolerance(),
                BuyingStyles.of(Franchise.RR).riskTolerance());
        assertThat(youthfulRisk).isGreaterThan(BuyingStyles.of(Franchise.CSK).riskTolerance() + 0.4);
    }

    @ParameterizedTest(name = "squads of {0} to {1}")
    @CsvSource({"4, 8, 3", "18, 25, 8", "11, 15, 4", "1, 3, 1", "0, 1, 0", "6, 6, 2", "20, 40, 10"})
    void roleTargetsScaleToTheSquadOfTheAuction(int min, int max, int overseas) {
        SquadRules rules = new SquadRules(min, max, overseas, Lakh.of(30));
        Set<Map<Role, Integer>> distinct = new HashSet<>();
        for (BuyingStyle buyingStyle : BuyingStyles.all()) {
            int target = buyingStyle.targetSquad(rules);
            Map<Role, Integer> targets = buyingStyle.roleTargets(rules);

            assertThat(target).isBetween(min, max);
            assertThat(targets.keySet()).containsExactlyInAnyOrder(Role.values());
            assertThat(targets.values()).allSatisfy(count -> assertThat(count).isNotNegative());
            assertThat(targets.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(Math.max(1, target));
            if (target >= 4) {
                assertThat(targets.get(Role.WICKETKEEPER)).isPositive();
            }
            for (Role role : Role.values()) {
                assertThat(buyingStyle.roleLimit(role, rules)).isGreaterThan(targets.get(role));
            }
            distinct.add(targets);
        }
        if (max >= 18) {
            assertThat(distinct)
                    .as("a full squad shows the franchises' different shapes")
                    .hasSizeGreaterThan(5);
        }
    }

    @Test
    void inTheIplTheTargetsAddUpToTwentyTwoAndShowEachSide() {
        SquadRules ipl = SquadRules.IPL;
        assertThat(BuyingStyles.of(Franchise.CSK).targetSquad(ipl)).isEqualTo(22);
        assertThat(BuyingStyles.of(Franchise.RCB).roleTarget(Role.BATTER, ipl)).isEqualTo(8);
        assertThat(BuyingStyles.of(Franchise.KKR).roleTarget(Role.ALL_ROUNDER, ipl))
                .isEqualTo(8);
        assertThat(BuyingStyles.of(Franchise.KKR).roleTarget(Role.BATTER, ipl))
                .isLessThan(BuyingStyles.of(Franchise.RCB).roleTarget(Role.BATTER, ipl));
        assertThat(BuyingStyles.of(Franchise.MI).targetSquad(Lots.QUICK)).isEqualTo(6);
    }

    @Test
    void thePerPlayerCapIsAShareOfTheStartingPurse() {
        assertThat(BuyingStyles.of(Franchise.PBKS).perPlayerCap(Lakh.of(12_000)))
                .isEqualTo(Lakh.of(3_360));
        assertThat(BuyingStyles.of(Franchise.RR).perPlayerCap(Lakh.of(4_000))).isEqualTo(Lakh.of(600));
    }

    @Test
    void aProfileRefusesWeightsOutsideZeroToOne() {
        BuyingStyle csk = BuyingStyles.of(Franchise.CSK);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BuyingStyle(
                        Franchise.CSK,
                        "x",
                        1.5,
                        csk.riskTolerance(),
                        csk.priorities(),
                        csk.roleShares(),
                        0.5,
                        0.5,
                        0.2,
                        "ground"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BuyingStyle(
                        Franchise.CSK, "x", 0.5, 0.5, csk.priorities(), csk.roleShares(), 0.5, 0.5, 0, "ground"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Priorities(0.5, 0.5, 0.5, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoleShares(0.3, 0.1, 0.3, 0.1));
    }

    private static Franchise leader(ToDoubleFunction<BuyingStyle> trait) {
        return BuyingStyles.all().stream()
                .max(Comparator.comparingDouble(trait))
                .orElseThrow()
                .franchise();
    }
}
