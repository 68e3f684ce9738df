package dev.iplauction.agent.telemetry;

import static dev.iplauction.agent.telemetry.TestEvents.bid;
import static dev.iplauction.agent.telemetry.TestEvents.decision;
import static dev.iplauction.agent.telemetry.TestEvents.heartbeat;
import static dev.iplauction.agent.telemetry.TestEvents.llmCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.unit.DataSize;

/** The queue, the drop policy and the producer's answers, against stand-in producers: no broker. */
class KafkaTelemetryTests {

    private static final String AUCTION = "UNIT01";
    private static final Duration CEILING = Duration.ofSeconds(10);

    private KafkaTelemetry telemetry;

    @BeforeAll
    static void quietKafka() {
        TestLogging.quietKafka();
    }

    @AfterEach
    void close() {
        if (telemetry != null) {
            telemetry.close();
        }
    }

    /** A MockProducer that serializes keys and values as KafkaTelemetry's own producer does. */
    static class FakeProducer extends MockProducer<String, Object> {
        FakeProducer(boolean autoComplete) {
            super(
                    autoComplete,
                    null,
                    new StringSerializer(),
                    new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
        }
    }

    /** Holds the first send until released, as KafkaProducer holds a send while it waits for topic metadata. */
    static final class HeldProducer extends FakeProducer {
        final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        HeldProducer() {
            super(true);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, Object> record, Callback callback) {
            if (first.compareAndSet(true, false)) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new InterruptException(e);
                }
            }
            return super.send(record, callback);
        }
    }

    /**
     * Turns records for one topic away a number of times the way KafkaProducer does when it has no metadata or no
     * buffer space: the callback gets a TimeoutException on the calling thread before send() returns.
     */
    static final class RefusingProducer extends FakeProducer {
        private final String topic;
        private final AtomicInteger refusalsLeft;

        RefusingProducer(Topics topic, int refusals) {
            super(true);
            this.topic = topic.topicName();
            this.refusalsLeft = new AtomicInteger(refusals);
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, Object> record, Callback callback) {
            if (record.topic().equals(topic) && refusalsLeft.getAndDecrement() > 0) {
                var refusal = new TimeoutException("Topic " + topic + " not present in metadata after 500 ms.");
                callback.onCompletion(null, refusal);
                return CompletableFuture.failedFuture(refusal);
            }
            return super.send(record, callback);
        }

        int refusalsLeft() {
            return refusalsLeft.get();
        }
    }

    private static TelemetrySettings capacity(int capacity) {
        return TelemetrySettings.defaults().withCapacity(capacity);
    }

    private static List<Object> sentValues(MockProducer<String, Object> producer, Topics topic) {
        return producer.history().stream()
                .filter(r -> r.topic().equals(topic.topicName()))
                .map(ProducerRecord::value)
                .toList();
    }

    @Test
    void sendsEachEventToItsTopicKeyedByFranchiseCode() {
        var producer = new FakeProducer(true);
        telemetry = new KafkaTelemetry(producer, TelemetrySettings.defaults());
        var heartbeat = heartbeat(AUCTION, Franchise.MI, 1);
        var decision = decision(AUCTION, Franchise.CSK, 2);
        var bid = bid(AUCTION, Franchise.RCB, 3);
        var call = llmCall(AUCTION, Franchise.KKR, 4);

        telemetry.heartbeat(heartbeat);
        telemetry.decision(decision);
        telemetry.bid(bid);
        telemetry.llmCall(call);
        await().atMost(CEILING).until(() -> telemetry.stats().sent() == 4);

        assertThat(producer.history())
                .extracting(ProducerRecord::topic, ProducerRecord::key, ProducerRecord::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("agent.heartbeats", "MI", heartbeat),
                        org.assertj.core.groups.Tuple.tuple("agent.decisions", "CSK", decision),
                        org.assertj.core.groups.Tuple.tuple("agent.bids", "RCB", bid),
                        org.assertj.core.groups.Tuple.tuple("agent.llm-calls", "KKR", call));
        TelemetryStats stats = telemetry.stats();
        assertThat(stats.topics().keySet())
                .containsExactly(
                        Topics.AGENT_HEARTBEATS, Topics.AGENT_DECISIONS, Topics.AGENT_BIDS, Topics.AGENT_LLM_CALLS);
        assertThat(stats.topics().values())
                .allSatisfy(s -> assertThat(s).isEqualTo(new TelemetryStats.TopicStats(1, 0, 0, 0)));
    }

    @Test
    void theOldestQueuedHeartbeatsMakeRoomFirst() {
        var producer = new HeldProducer();
        telemetry = new KafkaTelemetry(producer, capacity(4));
        var d0 = decision(AUCTION, Franchise.MI, 0);
        telemetry.decision(d0);
        await().atMost(CEILING)
                .until(() -> telemetry.stats().of(Topics.AGENT_DECISIONS).inFlight() == 1);

        var hb1 = heartbeat(AUCTION, Franchise.MI, 1);
        var hb2 = heartbeat(AUCTION, Franchise.MI, 2);
        var hb3 = heartbeat(AUCTION, Franchise.MI, 3);
        var hb4 = heartbeat(AUCTION, Franchise.MI, 4);
        var d1 = decision(AUCTION, Franchise.MI, 1);
        telemetry.heartbeat(hb1);
        telemetry.heartbeat(hb2);
        telemetry.heartbeat(hb3); // full: d0 in the sender's hand, hb1, hb2, hb3
        telemetry.decision(d1); // drops hb1
        telemetry.heartbeat(hb4); // drops hb2

        TelemetryStats full = telemetry.stats();
        assertThat(full.of(Topics.AGENT_HEARTBEATS)).isEqualTo(new TelemetryStats.TopicStats(0, 2, 0, 2));
        assertThat(full.of(Topics.AGENT_DECISIONS)).isEqualTo(new TelemetryStats.TopicStats(0, 1, 1, 0));

        producer.release.countDown();
        await().atMost(CEILING).until(() -> telemetry.stats().pending() == 0);
        assertThat(sentValues(producer, Topics.AGENT_HEARTBEATS)).containsExactly(hb3, hb4);
        assertThat(sentValues(producer, Topics.AGENT_DECISIONS)).containsExactly(d0, d1);
        assertThat(telemetry.stats().dropped()).isEqualTo(2);
    }

    @Test
    void withNoHeartbeatLeftToDropNewEventsAreRefusedAndCounted() {
        var producer = new HeldProducer();
        telemetry = new KafkaTelemetry(producer, capacity(3));
        var d0 = decision(AUCTION, Franchise.DC, 0);
        telemetry.decision(d0);
        await().atMost(CEILING)
                .until(() -> telemetry.stats().of(Topics.AGENT_DECISIONS).inFlight() == 1);

        var d1 = decision(AUCTION, Franchise.DC, 1);
        var b1 = bid(AUCTION, Franchise.DC, 1);
        telemetry.heartbeat(heartbeat(AUCTION, Franchise.DC, 1));
        telemetry.decision(d1); // full
        telemetry.bid(b1); // drops the heartbeat
        telemetry.llmCall(llmCall(AUCTION, Franchise.DC, 1)); // refused: no heartbeat queued
        telemetry.heartbeat(heartbeat(AUCTION, Franchise.DC, 2)); // refused: no older heartbeat to drop
        telemetry.decision(decision(AUCTION, Franchise.DC, 2)); // refused

        TelemetryStats full = telemetry.stats();
        assertThat(full.of(Topics.AGENT_HEARTBEATS).dropped()).isEqualTo(2);
        assertThat(full.of(Topics.AGENT_LLM_CALLS).dropped()).isEqualTo(1);
        assertThat(full.of(Topics.AGENT_DECISIONS).dropped()).isEqualTo(1);
        assertThat(full.of(Topics.AGENT_BIDS).dropped()).isZero();
        assertThat(full.pending()).isEqualTo(3);

        producer.release.countDown();
        await().atMost(CEILING).until(() -> telemetry.stats().pending() == 0);
        assertThat(sentValues(producer, Topics.AGENT_DECISIONS)).containsExactly(d0, d1);
        assertThat(sentValues(producer, Topics.AGENT_BIDS)).containsExactly(b1);
        assertThat(sentValues(producer, Topics.AGENT_HEARTBEATS)).isEmpty();
        assertThat(sentValues(producer, Topics.AGENT_LLM_CALLS)).isEmpty();
        assertThat(telemetry.stats().sent()).isEqualTo(3);
        assertThat(telemetry.stats().dropped()).isEqualTo(4);
    }

    @Test
    void publishingReturnsAtOnceWhileTheSenderWaitsForKafka() {
        var producer = new HeldProducer();
        telemetry = new KafkaTelemetry(producer, capacity(100));
        telemetry.decision(decision(AUCTION, Franchise.MI, 0));
        await().atMost(CEILING)
                .until(() -> telemetry.stats().of(Topics.AGENT_DECISIONS).inFlight() == 1);

        // The sender is stuck in send() until released; 1,000 events (900 more than fit) must not wait for it.
        var publishing = CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= 1000; i++) {
                telemetry.heartbeat(heartbeat(AUCTION, Franchise.MI, i));
                telemetry.bid(bid(AUCTION, Franchise.MI, i));
            }
        });
        assertThatCode(() -> publishing.get(CEILING.toSeconds(), TimeUnit.SECONDS))
                .doesNotThrowAnyException();
        assertThat(telemetry.stats().pending()).isEqualTo(100);
        producer.release.countDown();
    }

    @Test
    void aRecordTurnedAwayBeforeTheProducerTookItIsTriedAgainFirstInLineWithoutHoldingUpOtherTopics() {
        var producer = new RefusingProducer(Topics.AGENT_DECISIONS, 3);
        telemetry = new KafkaTelemetry(producer, TelemetrySettings.defaults());
        var d1 = decision(AUCTION, Franchise.SRH, 1);
        var d2 = decision(AUCTION, Franchise.SRH, 2);
        var hb1 = heartbeat(AUCTION, Franchise.SRH, 1);

        telemetry.decision(d1);
        telemetry.decision(d2);
        telemetry.heartbeat(hb1);
        await().atMost(CEILING).until(() -> telemetry.stats().sent() == 3);

        assertThat(producer.refusalsLeft()).isNegative();
        assertThat(sentValues(producer, Topics.AGENT_DECISIONS)).containsExactly(d1, d2);
        assertThat(producer.history().getFirst().value()).isEqualTo(hb1);
        assertThat(telemetry.stats().dropped()).isZero();
    }

    @Test
    void aRecordTheProducerGaveUpOnIsCountedAsDropped() {
        var producer = new FakeProducer(false);
        telemetry = new KafkaTelemetry(producer, TelemetrySettings.defaults());
        telemetry.bid(bid(AUCTION, Franchise.LSG, 1));
        telemetry.bid(bid(AUCTION, Franchise.LSG, 2));
        await().atMost(CEILING).until(() -> producer.history().size() == 2);
        assertThat(telemetry.stats().of(Topics.AGENT_BIDS)).isEqualTo(new TelemetryStats.TopicStats(0, 0, 2, 0));

        producer.errorNext(new TimeoutException(
                "Expiring 1 record(s) for agent.bids-4: 600000 ms has passed since batch creation"));
        producer.completeNext();

        assertThat(telemetry.stats().of(Topics.AGENT_BIDS)).isEqualTo(new TelemetryStats.TopicStats(1, 0, 0, 1));
    }

    @Test
    void aRecordTheProducerRefusesForGoodIsCountedAsDroppedAndTheRestGoOn() {
        var producer = new FakeProducer(true) {
            @Override
            public Future<RecordMetadata> send(ProducerRecord<String, Object> record, Callback callback) {
                if (record.value() instanceof Heartbeat heartbeat && heartbeat.seq() == 2) {
                    throw new RecordTooLargeException("The message is 2000000 bytes when serialized");
                }
                return super.send(record, callback);
            }
        };
        telemetry = new KafkaTelemetry(producer, TelemetrySettings.defaults());
        for (int seq = 1; seq <= 3; seq++) {
            telemetry.heartbeat(heartbeat(AUCTION, Franchise.PBKS, seq));
        }
        await().atMost(CEILING).until(() -> telemetry.stats().pending() == 0);

        assertThat(telemetry.stats().of(Topics.AGENT_HEARTBEATS)).isEqualTo(new TelemetryStats.TopicStats(2, 0, 0, 1));
        assertThat(sentValues(producer, Topics.AGENT_HEARTBEATS))
                .extracting(v -> ((Heartbeat) v).seq())
                .containsExactly(1L, 3L);
    }

    @Test
    void eventsWithoutAFranchiseOrAfterCloseAreCountedNeverThrown() {
        var producer = new FakeProducer(true);
        telemetry = new KafkaTelemetry(producer, TelemetrySettings.defaults());

        assertThatCode(() -> {
                    telemetry.heartbeat(
                            new Heartbeat(AUCTION, null, TestEvents.AT, "agent-1", "host-1", 1, SeatState.BIDDING, 1));
                    telemetry.bid(null);
                })
                .doesNotThrowAnyException();
        telemetry.close();
        assertThatCode(() -> telemetry.decision(decision(AUCTION, Franchise.GT, 1)))
                .doesNotThrowAnyException();

        TelemetryStats stats = telemetry.stats();
        assertThat(stats.of(Topics.AGENT_HEARTBEATS).dropped()).isEqualTo(1);
        assertThat(stats.of(Topics.AGENT_BIDS).dropped()).isEqualTo(1);
        assertThat(stats.of(Topics.AGENT_DECISIONS).dropped()).isEqualTo(1);
        assertThat(producer.history()).isEmpty();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void closeSendsWhatIsQueuedThenClosesTheProducer() throws Exception {
        var producer = new HeldProducer();
        telemetry = new KafkaTelemetry(producer, TelemetrySettings.defaults());
        telemetry.decision(decision(AUCTION, Franchise.RR, 0));
        for (int seq = 1; seq <= 5; seq++) {
            telemetry.heartbeat(heartbeat(AUCTION, Franchise.RR, seq));
        }
        var closing = CompletableFuture.runAsync(telemetry::close);
        await().atMost(CEILING).until(() -> {
            telemetry.bid(bid(AUCTION, Franchise.RR, 1)); // refused once closing has begun
            return telemetry.stats().of(Topics.AGENT_BIDS).dropped() > 0;
        });
        assertThat(closing).isNotDone();

        producer.release.countDown();
        closing.get(CEILING.toSeconds(), TimeUnit.SECONDS);
        assertThat(producer.history()).hasSize(6);
        assertThat(telemetry.stats().sent()).isEqualTo(6);
        assertThat(telemetry.stats().pending()).isZero();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void closeGivesUpOnWhatItCannotSendInTimeAndCountsIt() {
        var producer = new HeldProducer(); // never released: Kafka does not come back
        telemetry = new KafkaTelemetry(
                producer,
                TelemetrySettings.defaults()
                        .withCloseTimeout(Duration.ofMillis(200))
                        .withMaxBlock(Duration.ofMillis(100)));
        telemetry.decision(decision(AUCTION, Franchise.CSK, 0));
        telemetry.heartbeat(heartbeat(AUCTION, Franchise.CSK, 1));
        telemetry.heartbeat(heartbeat(AUCTION, Franchise.CSK, 2));

        var closing = CompletableFuture.runAsync(telemetry::close);
        assertThatCode(() -> closing.get(CEILING.toSeconds(), TimeUnit.SECONDS)).doesNotThrowAnyException();

        TelemetryStats stats = telemetry.stats();
        assertThat(stats.pending()).isZero();
        assertThat(stats.sent()).isZero();
        assertThat(stats.dropped()).isEqualTo(3);
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void theProducerIsDurableInOrderAndPatientAndNeverTransactional() {
        Map<String, Object> base = new HashMap<>();
        base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092");
        base.put(ProducerConfig.ACKS_CONFIG, "0");
        base.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-");
        base.put(ProducerConfig.CLIENT_ID_CONFIG, "agent-7f3a");

        Map<String, Object> config = KafkaTelemetry.producerConfig(base, TelemetrySettings.defaults());

        assertThat(config)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "agent-7f3a")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500L)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000)
                .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * 1024 * 1024)
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)
                .doesNotContainKey(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)
                .doesNotContainKey(ProducerConfig.RETRIES_CONFIG);
    }

    @Test
    void aShortDeliveryTimeoutShortensTheRequestTimeoutSoKafkaAcceptsTheConfig() {
        TelemetrySettings settings = TelemetrySettings.defaults()
                .withDeliveryTimeout(Duration.ofSeconds(2))
                .withBufferMemory(DataSize.ofMegabytes(1))
                .withCloseTimeout(Duration.ZERO);
        Map<String, Object> base = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");

        assertThat(KafkaTelemetry.producerConfig(base, settings))
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1995);
        // A real KafkaProducer validates its config on construction.
        assertThatCode(() -> new KafkaTelemetry(base, settings).close()).doesNotThrowAnyException();
    }
}
