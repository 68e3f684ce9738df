package dev.iplauction.logservice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.logging.LogEvent;
import dev.iplauction.contracts.logging.LogEvent.LogRecorded;
import dev.iplauction.kafkatest.MutableClock;
import dev.iplauction.logservice.store.CombinedLog;
import dev.iplauction.logservice.store.LineCodec;
import dev.iplauction.logservice.store.LogFiles;
import dev.iplauction.logservice.store.StoredLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The ingest against a real broker, step by step: time order across sources and partitions, records written exactly
 * once when the process dies between writing and committing (at chosen and at random moments), and unreadable
 * records dead-lettered while the rest go on.
 */
class IngestionIT {

    private static final Instant T0 = Instant.parse("2024-11-24T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final List<String> SOURCES =
            List.of("auction-service", "CSK", "MI", "RCB", "KKR", "orchestrator-service", "GT");
    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaProducer<byte[], byte[]> producer;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, "logs-order", "logs-crash", "logs-random", "logs-bad", "bad.DLT");
        broker.afterPropertiesSet();
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.destroy();
    }

    /** One life of the service: the log recovered from the directory, a consumer, the ingest. */
    private final class Life {
        final CombinedLog log;
        final KafkaConsumer<byte[], byte[]> consumer;
        final Ingestion ingestion;
        final List<ConsumerRecord<byte[], byte[]>> deadLettered = new ArrayList<>();

        Life(String topic) {
            log = CombinedLog.open(new CombinedLog.Settings(dir, 4096, 1000, Duration.ofDays(7)), clock);
            consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.getBrokersAsString(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false,
                            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                            37),
                    new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            ingestion = new Ingestion(
                    consumer, topic, log, (r, reason) -> deadLettered.add(r), clock, WINDOW, 100_000, lines -> {});
            ingestion.assignPartitions(Duration.ofMinutes(2));
        }

        /** Reads until everything on the topic has been handled (written, held or skipped). */
        void readAll(String topic) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertThat(System.nanoTime()).as("read %s to its end", topic).isLessThan(deadline);
                ingestion.pollOnce(Duration.ofMillis(100));
            }
        }

        void crash() {
            ingestion.close();
            consumer.close(Duration.ZERO);
            log.close();
        }

        void stop() {
            ingestion.commit();
            crash();
        }
    }

    private static int partitionOf(String source) {
        return Math.floorMod(source.hashCode(), 3);
    }

    /** Sends records whose times are T0 + the given milliseconds, from sources in turn. */
    private static void send(String topic, List<Long> millis) {
        int i = 0;
        for (long ms : millis) {
            String source = SOURCES.get(i++ % SOURCES.size());
            LogRecorded record = new LogRecorded(
                    "ABCD12", T0.plusMillis(ms), "INFO", source, "dev.iplauction.Test", null, "at " + ms, Map.of());
            byte[] value = EventJson.mapper().writerFor(LogEvent.class).writeValueAsBytes(record);
            producer.send(
                    new ProducerRecord<>(topic, partitionOf(source), source.getBytes(StandardCharsets.UTF_8), value));
        }
        producer.flush();
    }

    private List<StoredLine> combinedLog() throws IOException {
        List<StoredLine> lines = new ArrayList<>();
        for (Path file : new LogFiles(dir).inOrder()) {
            for (String text : Files.readAllLines(file)) {
                lines.add(LineCodec.decode(text).orElseThrow(() -> new AssertionError("unreadable line: " + text)));
            }
        }
        return lines;
    }

    private static void assertEachRecordOnce(List<StoredLine> lines, int expected) {
        Map<String, Long> counts = lines.stream()
                .collect(Collectors.groupingBy(l -> l.partition() + "@" + l.offset(), Collectors.counting()));
        assertThat(counts.values()).as("no record written twice").allMatch(c -> c == 1);
        assertThat(lines).hasSize(expected);
    }

    private static List<Long> shuffledTimes(int count, long startMillis, Random random) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(startMillis + i * 10L);
        }
        Collections.shuffle(times, random); // every source's records arrive out of time order
        return times;
    }

    @Test
    void recordsFromEverySourceAndPartitionAreWrittenInTimeOrder() throws IOException {
        send("logs-order", shuffledTimes(150, 0, new Random(1)));
        Life life = new Life("logs-order");
        clock.advance(Duration.ofMillis(1_500)); // the records "arrive" at T0+1.5 s, all within the window
        life.readAll("logs-order");
        assertThat(life.ingestion.writeDue()).isZero();

        clock.advance(Duration.ofSeconds(1)); // T0+2.5 s: everything up to T0+0.5 s is due
        assertThat(life.ingestion.writeDue()).isEqualTo(51);
        clock.advance(Duration.ofSeconds(5));
        life.ingestion.writeDue();
        life.stop();

        List<StoredLine> lines = combinedLog();
        assertEachRecordOnce(lines, 150);
        assertThat(lines).extracting(StoredLine::at).isSorted();
        assertThat(lines.stream().map(StoredLine::partition).collect(Collectors.toSet()))
                .hasSizeGreaterThan(1);
    }

    @Test
    void aCrashBetweenWritingAndCommittingLosesAndDoublesNothing() throws IOException {
        send("logs-crash", shuffledTimes(120, 0, new Random(2)));
        Life first = new Life("logs-crash");
        clock.advance(Duration.ofMillis(1_200));
        first.readAll("logs-crash");
        clock.advance(Duration.ofMillis(1_400)); // due: at <= T0+0.6 s, shuffled across the partitions' offsets
        assertThat(first.ingestion.writeDue()).isEqualTo(61);
        first.ingestion.commit();
        clock.advance(Duration.ofMillis(300)); // due: at <= T0+0.9 s
        assertThat(first.ingestion.writeDue()).isEqualTo(30);
        first.crash(); // written, not committed; 29 still held

        send("logs-crash", shuffledTimes(30, 1_200, new Random(3)));
        Life second = new Life("logs-crash");
        assertThat(second.log.recovered().alreadyWritten().values().stream()
                        .mapToInt(Set::size)
                        .sum())
                .as("records written past the committed positions, in and after the checkpoint")
                .isGreaterThanOrEqualTo(30);
        second.readAll("logs-crash");
        clock.advance(Duration.ofSeconds(10));
        second.ingestion.writeDue();
        second.stop();

        List<StoredLine> lines = combinedLog();
        assertEachRecordOnce(lines, 150);
        assertThat(second.ingestion.status().skippedAsWritten()).isGreaterThanOrEqualTo(30);
        assertThat(lines).extracting(StoredLine::at).isSorted();
    }

    @Test
    void crashesAtRandomMomentsStillLeaveEveryRecordExactlyOnce() throws IOException {
        Random random = new Random(42);
        int sent = 0;
        for (int round = 0; round < 6; round++) {
            int batch = 40 + random.nextInt(60);
            send("logs-random", shuffledTimes(batch, clock.millis() - T0.toEpochMilli(), random));
            sent += batch;
            Life life = new Life("logs-random");
            int steps = 1 + random.nextInt(8);
            for (int step = 0; step < steps; step++) {
                life.ingestion.pollOnce(Duration.ofMillis(50));
                clock.advance(Duration.ofMillis(random.nextInt(1_500)));
                life.ingestion.writeDue();
                if (random.nextBoolean()) {
                    life.ingestion.commit();
                }
            }
            life.crash();
        }
        Life last = new Life("logs-random");
        last.readAll("logs-random");
        clock.advance(Duration.ofSeconds(10));
        last.ingestion.writeDue();
        last.stop();

        assertEachRecordOnce(combinedLog(), sent);
        assertThat(new LogFiles(dir).rotatedGenerations())
                .as("rotations happened too")
                .isNotEmpty();
    }

    @Test
    void unreadableRecordsAreDeadLetteredAndTheReaderCarriesOn() throws IOException {
        send("logs-bad", List.of(0L, 10L));
        byte[] key = "MI".getBytes(StandardCharsets.UTF_8);
        int p = partitionOf("MI");
        producer.send(new ProducerRecord<>("logs-bad", p, key, "not json".getBytes(StandardCharsets.UTF_8)));
        producer.send(new ProducerRecord<>(
                "logs-bad", p, key, "{\"type\":\"LogRecorded\",\"level\":\"INFO\",\"source\":\"MI\"}".getBytes()));
        producer.send(new ProducerRecord<>(
                "logs-bad", p, key, "{\"type\":\"Gossip\",\"at\":\"2024-11-24T10:00:00Z\"}".getBytes()));
        producer.send(new ProducerRecord<>("logs-bad", p, key, null));
        send("logs-bad", List.of(20L, 30L));

        // the real dead letters, on a real topic
        try (var dlt = new KafkaDeadLetters(
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer()),
                "bad.DLT")) {
            CombinedLog log = CombinedLog.open(new CombinedLog.Settings(dir, 4096, 10, Duration.ofDays(7)), clock);
            var consumer = new KafkaConsumer<>(
                    Map.<String, Object>of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.getBrokersAsString(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"),
                    new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            Ingestion ingestion = new Ingestion(consumer, "logs-bad", log, dlt, clock, WINDOW, 1000, l -> {});
            ingestion.assignPartitions(Duration.ofMinutes(2));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ingestion.status().deadLettered() + ingestion.status().held() < 8) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                ingestion.pollOnce(Duration.ofMillis(100));
            }
            clock.advance(Duration.ofSeconds(5));
            ingestion.writeDue();
            ingestion.commit();
            assertThat(ingestion.positions().get(p))
                    .as("the position passed the bad records")
                    .isGreaterThan(5L);
            consumer.close();
            log.close();
        }

        assertThat(combinedLog()).extracting(StoredLine::message).containsExactly("at 0", "at 10", "at 20", "at 30");
        var reader = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        reader.assign(List.of(
                new TopicPartition("bad.DLT", 0), new TopicPartition("bad.DLT", 1), new TopicPartition("bad.DLT", 2)));
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (letters.size() < 4 && System.nanoTime() < deadline) {
            reader.poll(Duration.ofMillis(200)).forEach(letters::add);
        }
        reader.close();
        assertThat(letters).hasSize(4);
        Map<String, String> reasons = new HashMap<>();
        for (var letter : letters) {
            long offset = ByteBuffer.wrap(letter.headers()
                            .lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                            .value())
                    .getLong();
            reasons.put(
                    letter.value() == null ? "null@" + offset : new String(letter.value()) + "@" + offset,
                    new String(letter.headers()
                            .lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                            .value()));
        }
        assertThat(reasons.values())
                .anyMatch(r -> r.startsWith("unreadable"))
                .anyMatch(r -> r.contains("needs its time"))
                .anyMatch(r -> r.equals("no value"));
        assertThat(letters).allMatch(l -> new String(l.key()).equals("MI"));
    }
}
