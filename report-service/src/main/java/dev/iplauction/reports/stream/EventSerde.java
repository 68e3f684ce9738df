package dev.iplauction.reports.stream;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.reports.analysis.EventSource;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Reads a topic's records as its events ({@link EventSource#read}); a record that cannot be read throws, and the
 * stream's {@link DeadLetters} handler takes it from there.
 */
final class EventSerde implements Serde<Object> {

    private final EventSource source;

    EventSerde(EventSource source) {
        this.source = source;
    }

    @Override
    public Serializer<Object> serializer() {
        return (topic, event) -> event == null
                ? null
                : EventJson.mapper().writerFor(source.eventType()).writeValueAsBytes(event);
    }

    @Override
    public Deserializer<Object> deserializer() {
        return (topic, bytes) -> source.read(bytes);
    }
}
