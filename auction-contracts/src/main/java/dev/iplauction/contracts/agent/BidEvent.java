package dev.iplauction.contracts.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import java.time.Instant;

/** {@code agent.bids}, keyed by franchise: a bid an agent placed by clicking, and how it went. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = BidEvent.BidPlaced.class, name = "BidPlaced")})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface BidEvent {

    String auctionCode();

    Franchise franchise();

    Instant at();

    enum Outcome {
        ACCEPTED,
        REJECTED,
        OUTBID
    }

    /**
     * @param reason the refusal code when rejected ("stale", "purse" …), else null
     * @param reactionMillis from the page showing the bid it answered to the auction house's answer
     */
    record BidPlaced(
            String auctionCode,
            Franchise franchise,
            Instant at,
            int lot,
            String playerId,
            Lakh amount,
            Outcome outcome,
            String reason,
            long reactionMillis)
            implements BidEvent {}
}
