package dev.iplauction.agent.llm;

import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;

/**
 * Told of every request for advice once it has an outcome: answers, cache hits and failures alike. Called on the
 * thread that completed the request, so it should hand off anything slow (a Kafka send is fine: it does not block).
 */
@FunctionalInterface
public interface LlmCallListener {

    LlmCallListener NONE = event -> {};

    void on(LlmCallCompleted event);
}
