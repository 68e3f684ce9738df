package dev.iplauction.auction.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.kafkatest.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API over real HTTP with a real broker: what a good request does, and that every bad one gets a clear 4xx
 * problem and changes nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Every test creates an auction from the same address: keep the creation rate out of these tests' way.
        properties = {"auction.tick=5ms", "auction.limits.creations-per-minute=1000"})
// The broker address goes straight into spring.kafka.bootstrap-servers: logging (the Kafka appender) reads it
// before a ${spring.embedded.kafka.brokers} placeholder could be resolved.
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AuctionApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-11-24T10:00:00Z"));

    /** Bid requests that reached Spring MVC's dispatch rather than {@link BidFastPath}. */
    private static final AtomicInteger BIDS_THROUGH_MVC = new AtomicInteger();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        WebMvcConfigurer countBidsThroughMvc() {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new HandlerInterceptor() {
                        @Override
                        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h) {
                            if (h instanceof HandlerMethod m
                                    && m.getMethod().getName().equals("bid")) {
                                BIDS_THROUGH_MVC.incrementAndGet();
                            }
                            return true;
                        }
                    });
                }
            };
        }
    }

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private String code;
    private String hostToken;
    private String csk;
    private String mi;

    record Reply(int status, String contentType, JsonNode body) {
        String reason() {
            return body.path("reason").asString();
        }
    }

    @BeforeEach
    void createAndStartAQuickAuction() throws Exception {
        Reply created = post(
                "/api/auctions", "{\"catalogue\":\"quick\",\"seed\":5,\"bidWindowMillis\":10000,\"rtmCards\":0}", null);
        assertThat(created.status()).isEqualTo(201);
        code = created.body().get("code").asString();
        hostToken = created.body().get("hostToken").asString();
        csk = post("/api/auctions/" + code + "/seats", "{\"franchise\":\"CSK\"}", null)
                .body()
                .get("seatToken")
                .asString();
        mi = post("/api/auctions/" + code + "/seats", "{\"franchise\":\"mi\"}", null)
                .body()
                .get("seatToken")
                .asString();
        assertThat(post("/api/auctions/" + code + "/host/start", "", hostToken).status())
                .isEqualTo(204);
    }

    @Test
    void aGoodBidIsAcceptedAndMovesTheLotOn() throws Exception {
        JsonNode lot = state().get("lot");
        Reply bid =
                bid(csk, "CSK", lot.get("number").asInt(), lot.get("nextBid").asInt());

        assertThat(bid.status()).isEqualTo(200);
        assertThat(bid.body().get("amount").asInt())
                .isEqualTo(lot.get("basePrice").asInt());
        assertThat(state().at("/lot/highestBidder").asString()).isEqualTo("CSK");
    }

    @Test
    void aWellFormedBidSkipsMvcAndAnythingElseIsAnsweredByIt() throws Exception {
        JsonNode lot = state().get("lot");
        int number = lot.get("number").asInt();
        int mvcBefore = BIDS_THROUGH_MVC.get();
        long timedBefore = bidRequestsTimed();

        assertThat(bid(csk, "CSK", number, lot.get("nextBid").asInt()).status()).isEqualTo(200);
        assertThat(BIDS_THROUGH_MVC.get()).as("a well-formed bid skips MVC").isEqualTo(mvcBefore);
        // Timed under the bid's route, as MVC would have named it (the request metrics, bench-bids).
        await().atMost(Duration.ofSeconds(30)).until(() -> bidRequestsTimed() > timedBefore);

        // A refusal on the fast path is the same problem, from the same advice.
        assertProblem(bid(csk, "MI", number, lot.get("nextBid").asInt()), 403, "not-your-seat");
        assertThat(BIDS_THROUGH_MVC.get()).isEqualTo(mvcBefore);

        // A body of unknown length (chunked) goes to MVC, which plays it all the same.
        int next = state().at("/lot/nextBid").asInt();
        String body = "{\"franchise\":\"MI\",\"lot\":" + number + ",\"amount\":" + next + "}";
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(uri("/api/auctions/" + code + "/bids"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + mi)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(200);
        assertThat(BIDS_THROUGH_MVC.get()).isEqualTo(mvcBefore + 1);
        assertThat(state().at("/lot/highestBidder").asString()).isEqualTo("MI");

        // An invalid body is read once by the fast path and again, whole, by MVC, which names the field.
        Reply invalid = post("/api/auctions/" + code + "/bids", "{\"franchise\":\"CSK\",\"lot\":0}", csk);
        assertProblem(invalid, 400, "invalid-request");
        assertThat(invalid.body().get("detail").asString()).contains("amount", "lot");
        assertThat(BIDS_THROUGH_MVC.get()).isEqualTo(mvcBefore + 2);
    }

    private long bidRequestsTimed() {
        var timer = meters.find("http.server.requests")
                .tag("uri", BidFastPath.ROUTE)
                .tag("status", "200")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        JsonNode before = state();
        Reply reply = post("/api/auctions/" + code + "/bids", "{\"franchise\": \"CSK\", \"lot\": ", csk);
        assertProblem(reply, 400, "malformed-request");
        assertUnchanged(before);
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        Reply reply = post("/api/auctions/" + code + "/bids", "{\"franchise\":\"CSK\",\"lot\":0}", csk);
        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.body().get("detail").asString()).contains("amount").contains("lot");
    }

    @Test
    void anUnknownAuctionIsNotFoundAndAMalformedCodeIsABadRequest() throws Exception {
        assertProblem(get("/api/auctions/ZZZZZ9"), 404, "unknown-auction");
        assertProblem(bid(csk, "CSK", 1, 200, "/api/auctions/ZZZZZ9/bids"), 404, "unknown-auction");
        assertProblem(get("/api/auctions/abc"), 400, "invalid-request");
    }

    @Test
    void aBidWithoutATokenOrWithAnotherSeatsTokenIsRefused() throws Exception {
        JsonNode before = state();
        int lot = before.at("/lot/number").asInt();
        int amount = before.at("/lot/nextBid").asInt();

        assertProblem(bid(null, "CSK", lot, amount), 401, "missing-token");
        assertProblem(bid("not-a-real-token", "CSK", lot, amount), 403, "not-your-seat");
        assertProblem(bid(mi, "CSK", lot, amount), 403, "not-your-seat");
        assertUnchanged(before);
    }

    @Test
    void aStaleAmountIsRefusedAndChangesNothing() throws Exception {
        JsonNode lot = state().get("lot");
        bid(csk, "CSK", lot.get("number").asInt(), lot.get("nextBid").asInt());
        JsonNode before = state();

        Reply stale =
                bid(mi, "MI", lot.get("number").asInt(), lot.get("nextBid").asInt());

        assertProblem(stale, 409, "stale");
        assertThat(stale.body().get("detail").asString()).contains("next bid is");
        assertUnchanged(before);
    }

    @Test
    void theHighestBidderCannotBidAgainstItself() throws Exception {
        JsonNode lot = state().get("lot");
        bid(csk, "CSK", lot.get("number").asInt(), lot.get("nextBid").asInt());
        assertProblem(
                bid(
                        csk,
                        "CSK",
                        lot.get("number").asInt(),
                        state().at("/lot/nextBid").asInt()),
                409,
                "highest-bidder");
    }

    @Test
    void aBidAfterTheLotClosedIsRefused() throws Exception {
        JsonNode lot = state().get("lot");
        int number = lot.get("number").asInt();
        CLOCK.advance(Duration.ofSeconds(11));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> state().at("/lot/number").asInt() != number);
        JsonNode before = state();

        assertProblem(bid(csk, "CSK", number, lot.get("nextBid").asInt()), 409, "lot-closed");
        assertUnchanged(before);
    }

    @Test
    void hostActionsNeedTheHostToken() throws Exception {
        JsonNode before = state();
        assertProblem(post("/api/auctions/" + code + "/host/pause", "", null), 401, "missing-token");
        assertProblem(post("/api/auctions/" + code + "/host/pause", "", csk), 403, "not-host");
        assertProblem(post("/api/auctions/" + code + "/host/explode", "", hostToken), 400, "invalid-request");
        assertUnchanged(before);
        assertThat(state().get("phase").asString()).isEqualTo("RUNNING");

        assertThat(post("/api/auctions/" + code + "/host/pause", "", hostToken).status())
                .isEqualTo(204);
        assertThat(state().get("phase").asString()).isEqualTo("PAUSED");
    }

    @Test
    void aTakenSeatNeedsItsOwnToken() throws Exception {
        assertProblem(post("/api/auctions/" + code + "/seats", "{\"franchise\":\"CSK\"}", null), 409, "seat-taken");
        Reply again = post("/api/auctions/" + code + "/seats", "{\"franchise\":\"CSK\"}", csk);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("seatToken").asString()).isEqualTo(csk);
        assertProblem(
                post("/api/auctions/" + code + "/seats", "{\"franchise\":\"XYZ\"}", null), 400, "invalid-request");
    }

    @Test
    void aBadSetupIsRefusedWithTheReason() throws Exception {
        Reply unknown = post("/api/auctions", "{\"catalogue\":\"ipl1999\"}", null);
        assertProblem(unknown, 400, "invalid-request");
        assertThat(unknown.body().get("detail").asString()).contains("ipl1999");
        Reply tooFast = post("/api/auctions", "{\"catalogue\":\"quick\",\"bidWindowMillis\":5}", null);
        assertProblem(tooFast, 400, "invalid-request");
        assertThat(tooFast.body().get("detail").asString()).contains("bidWindowMillis");
    }

    @Test
    void servesItsOpenApiDescriptionAndHealth() throws Exception {
        HttpResponse<String> docs =
                http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/auctions/{code}/bids");
        assertThat(get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
    }

    private void assertProblem(Reply reply, int status, String reason) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.reason()).as("reason in %s", reply.body()).isEqualTo(reason);
        assertThat(reply.body().get("detail").asString()).isNotBlank();
    }

    /** The lot and every franchise are as they were (a refused bid may only add its own record to the log). */
    private void assertUnchanged(JsonNode before) throws Exception {
        JsonNode after = state();
        assertThat(after.get("lot")).isEqualTo(before.get("lot"));
        assertThat(after.get("franchises")).isEqualTo(before.get("franchises"));
        assertThat(after.get("phase")).isEqualTo(before.get("phase"));
    }

    private JsonNode state() throws IOException, InterruptedException {
        Reply reply = get("/api/auctions/" + code);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private Reply bid(String token, String franchise, int lot, int amount) throws Exception {
        return bid(token, franchise, lot, amount, "/api/auctions/" + code + "/bids");
    }

    private Reply bid(String token, String franchise, int lot, int amount, String path) throws Exception {
        return post(path, "{\"franchise\":\"" + franchise + "\",\"lot\":" + lot + ",\"amount\":" + amount + "}", token);
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private Reply post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                body);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
