package dev.iplauction.orchestrator.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.kafkatest.ClientRecorder;
import dev.iplauction.orchestrator.health.SeatRecord;
import dev.iplauction.orchestrator.health.SeatStatus;
import dev.iplauction.orchestrator.testing.Orchestrator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The orchestrator's intake and its status, on a real broker and over real HTTP: it rebuilds its view from heartbeats
 * sent before it started, dead-letters what it cannot read and carries on, and keeps heartbeats of other auctions,
 * unwatched seats and stale instances out of its seats; its heartbeat listener takes Boot's spring.kafka.* settings.
 * Runs with the Docker runtime pointed at no engine: nothing here restarts anything (the timeout is long).
 */
class HeartbeatIntakeIT {

    private static final String OPERATOR_TOKEN = "operator-token-for-orchestrator-tests";

    private static final String AUCTION = "INTK01";
    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaProducer<String, byte[]> producer;
    private static Orchestrator orchestrator;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, Topics.SEAT_PARTITIONS, Topics.AGENT_HEARTBEATS.topicName());
        broker.afterPropertiesSet();
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(),
                new ByteArraySerializer());
        // Sent while no orchestrator runs: the one that starts must find CSK held by "agent-a", alive.
        send(
                "CSK",
                json(beat(Franchise.CSK, "agent-a", Instant.now().minusSeconds(2), 1, SeatState.WAITING_FOR_START)));
        send("CSK", json(beat(Franchise.CSK, "agent-a", Instant.now(), 2, SeatState.WAITING_FOR_START)));
        producer.flush();
        orchestrator = Orchestrator.start(
                broker.getBrokersAsString(),
                "--orchestrator.auction-code=" + AUCTION,
                "--operator.token=" + OPERATOR_TOKEN,
                "--orchestrator.runtime=docker",
                "--orchestrator.docker.host=unix:///nonexistent/docker.sock",
                "--orchestrator.teams=CSK,MI,RR,GT",
                "--orchestrator.heartbeat-timeout=10m",
                "--orchestrator.startup-grace=10m",
                "--orchestrator.check-interval=200ms",
                // Names every Kafka client built from Boot's spring.kafka.* settings (see theListenerTakesBoot…).
                "--spring.kafka.properties.metric.reporters=" + ClientRecorder.class.getName());
    }

    @AfterAll
    static void stop() {
        if (orchestrator != null) {
            orchestrator.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    private static Heartbeat beat(Franchise franchise, String instance, Instant at, long seq, SeatState state) {
        return new Heartbeat(AUCTION, franchise, at, instance, "host-" + instance, 4242, state, seq);
    }

    private static byte[] json(HeartbeatEvent heartbeat) {
        return EventJson.mapper().writerFor(HeartbeatEvent.class).writeValueAsBytes(heartbeat);
    }

    private static void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.AGENT_HEARTBEATS.topicName(), key, value))
                .get();
    }

    @Test
    void onStartItRebuildsItsViewFromTheHeartbeatsTopicInsteadOfStartingBlind() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            SeatRecord csk = orchestrator.seat(Franchise.CSK);
            assertThat(csk.status()).isEqualTo(SeatStatus.HEALTHY);
            assertThat(csk.holder().instanceId()).isEqualTo("agent-a");
            assertThat(csk.seq()).isEqualTo(2);
            assertThat(csk.agentState()).isEqualTo(SeatState.WAITING_FOR_START);
        });
    }

    @Test
    void theListenerTakesBootsKafkaSettingsAndRunsInSpringsRegistry() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ClientRecorder.seen())
                        .anyMatch(c ->
                                c.kind().equals("kafka.consumer") && c.id().startsWith(HeartbeatConsumer.LISTENER_ID)));
        assertThat(orchestrator
                        .bean(KafkaListenerEndpointRegistry.class)
                        .getListenerContainer(HeartbeatConsumer.LISTENER_ID)
                        .isRunning())
                .isTrue();
    }

    @Test
    void malformedHeartbeatsAreDeadLetteredAsTheyCameAndTheConsumerCarriesOn() throws Exception {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] noInstance = ("{\"type\":\"Heartbeat\",\"auctionCode\":\"" + AUCTION
                        + "\",\"franchise\":\"MI\",\"at\":\"2026-01-01T00:00:00Z\",\"state\":\"BIDDING\",\"seq\":1}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = "{\"type\":\"Heartbeet\",\"franchise\":\"MI\"}".getBytes(StandardCharsets.UTF_8);
        send("MI", garbage);
        send("MI", noInstance);
        send("MI", unknownType);
        send("MI", json(beat(Franchise.MI, "agent-m", Instant.now(), 1, SeatState.BIDDING)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> orchestrator.seat(Franchise.MI).status() == SeatStatus.HEALTHY);
        assertThat(orchestrator.seat(Franchise.MI).holder().instanceId()).isEqualTo("agent-m");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(deadLetters())
                        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .containsExactlyInAnyOrder(
                                new String(garbage, StandardCharsets.UTF_8),
                                new String(noInstance, StandardCharsets.UTF_8),
                                new String(unknownType, StandardCharsets.UTF_8)));
        assertThat(deadLetters()).allSatisfy(r -> assertThat(r.key()).isEqualTo("MI"));
    }

    @Test
    void heartbeatsOfOtherAuctionsUnwatchedSeatsAndStaleInstancesDoNotConfuseTheSeats() throws Exception {
        Instant now = Instant.now();
        send("RR", json(beat(Franchise.RR, "agent-a", now.minusSeconds(2), 7, SeatState.BIDDING)));
        send("RR", json(new Heartbeat("OTHER1", Franchise.RR, now, "intruder", "h", 1, SeatState.BIDDING, 99)));
        send("LSG", json(beat(Franchise.LSG, "agent-l", now, 1, SeatState.BIDDING)));
        // the seat moves to agent-b; then a heartbeat agent-a sent before that arrives late
        send("RR", json(beat(Franchise.RR, "agent-b", now.plusMillis(100), 1, SeatState.BIDDING)));
        send("RR", json(beat(Franchise.RR, "agent-a", now.minusSeconds(1), 3, SeatState.BIDDING)));
        send("RR", json(beat(Franchise.RR, "agent-b", now.plusMillis(100), 1, SeatState.BIDDING)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> ignored = orchestrator.supervisor().ignoredHeartbeats();
            assertThat(ignored)
                    .containsEntry("other-auction", 1L)
                    .containsEntry("unwatched-seat", 1L)
                    .containsEntry("stale-instance", 1L)
                    .containsEntry("duplicate", 1L);
        });
        SeatRecord rr = orchestrator.seat(Franchise.RR);
        assertThat(rr.holder().instanceId()).isEqualTo("agent-b");
        assertThat(rr.seq()).isEqualTo(1);
        assertThat(rr.status()).isEqualTo(SeatStatus.HEALTHY);
        assertThat(orchestrator.supervisor().seats())
                .extracting(SeatRecord::franchise)
                .containsExactlyInAnyOrder(Franchise.CSK, Franchise.MI, Franchise.RR, Franchise.GT);
    }

    @Test
    void theStatusApiTheSummaryAndActuatorHealthShowTheSeats() throws Exception {
        send("GT", json(beat(Franchise.GT, "agent-g", Instant.now(), 1, SeatState.BIDDING)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> orchestrator.seat(Franchise.GT).status() == SeatStatus.HEALTHY);
        JsonNode status = get("/api/seats", 200);
        assertThat(status.get("auctionCode").asString()).isEqualTo(AUCTION);
        assertThat(status.get("runtime").asString()).isEqualTo("docker");
        assertThat(status.get("summary").get("total").asInt()).isEqualTo(4);
        JsonNode gt = null;
        for (JsonNode seat : status.get("seats")) {
            gt = seat.get("franchise").asString().equals("GT") ? seat : gt;
        }
        assertThat(gt).isNotNull();
        assertThat(gt.get("franchise").asString()).isEqualTo("GT");
        assertThat(gt.get("status").asString()).isEqualTo("HEALTHY");
        assertThat(gt.get("instanceId").asString()).isEqualTo("agent-g");
        assertThat(gt.get("lastHeartbeatAgeMillis").asLong()).isBetween(0L, 30_000L);
        assertThat(gt.get("restarts").asInt()).isZero();

        JsonNode summary = get("/api/summary", 200);
        assertThat(summary.get("healthy").asInt() + summary.get("unhealthy").asInt())
                .isEqualTo(summary.get("total").asInt())
                .isEqualTo(4);

        assertThat(get("/api/seats/gt", 200).get("franchise").asString()).isEqualTo("GT");
        JsonNode unknown = get("/api/seats/XYZ", 400);
        assertThat(unknown.get("reason").asString()).isEqualTo("unknown-franchise");
        assertThat(unknown.get("detail").asString()).contains("'XYZ' is not a franchise code");
        assertThat(get("/api/seats/LSG", 404).get("reason").asString()).isEqualTo("seat-not-watched");

        JsonNode health = get("/actuator/health", 200);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components")
                        .get("seats")
                        .get("details")
                        .get("total")
                        .asInt())
                .isEqualTo(4);

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + orchestrator.port() + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("api/seats").contains("data-testid=\"seats\"");
    }

    private static JsonNode get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + orchestrator.port() + path))
                        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        return EventJson.mapper().readTree(response.body());
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            String topic = Topics.AGENT_HEARTBEATS.deadLetterTopicName();
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(1)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
