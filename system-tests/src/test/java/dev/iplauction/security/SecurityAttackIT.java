package dev.iplauction.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iplauction.agent.seat.SeatTokens;
import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * An attacker on the same network against the real services (the auction house and log-service as their own
 * processes, on a real broker), as issue 13 found them: each attack is refused.
 *
 * <ul>
 *   <li>the host token the house made is in an owner-only file and nowhere in the logs: not through log-service's
 *       search, not in combined.log, and log-service answers nobody without the operator token;
 *   <li>a seat token computed from the old default seat secret takes, bids for and releases nothing;
 *   <li>the person's franchise is held behind the host's invitation: a stranger cannot take it; the host frees seats.
 * </ul>
 */
class SecurityAttackIT {

    private static final String CODE = "SAFE01";
    private static final String OPERATOR_TOKEN = "operator-token-for-the-attack-suite";
    private static final String OLD_DEFAULT_SECRET = "change-me-ipl-agents";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmbeddedKafkaKraftBroker broker;
    private static Path work;
    private static Path secrets;
    private static Path logs;
    private static AuctionHouseProcess house;
    private static AuctionHouseProcess logService;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        // The auction house writes in transactions: one broker must be enough for the transaction log.
        broker.brokerProperties(java.util.Map.of(
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        work = Files.createTempDirectory("attack");
        secrets = work.resolve("secrets");
        logs = work.resolve("logs");
        logService = AuctionHouseProcess.builder(broker.getBrokersAsString())
                .jar("log-service.jar")
                .name("attack-log-service")
                .env("LOGS_DIR", logs.toString())
                .env("OPERATOR_TOKEN", OPERATOR_TOKEN)
                .start();
        house = AuctionHouseProcess.builder(broker.getBrokersAsString())
                .name("attack-house")
                .env("AUCTION_CODE", CODE)
                .env("AUCTION_CATALOGUE", "quick")
                .env("HUMAN_FRANCHISE", "RCB")
                .env("SECRETS_DIR", secrets.toString())
                .start();
    }

    @AfterAll
    static void stop() {
        if (house != null) {
            house.close();
        }
        if (logService != null) {
            logService.close();
        }
        broker.destroy();
    }

    @Test
    void theHostTokenIsInAnOwnerOnlyFileAndNowhereInTheLogs() throws Exception {
        Path file = secrets.resolve("host-token-" + CODE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String hostToken = Files.readString(file).strip();
        assertThat(hostToken).hasSizeGreaterThanOrEqualTo(32);
        // It is the host's: it makes an invitation, which only the host may.
        assertThat(send(
                                "POST",
                                house,
                                "/api/auctions/" + CODE + "/host/invitations",
                                "{\"franchise\":\"PBKS\"}",
                                hostToken)
                        .statusCode())
                .isEqualTo(200);

        // Nobody reads the logs without the operator token.
        assertThat(send("GET", logService, "/api/logs?q=host%20token", null, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", logService, "/api/logs/tail", null, null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", logService, "/api/logs?q=host%20token", null, "not-the-operator-token")
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", logService, "/actuator/health", null, null).statusCode())
                .isEqualTo(200);

        // The marker: the line that once carried the token has reached the combined log.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> search("created from configuration").get("count").asInt() >= 1
                        && search("held for a person").get("count").asInt() >= 1);
        JsonNode hostLines = search("host token");
        assertThat(hostLines.get("count").asInt()).isPositive();
        assertThat(hostLines.toString()).doesNotContain(hostToken);
        assertThat(search(hostToken).get("count").asInt()).isZero();
        String invitation =
                Files.readString(secrets.resolve("invitation-" + CODE + "-RCB")).strip();
        assertThat(search(invitation).get("count").asInt()).isZero();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(f);
                assertThat(content).as(f.toString()).doesNotContain(hostToken).doesNotContain(invitation);
            }
        }
        assertThat(Files.readString(house.logFile())).doesNotContain(hostToken).doesNotContain(invitation);
    }

