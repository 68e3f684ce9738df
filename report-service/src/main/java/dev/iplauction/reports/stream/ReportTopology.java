package dev.iplauction.reports.stream;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.reports.analysis.EventSource;
import dev.iplauction.reports.analysis.Recorded;
import dev.iplauction.reports.render.ReportFiles;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;

/**
 * The report stream: the six topics, each read as its events and stamped with its topic position, merged, re-keyed by
 * auction code (the agents' topics are keyed by franchise) through one repartition topic, so all of an auction's
 * events meet in one task and its stores; there {@link AuctionRecorder} keeps them and writes reports.
 */
public final class ReportTopology {

    /** Every event by auction code and topic position; changelogged, so it survives the loss of the state dir. */
    public static final String EVENTS_STORE = "auction-events";

    /** Each auction's {@link AuctionStatus}. */
    public static final String STATUS_STORE = "auction-report-status";

    private ReportTopology() {}

    public static Topology build(ReportFiles files, Duration settle, Duration scanInterval, ReportListener listener) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(EVENTS_STORE), Serdes.String(), new RecordedSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STATUS_STORE), Serdes.String(), statusSerde()));

        KStream<String, Recorded> merged = null;
        for (EventSource source : EventSource.values()) {
            KStream<String, Recorded> stream = builder.stream(
                            source.topicName(),
                            Consumed.with(Serdes.String(), new EventSerde(source))
                                    .withName("read-" + source.topicName()))
                    .processValues(() -> new Stamp(source), Named.as("stamp-" + source.topicName()));
            merged = merged == null ? stream : merged.merge(stream, Named.as("merge-" + source.topicName()));
        }
        merged.selectKey((key, recorded) -> recorded.auctionCode(), Named.as("key-by-auction-code"))
                .repartition(
                        Repartitioned.with(Serdes.String(), new RecordedSerde()).withName("by-auction"))
                .process(
                        () -> new AuctionRecorder(files, settle, scanInterval, listener),
                        Named.as("record-and-report"),
                        EVENTS_STORE,
                        STATUS_STORE);
        return builder.build();
    }

    /** Wraps an event with where it was read: its topic, partition and offset. */
    private static final class Stamp implements FixedKeyProcessor<String, Object, Recorded> {

        private final EventSource source;
        private FixedKeyProcessorContext<String, Recorded> context;

        Stamp(EventSource source) {
            this.source = source;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Recorded> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, Object> record) {
            var position = context.recordMetadata().orElseThrow();
            context.forward(
                    record.withValue(new Recorded(source, position.partition(), position.offset(), record.value())));
        }
    }

    static Serde<AuctionStatus> statusSerde() {
        return Serdes.serdeFrom(
                (topic, status) -> status == null ? null : EventJson.mapper().writeValueAsBytes(status),
                (topic, bytes) -> bytes == null ? null : EventJson.mapper().readValue(bytes, AuctionStatus.class));
    }
}
