package dev.iplauction.agent.telemetry;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Telemetry} that keeps what it is given, with the moment ({@link System#nanoTime()}) each came. */
final class CapturingTelemetry implements Telemetry {

    record Captured(Object event, long nanoTime) {}

    private final List<Captured> captured = new CopyOnWriteArrayList<>();

    @Override
    public void heartbeat(Heartbeat heartbeat) {
        captured.add(new Captured(heartbeat, System.nanoTime()));
    }

    @Override
    public void decision(DecisionMade decision) {
        captured.add(new Captured(decision, System.nanoTime()));
    }

    @Override
    public void bid(BidPlaced bid) {
        captured.add(new Captured(bid, System.nanoTime()));
    }

    @Override
    public void llmCall(LlmCallCompleted call) {
        captured.add(new Captured(call, System.nanoTime()));
    }

    @Override
    public TelemetryStats stats() {
        return new TelemetryStats(Map.of());
    }

    /** The heartbeats of one seat, in the order they came. */
    List<Heartbeat> heartbeats(Franchise franchise) {
        return captured.stream()
                .map(Captured::event)
                .filter(e -> e instanceof Heartbeat h && h.franchise() == franchise)
                .map(Heartbeat.class::cast)
                .toList();
    }

    /** When each of a seat's heartbeats came, in {@link System#nanoTime()}. */
    List<Long> heartbeatTimes(Franchise franchise) {
        return captured.stream()
                .filter(c -> c.event() instanceof Heartbeat h && h.franchise() == franchise)
                .map(Captured::nanoTime)
                .toList();
    }
}
