package dev.iplauction.agent.llm;

import static dev.iplauction.agent.llm.Lots.bumrahForMumbai;
import static dev.iplauction.agent.llm.Lots.rulesBid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.HeartbeatEvent.Advisor;
import dev.iplauction.contracts.agent.LlmCallEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DecisionMakerTests {

    private final LotDecision rules = rulesBid(800, 900);
    private final LotDecision llm =
            new LotDecision(Choice.BID, Lakh.of(800), Lakh.of(1100), Source.LLM, "LLM: best pacer left");

    /** An advisor whose answer the test gives, when it likes. */
    private static final class ScriptedAdvisor implements LlmAdvisor {

        final CompletableFuture<Advice> answer = new CompletableFuture<>();
        final Duration deadline;
        boolean closed;

        ScriptedAdvisor(Duration deadline) {
            this.deadline = deadline;
        }

        @Override
        public CompletableFuture<Advice> advise(LotContext context, LotDecision ruleDecision) {
            return answer.copy();
        }

        @Override
        public boolean warmUp() {
            return true;
        }

        @Override
        public String model() {
            return "scripted";
        }

        @Override
        public Duration deadline() {
            return deadline;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Advice ok(LotDecision decision) {
        return Advice.ok(decision, false, Duration.ofMillis(120), 500, "scripted");
    }

    @Test
    void withTheLlmDisabledTheRulesDecide() throws Exception {
        DecisionMaker maker =
                DecisionMaker.from(LlmSettings.defaults().withEnabled(false), event -> {}, Clock.systemUTC());

        assertThat(maker.llmEnabled()).isFalse();
        assertThat(maker.warmUp()).isFalse();
        assertThat(maker.advisor()).as("nothing to warm up").isEqualTo(Advisor.OFF);
        assertThat(maker.decide(bumrahForMumbai(), rules)).isCompletedWithValue(rules);
    }

    @Test
    void takesTheLlmsDecisionWhenItArrives() throws Exception {
        ScriptedAdvisor advisor = new ScriptedAdvisor(Duration.ofSeconds(1));
        DecisionMaker maker = DecisionMaker.withAdvisor(advisor);

        CompletableFuture<LotDecision> decision = maker.decide(bumrahForMumbai(), rules);
        assertThat(decision).isNotDone();
        advisor.answer.complete(ok(llm));

        assertThat(decision.get(1, TimeUnit.SECONDS)).isEqualTo(llm);
    }

    @Test
    void fallsBackToTheRulesSayingWhy() throws Exception {
        ScriptedAdvisor advisor = new ScriptedAdvisor(Duration.ofSeconds(1));
        DecisionMaker maker = DecisionMaker.withAdvisor(advisor);
        advisor.answer.complete(Advice.failed(Outcome.MODEL_MISSING, "HTTP 404", Duration.ofMillis(9), 500, "x"));

        LotDecision decision = maker.decide(bumrahForMumbai(), rules).get(1, TimeUnit.SECONDS);

        assertThat(decision)
                .isEqualTo(new LotDecision(
                        Choice.BID,
                        Lakh.of(800),
                        Lakh.of(900),
                        Source.FALLBACK,
                        "rules: fast bowler, team short [LLM model missing: HTTP 404]"));
    }

    @Test
    void decidesWithinTheDeadlineEvenIfTheAdvisorNeverAnswers() throws Exception {
        DecisionMaker maker = DecisionMaker.withAdvisor(new ScriptedAdvisor(Duration.ofMillis(100)));

        LotDecision decision = maker.decide(bumrahForMumbai(), rules).get(3, TimeUnit.SECONDS);

        assertThat(decision.source()).isEqualTo(Source.FALLBACK);
        assertThat(decision.reason()).contains("LLM timeout");
    }

    @Test
    void closingTheDecisionMakerClosesItsAdvisor() {
        ScriptedAdvisor advisor = new ScriptedAdvisor(Duration.ofSeconds(1));

        DecisionMaker.withAdvisor(advisor).close();

        assertThat(advisor.closed).isTrue();
    }
}
