package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.HeartbeatEvent.Advisor;
import dev.iplauction.contracts.agent.LlmCallEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The decision a franchise acts on: the rules' decision, or the LLM's when it answers in time.
 *
 * <ul>
 *   <li>LLM disabled: the rule decision, source {@code RULES}.
 *   <li>Advice arrived: the LLM's decision, clamped to the franchise's bounds, source {@code LLM} or {@code CACHE}.
 *   <li>Advice failed (timeout, error, missing model, unreadable answer): the rule decision, source {@code FALLBACK},
 *       its reason saying why.
 * </ul>
 *
 * <p>It also keeps {@link #advisor() where the advice stands}, for the heartbeats the room reads: warming up from the
 * start until the model first answers (the warm-up or a request), ready from then on, warming up again if the model
 * goes missing. A passing timeout or error does not count as warming up: the model was there.
 */
public final class DecisionMaker implements AutoCloseable {

    /** Extra time past the advisor's deadline before this gives up on it by itself (the advisor should never need it). */
    static final Duration GRACE = Duration.ofMillis(250);

    private final LlmAdvisor advisor;
    private volatile Advisor state;

    private DecisionMaker(LlmAdvisor advisor) {
        this.advisor = advisor;
        this.state = advisor == null ? Advisor.OFF : Advisor.WARMING_UP;
    }

    /** Decides by the rules alone; never calls a model. */
    public static DecisionMaker rulesOnly() {
        return new DecisionMaker(null);
    }

    /** Takes the advisor's advice when it arrives in time; closes the advisor when closed. */
    public static DecisionMaker withAdvisor(LlmAdvisor advisor) {
        return new DecisionMaker(Objects.requireNonNull(advisor, "advisor"));
    }

    /**
     * From the settings: rules alone when the LLM is disabled, otherwise advice from Ollama. Does not warm up: call
     * {@link #warmUp()} (off the start-up thread, it can take the warm-up timeout) when the settings ask for it.
     */
    public static DecisionMaker from(LlmSettings settings, LlmCallListener listener, Clock clock) {
        return from(settings, listener, clock, StatisticsLine.NONE);
    }

    public static DecisionMaker from(
            LlmSettings settings, LlmCallListener listener, Clock clock, StatisticsLine statistics) {
        return settings.enabled() ? withAdvisor(new OllamaAdvisor(settings, listener, clock, statistics)) : rulesOnly();
    }

    public boolean llmEnabled() {
        return advisor != null;
    }

    /** Whether the LLM is there and loaded; false when disabled. Blocks up to the warm-up timeout. */
    public boolean warmUp() {
        if (advisor == null) {
            return false;
        }
        boolean ready = advisor.warmUp();
        if (ready) {
            state = Advisor.READY;
        }
        return ready;
    }

    /** Where the LLM advice stands: {@code OFF} when disabled, else warming up until the model has answered. */
    public Advisor advisor() {
        return state;
    }

    /** What a request's outcome says about the model: it answered, or it is not there (any more). */
    private void heard(Outcome outcome) {
        if (outcome == Outcome.OK) {
            state = Advisor.READY;
        } else if (outcome == Outcome.MODEL_MISSING) {
            state = Advisor.WARMING_UP;
        }
    }

    /**
     * The decision for this lot, asking the LLM when enabled. Completes normally, within the advisor's deadline (plus
     * a small grace should the advisor break its promise).
     */
    public CompletableFuture<LotDecision> decide(LotContext context, LotDecision ruleDecision) {
        if (advisor == null) {
            return CompletableFuture.completedFuture(withSource(ruleDecision, Source.RULES, ruleDecision.reason()));
        }
        CompletableFuture<Advice> advice;
        try {
            advice = advisor.advise(context, ruleDecision);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(fallback(ruleDecision, Outcome.ERROR, String.valueOf(e)));
        }
        return advice.handle((answer, failure) -> {
                    if (answer == null) {
                        return fallback(ruleDecision, Outcome.ERROR, String.valueOf(failure));
                    }
                    heard(answer.outcome());
                    return combine(answer, ruleDecision);
                })
                .completeOnTimeout(
                        fallback(
                                ruleDecision,
                                Outcome.TIMEOUT,
                                "no answer within " + deadline().toMillis() + " ms"),
                        deadline().plus(GRACE).toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    /** Closes the advisor (its requests still out fall back to the rules). */
    @Override
    public void close() {
        if (advisor != null) {
            advisor.close();
        }
    }

    private Duration deadline() {
        return advisor.deadline();
    }

    private static LotDecision combine(Advice advice, LotDecision ruleDecision) {
        return advice.ok() ? advice.decision() : fallback(ruleDecision, advice.outcome(), advice.detail());
    }

    private static LotDecision fallback(LotDecision ruleDecision, Outcome outcome, String detail) {
        String why = "LLM " + outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (detail == null || detail.isBlank() ? "" : ": " + detail);
        return withSource(ruleDecision, Source.FALLBACK, noted(ruleDecision, why));
    }

    private static String noted(LotDecision ruleDecision, String note) {
        String reason = ruleDecision.reason();
        return (reason == null || reason.isBlank() ? "rules" : reason) + " [" + note + "]";
    }

    private static LotDecision withSource(LotDecision decision, Source source, String reason) {
        return new LotDecision(decision.choice(), decision.valuation(), decision.maxBid(), source, reason);
    }
}
