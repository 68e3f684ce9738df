package dev.iplauction.contracts.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import java.time.Instant;

/** {@code agent.decisions}, keyed by franchise: what an agent decided about a lot, and why. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = DecisionEvent.DecisionMade.class, name = "DecisionMade")})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface DecisionEvent {

    String auctionCode();

    Franchise franchise();

    Instant at();

    enum Choice {
        BID,
        PASS
    }

    /** Where a decision came from: the rules alone, a fresh LLM answer, a cached one, or the rules after the LLM failed. */
    enum Source {
        RULES("its rules"),
        LLM("the LLM's advice"),
        CACHE("a cached LLM answer"),
        FALLBACK("its rules (the LLM failed or timed out)");

        private final String inPlainWords;

        Source(String inPlainWords) {
            this.inPlainWords = inPlainWords;
        }

        /** How the room and the report say it to a person. */
        public String inPlainWords() {
            return inPlainWords;
        }
    }

    record DecisionMade(
            String auctionCode,
            Franchise franchise,
            Instant at,
            int lot,
            String playerId,
            String playerName,
            Choice choice,
            Lakh valuation,
            Lakh maxBid,
            Source source,
            String reason,
            long latencyMillis)
            implements DecisionEvent {}
}
