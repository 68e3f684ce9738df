package dev.iplauction.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.auction.AuctionEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Kafka is the truth, whatever Kafka does: eight clients bid into four auctions while the broker (its own process) is
 * paused for 10 s, later killed and restarted, and the auction house (its own process) is killed -9 and restarted.
 * Afterwards every bid answered 2xx is on the topic exactly once and in the rebuilt state, no bid refused is
 * anywhere, a bid whose answer was lost is there at most once, and the auctions run to the end with valid squads.
 */
class ChaosIT {

    private static final String TOPIC = Topics.AUCTION_EVENTS.topicName();
    private static final String[][] FRANCHISES = {{"CSK", "MI"}, {"RCB", "KKR"}, {"SRH", "DC"}, {"RR", "PBKS"}};
    private static final Duration LONG = Duration.ofMinutes(4);
    /** A replay is an operator's call: report-service takes this token for it. */
    private static final String OPERATOR_TOKEN = "operator-token-for-the-chaos-test";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final AtomicReference<URI> houseUrl = new AtomicReference<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

    /** One bid sent: what, and how it was answered (status 0: no answer). */
    record Attempt(String code, String franchise, int lot, int amount, int status, long seq) {
        String key() {
            return code + "/" + lot + "/" + franchise + "/" + amount;
        }

        boolean accepted() {
            return status / 100 == 2;
        }

        /** Cut off, or the house could not say yet: it may or may not have happened. */
        boolean unanswered() {
            return status == 0 || status == 504;
        }
    }

    record Seat(String code, String franchise, String token) {}

