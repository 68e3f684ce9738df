package dev.iplauction.logservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.logging.LogEvent;
import dev.iplauction.contracts.logging.LogEvent.LogRecorded;
import dev.iplauction.logservice.store.LineCodec;
import dev.iplauction.logservice.store.LogFiles;
import dev.iplauction.logservice.store.StoredLine;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real thing: the log service's own jar in its own process, killed with SIGKILL at random moments while records
 * pour in, started again each time; at the end combined.log holds every record on the topic exactly once.
 */
class KillNineIT {

    private static EmbeddedKafkaKraftBroker broker;

    @TempDir
    static Path work;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.AGENT_LOGS.topicName());
        // A restarted broker waits out its previous registration's session before it is unfenced: keep that short.
        broker.brokerProperty("broker.session.timeout.ms", "2000");
        broker.brokerProperty("broker.heartbeat.interval.ms", "200");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("log-service-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no log-service exec jar in target: run mvn verify"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(Path logs, int port, int life) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-jar",
                        jar().toString(),
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--server.port=" + port,
                        "--logs.directory=" + logs,
                        "--logs.max-file-size=64KB",
                        "--logs.max-files=10000",
                        "--logs.reorder-window=500ms",
                        "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("service-" + life + ".out").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(process.isAlive()).as("the service is running").isTrue();
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(URI.create(
                                                                "http://127.0.0.1:" + port + "/actuator/health"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        // What the recovery found, for the record (the test output keeps it): positions, records skipped, cuts.
        try (Stream<String> out = Files.lines(work.resolve("service-" + life + ".out"))) {
            out.filter(l -> l.contains("combined log in")).forEach(l -> System.out.println("life " + life + ": " + l));
        }
        return process;
    }

    private static List<StoredLine> combinedLog(Path logs) throws IOException {
        List<StoredLine> lines = new ArrayList<>();
        for (Path file : new LogFiles(logs).inOrder()) {
            List<String> texts;
            try {
                texts = Files.readAllLines(file);
            } catch (java.nio.file.NoSuchFileException notYetOrRotatedAway) {
                continue; // the running service has not written it yet, or renamed it since the listing
            }
            for (String text : texts) {
                LineCodec.decode(text).ifPresent(lines::add); // the running service may be half-way through a line
            }
        }
        return lines;
    }

    @Test
    void killedAtRandomMomentsTheServiceStillWritesEveryRecordExactlyOnce() throws Exception {
        Path logs = work.resolve("logs");
        int port = freePort();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = Thread.ofPlatform().name("producer").start(() -> produceUntilStopped(producing));

        Random random = new Random(7);
        try {
            for (int life = 0; life < 3; life++) {
                Process service = start(logs, port, life);
                Thread.sleep(1_000 + random.nextInt(2_500));
                service.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
                service.waitFor();
            }
        } finally {
            producing.set(false);
            producer.join();
        }
        Map<TopicPartition, Long> end = new java.util.HashMap<>(endOffsets());
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isGreaterThan(1_000);

        Process last = start(logs, port, 3);
        try {
            await().atMost(Duration.ofMinutes(5)).until(() -> combinedLog(logs).size() >= total);
            assertEveryRecordWrittenOnce(logs, end);
            assertThat(new LogFiles(logs).rotatedGenerations())
                    .as("it rotated along the way")
                    .isNotEmpty();
        } finally {
            last.destroy();
            last.waitFor();
        }
    }

    @Test
    void theBrokerGoingAwayTwiceMidStreamLosesAndDuplicatesNothing() throws Exception {
        Path logs = work.resolve("logs-broker-restarts");
        Process service = start(logs, freePort(), 10);
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = Thread.ofPlatform().name("producer").start(() -> produceUntilStopped(producing));
        try {
            for (int outage = 0; outage < 2; outage++) {
                long before = endOffsets().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                // Records flow, and the service has written some of them, before each outage.
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> endOffsets().values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum()
                                > before + 200);
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> combinedLog(logs).size() > before);
                for (BrokerServer server : broker.getCluster().brokers().values()) {
                    server.shutdown();
                    server.awaitShutdown();
                }
                Thread.sleep(2_000); // the fault: no broker for a while (what follows holds however long it lasts)
                for (BrokerServer server : broker.getCluster().brokers().values()) {
                    server.startup();
                }
            }
        } finally {
            producing.set(false);
            producer.join();
        }
        try {
            assertThat(service.isAlive())
                    .as("the service rode out both outages")
                    .isTrue();
            assertEveryRecordWrittenOnce(logs, new java.util.HashMap<>(endOffsets()));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /**
     * Waits until a marker sent to the end of every partition is in combined.log, then checks that it holds every
     * offset up to {@code end} (plus the markers) exactly once.
     */
    private static void assertEveryRecordWrittenOnce(Path logs, Map<TopicPartition, Long> end) throws Exception {
        // A marker at the end of every partition: the service writes each partition in offset order, so once
        // every marker is in combined.log, any record it would write twice has been written. No sleep decides it.
        Map<TopicPartition, Long> markers = sendMarkers();
        markers.forEach(end::put);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Set<String> written = new HashSet<>();
                    combinedLog(logs).forEach(l -> written.add(l.partition() + "@" + l.offset()));
                    return markers.entrySet().stream()
                            .allMatch(m -> written.contains(m.getKey().partition() + "@" + (m.getValue() - 1)));
                });
        List<StoredLine> lines = combinedLog(logs);
        Set<String> seen = new HashSet<>();
        for (StoredLine line : lines) {
            assertThat(seen.add(line.partition() + "@" + line.offset()))
                    .as("%s@%s written once", line.partition(), line.offset())
                    .isTrue();
        }
        Set<String> expected = new HashSet<>();
        end.forEach((tp, n) -> {
            for (long o = 0; o < n; o++) {
                expected.add(tp.partition() + "@" + o);
            }
        });
        assertThat(seen).isEqualTo(expected);
    }

    private static void produceUntilStopped(AtomicBoolean producing) {
        List<String> sources = List.of("auction-service", "CSK", "MI", "RCB", "DC", "orchestrator-service");
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        // one request in flight: its retries across a broker restart cannot stall (KAFKA-14359)
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1),
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            long n = 0;
            while (producing.get()) {
                for (int i = 0; i < 50; i++, n++) {
                    String source = sources.get((int) (n % sources.size()));
                    LogRecorded record = new LogRecorded(
                            "ABCD12",
                            Instant.now(),
                            "INFO",
                            source,
                            "dev.iplauction.Load",
                            null,
                            "record " + n,
                            Map.of());
                    producer.send(new ProducerRecord<>(
                            Topics.AGENT_LOGS.topicName(),
                            source,
                            EventJson.mapper().writerFor(LogEvent.class).writeValueAsBytes(record)));
                }
                Thread.sleep(20);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One record at the end of every partition; answers each partition's end offset after it. */
    private static Map<TopicPartition, Long> sendMarkers() throws Exception {
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (TopicPartition tp : endOffsets().keySet()) {
                LogRecorded marker = new LogRecorded(
                        "ABCD12", Instant.now(), "INFO", "marker", "dev.iplauction.Marker", null, "marker", Map.of());
                var sent = producer.send(new ProducerRecord<>(
                                tp.topic(),
                                tp.partition(),
                                "marker",
                                EventJson.mapper().writerFor(LogEvent.class).writeValueAsBytes(marker)))
                        .get();
                ends.put(tp, sent.offset() + 1);
            }
        }
        return ends;
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AGENT_LOGS.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            return consumer.endOffsets(partitions);
        }
    }
}
