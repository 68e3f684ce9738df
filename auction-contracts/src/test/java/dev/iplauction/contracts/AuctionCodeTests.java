package dev.iplauction.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AuctionCodeTests {

    @Test
    void reads_any_case_and_surrounding_space() {
        assertThat(AuctionCode.normalise(" abcd12 ")).isEqualTo("ABCD12");
        assertThat(AuctionCode.isValid("k7qx2m")).isTrue();
    }

    @Test
    void refuses_anything_but_six_letters_or_digits_with_a_sentence() {
        for (String bad : new String[] {null, "", "ABC", "ABCD123", "ABC-12", "ÄBCD12"}) {
            assertThat(AuctionCode.isValid(bad)).as(bad).isFalse();
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> AuctionCode.normalise(bad))
                    .withMessageContaining("six letters or digits");
        }
    }

    @Test
    void keeps_a_long_bad_code_short_in_the_message() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuctionCode.normalise("x".repeat(500)))
                .withMessageEndingWith("…'");
    }

    @Test
    void new_codes_are_valid_and_leave_out_look_alikes() {
        for (int i = 0; i < 500; i++) {
            String code = AuctionCode.newCode();
            assertThat(AuctionCode.normalise(code)).isEqualTo(code);
            assertThat(code).doesNotContain("0", "O", "1", "I");
        }
    }
}