    @Test
    void acceptedBidsSurviveAPausedKilledBrokerAndAKilledHouse() throws Exception {
        Path work = Path.of("target", "chaos", String.valueOf(System.nanoTime()));
        try (KafkaProcess kafka = new KafkaProcess(work.resolve("kafka-data"), work)) {
            kafka.start();
            AuctionHouseProcess.Builder houseBuilder = AuctionHouseProcess.builder(kafka.bootstrapServers())
                    .name("chaos-house")
                    .env("AUCTION_WRITE_TIMEOUT", "3s")
                    .env("AUCTION_OUTCOME_TIMEOUT", "90s")
                    .env("AUCTION_KAFKA_READ_TIMEOUT", "60s");
            AuctionHouseProcess house = houseBuilder.start();
            // report-service through the same storm: its report must still equal a replay of the topics.
            AuctionHouseProcess reports = AuctionHouseProcess.builder(kafka.bootstrapServers())
                    .jar("report-service.jar")
                    .name("chaos-reports")
                    .env("REPORTS_DIR", work.resolve("reports").toAbsolutePath().toString())
                    .env(
                            "REPORTS_STATE_DIR",
                            work.resolve("report-state").toAbsolutePath().toString())
                    .env("REPORTS_AUCTION_PARTITIONS", "1")
                    .env("OPERATOR_TOKEN", OPERATOR_TOKEN)
                    .start();
            try {
                houseUrl.set(house.baseUrl());
                List<Seat> seats = setUp(house);
                List<Thread> clients = new ArrayList<>();
                for (Seat seat : seats) {
                    clients.add(Thread.ofPlatform()
                            .name("client-" + seat.franchise())
                            .start(() -> bidLoop(seat)));
                }

                awaitMoreAccepted(20);
                kafka.pause();
                Thread.sleep(10_000); // the outage itself, not a wait for something to happen
                kafka.resume();
                awaitMoreAccepted(15);

                kafka.kill();
                kafka.start();
                awaitMoreAccepted(15);

                AuctionHouseProcess killed = house;
                ProcessHandle.of(killed.pid()).ifPresent(ProcessHandle::destroyForcibly);
                await().atMost(Duration.ofMinutes(1)).until(() -> !killed.isAlive());
                house.close();
                house = houseBuilder.start();
                houseUrl.set(house.baseUrl());
                awaitMoreAccepted(10);

                AuctionHouseProcess finalHouse = house;
                await().atMost(LONG)
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> seats.stream()
                                .map(Seat::code)
                                .distinct()
                                .allMatch(code -> "COMPLETED"
                                        .equals(finalHouse
                                                .state(code)
                                                .path("phase")
                                                .asString())));
                stop.set(true);
                for (Thread client : clients) {
                    client.join(Duration.ofMinutes(2));
                }
                check(finalHouse, kafka.bootstrapServers(), seats);
                checkReports(reports, work.resolve("reports"), seats);
            } finally {
                stop.set(true);
                house.close();
                reports.close();
            }
        }
    }

    private List<Seat> setUp(AuctionHouseProcess house) throws Exception {
        // 20 players of the quick catalogue: long enough to outlast the chaos, short enough to finish in minutes.
        var probe = house.createAuction("{\"catalogue\":\"quick\",\"seed\":1}");
        List<String> ids = new ArrayList<>();
        for (JsonNode player : house.pool(probe.code())) {
            if (ids.size() < 20) {
                ids.add("\"" + player.path("id").asString() + "\"");
            }
        }
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var auction = house.createAuction("{\"catalogue\":\"quick\",\"retentions\":false,\"rtmCards\":0,"
                    + "\"purseLakh\":100000,\"playerIds\":" + ids + ",\"seed\":" + (i + 1)
                    + ",\"bidWindowMillis\":1500,\"acceleratedWindowMillis\":1000,\"rtmWindowMillis\":1000}");
            for (String franchise : FRANCHISES[i]) {
                JsonNode seat = post(
                        house.baseUrl(),
                        "/api/auctions/" + auction.code() + "/seats",
                        "{\"franchise\":\"" + franchise + "\"}",
                        null);
                seats.add(new Seat(
                        auction.code(), franchise, seat.path("seatToken").asString()));
            }
            house.start(auction);
        }
        return seats;
    }

    /** A client: reads the auction, bids the next valid amount a few times per lot, records every answer. */
    private void bidLoop(Seat seat) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<Integer, Integer> bidsOnLot = new HashMap<>();
        Map<Integer, Integer> limitOnLot = new HashMap<>();
        while (!stop.get()) {
            URI base = houseUrl.get();
            try {
                JsonNode state = get(base, "/api/auctions/" + seat.code());
                if (state == null) {
                    Thread.sleep(200);
                    continue;
                }
                if ("COMPLETED".equals(state.path("phase").asString())) {
                    return;
                }
                JsonNode lot = state.path("lot");
                if (lot.isObject()
                        && !seat.franchise().equals(lot.path("highestBidder").asString(""))) {
                    int number = lot.path("number").asInt();
                    int limit = limitOnLot.computeIfAbsent(number, n -> 1 + random.nextInt(3));
                    if (bidsOnLot.getOrDefault(number, 0) < limit) {
                        bidsOnLot.merge(number, 1, Integer::sum);
                        bid(base, seat, number, lot.path("nextBid").asInt());
                    }
                }
                Thread.sleep(40 + random.nextInt(80));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void bid(URI base, Seat seat, int lot, int amount) throws InterruptedException {
        String body = "{\"franchise\":\"" + seat.franchise() + "\",\"lot\":" + lot + ",\"amount\":" + amount + "}";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/auctions/" + seat.code() + "/bids"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + seat.token())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status;
        long seq = -1;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status == 200) {
                seq = EventJson.mapper().readTree(response.body()).path("seq").asLong();
            }
        } catch (IOException e) {
            status = 0;
        }
        attempts.add(new Attempt(seat.code(), seat.franchise(), lot, amount, status, seq));
    }

    private void awaitMoreAccepted(int more) {
        long target = accepted() + more;
        await().atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> accepted() >= target);
    }

    private long accepted() {
        return attempts.stream().filter(Attempt::accepted).count();
    }

    private void check(AuctionHouseProcess house, String bootstrap, List<Seat> seats) {
        List<AuctionEvent> topic = readCommitted(bootstrap);
        Map<String, Long> onTopic = new HashMap<>();
        Map<String, Long> bySeq = new HashMap<>();
        for (AuctionEvent event : topic) {
            if (event instanceof AuctionEvent.BidAccepted bid) {
                onTopic.merge(
                        bid.auctionCode() + "/" + bid.lot() + "/"
                                + bid.franchise().code() + "/" + bid.amount().value(),
                        1L,
                        Long::sum);
                bySeq.merge(bid.auctionCode() + "#" + bid.seq(), 1L, Long::sum);
            }
        }
        Map<String, List<Attempt>> byKey = new HashMap<>();
        attempts.forEach(
                a -> byKey.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));

        long accepted = 0, refused503 = 0, refusedOther = 0, unanswered = 0, lost = 0, duplicated = 0;
        long refusedButPresent = 0, unansweredPresent = 0;
        List<String> problems = new ArrayList<>();
        for (var entry : byKey.entrySet()) {
            List<Attempt> sent = entry.getValue();
            long a = sent.stream().filter(Attempt::accepted).count();
            long u = sent.stream().filter(Attempt::unanswered).count();
            long t = onTopic.getOrDefault(entry.getKey(), 0L);
            accepted += a;
            unanswered += u;
            refused503 += sent.stream().filter(x -> x.status() == 503).count();
            refusedOther += sent.stream()
                    .filter(x -> !x.accepted() && !x.unanswered() && x.status() != 503)
                    .count();
            if (t < a) {
                lost += a - t;
                problems.add("lost: " + entry.getKey() + " " + sent);
            }
            if (t > 1) {
                duplicated += t - 1;
                problems.add("duplicated: " + entry.getKey() + " x" + t);
            }
            if (t > a + u) {
                refusedButPresent += t - a - u;
                problems.add("refused but on the topic: " + entry.getKey() + " " + sent);
            }
            if (t > a) {
                unansweredPresent += t - a;
            }
        }
        for (Attempt attempt : attempts) {
            if (attempt.accepted() && bySeq.getOrDefault(attempt.code() + "#" + attempt.seq(), 0L) != 1) {
                problems.add("accepted bid not on the topic at its seq: " + attempt);
            }
        }
        System.out.printf(
                "ChaosIT: %d bids sent; accepted %d, refused with 503 %d, refused otherwise %d, unanswered %d"
                        + " (of which on the topic %d), lost %d, duplicated %d, refused but on the topic %d%n",
                attempts.size(),
                accepted,
                refused503,
                refusedOther,
                unanswered,
                unansweredPresent,
                lost,
                duplicated,
                refusedButPresent);
        assertThat(problems).isEmpty();
        assertThat(accepted).isPositive();

        // The rebuilt house holds exactly what the topic holds, and the squads keep the rules.
        for (String code : seats.stream().map(Seat::code).distinct().toList()) {
            JsonNode state = house.state(code);
            long lastSeq = topic.stream()
                    .filter(e -> e.auctionCode().equals(code))
                    .mapToLong(AuctionEvent::seq)
                    .max()
                    .orElseThrow();
            assertThat(state.path("seq").asLong()).as("seq of %s", code).isEqualTo(lastSeq);
            List<String> soldOnTopic = topic.stream()
                    .filter(e -> e.auctionCode().equals(code))
                    .filter(AuctionEvent.LotSold.class::isInstance)
                    .map(e -> (AuctionEvent.LotSold) e)
                    .map(s -> s.lot() + ":" + s.franchise().code() + ":"
                            + s.price().value())
                    .sorted()
                    .toList();
            JsonNode results = get(house.baseUrl(), "/api/auctions/" + code + "/results");
            List<String> soldInHouse = StreamSupport.stream(results.spliterator(), false)
                    .filter(r -> !r.path("soldTo").isNull()
                            && !r.path("soldTo").asString("").isEmpty())
                    .map(r -> r.path("lot").asInt() + ":" + r.path("soldTo").asString() + ":"
                            + r.path("price").asInt())
                    .sorted()
                    .toList();
            assertThat(soldInHouse).as("sold lots of %s", code).isEqualTo(soldOnTopic);
            // Every sold lot went for the last bid accepted on it.
            JsonNode rules = state.path("rules");
            int squads = 0;
            for (JsonNode franchise : state.path("franchises")) {
                squads += franchise.path("squadSize").asInt();
                assertThat(franchise.path("squadSize").asInt())
                        .isLessThanOrEqualTo(rules.path("maxSquad").asInt());
                assertThat(franchise.path("overseasCount").asInt())
                        .isLessThanOrEqualTo(rules.path("maxOverseas").asInt());
                assertThat(franchise.path("purse").asInt()).isNotNegative();
            }
            assertThat(squads).as("players in squads of %s", code).isEqualTo(soldOnTopic.size());
        }
    }

    /** Every auction's report, made live through the storm, equals a replay of the topics, byte for byte. */
    private void checkReports(AuctionHouseProcess reports, Path dir, List<Seat> seats) {
        for (String code : seats.stream().map(Seat::code).distinct().toList()) {
            Path live = dir.resolve(code).resolve("report.json");
            Path replayed = dir.resolve(code).resolve("replay").resolve("report.json");
            await().atMost(LONG).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                assertThat(live).exists();
                JsonNode summary = post(reports.baseUrl(), "/api/replay/" + code, "", OPERATOR_TOKEN);
                assertThat(summary.path("events").asInt()).isPositive();
                assertThat(Files.readString(replayed)).as("replay of %s", code).isEqualTo(Files.readString(live));
            });
        }
        System.out.printf("ChaosIT: the reports of %d auctions equal their replays%n", 4);
    }

    private static List<AuctionEvent> readCommitted(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofMinutes(1)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofMinutes(1));
            List<AuctionEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading the topic").isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(EventJson.mapper().readValue(r.value(), AuctionEvent.class));
                }
            }
            return events;
        }
    }

    private JsonNode get(URI base, String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? EventJson.mapper().readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonNode post(URI base, String path, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s", path, response.body()).isBetween(200, 299);
        return EventJson.mapper().readTree(response.body());
    }
}
