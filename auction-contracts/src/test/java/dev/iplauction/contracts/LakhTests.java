package dev.iplauction.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LakhTests {

    @ParameterizedTest(name = "{0} L shows as {1}")
    @CsvSource({"0, ₹0 L", "30, ₹30 L", "100, ₹1 Cr", "110, ₹1.1 Cr", "275, ₹2.75 Cr", "2700, ₹27 Cr", "1105, ₹11.05 Cr"
    })
    void displaysInLakhBelowACroreAndInCroreAbove(int lakh, String shown) {
        assertThat(Lakh.of(lakh).display()).isEqualTo(shown);
    }

    @org.junit.jupiter.api.Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> Lakh.of(30).minus(Lakh.of(31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
    }
}
