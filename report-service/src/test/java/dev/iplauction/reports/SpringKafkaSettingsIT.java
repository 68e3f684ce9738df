package dev.iplauction.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iplauction.kafkatest.ClientRecorder;
import dev.iplauction.kafkatest.ClientRecorder.Client;
import dev.iplauction.reports.replay.ReplayCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One setting given through Boot's {@code spring.kafka.*} reaches every kind of Kafka client the report service makes:
 * the admin that creates topics, Kafka Streams and its own producer and consumer, the replay reader (in the service
 * and on the command line, from SPRING_KAFKA_* variables), and the log appender that Logback starts before Spring.
 * The setting is a metrics reporter ({@link ClientRecorder}) that each client instantiates and that names the client;
 * so does a security protocol or a trust store, which go the same way (Boot's build*Properties).
 */
class SpringKafkaSettingsIT {

    private static EmbeddedKafkaKraftBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void aSettingGivenThroughSpringKafkaReachesEveryClientKind() {
        // Spring Boot sets logging up once per JVM while an earlier test's context lives on (Spring's test context
        // cache); start it afresh so the log appender is built from this test's settings, as in a service's own JVM.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        String bootstrap = broker.getBrokersAsString();
        try (var service = new ServiceUnderTest(
                bootstrap,
                dir.resolve("reports"),
                dir.resolve("state"),
                "--spring.kafka.properties.metric.reporters=" + ClientRecorder.class.getName())) {
            ServiceUnderTest.publish(bootstrap, SampleAuction.events("KAFK01"));
            assertThat(service.post("/api/replay/KAFK01").status()).isEqualTo(200);

            await().atMost(Duration.ofMinutes(2))
                    .untilAsserted(() -> assertThat(ClientRecorder.seen())
                            .anyMatch(client("kafka.admin.client", id -> true))
                            .anyMatch(client("kafka.streams", id -> true))
                            .anyMatch(client("kafka.producer", id -> id.contains("StreamThread")))
                            .anyMatch(client("kafka.consumer", id -> id.contains("StreamThread")))
                            .anyMatch(client("kafka.consumer", "report-replay"::equals))
                            .anyMatch(client("kafka.producer", "log-appender-report-service"::equals)));
        }

        // The command-line replay, without Spring's context: the same settings from the environment.
        var out = new ByteArrayOutputStream();
        int status = ReplayCommand.run(
                new String[] {"--replay=KAFK01", "--reports-dir=" + dir.resolve("cli")},
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        bootstrap,
                        "SPRING_KAFKA_CLIENT_ID",
                        "replay-cli",
                        "SPRING_KAFKA_PROPERTIES_METRIC_REPORTERS",
                        ClientRecorder.class.getName()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(ClientRecorder.seen()).anyMatch(client("kafka.consumer", "replay-cli"::equals));
    }

    private static Predicate<Client> client(String kind, Predicate<String> id) {
        return client -> kind.equals(client.kind()) && id.test(client.id());
    }
}
