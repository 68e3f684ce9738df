package dev.iplauction.contracts.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.iplauction.contracts.Franchise;
import java.time.Instant;

/** {@code agent.llm-calls}, keyed by franchise: one request for LLM advice and what came of it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = LlmCallEvent.LlmCallCompleted.class, name = "LlmCallCompleted")})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface LlmCallEvent {

    String auctionCode();

    Franchise franchise();

    Instant at();

    enum Outcome {
        OK,
        TIMEOUT,
        ERROR,
        UNPARSEABLE,
        MODEL_MISSING
    }

    record LlmCallCompleted(
            String auctionCode,
            Franchise franchise,
            Instant at,
            String playerId,
            String model,
            int promptChars,
            long latencyMillis,
            Outcome outcome,
            boolean cached)
            implements LlmCallEvent {}
}
