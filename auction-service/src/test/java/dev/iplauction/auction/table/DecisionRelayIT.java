package dev.iplauction.auction.table;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.SeatState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * The relay on a real broker: records on the agents' topics reach the room's notes and the room's page; a record that
 * is not a decision at all is skipped and the relay reads on. In Chromium, the room says "AI advice warming up" while
 * an agent's heartbeat says its LLM is not ready, and stops once a decision on the LLM's advice arrives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 1,
        topics = {"agent.decisions", "agent.heartbeats"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DecisionRelayIT {

    @Autowired
    TableNotes notes;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void agentsRecordsReachTheRoomAndABadOneIsSkipped() throws Exception {
        // The relay reads from the end: wait until it holds its partitions before writing.
        ContainerTestUtils.waitForAssignment(registry.getListenerContainer("table-relay"), 2);
        String code = post("/api/auctions", "{\"catalogue\":\"quick\",\"seed\":1}")
                .get("code")
                .asString();
        Instant now = Instant.now();
        try (var producer = new KafkaProducer<String, String>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.AGENT_DECISIONS.topicName(), "CSK", "{not json"));
            producer.send(new ProducerRecord<>(
                    Topics.AGENT_DECISIONS.topicName(),
                    "CSK",
                    "{\"type\":\"DecisionMade\",\"auctionCode\":\"" + code + "\",\"lot\":0}"));
            producer.send(new ProducerRecord<>(
                    Topics.AGENT_HEARTBEATS.topicName(),
                    "CSK",
                    EventJson.mapper()
                            .writeValueAsString(new HeartbeatEvent.Heartbeat(
                                    code, Franchise.CSK, now, "i-1", "host", 1, SeatState.WAITING_FOR_START, 1))));
            producer.send(new ProducerRecord<>(
                    Topics.AGENT_DECISIONS.topicName(),
                    "MI",
                    EventJson.mapper()
                            .writeValueAsString(new DecisionEvent.DecisionMade(
                                    code,
                                    Franchise.MI,
                                    now,
                                    1,
                                    "1",
                                    "Someone",
                                    DecisionEvent.Choice.BID,
                                    Lakh.of(500),
                                    Lakh.of(450),
                                    DecisionEvent.Source.CACHE,
                                    "same as last time",
                                    3))));
        }

        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(
                        () -> assertThat(notes.view(code).map(TableView::ai).orElseThrow())
                                .containsExactlyInAnyOrder("CSK", "MI"));
        String room = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auctions/" + code + "/room"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(room).contains("id=\"table-data\"").contains("\"ai\":[\"CSK\",\"MI\"]");
        // Lot 1 is not hammered (the auction has not started): the room has MI's "in", not its maximum or reason.
        assertThat(room).doesNotContain("same as last time").doesNotContain("\"maxBid\":450");
    }

    @Test
    void theRoomSaysAiAdviceIsWarmingUpUntilTheLlmAdvises() throws Exception {
        ContainerTestUtils.waitForAssignment(registry.getListenerContainer("table-relay"), 2);
        String code = post("/api/auctions", "{\"catalogue\":\"quick\",\"seed\":2}")
                .get("code")
                .asString();
        Instant now = Instant.now();
        try (Playwright playwright = playwright();
                Browser browser = browser(playwright);
                BrowserContext context = browser.newContext();
                var producer = new KafkaProducer<String, String>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringSerializer(),
                        new StringSerializer())) {
            Page room = context.newPage();
            room.navigate("http://localhost:" + port + "/auctions/" + code + "/room");
            Locator status = room.getByTestId("advice-status");
            assertThat(room.locator("body")).hasAttribute("data-live", "open", LIVE);
            assertThat(status).isHidden();

            // An agent whose model is still being pulled says so in its heartbeat: the room says it, politely.
            producer.send(new ProducerRecord<>(
                    Topics.AGENT_HEARTBEATS.topicName(),
                    "CSK",
                    EventJson.mapper()
                            .writeValueAsString(new HeartbeatEvent.Heartbeat(
                                    code,
                                    Franchise.CSK,
                                    now,
                                    "i-1",
                                    "host",
                                    1,
                                    SeatState.WAITING_FOR_START,
                                    1,
                                    HeartbeatEvent.Advisor.WARMING_UP))));
            assertThat(status).isVisible(VISIBLE);
            assertThat(status).containsText("AI advice warming up");
            assertThat(room.locator("[role=status][aria-live=polite]")
                            .filter(new Locator.FilterOptions().setHas(status)))
                    .hasCount(1);

            // The model answered: a decision on its advice. The line goes.
            producer.send(new ProducerRecord<>(
                    Topics.AGENT_DECISIONS.topicName(),
                    "CSK",
                    EventJson.mapper()
                            .writeValueAsString(new DecisionEvent.DecisionMade(
                                    code,
                                    Franchise.CSK,
                                    now,
                                    1,
                                    "1",
                                    "Someone",
                                    DecisionEvent.Choice.BID,
                                    Lakh.of(500),
                                    Lakh.of(450),
                                    DecisionEvent.Source.LLM,
                                    "the LLM's pick",
                                    900))));
            assertThat(status).isHidden(HIDDEN);
        }
    }

    private static final LocatorAssertions.IsVisibleOptions VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);
    private static final LocatorAssertions.IsHiddenOptions HIDDEN =
            new LocatorAssertions.IsHiddenOptions().setTimeout(60_000);
    private static final LocatorAssertions.HasAttributeOptions LIVE =
            new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);

    private static Playwright playwright() {
        return System.getProperty("chromium.path", "").isBlank()
                ? Playwright.create()
                : Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    private static Browser browser(Playwright playwright) {
        var options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"));
        String chromium = System.getProperty("chromium.path", "");
        if (!chromium.isBlank()) {
            options.setExecutablePath(Path.of(chromium));
        }
        return playwright.chromium().launch(options);
    }

    private JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return EventJson.mapper().readTree(response.body());
    }
}
