package dev.iplauction.auction.table;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Brings the agents' decisions and heartbeats into {@link TableNotes}, for the room. Every instance of the house reads
 * every record (a group of its own, from the end of the topics: the room is live, not a replay), so whichever instance
 * a page is connected to has the notes. A record it cannot read or show is skipped with a warning naming what was
 * wrong; the relay carries on. Off with {@code auction.table.enabled=false}.
 */
@Component
@Lazy(false) // a listener nothing refers to is never made under lazy initialisation
@ConditionalOnProperty(name = "auction.table.enabled", havingValue = "true", matchIfMissing = true)
class DecisionRelay {

    private static final Logger log = LoggerFactory.getLogger(DecisionRelay.class);
    private static final int SHOWN_CHARS = 80;

    private final TableNotes notes;
    private final AtomicLong skipped = new AtomicLong();

    DecisionRelay(TableNotes notes) {
        this.notes = notes;
    }

    @KafkaListener(
            id = "table-relay",
            idIsGroup = false,
            groupId = "#{'auction-service-table-' + T(java.util.UUID).randomUUID()}",
            topics = {
                "#{T(dev.iplauction.contracts.Topics).AGENT_DECISIONS.topicName()}",
                "#{T(dev.iplauction.contracts.Topics).AGENT_HEARTBEATS.topicName()}"
            },
            properties = {
                "auto.offset.reset=latest",
                // The agents' topics are agent-service's: never create them with a broker's defaults.
                "allow.auto.create.topics=false",
                "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer"
            })
    void on(ConsumerRecord<String, String> record) {
        accept(record.topic(), record.value());
    }

    /** Takes one record's JSON; never throws. */
    void accept(String topic, String json) {
        try {
            if (json == null || json.isBlank()) {
                throw new IllegalArgumentException("the record is empty");
            }
            if (Topics.AGENT_DECISIONS.topicName().equals(topic)) {
                if (EventJson.mapper().readValue(json, DecisionEvent.class) instanceof DecisionMade d) {
                    notes.decision(d);
                }
            } else if (Topics.AGENT_HEARTBEATS.topicName().equals(topic)) {
                HeartbeatEvent beat = EventJson.mapper().readValue(json, HeartbeatEvent.class);
                notes.agentSeated(
                        beat.auctionCode(), beat.franchise(), beat instanceof Heartbeat h ? h.advisor() : null);
            }
        } catch (RuntimeException e) {
            long n = skipped.incrementAndGet();
            log.warn(
                    "skipped a record on {} the room cannot show ({} so far): {}; record starts '{}'",
                    topic,
                    n,
                    e.getMessage(),
                    shorten(json));
        }
    }

    /** How many records were skipped since the start. */
    long skipped() {
        return skipped.get();
    }

    private static String shorten(String json) {
        if (json == null) {
            return "";
        }
        String line = json.replaceAll("\\s+", " ");
        return line.length() <= SHOWN_CHARS ? line : line.substring(0, SHOWN_CHARS) + "…";
    }
}
