package dev.iplauction.agent.telemetry;

import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;

/**
 * Where an agent reports what it does: heartbeats, decisions, bids and LLM calls.
 *
 * <p>Every method returns at once, whatever the state of the system behind it, and never throws: bidding must never
 * wait for, or fail because of, its own telemetry. An event that cannot be delivered is counted in {@link #stats()}.
 */
public interface Telemetry {

    void heartbeat(Heartbeat heartbeat);

    void decision(DecisionMade decision);

    void bid(BidPlaced bid);

    void llmCall(LlmCallCompleted call);

    /** What has happened to the events so far, per topic. */
    TelemetryStats stats();
}
