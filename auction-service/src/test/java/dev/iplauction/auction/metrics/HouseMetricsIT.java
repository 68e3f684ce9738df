package dev.iplauction.auction.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.kafkatest.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/prometheus} over real HTTP with a real broker: the house's meters are there from the start and
 * move with an auction (a bid accepted, one refused as stale, a lot sold, a page following, the writes timed).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auction.tick=5ms"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class HouseMetricsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-11-24T10:00:00Z"));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theHouseMetersMoveWithAnAuction() throws Exception {
        String scrape = scrape();
        assertThat(sample(scrape, "auction_bids_total", "outcome=\"refused\"", "reason=\"purse\""))
                .isZero();
        assertThat(scrape).contains("auction_lot_duration_seconds_count", "auction_sse_clients", "application=");
        double acceptedBefore = sample(scrape, "auction_bids_total", "outcome=\"accepted\"");
        double staleBefore = sample(scrape, "auction_bids_total", "reason=\"stale\"");
        double soldBefore = sample(scrape, "auction_lot_duration_seconds_count", "outcome=\"sold\"");
        double writesBefore = sample(scrape, "auction_event_log_write_seconds_count", "outcome=\"ok\"");

        JsonNode created = post(
                "/api/auctions", "{\"catalogue\":\"quick\",\"seed\":5,\"bidWindowMillis\":10000,\"rtmCards\":0}", null);
        String code = created.get("code").asString();
        String csk = post("/api/auctions/" + code + "/seats", "{\"franchise\":\"CSK\"}", null)
                .get("seatToken")
                .asString();
        String mi = post("/api/auctions/" + code + "/seats", "{\"franchise\":\"MI\"}", null)
                .get("seatToken")
                .asString();
        post(
                "/api/auctions/" + code + "/host/start",
                "",
                created.get("hostToken").asString());

        CompletableFuture<HttpResponse<Stream<String>>> page = http.sendAsync(
                HttpRequest.newBuilder(uri("/auctions/" + code + "/stream")).build(),
                HttpResponse.BodyHandlers.ofLines());
        await().atMost(Duration.ofMinutes(1)).until(() -> sample(scrape(), "auction_sse_clients", "application=") >= 1);

        JsonNode lot = get("/api/auctions/" + code).get("lot");
        int number = lot.get("number").asInt();
        int amount = lot.get("nextBid").asInt();
        post("/api/auctions/" + code + "/bids", bid("CSK", number, amount), csk);
        // The same amount again is no longer the next valid bid: refused as stale, and recorded as such.
        post("/api/auctions/" + code + "/bids", bid("MI", number, amount), mi);
        CLOCK.advance(Duration.ofSeconds(11));

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            String now = scrape();
            assertThat(sample(now, "auction_bids_total", "outcome=\"accepted\""))
                    .isEqualTo(acceptedBefore + 1);
            assertThat(sample(now, "auction_bids_total", "reason=\"stale\"")).isEqualTo(staleBefore + 1);
            assertThat(sample(now, "auction_lot_duration_seconds_count", "outcome=\"sold\""))
                    .isEqualTo(soldBefore + 1);
            assertThat(sample(now, "auction_lot_duration_seconds_sum", "outcome=\"sold\""))
                    .isGreaterThanOrEqualTo(10.0);
            assertThat(sample(now, "auction_event_log_write_seconds_count", "outcome=\"ok\""))
                    .isGreaterThan(writesBefore + 3);
        });
        page.cancel(true);
    }

    /** The sum of the samples of one series name whose labels contain every given fragment. */
    static double sample(String scrape, String name, String... labelFragments) {
        double sum = 0;
        for (String line : scrape.lines().toList()) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String labels = line.contains("{") ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
            if (Stream.of(labelFragments).allMatch(labels::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static String bid(String franchise, int lot, int amount) {
        return "{\"franchise\":\"" + franchise + "\",\"lot\":" + lot + ",\"amount\":" + amount + "}";
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private JsonNode post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String answer =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        return answer.isBlank() ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
