package dev.iplauction.contracts;

import java.time.Duration;
import java.util.List;

/**
 * The topic catalogue: every topic's name, what its records are keyed by, who owns it and how long it keeps them.
 * Each topic has a dead-letter topic, {@code <name>.DLT}, for records its readers could not read.
 */
public enum Topics {
    AUCTION_EVENTS("auction.events", "auction code", "auction-service", null),
    AGENT_HEARTBEATS("agent.heartbeats", "franchise", "agent-service", Duration.ofDays(1)),
    AGENT_DECISIONS("agent.decisions", "franchise", "agent-service", Duration.ofDays(30)),
    AGENT_BIDS("agent.bids", "franchise", "agent-service", Duration.ofDays(30)),
    AGENT_LLM_CALLS("agent.llm-calls", "franchise", "agent-service", Duration.ofDays(30)),
    AGENT_LOGS("agent.logs", "source", "log-service", Duration.ofDays(7)),
    AGENT_COMMANDS("agent.commands", "franchise", "orchestrator-service", Duration.ofDays(1)),
    ORCHESTRATOR_EVENTS("orchestrator.events", "franchise", "orchestrator-service", Duration.ofDays(30));

    /**
     * {@code agent.commands} has one partition per franchise, partition = {@link Franchise#ordinal()}: the agent
     * instances share it in one consumer group, so the instance that holds a franchise's partition holds its seat
     * and receives its commands.
     */
    public static final int SEAT_PARTITIONS = Franchise.values().length;

    /** The partition of {@code agent.commands} that stands for this franchise's seat. */
    public static int seatPartition(Franchise franchise) {
        return franchise.ordinal();
    }

    /** The franchise whose seat this partition of {@code agent.commands} stands for. */
    public static Franchise franchiseOfPartition(int partition) {
        if (partition < 0 || partition >= SEAT_PARTITIONS) {
            throw new IllegalArgumentException(
                    "agent.commands has partitions 0.." + (SEAT_PARTITIONS - 1) + ", not " + partition);
        }
        return Franchise.values()[partition];
    }

    /** Suffix of each topic's dead-letter topic, as Spring Kafka's DeadLetterPublishingRecoverer names it. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private final String topicName;
    private final String keyedBy;
    private final String owner;
    private final Duration retention;

    Topics(String topicName, String keyedBy, String owner, Duration retention) {
        this.topicName = topicName;
        this.keyedBy = keyedBy;
        this.owner = owner;
        this.retention = retention;
    }

    public String topicName() {
        return topicName;
    }

    public String deadLetterTopicName() {
        return topicName + DEAD_LETTER_SUFFIX;
    }

    public String keyedBy() {
        return keyedBy;
    }

    /** The service that declares the topic and sets its retention. */
    public String owner() {
        return owner;
    }

    /** How long the topic keeps records; forever (retention.ms = -1) where null. */
    public Duration retention() {
        return retention;
    }

    /** The value for the topic's {@code retention.ms} config. */
    public String retentionMs() {
        return retention == null ? "-1" : String.valueOf(retention.toMillis());
    }

    public static List<Topics> ownedBy(String service) {
        return java.util.Arrays.stream(values())
                .filter(t -> t.owner.equals(service))
                .toList();
    }
}
