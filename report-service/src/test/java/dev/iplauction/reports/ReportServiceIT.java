package dev.iplauction.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.reports.SampleAuction.Published;
import dev.iplauction.reports.ServiceUnderTest.Response;
import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.ReportBuilder;
import dev.iplauction.reports.render.ReportFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The service on a real KRaft broker: a hand-made auction published to the six topics the way its producers would
 * (with unreadable records among them) gets its report on disk when it completes, served as JSON, Markdown and HTML;
 * a replay from the topics makes the very same report; bad requests get problems; and the live reports survive a restart
 * that loses the state directory (restored from the changelog).
 */
class ReportServiceIT {

    private static EmbeddedKafkaKraftBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    private String bootstrap() {
        return broker.getBrokersAsString();
    }

    private static JsonNode json(String body) {
        return dev.iplauction.contracts.EventJson.mapper().readTree(body);
    }

    @Test
    void aCompletedAuctionIsReportedServedAndReplayedToTheSameReport() throws Exception {
        Path reports = dir.resolve("reports");
        try (var service = new ServiceUnderTest(bootstrap(), reports, dir.resolve("state"))) {
            List<Published> events = SampleAuction.events("LIVE01");
            ServiceUnderTest.publishRaw(bootstrap(), "agent.bids", "MI", "{broken".getBytes(StandardCharsets.UTF_8));
            ServiceUnderTest.publish(bootstrap(), SampleAuction.events("OTHER2"));
            ServiceUnderTest.publish(bootstrap(), events);

            // Written when AuctionCompleted arrives; agents' events still on their way are added once they settle.
            Path file = reports.resolve("LIVE01").resolve("report.json");
            AuctionReport expected = ReportBuilder.build("LIVE01", SampleAuction.recorded(events));
            await().atMost(Duration.ofMinutes(5))
                    .untilAsserted(() -> assertThat(file)
                            .exists()
                            .satisfies(f -> assertThat(ReportFiles.parse(Files.readString(f)))
                                    .isEqualTo(expected)));
            String onDisk = Files.readString(file);

            // Over HTTP, in three forms.
            Response json = service.get("/api/reports/live01");
            assertThat(json.status()).isEqualTo(200);
            assertThat(json.contentType()).startsWith("application/json");
            assertThat(json.body()).isEqualTo(onDisk);
            Response md = service.get("/api/reports/LIVE01.md");
            assertThat(md.contentType()).startsWith("text/markdown");
            assertThat(md.body()).startsWith("# Auction LIVE01: Sample auction");
            Response html = service.get("/reports/LIVE01");
            assertThat(html.contentType()).startsWith("text/html");
            assertThat(html.body()).contains("data-chart=\"spend\"", "data-chart=\"squads\"");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(reports.resolve("OTHER2").resolve("report.json")));
            assertThat(json(service.get("/api/reports").body()).findValuesAsString("auctionCode"))
                    .contains("LIVE01", "OTHER2");

            // The replay reads the topics afresh and makes the same report, byte for byte.
            Response replayed = service.post("/api/replay/LIVE01");
            assertThat(replayed.status()).isEqualTo(200);
            JsonNode summary = json(replayed.body());
            assertThat(summary.get("events").asInt()).isEqualTo(events.size());
            assertThat(summary.get("lots").asInt()).isEqualTo(5);
            assertThat(summary.get("eventsPerSecond").asLong()).isPositive();
            assertThat(Files.readString(
                            reports.resolve("LIVE01").resolve("replay").resolve("report.json")))
                    .isEqualTo(onDisk);

            JsonNode timeline = json(service.get("/api/replay/LIVE01/timeline").body());
            assertThat(timeline.get("lots")).hasSize(5);
            assertThat(timeline.get("lots").get(0).get("franchise").asString()).isEqualTo("CSK");

            Response health = service.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(json(health.body()).get("status").asString()).isEqualTo("UP");

            // The broken record went to its dead-letter topic.
            assertThat(rawValues("agent.bids.DLT")).containsExactly("{broken");
        }
    }

    @Test
    void badRequestsGetProblemsThatSayWhy() {
        try (var service = new ServiceUnderTest(bootstrap(), dir.resolve("reports"), dir.resolve("state"))) {
            problem(service.get("/api/reports/AB"), 400, "invalid-auction-code");
            problem(service.get("/api/reports/ZZZZ99"), 404, "report-not-found");
            problem(service.get("/reports/ZZZZ99"), 404, "report-not-found");
            problem(service.post("/api/replay/ZZZZ99"), 404, "unknown-auction");
            problem(service.get("/api/replay/ZZZZ99/timeline?from=yesterday"), 400, "invalid-time");
            problem(service.get("/replay/ZZZZ99?speed=0"), 400, "invalid-speed");
            problem(service.get("/replay/ZZZZ99?speed=fast"), 400, "invalid-speed");
        }
    }

    private static void problem(Response response, int status, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void liveReportsSurviveARestartThatLosesTheStateDirectory() throws Exception {
        Path reports = dir.resolve("reports");
        List<Published> events = SampleAuction.events("KEEP01");
        int half = events.size() / 2;
        Instant middle;
        try (var first = new ServiceUnderTest(
                bootstrap(), reports, dir.resolve("state-1"), "--reports.application-id=report-restart")) {
            ServiceUnderTest.publish(bootstrap(), events.subList(0, half));
            await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> {
                Response live = first.get("/api/reports/KEEP01");
                assertThat(live.status()).isEqualTo(200);
                JsonNode report = json(live.body());
                assertThat(report.get("state").asString()).isEqualTo("RUNNING");
                int seen = 0;
                for (JsonNode n : report.get("eventsByTopic")) {
                    seen += n.asInt();
                }
                assertThat(seen).isEqualTo(half);
            });
            middle = Instant.now();
        }
        Thread.sleep(20); // record timestamps after `middle` are strictly later
        try (var second = new ServiceUnderTest(
                bootstrap(), reports, dir.resolve("state-2"), "--reports.application-id=report-restart")) {
            ServiceUnderTest.publish(bootstrap(), events.subList(half, events.size()));
            Path file = reports.resolve("KEEP01").resolve("report.json");
            AuctionReport expected = ReportBuilder.build("KEEP01", SampleAuction.recorded(events));
            await().atMost(Duration.ofMinutes(5))
                    .untilAsserted(() -> assertThat(file)
                            .exists()
                            .satisfies(f -> assertThat(ReportFiles.parse(Files.readString(f)))
                                    .as("the first half, processed before the restart, is in the report")
                                    .isEqualTo(expected)));

            // A replay from the restart on sees only the second half.
            JsonNode partial = json(
                    second.post("/api/replay/KEEP01/timeline?from=" + middle).body());
            List<Integer> lots = new ArrayList<>();
            partial.get("lots").forEach(l -> lots.add(l.get("lot").asInt()));
            assertThat(lots).isNotEmpty().doesNotContain(1);
        }
    }

    private List<String> rawValues(String topic) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
            }
            return values;
        }
    }
}
