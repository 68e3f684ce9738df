package dev.iplauction.agent.telemetry;

import dev.iplauction.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics agent-service owns ({@link Topics#ownedBy} "agent-service"), as {@link NewTopic}s to declare: each with
 * its retention from the catalogue, and its dead-letter topic beside it.
 *
 * <p>A dead-letter topic gets as many partitions as its topic, because Spring Kafka's {@code
 * DeadLetterPublishingRecoverer} writes a failed record to the partition of the same number by default.
 */
public final class AgentTopics {

    public static final String OWNER = "agent-service";

    /** One partition per franchise, so no two franchises ever have to share one. */
    public static final int DEFAULT_PARTITIONS = 10;

    private AgentTopics() {}

    /** The topics with {@value #DEFAULT_PARTITIONS} partitions, one replica each: a one-broker Kafka. */
    public static List<NewTopic> newTopics() {
        return newTopics(DEFAULT_PARTITIONS, (short) 1);
    }

    /**
     * Every topic an agent instance declares on a one-broker Kafka: its own, and agent.commands (with its dead letters),
     * whose partitions stand for the seats; the orchestrator declares that one too, and whichever starts first makes it.
     */
    public static List<NewTopic> declared() {
        List<NewTopic> topics = new ArrayList<>(newTopics());
        topics.add(TopicBuilder.name(Topics.AGENT_COMMANDS.topicName())
                .partitions(Topics.SEAT_PARTITIONS)
                .replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, Topics.AGENT_COMMANDS.retentionMs())
                .build());
        topics.add(TopicBuilder.name(Topics.AGENT_COMMANDS.deadLetterTopicName())
                .partitions(Topics.SEAT_PARTITIONS)
                .replicas(1)
                .build());
        return List.copyOf(topics);
    }

    /**
     * @param partitions partitions of every topic and dead-letter topic
     * @param replicas replicas of every partition; at most the number of brokers
     */
    public static List<NewTopic> newTopics(int partitions, short replicas) {
        if (partitions < 1) {
            throw new IllegalArgumentException("agent topics need at least 1 partition, got " + partitions);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("agent topics need at least 1 replica, got " + replicas);
        }
        List<NewTopic> topics = new ArrayList<>();
        for (Topics topic : Topics.ownedBy(OWNER)) {
            topics.add(topic(topic.topicName(), topic, partitions, replicas));
            topics.add(topic(topic.deadLetterTopicName(), topic, partitions, replicas));
        }
        return List.copyOf(topics);
    }

    private static NewTopic topic(String name, Topics topic, int partitions, short replicas) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, topic.retentionMs())
                .build();
    }
}
