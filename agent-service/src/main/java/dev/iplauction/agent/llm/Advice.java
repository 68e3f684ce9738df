package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.LlmCallEvent.Outcome;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What came of one request for LLM advice.
 *
 * @param decision the LLM's decision, already clamped to the franchise's bounds, with source {@code LLM} or {@code
 *     CACHE}; null unless the outcome is {@code OK}
 * @param cached whether the answer came from the cache without asking the model
 * @param latency from the request to this outcome
 * @param promptChars the size of the question (system and user message)
 * @param detail for a failure, one line on what went wrong (e.g. "HTTP 500", "no answer within 1500 ms"); for a
 *     success, empty
 */
public record Advice(
        LotDecision decision,
        Outcome outcome,
        boolean cached,
        Duration latency,
        int promptChars,
        String model,
        String detail) {

    public Advice {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(model, "model");
        detail = detail == null ? "" : detail;
        if ((outcome == Outcome.OK) != (decision != null)) {
            throw new IllegalArgumentException("advice carries a decision exactly when its outcome is OK, got "
                    + outcome + " with " + (decision == null ? "no decision" : "a decision"));
        }
        if (decision != null && decision.source() != Source.LLM && decision.source() != Source.CACHE) {
            throw new IllegalArgumentException("LLM advice has source LLM or CACHE, got " + decision.source());
        }
    }

    static Advice ok(LotDecision decision, boolean cached, Duration latency, int promptChars, String model) {
        return new Advice(decision, Outcome.OK, cached, latency, promptChars, model, "");
    }

    static Advice failed(Outcome outcome, String detail, Duration latency, int promptChars, String model) {
        return new Advice(null, outcome, false, latency, promptChars, model, detail);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /** The LLM's decision, when there is one. */
    public Optional<LotDecision> decisionIfAny() {
        return Optional.ofNullable(decision);
    }
}
