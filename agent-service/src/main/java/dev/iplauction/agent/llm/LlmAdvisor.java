package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Asks a language model what to do about a lot, within a deadline. */
public interface LlmAdvisor extends AutoCloseable {

    /**
     * Asks for advice on a lot without blocking the caller. The future always completes, normally and within
     * {@link #deadline()} (plus scheduling jitter): with advice, or with the failure outcome and no decision.
     */
    CompletableFuture<Advice> advise(LotContext context, LotDecision ruleDecision);

    /**
     * Checks the model is there and loads it, blocking up to the warm-up timeout. A failure is logged, never thrown.
     *
     * @return whether the model answered
     */
    boolean warmUp();

    String model();

    Duration deadline();

    @Override
    default void close() {}
}
