package dev.iplauction.auction.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.house.EventLogUnavailable;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;

/** The transactional writer against a real broker: oversized input never reaches Kafka, nothing out of step lands. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auction.tick=5ms"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EventLogIT {

    @LocalServerPort
    int port;

    @Autowired
    AuctionEventLog eventLog;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAuctionWithAOneMegabyteNameIsRefusedBeforeKafkaAndLeavesNoAuction() throws Exception {
        String name = "x".repeat(1024 * 1024);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auctions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"catalogue\":\"quick\",\"name\":\"" + name + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // 413 from the writer's size check, or 400 if a request limit catches it first; never a 5xx.
        assertThat(response.statusCode()).isIn(400, 413);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(response.body())
                        .path("reason")
                        .asString())
                .isNotBlank();
        HttpResponse<String> list = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auctions"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).doesNotContain("xxxxxxxxxx");
        assertThat(eventLog.readAll().values().stream().flatMap(List::stream))
                .noneMatch(e -> e instanceof AuctionEvent.AuctionCreated c
                        && c.setup().name().length() > 1000);
    }

    @Test
    void anAppendThatDoesNotFollowTheLastLoggedChangeNeverLands() throws Exception {
        eventLog.readAll();
        Instant now = Instant.now();
        // No auction ZZZZ99 exists: its first change must be number 1, so number 7 is refused.
        var outOfStep = List.<AuctionEvent>of(new AuctionEvent.AuctionPaused("ZZZZ99", 7, now));
        assertThatThrownBy(() -> eventLog.append("ZZZZ99", outOfStep).get(1, TimeUnit.MINUTES))
                .hasCauseInstanceOf(EventLogUnavailable.class)
                .hasMessageContaining("out of step");
        assertThat(eventLog.readAll()).doesNotContainKey("ZZZZ99");
    }

    @Test
    void appendsGatheredIntoTransactionsLandOnceInOrderAndBeforeTheReadQueuedAfterThem() throws Exception {
        eventLog.readAll();
        List<String> codes =
                IntStream.range(0, 40).mapToObj(i -> "GATH%02d".formatted(i)).toList();
        for (long seq = 1; seq <= 3; seq++) {
            Instant now = Instant.now();
            List<CompletableFuture<Void>> written = new ArrayList<>();
            for (String code : codes) {
                written.add(eventLog.append(code, List.of(new AuctionEvent.AuctionPaused(code, seq, now))));
            }
            // Queued behind every append of this round: it must see them all, whatever transactions they went in.
            Map<String, List<AuctionEvent>> read = eventLog.readAll();
            for (CompletableFuture<Void> w : written) {
                w.get(1, TimeUnit.MINUTES);
            }
            for (String code : codes) {
                assertThat(read.get(code))
                        .extracting(AuctionEvent::seq)
                        .containsExactlyElementsOf(
                                LongStream.rangeClosed(1, seq).boxed().toList());
            }
        }
    }
}
