package dev.iplauction.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BiddingRulesTests {

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