    @Test
    void aSeatTokenComputedFromTheOldDefaultSecretIsRefused() throws Exception {
        Path file = secrets.resolve("seat-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String secret = Files.readString(file).strip();
        assertThat(secret).isNotEqualTo(OLD_DEFAULT_SECRET).hasSizeGreaterThanOrEqualTo(16);

        // The agent takes CSK the way agent-service does: with the token computed from the shared secret.
        String agentToken = new SeatTokens(secret).tokenFor(CODE, Franchise.CSK);
        assertThat(send("POST", house, "/api/auctions/" + CODE + "/seats", "{\"franchise\":\"CSK\"}", agentToken)
                        .statusCode())
                .isEqualTo(200);

        String forged = new SeatTokens(OLD_DEFAULT_SECRET).tokenFor(CODE, Franchise.CSK);
        assertReason(
                send("POST", house, "/api/auctions/" + CODE + "/seats", "{\"franchise\":\"CSK\"}", forged),
                409,
                "seat-taken");
        assertReason(
                send(
                        "POST",
                        house,
                        "/api/auctions/" + CODE + "/bids",
                        "{\"franchise\":\"CSK\",\"lot\":1,\"amount\":200}",
                        forged),
                403,
                "not-your-seat");
        assertReason(
                send(
                        "POST",
                        house,
                        "/api/auctions/" + CODE + "/rtm",
                        "{\"franchise\":\"CSK\",\"action\":\"MATCH\"}",
                        forged),
                403,
                "not-your-seat");
        assertReason(send("DELETE", house, "/api/auctions/" + CODE + "/seats/CSK", null, forged), 403, "not-your-seat");
        JsonNode csk = franchise("CSK");
        assertThat(csk.get("seatTaken").asBoolean()).isTrue();
    }

    @Test
    void aHouseGivenThePublishedDefaultSeatSecretRefusesToStart() {
        assertThatThrownBy(() -> AuctionHouseProcess.builder(broker.getBrokersAsString())
                        .name("attack-house-default-secret")
                        .env("AGENT_SEAT_SECRET", OLD_DEFAULT_SECRET)
                        .env("SECRETS_DIR", work.resolve("other-secrets").toString())
                        .start()
                        .close())
                .isInstanceOf(IllegalStateException.class);
        try (Stream<Path> files = Files.list(Path.of("target", "auction-house"))) {
            String log = files.filter(f -> f.getFileName().toString().startsWith("attack-house-default-secret"))
                    .map(SecurityAttackIT::read)
                    .reduce("", String::concat);
            assertThat(log).contains("AGENT_SEAT_SECRET");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theReservedSeatIsTheInviteesAndTheHostCanFreeASeat() throws Exception {
        String hostToken =
                Files.readString(secrets.resolve("host-token-" + CODE)).strip();
        // A stranger, with or without a token of their own choosing, cannot take RCB.
        assertReason(
                send("POST", house, "/api/auctions/" + CODE + "/seats", "{\"franchise\":\"RCB\"}", null),
                409,
                "seat-taken");
        assertReason(
                send(
                        "POST",
                        house,
                        "/api/auctions/" + CODE + "/seats",
                        "{\"franchise\":\"RCB\"}",
                        "a-token-i-chose-myself-1234"),
                409,
                "seat-taken");
        // Through the lobby's own form too, with the page's form token.
        String lobby = send("GET", house, "/auctions/" + CODE, null, null).body();
        var formToken = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(lobby);
        assertThat(formToken.find()).isTrue();
        HttpResponse<String> form = send(
                "POST",
                house,
                "/auctions/" + CODE + "/seats",
                "franchise=RCB&_csrf=" + formToken.group(1),
                null,
                "application/x-www-form-urlencoded");
        assertThat(form.statusCode()).isEqualTo(409);

        // The invitee takes it with the invitation the host holds.
        String invitation =
                Files.readString(secrets.resolve("invitation-" + CODE + "-RCB")).strip();
        HttpResponse<String> taken =
                send("POST", house, "/api/auctions/" + CODE + "/seats", "{\"franchise\":\"RCB\"}", invitation);
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(taken.body()).get("seatToken").asString())
                .isEqualTo(invitation);

        // A stranger squats on MI; only the host can free it, and then it is free.
        String squatter = EventJson.mapper()
                .readTree(send("POST", house, "/api/auctions/" + CODE + "/seats", "{\"franchise\":\"MI\"}", null)
                        .body())
                .get("seatToken")
                .asString();
        assertReason(
                send("DELETE", house, "/api/auctions/" + CODE + "/host/seats/MI", null, squatter), 403, "not-host");
        assertThat(send("DELETE", house, "/api/auctions/" + CODE + "/host/seats/MI", null, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("DELETE", house, "/api/auctions/" + CODE + "/host/seats/MI", null, hostToken)
                        .statusCode())
                .isEqualTo(204);
        assertThat(franchise("MI").get("seatTaken").asBoolean()).isFalse();
    }

    // ---- helpers ----

    private static JsonNode search(String q) throws Exception {
        HttpResponse<String> r = send(
                "GET", logService, "/api/logs?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, OPERATOR_TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return EventJson.mapper().readTree(r.body());
    }

    private static JsonNode franchise(String code) throws Exception {
        JsonNode state = EventJson.mapper()
                .readTree(
                        send("GET", house, "/api/auctions/" + CODE, null, null).body());
        for (JsonNode f : state.get("franchises")) {
            if (code.equals(f.get("code").asString())) {
                return f;
            }
        }
        throw new AssertionError("no franchise " + code + " in " + state);
    }

    private static void assertReason(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(EventJson.mapper().readTree(response.body()).get("reason").asString())
                .isEqualTo(reason);
    }

    private static HttpResponse<String> send(
            String method, AuctionHouseProcess service, String path, String body, String token) throws Exception {
        return send(method, service, path, body, token, "application/json");
    }

    private static HttpResponse<String> send(
            String method, AuctionHouseProcess service, String path, String body, String token, String type)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
