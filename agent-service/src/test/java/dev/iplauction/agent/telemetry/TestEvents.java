package dev.iplauction.agent.telemetry;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import dev.iplauction.contracts.agent.SeatState;
import java.time.Instant;

/** Sample events, numbered so that a test can tell them apart and check their order. */
final class TestEvents {

    static final Instant AT = Instant.parse("2024-11-24T10:15:30Z");

    private TestEvents() {}

    static Heartbeat heartbeat(String auction, Franchise franchise, long seq) {
        return new Heartbeat(
                auction, franchise, AT.plusSeconds(10 * seq), "agent-1", "host-1", 4242, SeatState.BIDDING, seq);
    }

    static DecisionMade decision(String auction, Franchise franchise, int lot) {
        return new DecisionMade(
                auction,
                franchise,
                AT.plusSeconds(lot),
                lot,
                "P-" + lot,
                "Player " + lot,
                DecisionEvent.Choice.BID,
                Lakh.of(200),
                Lakh.of(300),
                DecisionEvent.Source.RULES,
                "fills the spinner slot",
                12);
    }

    static BidPlaced bid(String auction, Franchise franchise, int lot) {
        return new BidPlaced(
                auction,
                franchise,
                AT.plusSeconds(lot),
                lot,
                "P-" + lot,
                Lakh.of(220),
                BidEvent.Outcome.ACCEPTED,
                null,
                35);
    }

    static LlmCallCompleted llmCall(String auction, Franchise franchise, int n) {
        return new LlmCallCompleted(
                auction,
                franchise,
                AT.plusSeconds(n),
                "P-" + n,
                "llama3.2:3b",
                1200,
                800,
                LlmCallEvent.Outcome.OK,
                false);
    }
}
