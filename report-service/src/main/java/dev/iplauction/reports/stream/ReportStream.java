package dev.iplauction.reports.stream;

import dev.iplauction.reports.analysis.Recorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the report topology in a {@link KafkaStreams} for the application's life, and reads its events store for live
 * reports of auctions still running. A stream thread that dies of an unexpected error is replaced rather than taking
 * the service down; the records it had not committed are processed again, which the store's keys make harmless.
 */
public final class ReportStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportStream.class);

    private final Topology topology;
    private final Properties config;
    private volatile KafkaStreams streams;

    public ReportStream(Topology topology, Properties config) {
        this.topology = topology;
        this.config = config;
    }

    @Override
    public void start() {
        KafkaStreams created = new KafkaStreams(topology, config);
        created.setUncaughtExceptionHandler(e -> {
            log.error("a report stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        created.setStateListener((now, before) -> log.info("report stream {} -> {}", before, now));
        created.start();
        streams = created;
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            // Leave the group on the way out, so a restarted service gets its tasks back at once rather than after the
            // old member's session times out.
            running.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(10)));
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    public Optional<KafkaStreams.State> state() {
        KafkaStreams running = streams;
        return running == null ? Optional.empty() : Optional.of(running.state());
    }

    /**
     * The events the stream holds for an auction so far; empty while the stream is not running or restoring its
     * stores.
     */
    public Optional<List<Recorded>> events(String auctionCode) {
        KafkaStreams running = streams;
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try {
            ReadOnlyKeyValueStore<String, Recorded> store = running.store(StoreQueryParameters.fromNameAndType(
                    ReportTopology.EVENTS_STORE, QueryableStoreTypes.keyValueStore()));
            List<Recorded> events = new ArrayList<>();
            try (KeyValueIterator<String, Recorded> range =
                    store.prefixScan(AuctionRecorder.prefix(auctionCode), new StringSerializer())) {
                range.forEachRemaining(kv -> events.add(kv.value));
            }
            return Optional.of(events);
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }
}
