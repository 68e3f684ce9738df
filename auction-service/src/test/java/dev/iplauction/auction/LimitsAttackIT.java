package dev.iplauction.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.auction.web.LiveUpdates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's attacks on the auction house's limits, against the real service over real HTTP with a real broker: an
 * overlong name, the 101st unfinished auction, a flood of creations from one address, a page that stops reading while
 * another follows the same auction, and one page too many.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // The cap as shipped; the rate raised so one test client can reach the cap, and then exceed the rate.
            "auction.limits.max-live-auctions=100",
            "auction.limits.creations-per-minute=150",
            "auction.limits.streams-per-auction=3",
        })
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
// The flood uses up this address's creations for the minute; it runs last so no other test has to wait the minute out.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsAttackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUICK = "{\"catalogue\":\"quick\",\"bidWindowMillis\":60000}";

    @LocalServerPort
    int port;

    @Autowired
    LiveUpdates liveUpdates;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> open = Collections.synchronizedList(new ArrayList<>());

    record Reply(int status, HttpResponse<String> response, JsonNode body) {}

    @AfterEach
    void closeStreams() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    // ---- input limits and creation ----

    @Test
    void aBodyOverTheCapIsRefusedBeforeAnythingParsesIt() throws Exception {
        String big = "{\"catalogue\":\"quick\",\"name\":\"" + "x".repeat(200_000) + "\"}";

        Reply declared = post("/api/auctions", big, null);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body().path("reason").asString()).isEqualTo("request-too-large");
        assertThat(declared.body().path("detail").asString()).contains("at most 65536");
        // The bid's fast path (BidFastPath) reads the body itself: the cap comes first there too.
        Reply bid = post("/api/auctions/ABCD12/bids", big, "any-token");
        assertThat(bid.status()).isEqualTo(413);
        assertThat(bid.body().path("reason").asString()).isEqualTo("request-too-large");

        // Chunked: no length to refuse up front, so the read stops at the cap and the body is unreadable.
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(uri("/api/auctions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(chunked.body()).path("detail").asString()).contains("over 65536 bytes");
    }

    @Test
    void overlongAndOutOfRangeFieldsAreRefusedNamingTheField() throws Exception {
        Reply name = post("/api/auctions", "{\"catalogue\":\"quick\",\"name\":\"" + "x".repeat(61) + "\"}", null);
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.body().path("reason").asString()).isEqualTo("invalid-request");
        assertThat(name.body().path("fields").get(0).path("field").asString()).isEqualTo("name");
        assertThat(name.body().path("detail").asString()).contains("name").contains("60");

        Reply sixty = create("{\"catalogue\":\"quick\",\"name\":\"" + "x".repeat(60) + "\"}");
        assertThat(sixty.status()).isEqualTo(201);

        Reply window = post("/api/auctions", "{\"catalogue\":\"quick\",\"bidWindowMillis\":999999999}", null);
        assertThat(window.status()).isEqualTo(400);
        assertThat(window.body().path("detail").asString()).contains("bidWindowMillis");

        String ids = String.join(",", Collections.nCopies(1001, "\"p\""));
        Reply pool = post("/api/auctions", "{\"catalogue\":\"quick\",\"playerIds\":[" + ids + "]}", null);
        assertThat(pool.status()).isEqualTo(400);
        assertThat(pool.body().path("detail").asString()).contains("playerIds");

        Reply bid = post(
                "/api/auctions/" + sixty.body().path("code").asString() + "/bids",
                "{\"franchise\":\"" + "C".repeat(41) + "\",\"lot\":100000,\"amount\":2000000000}",
                "any-token");
        assertThat(bid.status()).isEqualTo(400);
        assertThat(bid.body().path("detail").asString())
                .contains("franchise")
                .contains("lot")
                .contains("amount");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theHundredAndFirstUnfinishedAuctionIsRefusedAndAFloodFromOneAddressIsSlowedDown() throws Exception {
        List<String> hostTokens = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        long live = live();
        while (live < 100) {
            Reply created = post("/api/auctions", QUICK, null);
            assertThat(created.status()).isEqualTo(201);
            codes.add(created.body().path("code").asString());
            hostTokens.add(created.body().path("hostToken").asString());
            live++;
        }
        assertThat(live()).isEqualTo(100);

        Reply hundredAndFirst = post("/api/auctions", QUICK, null);
        assertThat(hundredAndFirst.status()).isEqualTo(409);
        assertThat(hundredAndFirst.body().path("reason").asString()).isEqualTo("too-many-auctions");
        assertThat(live()).isEqualTo(100);

        // Finishing one makes room: the cap counts unfinished auctions, not every auction ever held.
        assertThat(post("/api/auctions/" + codes.getFirst() + "/host/end", "", hostTokens.getFirst())
                        .status())
                .isEqualTo(204);
        assertThat(post("/api/auctions", QUICK, null).status()).isEqualTo(201);

        // The same address keeps asking: within its 150 a minute it meets the cap, past them it is told to wait.
        Reply refused = null;
        for (int i = 0; i < 400 && (refused == null || refused.status() != 429); i++) {
            refused = post("/api/auctions", QUICK, null);
            assertThat(refused.status()).isIn(409, 429);
        }
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("reason").asString()).isEqualTo("rate-limited");
        long retryAfter = Long.parseLong(
                refused.response().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);

        // Leave the house with room for the other tests.
        for (int i = 1; i < codes.size(); i++) {
            post("/api/auctions/" + codes.get(i) + "/host/end", "", hostTokens.get(i));
        }
    }

    // ---- a page that stops reading ----

    @Test
    void aPageThatStopsReadingIsDroppedWhileAnotherStillGetsEveryUpdateAtOnce() throws Exception {
        Reply created = create(
                "{\"catalogue\":\"quick\",\"bidWindowMillis\":60000,\"name\":\"" + "Slow readers".repeat(5) + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String code = created.body().path("code").asString();

        // The slow page: a real connection with a tiny receive window that never reads a byte.
        Socket slow = new Socket();
        open.add(slow);
        slow.setReceiveBufferSize(1024);
        slow.connect(new InetSocketAddress("localhost", port));
        OutputStream out = slow.getOutputStream();
        out.write(("GET /auctions/" + code + "/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();

        Follower fast = follow(code);
        await().atMost(Duration.ofMinutes(1)).until(() -> liveUpdates.subscribers(code) == 2);

        // Change the auction again and again (a seat taken and given up) until the slow page's queue overflows.
        long droppedBefore = liveUpdates.dropped();
        int changes = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (liveUpdates.subscribers(code) > 1) {
            assertThat(System.nanoTime()).as("the slow page was never dropped").isLessThan(deadline);
            String token = post("/api/auctions/" + code + "/seats", "{\"franchise\":\"CSK\"}", null)
                    .body()
                    .path("seatToken")
                    .asString();
            assertThat(delete("/api/auctions/" + code + "/seats/CSK", token)).isEqualTo(204);
            changes += 2;
        }
        assertThat(liveUpdates.dropped()).isGreaterThan(droppedBefore);
        System.out.printf("the slow page was dropped after %d changes%n", changes);

        // The fast page has every change so far...
        long now = state(code).path("seq").asLong();
        await().atMost(Duration.ofMinutes(1)).until(() -> fast.maxSeq.get() >= now);

        // ...and each new one arrives within a second of being asked for.
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long before = state(code).path("seq").asLong();
            long sent = System.nanoTime();
            Reply seat = post("/api/auctions/" + code + "/seats", "{\"franchise\":\"MI\"}", null);
            await().atMost(Duration.ofMinutes(1)).until(() -> fast.maxSeq.get() > before);
            long arrived = fast.arrivals.entrySet().stream()
                    .filter(e -> e.getKey() > before)
                    .mapToLong(Map.Entry::getValue)
                    .min()
                    .orElseThrow();
            latencies.add((arrived - sent) / 1_000_000);
            delete(
                    "/api/auctions/" + code + "/seats/MI",
                    seat.body().path("seatToken").asString());
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(
                "update latency to the page still reading, from request to arrival (ms): %s; median %d%n",
                latencies, sorted.get(sorted.size() / 2));
        // Stated requirement: within 1 s. The median must meet it; a single outlier on a loaded machine gets 5 s.
        assertThat(sorted.get(sorted.size() / 2)).isLessThan(1_000);
        assertThat(sorted.getLast()).isLessThan(5_000);

        // The slow page's stream was closed: once it reads again it reaches the end (and its script reconnects).
        slow.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
        InputStream in = slow.getInputStream();
        byte[] last = new byte[5];
        byte[] end = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int b = in.read(); b >= 0 && !java.util.Arrays.equals(last, end); b = in.read()) {
            // drain what was sent before the drop, up to the chunked body's end (the connection may stay open)
            System.arraycopy(last, 1, last, 0, 4);
            last[4] = (byte) b;
        }
        // Reconnecting catches up: the first view is the auction as it is now.
        Follower again = follow(code);
        long current = state(code).path("seq").asLong();
        await().atMost(Duration.ofMinutes(1)).until(() -> again.maxSeq.get() >= current);

        // Two pages follow the auction; with the third the cap of 3 is reached and a fourth is refused.
        follow(code);
        await().atMost(Duration.ofMinutes(1)).until(() -> liveUpdates.subscribers(code) == 3);
        HttpResponse<String> fourth = http.send(
                HttpRequest.newBuilder(uri("/auctions/" + code + "/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fourth.statusCode()).isEqualTo(503);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
    }

    /** A page following an auction's stream: when each {@code seq} first arrived. */
    private static final class Follower {
        final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicLong maxSeq = new AtomicLong(-1);

        void line(String line) {
            if (line.startsWith("data:")) {
                long seq = JSON.readTree(line.substring(5)).path("seq").asLong();
                arrivals.putIfAbsent(seq, System.nanoTime());
                maxSeq.accumulateAndGet(seq, Math::max);
            }
        }
    }

    private Follower follow(String code) {
        Follower follower = new Follower();
        var response = http.sendAsync(
                HttpRequest.newBuilder(uri("/auctions/" + code + "/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (Stream<String> lines = response.join().body()) {
                lines.forEach(follower::line);
            } catch (RuntimeException e) {
                // closed at the end of the test
            }
        });
        open.add(() -> {
            response.thenAccept(r -> r.body().close());
            reader.interrupt();
        });
        return follower;
    }

    // ---- HTTP ----

    /** Creates an auction, waiting out this address's creation rate if an earlier test used it up. */
    private Reply create(String body) throws Exception {
        while (true) {
            Reply reply = post("/api/auctions", body, null);
            if (reply.status() != 429) {
                assertThat(reply.status()).isEqualTo(201);
                return reply;
            }
            long seconds = Long.parseLong(
                    reply.response().headers().firstValue("Retry-After").orElseThrow());
            Thread.sleep(seconds * 1000);
        }
    }

    private long live() throws Exception {
        JsonNode list = get("/api/auctions");
        long count = 0;
        for (JsonNode auction : list) {
            if (!"COMPLETED".equals(auction.path("phase").asString())) {
                count++;
            }
        }
        return count;
    }

    private JsonNode state(String code) throws Exception {
        return get("/api/auctions/" + code);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private Reply post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), response, json);
    }

    private int delete(String path, String token) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Authorization", "Bearer " + token)
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
