package dev.iplauction.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iplauction.contracts.Increments.Step;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncrementsTests {

    @ParameterizedTest(name = "after {0} L the next IPL bid is {1} L")
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
    void nextBidFollowsTheIplLadder(int current, int next) {
        assertThat(Increments.IPL.nextBid(Lakh.of(200), Lakh.of(current))).isEqualTo(Lakh.of(next));
    }

    @Test
    void theOpeningBidIsTheBasePrice() {
        assertThat(Increments.IPL.nextBid(Lakh.of(75), null)).isEqualTo(Lakh.of(75));
    }

    @Test
    void theIplIncrementChangesExactlyAtOneTwoAndFiveCrore() {
        assertThat(Increments.IPL.increment(Lakh.of(99))).isEqualTo(Lakh.of(5));
        assertThat(Increments.IPL.increment(Lakh.of(100))).isEqualTo(Lakh.of(10));
        assertThat(Increments.IPL.increment(Lakh.of(199))).isEqualTo(Lakh.of(10));
        assertThat(Increments.IPL.increment(Lakh.of(499))).isEqualTo(Lakh.of(20));
        assertThat(Increments.IPL.increment(Lakh.of(500))).isEqualTo(Lakh.of(25));
    }

    @Test
    void anotherLeaguesLadderIsItsOwn() {
        Increments flat =
                new Increments(List.of(new Step(Lakh.ZERO, Lakh.of(10)), new Step(Lakh.of(300), Lakh.of(50))));

        assertThat(flat.nextBid(Lakh.of(20), Lakh.of(20))).isEqualTo(Lakh.of(30));
        assertThat(flat.nextBid(Lakh.of(20), Lakh.of(290))).isEqualTo(Lakh.of(300));
        assertThat(flat.nextBid(Lakh.of(20), Lakh.of(300))).isEqualTo(Lakh.of(350));
        assertThat(flat).hasToString("+10 L from 0 L, +50 L from 300 L");
    }

    @Test
    void aLadderThatLeavesAnAmountWithoutAStepOrNeverRisesIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Increments(List.of()))
                .withMessageContaining("1 to 20 steps");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Increments(List.of(new Step(Lakh.of(50), Lakh.of(5)))))
                .withMessageContaining("first step must be from 0 lakh");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Increments(List.of(
                        new Step(Lakh.ZERO, Lakh.of(5)),
                        new Step(Lakh.of(100), Lakh.of(10)),
                        new Step(Lakh.of(100), Lakh.of(20)))))
                .withMessageContaining("steps must rise: step 2 is from 100 lakh");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Increments(List.of(new Step(Lakh.ZERO, Lakh.ZERO))))
                .withMessageContaining("at least 1");
    }
}
