package dev.iplauction.reports.analysis;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.LlmCallEvent;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The six topics a report is made from, each with the event interface its records are read as. The declaration order
 * is the rank that breaks ties between events of the same instant, so every reader orders the same events the same
 * way.
 */
public enum EventSource {
    AUCTION(Topics.AUCTION_EVENTS, AuctionEvent.class),
    DECISIONS(Topics.AGENT_DECISIONS, DecisionEvent.class),
    BIDS(Topics.AGENT_BIDS, BidEvent.class),
    LLM_CALLS(Topics.AGENT_LLM_CALLS, LlmCallEvent.class),
    HEARTBEATS(Topics.AGENT_HEARTBEATS, HeartbeatEvent.class),
    ORCHESTRATOR(Topics.ORCHESTRATOR_EVENTS, OrchestratorEvent.class);

    private final Topics topic;
    private final Class<?> eventType;

    EventSource(Topics topic, Class<?> eventType) {
        this.topic = topic;
        this.eventType = eventType;
    }

    public Topics topic() {
        return topic;
    }

    public String topicName() {
        return topic.topicName();
    }

    public Class<?> eventType() {
        return eventType;
    }

    /**
     * Reads one record's value as this topic's event; throws where it is not JSON, names no known type, or lacks the
     * auction code every event must carry.
     */
    public Object read(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("a record on " + topicName() + " has no value");
        }
        Object event = EventJson.mapper().readValue(value, eventType);
        if (auctionCodeOf(event) == null || auctionCodeOf(event).isBlank()) {
            throw new IllegalArgumentException("an event on " + topicName() + " carries no auction code");
        }
        return event;
    }

    public static List<String> topicNames() {
        return Arrays.stream(values()).map(EventSource::topicName).toList();
    }

    public static Optional<EventSource> ofTopic(String topicName) {
        return Arrays.stream(values())
                .filter(s -> s.topicName().equals(topicName))
                .findFirst();
    }

    /** The auction code of an event from any of the six topics. */
    public static String auctionCodeOf(Object event) {
        return switch (event) {
            case AuctionEvent e -> e.auctionCode();
            case DecisionEvent e -> e.auctionCode();
            case BidEvent e -> e.auctionCode();
            case LlmCallEvent e -> e.auctionCode();
            case HeartbeatEvent e -> e.auctionCode();
            case OrchestratorEvent e -> e.auctionCode();
            default -> throw new IllegalArgumentException("not a report event: " + event.getClass());
        };
    }

    /** The time an event of any of the six topics says it happened. */
    public static java.time.Instant atOf(Object event) {
        return switch (event) {
            case AuctionEvent e -> e.at();
            case DecisionEvent e -> e.at();
            case BidEvent e -> e.at();
            case LlmCallEvent e -> e.at();
            case HeartbeatEvent e -> e.at();
            case OrchestratorEvent e -> e.at();
            default -> throw new IllegalArgumentException("not a report event: " + event.getClass());
        };
    }
}
