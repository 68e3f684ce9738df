package dev.iplauction.agent.llm;

import static dev.iplauction.agent.llm.Lots.answer;
import static dev.iplauction.agent.llm.Lots.bumrah;
import static dev.iplauction.agent.llm.Lots.bumrahForMumbai;
import static dev.iplauction.agent.llm.Lots.lot;
import static dev.iplauction.agent.llm.Lots.mumbai;
import static dev.iplauction.agent.llm.Lots.overseasBatter;
import static dev.iplauction.agent.llm.Lots.rulesBid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.TeamState;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.HeartbeatEvent.Advisor;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import dev.iplauction.contracts.agent.LlmCallEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class OllamaAdvisorTests {

    /**
     * Generous, for answers that come at once: the first call in a JVM loads LangChain4j and Jackson, and a loaded CI
     * machine can stall it for seconds. Answers that come at once do not wait for it.
     */
    private static final Duration ROOMY = Duration.ofSeconds(30);

    /** Short, for answers that never come. */
    private static final Duration SHORT = Duration.ofMillis(400);

    /**
     * How long a test waits for a future that the advisor's own deadline completes: only a hung advisor reaches it, so
     * it is sized for a loaded machine, not for the deadline (the outcome, not the wait, says the deadline worked).
     */
    private static final long CEILING_FOR_SHORT = Duration.ofMinutes(1).toMillis();

    private static final Instant NOW = Instant.parse("2025-05-01T10:15:30Z");

    private final FakeOllama ollama = FakeOllama.start();
    private final List<LlmCallCompleted> calls = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final LotDecision rules = rulesBid(800, 900);

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        ollama.close();
    }

    private LlmSettings settings(Duration deadline) {
        return LlmSettings.defaults().withBaseUrl(ollama.baseUrl()).withDeadline(deadline);
    }

    private OllamaAdvisor advisor(LlmSettings settings) {
        OllamaAdvisor advisor = new OllamaAdvisor(settings, calls::add, Clock.fixed(NOW, ZoneOffset.UTC));
        toClose.add(advisor);
        return advisor;
    }

    private DecisionMaker decisionMaker(LlmSettings settings) {
        return DecisionMaker.withAdvisor(advisor(settings));
    }

    private static Advice within(CompletableFuture<Advice> advice, long millis) throws Exception {
        return advice.get(millis, TimeUnit.MILLISECONDS);
    }

    @Test
    void usesAGoodAnswer() throws Exception {
        ollama.answers(answer("BID", 300, "strong death bowler"));

        Advice advice = within(advisor(settings(ROOMY)).advise(bumrahForMumbai(), rules), ROOMY.toMillis() * 2);

        assertThat(advice.outcome()).isEqualTo(Outcome.OK);
        assertThat(advice.cached()).isFalse();
        assertThat(advice.model()).isEqualTo(FakeOllama.MODEL);
        assertThat(advice.promptChars()).isPositive();
        LotDecision decision = advice.decision();
        assertThat(decision.source()).isEqualTo(Source.LLM);
        assertThat(decision.choice()).isEqualTo(Choice.BID);
        assertThat(decision.maxBid()).isEqualTo(Lakh.of(300));
        assertThat(decision.valuation()).isEqualTo(rules.valuation());
        assertThat(decision.reason()).isEqualTo("LLM: strong death bowler");
        assertThat(calls)
                .singleElement()
                .isEqualTo(new LlmCallCompleted(
                        Lots.AUCTION,
                        Franchise.MI,
                        NOW,
                        "12",
                        FakeOllama.MODEL,
                        advice.promptChars(),
                        advice.latency().toMillis(),
                        Outcome.OK,
                        false));
    }

    @Test
    void clampsAnAnswerAboveTheRaiseLimit() throws Exception {
        ollama.answers(answer("BID", 5000, "generational talent"));

        Advice advice = within(advisor(settings(ROOMY)).advise(bumrahForMumbai(), rules), ROOMY.toMillis() * 2);

        // 1.5 × the rule maximum of 900; the purse would allow 4,350.
        assertThat(advice.decision().maxBid()).isEqualTo(Lakh.of(1350));
        assertThat(advice.decision().reason()).contains("generational talent").contains("clamped from 5000 to 1350");
    }

    @Test
    void clampsAnAnswerAboveWhatThePurseAllows() throws Exception {
        ollama.answers(answer("BID", 9000, "all in"));
        LotContext lot = bumrahForMumbai();

        Advice advice = within(advisor(settings(ROOMY)).advise(lot, rulesBid(4000, 4200)), ROOMY.toMillis() * 2);

        Lakh purseLimit = BiddingRules.maxBid(
                SquadRules.IPL, lot.mine().purse(), lot.mine().squadSize());
        assertThat(purseLimit).isEqualTo(Lakh.of(4350));
        assertThat(advice.decision().maxBid()).isEqualTo(purseLimit);
        assertThat(advice.decision().reason()).contains("purse less reserve");
    }

    @Test
    void answersTheSameQuestionFromTheCache() throws Exception {
        ollama.answers(answer("BID", 300, "strong death bowler"));
        OllamaAdvisor advisor = advisor(settings(ROOMY));

        Advice first = within(advisor.advise(bumrahForMumbai(), rules), ROOMY.toMillis() * 2);
        CompletableFuture<Advice> again = advisor.advise(bumrahForMumbai(), rules);

        assertThat(again).isDone();
        Advice second = again.get();
        assertThat(first.cached()).isFalse();
        assertThat(second.outcome()).isEqualTo(Outcome.OK);
        assertThat(second.cached()).isTrue();
        assertThat(second.decision().source()).isEqualTo(Source.CACHE);
        assertThat(second.decision().maxBid()).isEqualTo(Lakh.of(300));
        assertThat(ollama.chatCalls()).isEqualTo(1);
        assertThat(calls).extracting(LlmCallCompleted::cached).containsExactly(false, true);
        assertThat(calls).extracting(LlmCallCompleted::outcome).containsExactly(Outcome.OK, Outcome.OK);
    }

    @Test
    void asksAgainWhenThePurseHasMovedToAnotherBucket() throws Exception {
        OllamaAdvisor advisor = advisor(settings(ROOMY));
        within(advisor.advise(bumrahForMumbai(), rules), ROOMY.toMillis() * 2);

        TeamState poorer = new TeamState(Franchise.MI, Lakh.of(2500), 12, 3, mumbai().roles(), 1);
        Advice advice = within(advisor.advise(lot(bumrah(), poorer), rules), ROOMY.toMillis() * 2);

        assertThat(advice.cached()).isFalse();
        assertThat(ollama.chatCalls()).isEqualTo(2);
    }

    @Test
    void aQuestionAskedAgainWhileOutWaitsForTheFirstAsking() throws Exception {
        ollama.delays(Duration.ofMillis(300));
        OllamaAdvisor advisor = advisor(settings(ROOMY));

        CompletableFuture<Advice> first = advisor.advise(bumrahForMumbai(), rules);
        CompletableFuture<Advice> second = advisor.advise(bumrahForMumbai(), rules);

        assertThat(within(first, ROOMY.toMillis() * 2).outcome()).isEqualTo(Outcome.OK);
        assertThat(within(second, ROOMY.toMillis() * 2).outcome()).isEqualTo(Outcome.OK);
        assertThat(ollama.chatCalls()).isEqualTo(1);
    }

    @Test
    void timesOutASlowAnswerAndTheRulesStand() throws Exception {
        ollama.delays(Duration.ofSeconds(10));
        LlmSettings settings = settings(SHORT);

        Advice advice = within(advisor(settings).advise(bumrahForMumbai(), rules), CEILING_FOR_SHORT);
        assertThat(advice.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(advice.decisionIfAny()).isEmpty();
        assertThat(advice.latency()).isGreaterThanOrEqualTo(SHORT.minusMillis(50));

        LotDecision decision = decisionMaker(settings)
                .decide(lot(overseasBatter(), mumbai()), rules)
                .get(CEILING_FOR_SHORT, TimeUnit.MILLISECONDS);
        assertThat(decision.source()).isEqualTo(Source.FALLBACK);
        assertThat(decision.choice()).isEqualTo(rules.choice());
        assertThat(decision.maxBid()).isEqualTo(rules.maxBid());
        assertThat(decision.reason()).startsWith(rules.reason()).contains("LLM timeout");
        assertThat(calls).extracting(LlmCallCompleted::outcome).containsExactly(Outcome.TIMEOUT, Outcome.TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500 {\"error\":\"llama runner process has terminated\"}", "200 <html>gateway</html>"})
    void fallsBackOnAServerError(String reply) throws Exception {
        String[] statusAndBody = reply.split(" ", 2);
        ollama.replies(Integer.parseInt(statusAndBody[0]), statusAndBody[1]);

        assertFallsBack(settings(ROOMY), Outcome.ERROR, "LLM error");
    }

    @Test
    void fallsBackWhenTheModelIsMissing() throws Exception {
        ollama.has("qwen2.5:0.5b");

        assertFallsBack(settings(ROOMY), Outcome.MODEL_MISSING, "LLM model missing: HTTP 404");
    }

    @Test
    void fallsBackWhenNoServerAnswers() throws Exception {
        LlmSettings settings = settings(ROOMY).withBaseUrl(FakeOllama.nothingListening());

        assertFallsBack(settings, Outcome.ERROR, "cannot connect");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I would bid up to 3 crore",
                "",
                "[\"BID\", 300]",
                "{\"choice\":\"BID\",\"maxBidLakh\":300}",
                "{\"choice\":\"BID\",\"reason\":\"no amount\"}",
                "{\"maxBidLakh\":300,\"reason\":\"no choice\"}",
                "{\"choice\":\"MAYBE\",\"maxBidLakh\":300,\"reason\":\"unsure\"}",
                "{\"choice\":\"BID\",\"maxBidLakh\":-50,\"reason\":\"negative\"}",
                "{\"choice\":\"BID\",\"maxBidLakh\":\"300\",\"reason\":\"a string\"}",
                "{\"choice\":\"BID\",\"maxBidLakh\":250.5,\"reason\":\"half a lakh\"}",
                "{\"choice\":\"BID\",\"maxBidLakh\":300,\"reason\":\"cut off",
            })
    void fallsBackOnAnAnswerThatIsNotTheSchema(String content) throws Exception {
        ollama.answers(content);

        assertFallsBack(settings(ROOMY), Outcome.UNPARSEABLE, "LLM unparseable");
    }

    private void assertFallsBack(LlmSettings settings, Outcome outcome, String reasonPart) throws Exception {
        LotDecision decision = decisionMaker(settings)
                .decide(bumrahForMumbai(), rules)
                .get(settings.deadline().toMillis() * 3, TimeUnit.MILLISECONDS);

        assertThat(decision.source()).isEqualTo(Source.FALLBACK);
        assertThat(decision.choice()).isEqualTo(rules.choice());
        assertThat(decision.valuation()).isEqualTo(rules.valuation());
        assertThat(decision.maxBid()).isEqualTo(rules.maxBid());
        assertThat(decision.reason()).startsWith(rules.reason()).contains(reasonPart);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(outcome);
            assertThat(call.cached()).isFalse();
            assertThat(call.playerId()).isEqualTo("12");
            assertThat(call.franchise()).isEqualTo(Franchise.MI);
        });
    }

    @Test
    void aFailureIsNotCached() throws Exception {
        ollama.answers("not json");
        OllamaAdvisor advisor = advisor(settings(ROOMY));
        assertThat(within(advisor.advise(bumrahForMumbai(), rules), ROOMY.toMillis() * 2)
                        .outcome())
                .isEqualTo(Outcome.UNPARSEABLE);

        ollama.answers(answer("PASS", 0, "too dear"));
        Advice advice = within(advisor.advise(bumrahForMumbai(), rules), ROOMY.toMillis() * 2);

        assertThat(advice.outcome()).isEqualTo(Outcome.OK);
        assertThat(advice.decision().choice()).isEqualTo(Choice.PASS);
        assertThat(ollama.chatCalls()).isEqualTo(2);
    }

    @Test
    void aCallThatGetsNoSlotInTimeTimesOutWithoutReachingTheServer() throws Exception {
        ollama.delays(Duration.ofSeconds(10));
        Duration deadline = Duration.ofSeconds(1);
        OllamaAdvisor advisor = advisor(settings(deadline).withMaxConcurrentCalls(1));

        // Two questions at once, one slot: one reaches the server and sits there until its deadline; the other
        // waits for the slot, gives up while the first still holds it, and is never sent.
        CompletableFuture<Advice> first = advisor.advise(bumrahForMumbai(), rules);
        CompletableFuture<Advice> second = advisor.advise(lot(overseasBatter(), mumbai()), rules);

        assertThat(List.of(within(first, CEILING_FOR_SHORT), within(second, CEILING_FOR_SHORT)))
                .extracting(Advice::outcome)
                .containsExactly(Outcome.TIMEOUT, Outcome.TIMEOUT);
        assertThat(List.of(first.get(), second.get()))
                .extracting(Advice::detail)
                .containsOnlyOnce("no free LLM slot within 1000 ms");
        assertThat(ollama.chatCalls()).isEqualTo(1);
        assertThat(calls).hasSize(2);
    }

    @Test
    void aTimedOutCallGivesItsSlotBack() throws Exception {
        ollama.delays(Duration.ofSeconds(10));
        OllamaAdvisor advisor = advisor(settings(Duration.ofSeconds(1)).withMaxConcurrentCalls(1));
        assertThat(within(advisor.advise(bumrahForMumbai(), rules), 3000).outcome())
                .isEqualTo(Outcome.TIMEOUT);

        // The server is still sitting on the first request; the slot must not be.
        ollama.delays(Duration.ZERO);
        Advice next = within(advisor.advise(lot(overseasBatter(), mumbai()), rules), 3000);

        assertThat(next.outcome()).isEqualTo(Outcome.OK);
        assertThat(ollama.chatCalls()).isEqualTo(2);
    }

    @Test
    void sendsTheModelTheSchemaAndACompactPrompt() throws Exception {
        within(advisor(settings(ROOMY)).advise(bumrahForMumbai(), rules), ROOMY.toMillis() * 2);

        JsonNode request = ollama.chatRequests().getFirst();
        assertThat(request.path("model").asString()).isEqualTo(FakeOllama.MODEL);
        assertThat(request.path("stream").isBoolean()).isTrue();
        assertThat(request.path("stream").asBoolean()).isFalse();
        JsonNode format = request.path("format");
        assertThat(format.path("type").asString()).isEqualTo("object");
        assertThat(format.path("properties").path("choice").path("enum").values())
                .extracting(JsonNode::asString)
                .containsExactly("BID", "PASS");
        assertThat(format.path("properties").path("maxBidLakh").path("type").asString())
                .isEqualTo("integer");
        assertThat(format.path("properties").path("reason").path("type").asString())
                .isEqualTo("string");
        assertThat(format.path("required").values())
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("choice", "maxBidLakh", "reason");
        assertThat(request.path("options").path("temperature").asDouble()).isEqualTo(0.1);
        assertThat(request.path("options").path("num_predict").asInt()).isEqualTo(OllamaAdvisor.MAX_ANSWER_TOKENS);

        JsonNode messages = request.path("messages");
        assertThat(messages.get(0).path("role").asString()).isEqualTo("system");
        assertThat(messages.get(1).path("role").asString()).isEqualTo("user");
        String prompt = messages.get(1).path("content").asString();
        assertThat(prompt)
                .contains("Jasprit Bumrah", "Bowler", "base price 200")
                .contains("MI (Mumbai Indians)", "purse 4500")
                .contains("bid up to 900")
                .hasSizeLessThan(800);
    }

    @Test
    void warmsUpWhenTheModelIsThere() {
        assertThat(advisor(settings(ROOMY)).warmUp()).isTrue();

        assertThat(ollama.chatRequests())
                .singleElement()
                .satisfies(request -> assertThat(
                                request.path("options").path("num_predict").asInt())
                        .isEqualTo(1));
    }

    @Test
    void warmUpReportsAMissingModelWithoutThrowingOrChatting() {
        ollama.has("qwen2.5:0.5b");

        assertThat(advisor(settings(ROOMY)).warmUp()).isFalse();
        assertThat(ollama.chatCalls()).isZero();
    }

    @Test
    void theAdviceIsWarmingUpWhileTheModelIsMissingAndReadyOnceItAnswers() throws Exception {
        ollama.has("qwen2.5:0.5b");
        DecisionMaker maker = decisionMaker(settings(ROOMY));

        assertThat(maker.advisor()).as("before anything is known").isEqualTo(Advisor.WARMING_UP);
        assertThat(maker.warmUp()).isFalse();
        assertThat(maker.advisor()).as("after a warm-up that found no model").isEqualTo(Advisor.WARMING_UP);
        LotDecision missing = maker.decide(bumrahForMumbai(), rules).get(CEILING_FOR_SHORT, TimeUnit.MILLISECONDS);
        assertThat(missing.source()).isEqualTo(Source.FALLBACK);
        assertThat(maker.advisor())
                .as("after a request the model was missing for")
                .isEqualTo(Advisor.WARMING_UP);

        ollama.has(FakeOllama.MODEL); // the pull finished
        LotDecision advised = maker.decide(bumrahForMumbai(), rules).get(CEILING_FOR_SHORT, TimeUnit.MILLISECONDS);

        assertThat(advised.source()).isEqualTo(Source.LLM);
        assertThat(maker.advisor()).isEqualTo(Advisor.READY);
    }

    @Test
    void aWarmUpThatLoadsTheModelMakesTheAdviceReady() {
        DecisionMaker maker = decisionMaker(settings(ROOMY));

        assertThat(maker.warmUp()).isTrue();

        assertThat(maker.advisor()).isEqualTo(Advisor.READY);
    }

    @Test
    void aTimeoutAfterTheModelAnsweredIsNotWarmingUp() throws Exception {
        DecisionMaker maker = decisionMaker(settings(Duration.ofMillis(300)));
        assertThat(maker.warmUp()).isTrue();
        ollama.delays(Duration.ofSeconds(5));

        LotDecision late = maker.decide(bumrahForMumbai(), rules).get(CEILING_FOR_SHORT, TimeUnit.MILLISECONDS);

        assertThat(late.reason()).contains("LLM timeout");
        assertThat(maker.advisor()).isEqualTo(Advisor.READY);
    }

    @Test
    void warmUpReportsNoServerWithoutThrowing() {
        LlmSettings settings = settings(ROOMY).withBaseUrl(FakeOllama.nothingListening());

        assertThat(advisor(settings).warmUp()).isFalse();
    }

    @Test
    void aFailingListenerDoesNotLoseTheAdvice() throws Exception {
        OllamaAdvisor advisor = new OllamaAdvisor(
                settings(ROOMY),
                event -> {
                    throw new IllegalStateException("kafka is down");
                },
                Clock.systemUTC());
        toClose.add(advisor);

        Advice advice = within(advisor.advise(bumrahForMumbai(), rules), ROOMY.toMillis() * 2);

        assertThat(advice.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void closingCompletesTheCallsStillOut() throws Exception {
        ollama.delays(Duration.ofSeconds(10));
        OllamaAdvisor advisor = advisor(settings(ROOMY));
        CompletableFuture<Advice> out = advisor.advise(bumrahForMumbai(), rules);
        await().atMost(Duration.ofMinutes(1)).until(() -> ollama.chatCalls() == 1);

        advisor.close();

        assertThat(within(out, 1000).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(within(advisor.advise(lot(overseasBatter(), mumbai()), rules), 1000)
                        .outcome())
                .isEqualTo(Outcome.ERROR);
    }
}
