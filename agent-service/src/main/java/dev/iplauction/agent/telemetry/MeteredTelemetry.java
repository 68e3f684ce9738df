package dev.iplauction.agent.telemetry;

import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import dev.iplauction.contracts.agent.LlmCallEvent.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Telemetry that also keeps the agent's meters: everything an agent does passes through here on its way to Kafka.
 *
 * <ul>
 *   <li>{@code agent.decision.latency{source=rules|llm|cache|fallback}}: from the lot opening to the decision
 *   <li>{@code agent.bid.reaction{outcome=accepted|rejected|outbid}}: from the page showing a bid to the answer
 *   <li>{@code agent.llm.calls{outcome=ok|timeout|error|unparseable|model_missing}} and the call's time
 *   <li>{@code agent.telemetry.events{topic,result=sent|dropped}}, {@code agent.telemetry.pending{topic}}: what
 *       became of the events themselves
 * </ul>
 */
public final class MeteredTelemetry implements Telemetry {

    private final Telemetry delegate;
    private final Map<Source, Timer> decisions = new EnumMap<>(Source.class);
    private final Map<Outcome, Timer> llmCalls = new EnumMap<>(Outcome.class);
    private final Counter llmCacheHits;
    private final Map<BidEvent.Outcome, Timer> bids = new EnumMap<>(BidEvent.Outcome.class);

    public MeteredTelemetry(Telemetry delegate, MeterRegistry registry) {
        this.delegate = delegate;
        // Every series from the start, at zero: a dashboard shows "no timeouts", not "no data".
        for (Source source : Source.values()) {
            decisions.put(
                    source,
                    Timer.builder("agent.decision.latency")
                            .description("From the lot on the block to the seat's decision, by where it came from")
                            .tag("source", tag(source.name()))
                            .register(registry));
        }
        for (Outcome outcome : Outcome.values()) {
            llmCalls.put(
                    outcome,
                    Timer.builder("agent.llm.calls")
                            .description("Requests for the LLM's advice, by outcome")
                            .tag("outcome", tag(outcome.name()))
                            .register(registry));
        }
        for (BidEvent.Outcome outcome : BidEvent.Outcome.values()) {
            bids.put(
                    outcome,
                    Timer.builder("agent.bid.reaction")
                            .description("From the page showing the bid answered to the house's answer, by outcome")
                            .tag("outcome", tag(outcome.name()))
                            .register(registry));
        }
        llmCacheHits = Counter.builder("agent.llm.cache.hits")
                .description("Advice answered from the cache, without asking the model")
                .register(registry);
        for (Topics topic : KafkaTelemetry.TOPICS) {
            FunctionCounter.builder(
                            "agent.telemetry.events",
                            delegate,
                            t -> t.stats().of(topic).sent())
                    .description("Telemetry events Kafka acknowledged or that were lost")
                    .tags("topic", topic.topicName(), "result", "sent")
                    .register(registry);
            FunctionCounter.builder(
                            "agent.telemetry.events",
                            delegate,
                            t -> t.stats().of(topic).dropped())
                    .description("Telemetry events Kafka acknowledged or that were lost")
                    .tags("topic", topic.topicName(), "result", "dropped")
                    .register(registry);
            Gauge.builder(
                            "agent.telemetry.pending",
                            delegate,
                            t -> t.stats().of(topic).pending())
                    .description("Telemetry events queued or in flight")
                    .tag("topic", topic.topicName())
                    .register(registry);
        }
    }

    private static String tag(String enumName) {
        return enumName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void heartbeat(Heartbeat heartbeat) {
        delegate.heartbeat(heartbeat);
    }

    @Override
    public void decision(DecisionMade decision) {
        if (decision.source() != null && decision.latencyMillis() >= 0) {
            decisions.get(decision.source()).record(Duration.ofMillis(decision.latencyMillis()));
        }
        delegate.decision(decision);
    }

    @Override
    public void bid(BidPlaced bid) {
        if (bid.outcome() != null && bid.reactionMillis() >= 0) {
            bids.get(bid.outcome()).record(Duration.ofMillis(bid.reactionMillis()));
        }
        delegate.bid(bid);
    }

    @Override
    public void llmCall(LlmCallCompleted call) {
        if (call.cached()) {
            llmCacheHits.increment();
        } else if (call.outcome() != null) {
            llmCalls.get(call.outcome()).record(Duration.ofMillis(Math.max(0, call.latencyMillis())));
        }
        delegate.llmCall(call);
    }

    @Override
    public TelemetryStats stats() {
        return delegate.stats();
    }
}
