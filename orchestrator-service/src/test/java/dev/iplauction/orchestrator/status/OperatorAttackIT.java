package dev.iplauction.orchestrator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.orchestrator.testing.Orchestrator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An outsider against the orchestrator: the status API (container names and ids, process ids) answers 401 without the
 * operator token, which the service made itself in an owner-only file because none was set; health and the page stay
 * open.
 */
class OperatorAttackIT {

    @TempDir
    Path secrets;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStatusApiNeedsTheOperatorToken() throws Exception {
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        try (var orchestrator = Orchestrator.start(
                broker.getBrokersAsString(),
                "--orchestrator.auction-code=ATTK01",
                "--secrets.dir=" + secrets,
                "--orchestrator.runtime=docker",
                "--orchestrator.docker.host=unix:///nonexistent/docker.sock",
                "--orchestrator.teams=CSK",
                "--orchestrator.heartbeat-timeout=10m",
                "--orchestrator.startup-grace=10m")) {
            Path file = secrets.resolve("operator-token");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            String token = Files.readString(file).strip();
            String base = "http://localhost:" + orchestrator.port();

            for (String path :
                    new String[] {"/api/seats", "/api/seats/CSK", "/api/summary", "/api/units", "/actuator/metrics"}) {
                assertThat(status(base + path, null)).as(path).isEqualTo(401);
                assertThat(status(base + path, "a-guess-at-the-token")).as(path).isEqualTo(401);
            }
            assertThat(status(base + "/api/seats", token)).isEqualTo(200);
            assertThat(status(base + "/actuator/health", null)).isIn(200, 503);
            assertThat(status(base + "/", null)).isEqualTo(200);
        } finally {
            broker.destroy();
        }
    }

    private int status(String url, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
