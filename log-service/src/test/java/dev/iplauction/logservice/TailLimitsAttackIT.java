package dev.iplauction.logservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.contracts.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Issue 13's attack on the live tail, against the real service and broker: opening tails without end. Only so many are
 * served at once, the next is refused with a problem, and every tail ends by itself, freeing its place.
 */
class TailLimitsAttackIT {

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;
    private static String base;
    private static final HttpClient http = HttpClient.newHttpClient();
    /** The tail is an operator surface: the limits hold for whoever holds the token, too. */
    private static final String OPERATOR_TOKEN = "operator-token-for-tail-limits";

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        service = new SpringApplicationBuilder(LogServiceApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--server.port=0",
                        "--logs.directory=" + dir,
                        "--logs.tail-max-subscribers=2",
                        "--logs.tail-timeout=5s",
                        "--operator.token=" + OPERATOR_TOKEN,
                        "--spring.main.banner-mode=off");
        base = "http://127.0.0.1:"
                + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        service.close();
        broker.destroy();
    }

    /** An open tail: its status, and whether the server has ended it. */
    record Tail(int status, AtomicBoolean ended) {}

    private static Tail tail() {
        HttpResponse<Stream<String>> response = http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/api/logs/tail"))
                                .header("Accept", "text/event-stream")
                                .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .join();
        AtomicBoolean ended = new AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> {});
            } catch (RuntimeException e) {
                // reset by the server: ended all the same
            }
            ended.set(true);
        });
        return new Tail(response.statusCode(), ended);
    }

    @Test
    void tailsBeyondTheCapAreRefusedAndEveryTailEndsByItself() throws Exception {
        Tail first = tail();
        Tail second = tail();
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);

        HttpResponse<String> third = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/logs/tail"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(EventJson.mapper().readTree(third.body()).path("reason").asString())
                .isEqualTo("too-many-tails");

        // Nobody closes them: the server ends both after logs.tail-timeout, and their places are free again.
        await().atMost(Duration.ofMinutes(2))
                .until(() -> first.ended().get() && second.ended().get());
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            Tail again = tail();
            assertThat(again.status()).isEqualTo(200);
        });
    }
}
