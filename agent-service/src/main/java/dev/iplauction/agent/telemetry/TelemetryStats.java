package dev.iplauction.agent.telemetry;

import dev.iplauction.contracts.Topics;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of what became of the events published so far, per topic.
 *
 * @param topics the counts of each topic that telemetry writes to
 */
public record TelemetryStats(Map<Topics, TopicStats> topics) {

    /**
     * @param sent acknowledged by Kafka
     * @param queued waiting in telemetry's own bounded queue
     * @param inFlight handed to the Kafka producer and not yet acknowledged (or given up)
     * @param dropped lost: the queue was full, the producer gave up on it, or it came after close
     */
    public record TopicStats(long sent, long queued, long inFlight, long dropped) {

        public static final TopicStats NONE = new TopicStats(0, 0, 0, 0);

        /** Not yet sent and not dropped: queued or in flight. */
        public long pending() {
            return queued + inFlight;
        }
    }

    public TelemetryStats {
        Map<Topics, TopicStats> copy = new EnumMap<>(Topics.class);
        copy.putAll(topics);
        topics = Collections.unmodifiableMap(copy);
    }

    /** The counts of one topic; all zero for a topic telemetry does not write to. */
    public TopicStats of(Topics topic) {
        return topics.getOrDefault(topic, TopicStats.NONE);
    }

    public long sent() {
        return topics.values().stream().mapToLong(TopicStats::sent).sum();
    }

    public long pending() {
        return topics.values().stream().mapToLong(TopicStats::pending).sum();
    }

    public long dropped() {
        return topics.values().stream().mapToLong(TopicStats::dropped).sum();
    }
}
