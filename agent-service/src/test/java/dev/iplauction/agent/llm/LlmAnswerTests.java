package dev.iplauction.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import org.junit.jupiter.api.Test;

class LlmAnswerTests {

    @Test
    void readsTheSchema() throws Exception {
        assertThat(LlmAnswer.parse("{\"choice\":\"BID\",\"maxBidLakh\":450,\"reason\":\"needs a keeper\"}"))
                .isEqualTo(new LlmAnswer(Choice.BID, 450, "needs a keeper"));
    }

    @Test
    void toleratesWhatSmallModelsDoToJson() throws Exception {
        assertThat(
                        LlmAnswer.parse(
                                "```json\n{\"choice\":\" pass \",\"maxBidLakh\":0.0,\"reason\":\"too\\n  old\",\"extra\":1}\n```"))
                .isEqualTo(new LlmAnswer(Choice.PASS, 0, "too old"));
    }

    @Test
    void takesAnAbsurdlyLargeMaximumAsTheLargestAmount() throws Exception {
        assertThat(LlmAnswer.parse("{\"choice\":\"BID\",\"maxBidLakh\":1e15,\"reason\":\"x\"}")
                        .maxBidLakh())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void cutsALongReasonToOneShortLine() throws Exception {
        String reason = "a".repeat(500);

        assertThat(LlmAnswer.parse("{\"choice\":\"BID\",\"maxBidLakh\":1,\"reason\":\"" + reason + "\"}")
                        .reason())
                .hasSize(LlmAnswer.LONGEST_REASON);
    }

    @Test
    void saysWhatIsWrongWithAnAnswer() {
        assertThatThrownBy(() -> LlmAnswer.parse("Sure! I'd bid."))
                .isInstanceOf(LlmAnswer.Unparseable.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> LlmAnswer.parse("{\"choice\":\"HOLD\",\"maxBidLakh\":1,\"reason\":\"x\"}"))
                .hasMessageContaining("neither BID nor PASS");
        assertThatThrownBy(() -> LlmAnswer.parse("{\"choice\":\"BID\",\"maxBidLakh\":-1,\"reason\":\"x\"}"))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> LlmAnswer.parse("{\"choice\":\"BID\",\"maxBidLakh\":1}"))
                .hasMessageContaining("reason missing");
        assertThatThrownBy(() -> LlmAnswer.parse("42")).hasMessageContaining("not a JSON object");
    }
}
