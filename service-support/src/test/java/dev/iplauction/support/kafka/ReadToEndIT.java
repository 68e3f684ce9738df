package dev.iplauction.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** {@link ReadToEnd} on a real broker: the end is the one captured at the start, aborted records are not read. */
class ReadToEndIT {

    /** Only stops a hung read; sized for a loaded 2-core machine. */
    private static final Duration CEILING = Duration.ofMinutes(2);

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, "moving", "transactions", "empty", "open");
        broker.brokerProperties(
                Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void readsExactlyToTheEndsCapturedAtTheStartWhileTheTopicGrows() throws Exception {
        try (var producer = producer(null)) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("moving", 0, null, "p0-" + i))
                        .get();
            }
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("moving", 1, null, "p1-" + i))
                        .get();
            }
            List<String> read = new ArrayList<>();
            AtomicBoolean grown = new AtomicBoolean();
            try (var consumer = consumer(Map.of())) {
                List<TopicPartition> partitions = partitions("moving");
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                // Written after the ends were captured: fetched with the records before them, never handed over.
                producer.send(new ProducerRecord<>("moving", 0, null, "after-p0"))
                        .get();
                producer.send(new ProducerRecord<>("moving", 1, null, "after-p1"))
                        .get();

                long handed = ReadToEnd.read(consumer, end, CEILING, record -> {
                    read.add(record.value());
                    if (grown.compareAndSet(false, true)) {
                        try {
                            for (int i = 0; i < 4; i++) {
                                producer.send(new ProducerRecord<>("moving", 0, null, "late-p0-" + i))
                                        .get();
                                producer.send(new ProducerRecord<>("moving", 1, null, "late-p1-" + i))
                                        .get();
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });

                assertThat(handed).isEqualTo(8);
                assertThat(read)
                        .containsExactlyInAnyOrder("p0-0", "p0-1", "p0-2", "p0-3", "p0-4", "p1-0", "p1-1", "p1-2");
                assertThat(read.stream().filter(v -> v.startsWith("p0-")))
                        .as("a partition's records in order")
                        .containsExactly("p0-0", "p0-1", "p0-2", "p0-3", "p0-4");
                assertThat(consumer.paused())
                        .as("paused partitions are resumed")
                        .isEmpty();
                assertThat(consumer.endOffsets(partitions))
                        .as("the topic did grow during the read")
                        .containsEntry(new TopicPartition("moving", 0), 10L)
                        .containsEntry(new TopicPartition("moving", 1), 8L);
            }
        }
    }

    @Test
    void abortedTransactionsAreSkippedEvenAtTheEndOfAPartition() throws Exception {
        try (var producer = producer("read-to-end-test")) {
            producer.initTransactions();
            transaction(producer, true, "a", "b");
            transaction(producer, false, "aborted-1", "aborted-2");
            transaction(producer, true, "c");
            transaction(producer, false, "aborted-3"); // the partition ends in an aborted record and its marker
        }
        List<String> read = new ArrayList<>();
        try (var consumer = consumer(Map.of())) {
            List<TopicPartition> partitions = partitions("transactions");
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            assertThat(end.get(new TopicPartition("transactions", 0)))
                    .as("records and markers")
                    .isEqualTo(10);

            long handed = ReadToEnd.read(consumer, end, CEILING, record -> read.add(record.value()));

            assertThat(handed).isEqualTo(3);
            assertThat(read).containsExactly("a", "b", "c");
        }
    }

    @Test
    void anEmptyTopicIsReadAtOnce() {
        try (var consumer = consumer(Map.of())) {
            List<TopicPartition> partitions = partitions("empty");
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            assertThat(end.values()).containsOnly(0L);

            assertThat(ReadToEnd.read(consumer, end, CEILING, record -> {
                        throw new AssertionError("nothing to read, but got " + record);
                    }))
                    .isZero();
            assertThat(ReadToEnd.read(consumer, Map.of(), CEILING, record -> {}))
                    .isZero();
        }
    }

    @Test
    void anEndThatCannotBeReachedIsReportedWithThePartitionsLeft() throws Exception {
        try (var producer = producer("read-to-end-open")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("open", 0, null, "pending")).get();
            producer.flush();
            // The high watermark takes the open transaction's record; read_committed cannot go past it.
            Map<TopicPartition, Long> highWatermark;
            try (var uncommitted = consumer(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"))) {
                highWatermark = uncommitted.endOffsets(List.of(new TopicPartition("open", 0)));
            }
            try (var consumer = consumer(Map.of())) {
                consumer.assign(highWatermark.keySet());
                consumer.seekToBeginning(highWatermark.keySet());

                assertThatThrownBy(() -> ReadToEnd.read(consumer, highWatermark, Duration.ofSeconds(1), r -> {}))
                        .isInstanceOf(ReadToEnd.NotReadToEnd.class)
                        .hasMessageContaining("open-0 at 0 of 1");
            }
            producer.abortTransaction();
        }
    }

    @Test
    void partitionsTheConsumerWasNotGivenAreRefused() {
        try (var consumer = consumer(Map.of())) {
            consumer.assign(List.of(new TopicPartition("empty", 0)));
            assertThatThrownBy(() ->
                            ReadToEnd.read(consumer, Map.of(new TopicPartition("empty", 1), 0L), CEILING, r -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty-1");
        }
    }

    private static void transaction(KafkaProducer<String, String> producer, boolean commit, String... values)
            throws Exception {
        producer.beginTransaction();
        for (String value : values) {
            producer.send(new ProducerRecord<>("transactions", 0, null, value)).get();
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static List<TopicPartition> partitions(String topic) {
        return List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
    }

    private static KafkaProducer<String, String> producer(String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
