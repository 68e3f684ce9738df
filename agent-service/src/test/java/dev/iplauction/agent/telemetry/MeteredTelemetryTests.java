package dev.iplauction.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.telemetry.TelemetryStats.TopicStats;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeteredTelemetryTests {

    /** What reached the telemetry behind (Kafka's, in the service). */
    private final AtomicInteger forwarded = new AtomicInteger();

    private volatile TelemetryStats stats = new TelemetryStats(Map.of());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredTelemetry metered = new MeteredTelemetry(
            new Telemetry() {
                @Override
                public void heartbeat(Heartbeat heartbeat) {
                    forwarded.incrementAndGet();
                }

                @Override
                public void decision(DecisionMade decision) {
                    forwarded.incrementAndGet();
                }

                @Override
                public void bid(BidPlaced bid) {
                    forwarded.incrementAndGet();
                }

                @Override
                public void llmCall(LlmCallCompleted call) {
                    forwarded.incrementAndGet();
                }

                @Override
                public TelemetryStats stats() {
                    return stats;
                }
            },
            registry);

    @Test
    void everySeriesExistsAtZeroBeforeAnythingHappens() {
        for (Source source : Source.values()) {
            assertThat(registry.get("agent.decision.latency")
                            .tag("source", source.name().toLowerCase())
                            .timer()
                            .count())
                    .isZero();
        }
        assertThat(registry.get("agent.llm.calls")
                        .tag("outcome", "timeout")
                        .timer()
                        .count())
                .isZero();
        assertThat(registry.get("agent.telemetry.events")
                        .tags("topic", "agent.decisions", "result", "dropped")
                        .functionCounter()
                        .count())
                .isZero();
    }

    @Test
    void decisionsBidsAndLlmCallsAreTimedByTheirKindAndStillReachKafka() {
        DecisionMade decision = TestEvents.decision("ABCD12", Franchise.CSK, 1);
        metered.decision(decision);
        metered.bid(TestEvents.bid("ABCD12", Franchise.CSK, 1));
        LlmCallCompleted call = TestEvents.llmCall("ABCD12", Franchise.CSK, 1);
        metered.llmCall(call);
        metered.llmCall(new LlmCallCompleted(
                "ABCD12",
                Franchise.MI,
                call.at(),
                "P-2",
                call.model(),
                100,
                1500,
                LlmCallEvent.Outcome.TIMEOUT,
                false));
        metered.llmCall(new LlmCallCompleted(
                "ABCD12", Franchise.MI, call.at(), "P-3", call.model(), 100, 0, LlmCallEvent.Outcome.OK, true));

        var rules =
                registry.get("agent.decision.latency").tag("source", "rules").timer();
        assertThat(rules.count()).isEqualTo(1);
        assertThat(rules.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(decision.latencyMillis());
        assertThat(registry.get("agent.decision.latency")
                        .tag("source", "llm")
                        .timer()
                        .count())
                .isZero();
        assertThat(registry.get("agent.bid.reaction")
                        .tag("outcome", "accepted")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("agent.llm.calls").tag("outcome", "ok").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("agent.llm.calls")
                        .tag("outcome", "timeout")
                        .timer()
                        .totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(1500);
        assertThat(registry.get("agent.llm.cache.hits").counter().count()).isEqualTo(1);
        assertThat(forwarded).hasValue(5);
    }

    @Test
    void droppedAndPendingTelemetryFollowTheStatsOfEachTopic() {
        stats = new TelemetryStats(Map.of(
                Topics.AGENT_BIDS, new TopicStats(7, 2, 1, 3), Topics.AGENT_HEARTBEATS, new TopicStats(40, 0, 0, 0)));

        assertThat(registry.get("agent.telemetry.events")
                        .tags("topic", "agent.bids", "result", "dropped")
                        .functionCounter()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get("agent.telemetry.events")
                        .tags("topic", "agent.heartbeats", "result", "sent")
                        .functionCounter()
                        .count())
                .isEqualTo(40);
        assertThat(registry.get("agent.telemetry.pending")
                        .tag("topic", "agent.bids")
                        .gauge()
                        .value())
                .isEqualTo(3);
    }
}
