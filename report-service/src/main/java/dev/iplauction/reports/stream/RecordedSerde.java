package dev.iplauction.reports.stream;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.reports.analysis.EventSource;
import dev.iplauction.reports.analysis.Recorded;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.JsonNode;

/**
 * A {@link Recorded} as JSON in the {@link EventJson} mapping, for the repartition topic and the state store: {@code
 * {"source":"BIDS","partition":3,"offset":17,"event":{…the event as on its topic…}}}.
 */
final class RecordedSerde implements Serde<Recorded> {

    @Override
    public Serializer<Recorded> serializer() {
        return (topic, recorded) -> recorded == null ? null : write(recorded);
    }

    @Override
    public Deserializer<Recorded> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(Recorded recorded) {
        var mapper = EventJson.mapper();
        var node = mapper.createObjectNode();
        node.put("source", recorded.source().name());
        node.put("partition", recorded.partition());
        node.put("offset", recorded.offset());
        node.set(
                "event",
                mapper.readTree(mapper.writerFor(recorded.source().eventType()).writeValueAsBytes(recorded.event())));
        return mapper.writeValueAsBytes(node);
    }

    static Recorded read(byte[] bytes) {
        var mapper = EventJson.mapper();
        JsonNode node = mapper.readTree(bytes);
        EventSource source = EventSource.valueOf(node.get("source").asString());
        return new Recorded(
                source,
                node.get("partition").asInt(),
                node.get("offset").asLong(),
                mapper.treeToValue(node.get("event"), source.eventType()));
    }
}
