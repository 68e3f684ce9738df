package dev.iplauction.bench;

import dev.iplauction.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** The few calls to the auction house's REST API that the benchmarks need. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String base;

    Http(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    record Reply(int status, JsonNode body) {}

    Reply post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank()
                ? EventJson.mapper().createObjectNode()
                : EventJson.mapper().readTree(response.body());
        return new Reply(response.statusCode(), body);
    }

    /** A running quick auction with two seats, CSK and MI, and purses deep enough for a long bidding war. */
    record Auction(String code, String host, String csk, String mi) {}

    Auction startBiddingWar(long windowMillis) throws IOException, InterruptedException {
        Reply created = post(
                "/api/auctions",
                "{\"catalogue\":\"quick\",\"purseLakh\":1000000,\"rtmCards\":0,\"bidWindowMillis\":" + windowMillis
                        + ",\"name\":\"Benchmark\"}",
                null);
        require(created, 201);
        String code = created.body().get("code").asString();
        String host = created.body().get("hostToken").asString();
        String csk = seat(code, "CSK");
        String mi = seat(code, "MI");
        require(post("/api/auctions/" + code + "/host/start", "", host), 204);
        return new Auction(code, host, csk, mi);
    }

    String seat(String code, String franchise) throws IOException, InterruptedException {
        Reply reply = post("/api/auctions/" + code + "/seats", "{\"franchise\":\"" + franchise + "\"}", null);
        require(reply, 200);
        return reply.body().get("seatToken").asString();
    }

    static void require(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException(
                    "expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
        }
    }
}
