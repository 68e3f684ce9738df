package dev.iplauction.logservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.logging.KafkaLogAppender;
import dev.iplauction.logservice.store.LineCodec;
import dev.iplauction.logservice.store.StoredLine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The whole way: services log through the real Kafka appender, the log service keeps combined.log and answers over
 * HTTP: query filters, errors, summary, export in both formats, the live tail, and problems for bad parameters.
 */
@TestMethodOrder(MethodOrderer.MethodName.class) // the query test counts on being the first to log
class LogServiceIT {

    private static final String OPERATOR_TOKEN = "operator-token-for-log-tests";

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;
    private static String base;
    private static LoggerContext services;
    private static KafkaLogAppender appender;
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        service = new SpringApplicationBuilder(LogServiceApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--server.port=0",
                        "--logs.directory=" + dir,
                        "--logs.reorder-window=300ms",
                        "--operator.token=" + OPERATOR_TOKEN,
                        "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;

        services = new LoggerContext();
        services.setMDCAdapter(new LogbackMDCAdapter());
        appender = new KafkaLogAppender();
        appender.setContext(services);
        appender.setBootstrapServers(broker.getBrokersAsString());
        appender.setSource("auction-service");
        appender.setAcks("all");
        appender.start();
        services.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @AfterAll
    static void stop() {
        appender.stop();
        service.close();
        broker.destroy();
    }

    private static Logger logger(String name) {
        return services.getLogger(name);
    }

    private static void asSeat(String franchise, Runnable logging) {
        services.getMDCAdapter().put("franchise", franchise);
        services.getMDCAdapter().put("auction", "ABCD12");
        try {
            logging.run();
        } finally {
            services.getMDCAdapter().clear();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    private static List<String> messages(JsonNode page) {
        return page.get("records")
                .valueStream()
                .map(r -> r.get("message").asString())
                .toList();
    }

    @Test
    void servicesLogsArriveInCombinedLogAndAnswerQuestions() throws Exception {
        Logger house = logger("dev.iplauction.auction.house.AuctionHouse");
        Logger seat = logger("dev.iplauction.agent.seat.Seat");
        house.info("auction ABCD12 created");
        asSeat(
                "CSK",
                () -> seat.atInfo()
                        .addKeyValue("event", "bid.placed")
                        .addKeyValue("lot", 1)
                        .log("CSK bids 30"));
        asSeat("MI", () -> seat.warn("MI could not join auction ABCD12 (attempt 1): timeout"));
        house.error("lot 1 could not be closed", new IllegalStateException("clock stopped"));
        asSeat("CSK", () -> seat.info("CSK passes on lot 2"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> json("/api/logs").get("count").asInt() == 5);

        assertThat(messages(json("/api/logs")))
                .containsExactly(
                        "auction ABCD12 created",
                        "CSK bids 30",
                        "MI could not join auction ABCD12 (attempt 1): timeout",
                        "lot 1 could not be closed",
                        "CSK passes on lot 2");
        assertThat(messages(json("/api/logs?franchise=csk"))).containsExactly("CSK bids 30", "CSK passes on lot 2");
        assertThat(messages(json("/api/logs?source=auction-service&level=ERROR")))
                .containsExactly("lot 1 could not be closed");
        assertThat(messages(json("/api/logs/errors")))
                .containsExactly("MI could not join auction ABCD12 (attempt 1): timeout", "lot 1 could not be closed");
        assertThat(messages(json("/api/logs?q=clock+STOPPED"))).containsExactly("lot 1 could not be closed");
        assertThat(messages(json("/api/logs?limit=2")))
                .containsExactly("lot 1 could not be closed", "CSK passes on lot 2");
        JsonNode bid =
                json("/api/logs?franchise=CSK&limit=1&q=bids").get("records").get(0);
        assertThat(bid.get("event").asString()).isEqualTo("bid.placed");
        assertThat(bid.get("auctionCode").asString()).isEqualTo("ABCD12");
        assertThat(bid.get("fields").get("lot").asString()).isEqualTo("1");
        String at = bid.get("at").asString();
        assertThat(messages(json("/api/logs?from=" + at)))
                .startsWith("CSK bids 30")
                .hasSize(4);
        assertThat(messages(json("/api/logs?to=" + at))).containsExactly("auction ABCD12 created");

        JsonNode summary = json("/api/logs/summary");
        assertThat(summary.get("total").asLong()).isEqualTo(5);
        assertThat(summary.get("byLevel").get("INFO").asLong()).isEqualTo(3);
        assertThat(summary.get("bySource").get("CSK").asLong()).isEqualTo(2);
        assertThat(summary.get("bySource").get("auction-service").asLong()).isEqualTo(2);
        assertThat(summary.get("first").asString()).isNotBlank();

        HttpResponse<String> jsonl = get("/api/logs/export?format=jsonl&level=WARN,ERROR");
        assertThat(jsonl.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        assertThat(jsonl.body()
                        .lines()
                        .map(l -> LineCodec.decode(l).orElseThrow().message()))
                .containsExactly("MI could not join auction ABCD12 (attempt 1): timeout", "lot 1 could not be closed");
        HttpResponse<String> text = get("/api/logs/export?format=text&franchise=MI");
        assertThat(text.body())
                .matches("\\S+Z WARN  \\[MI] ABCD12 Seat - MI could not join auction ABCD12 \\(attempt 1\\): timeout"
                        + " \\{.*franchise=MI.*}\\n");

        // every record is also in the file itself, once, as a JSON line
        List<StoredLine> onDisk = Files.readAllLines(dir.resolve("combined.log")).stream()
                .map(l -> LineCodec.decode(l).orElseThrow())
                .toList();
        assertThat(onDisk).hasSize(5);
        assertThat(onDisk.get(3).fields().get("exception"))
                .startsWith("java.lang.IllegalStateException: clock stopped");
        assertThat(json("/actuator/health").get("status").asString()).isEqualTo("UP");
        assertThat(json("/api/logs/ingest").get("written").asLong()).isEqualTo(5);
        // the ingest commits what it wrote: the checkpoint's positions cover every line in the file
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            JsonNode checkpoint = EventJson.mapper()
                    .readTree(dir.resolve("combined.checkpoint").toFile());
            long covered = checkpoint
                    .get("positions")
                    .valueStream()
                    .mapToLong(JsonNode::asLong)
                    .sum();
            return covered == json("/api/logs/summary").get("total").asLong();
        });
    }

    @Test
    void theLiveTailSendsEachNewRecordThatMatches() throws Exception {
        HttpResponse<java.io.InputStream> stream = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/logs/tail?franchise=RCB"))
                        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<String> firstLog = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                boolean logEvent = false;
                while ((line = reader.readLine()) != null) {
                    if (line.equals("event:log")) {
                        logEvent = true;
                    } else if (logEvent && line.startsWith("data:")) {
                        return line.substring("data:".length());
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Logger seat = logger("dev.iplauction.agent.seat.Seat");
        asSeat("GT", () -> seat.info("GT is not RCB"));
        asSeat("RCB", () -> seat.info("RCB takes its seat"));

        String data = firstLog.get(20, TimeUnit.SECONDS);
        StoredLine line = LineCodec.decode(data).orElseThrow();
        assertThat(line.source()).isEqualTo("RCB");
        assertThat(line.message()).isEqualTo("RCB takes its seat");
    }

    @Test
    void badParametersGetAProblemThatSaysWhatIsWrong() throws Exception {
        for (String[] bad : new String[][] {
            {"/api/logs?from=yesterday", "from must be an ISO-8601 time"},
            {"/api/logs?franchise=ABC", "franchise 'ABC' is not one of"},
            {"/api/logs?level=LOUD", "level 'LOUD' is not one of"},
            {"/api/logs?limit=0", "limit must be between 1 and 10000"},
            {"/api/logs/errors?level=INFO", "errors takes level ERROR or WARN only"},
            {"/api/logs/export?format=xml", "format must be jsonl or text"},
            {"/api/logs/summary?from=2024-11-24T10:00:00Z&to=2024-11-24T09:00:00Z", "must be before"},
        }) {
            HttpResponse<String> response = get(bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = EventJson.mapper().readTree(response.body());
            assertThat(problem.get("reason").asString()).isEqualTo("invalid-query");
            assertThat(problem.get("detail").asString()).as(bad[0]).contains(bad[1]);
        }
    }

    @Test
    void theServiceOwnsAgentLogsWithItsRetention() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.AGENT_LOGS.topicName());
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
            assertThat(admin.listTopics().names().get()).contains(Topics.AGENT_LOGS.deadLetterTopicName());
        }
    }
}
