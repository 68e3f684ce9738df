package dev.iplauction.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BiddingRulesTests {

    @ParameterizedTest(name = "after {0} L the next bid is {1} L")
    @CsvSource({
        "30, 35",
        "95, 100",
        "100, 110",
        "190, 200",
        "200, 220",
        "480, 500",
        "500, 525",
        "2675, 2700",
    })
    void nextBidFollowsTheIncrementLadder(int current, int next) {
        assertThat(BiddingRules.nextBid(Lakh.of(200), Lakh.of(current))).isEqualTo(Lakh.of(next));
    }

    @Test
    void theOpeningBidIsTheBasePrice() {
        assertThat(BiddingRules.nextBid(Lakh.of(75), null)).isEqualTo(Lakh.of(75));
    }

    @Test
    void incrementChangesExactlyAtOneTwoAndFiveCrore() {
        assertThat(BiddingRules.increment(Lakh.of(99))).isEqualTo(Lakh.of(5));
        assertThat(BiddingRules.increment(Lakh.of(199))).isEqualTo(Lakh.of(10));
        assertThat(BiddingRules.increment(Lakh.of(499))).isEqualTo(Lakh.of(20));
        assertThat(BiddingRules.increment(Lakh.of(500))).isEqualTo(Lakh.of(25));
    }

    @Test
    void reserveKeepsThirtyLakhForEveryMinimumPlaceStillOpenAfterThisPlayer() {
        assertThat(BiddingRules.reserveAfterWinning(SquadRules.IPL, 0)).isEqualTo(Lakh.of(30 * 17));
        assertThat(BiddingRules.reserveAfterWinning(SquadRules.IPL, 16)).isEqualTo(Lakh.of(30));
        assertThat(BiddingRules.reserveAfterWinning(SquadRules.IPL, 17)).isEqualTo(Lakh.ZERO);
        assertThat(BiddingRules.reserveAfterWinning(SquadRules.IPL, 24)).isEqualTo(Lakh.ZERO);
    }

    @Test
    void maxBidIsThePurseLessTheReserveAndNeverNegative() {
        assertThat(BiddingRules.maxBid(SquadRules.IPL, Lakh.of(5500), 5)).isEqualTo(Lakh.of(5500 - 30 * 12));
        assertThat(BiddingRules.maxBid(SquadRules.IPL, Lakh.of(100), 0)).isEqualTo(Lakh.ZERO);
    }

    @Test
    void affordabilityRefusesAFullSquad() {
        assertThat(BiddingRules.affordability(SquadRules.IPL, Lakh.of(5000), 25, 0, false, Lakh.of(30)))
                .contains(RefusalReason.SQUAD_FULL);
    }

    @Test
    void affordabilityRefusesTheNinthOverseasPlayerButNotAnIndianOne() {
        assertThat(BiddingRules.affordability(SquadRules.IPL, Lakh.of(5000), 20, 8, true, Lakh.of(30)))
                .contains(RefusalReason.OVERSEAS_LIMIT);
        assertThat(BiddingRules.affordability(SquadRules.IPL, Lakh.of(5000), 20, 8, false, Lakh.of(30)))
                .isEmpty();
    }

    @Test
    void affordabilityRefusesABidThatBreaksTheReserveByOneLakh() {
        Lakh purse = Lakh.of(1000);
        int squad = 10; // 7 places still needed after this one: 210 L reserve
        assertThat(BiddingRules.affordability(SquadRules.IPL, purse, squad, 0, false, Lakh.of(790)))
                .isEmpty();
        assertThat(BiddingRules.affordability(SquadRules.IPL, purse, squad, 0, false, Lakh.of(791)))
                .contains(RefusalReason.PURSE);
    }
}
