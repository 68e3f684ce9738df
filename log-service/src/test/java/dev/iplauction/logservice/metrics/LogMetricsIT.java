package dev.iplauction.logservice.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.iplauction.contracts.Topics;
import dev.iplauction.logging.KafkaLogAppender;
import dev.iplauction.logservice.LogServiceApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code /actuator/prometheus} of a running log-service over real HTTP and a real broker: a line written and an
 * unreadable record dead-lettered move their counters, and the consumer's lag is published.
 */
class LogMetricsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void recordsAndDropsAreCountedAndTheLagIsPublished() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        LoggerContext services = new LoggerContext();
        KafkaLogAppender appender = new KafkaLogAppender();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(LogServiceApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--server.port=0",
                        "--logs.directory=" + dir,
                        "--logs.reorder-window=300ms",
                        "--spring.main.banner-mode=off")) {
            String base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) service).getWebServer().getPort();
            String first = scrape(base);
            assertThat(first).contains("logs_records_held", "logs_consumer_lag", "logs_records_total");

            services.setMDCAdapter(new LogbackMDCAdapter());
            appender.setContext(services);
            appender.setBootstrapServers(broker.getBrokersAsString());
            appender.setSource("auction-service");
            appender.setAcks("all");
            appender.start();
            services.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
            services.getLogger("metrics-test").info("a line for combined.log");
            try (var producer = new KafkaProducer<byte[], byte[]>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                    new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(
                                Topics.AGENT_LOGS.topicName(), "not json at all".getBytes(StandardCharsets.UTF_8)))
                        .get();
            }

            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                String now = scrape(base);
                assertThat(sample(now, "logs_records_total", "outcome=\"written\""))
                        .isGreaterThanOrEqualTo(1);
                assertThat(sample(now, "logs_records_total", "outcome=\"dead_lettered\""))
                        .isEqualTo(1);
                assertThat(sample(now, "logs_consumer_lag")).isZero();
            });
        } finally {
            appender.stop();
            broker.destroy();
        }
    }

    private String scrape(String base) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
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
}
