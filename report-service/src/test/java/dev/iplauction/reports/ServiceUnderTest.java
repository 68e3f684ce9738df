package dev.iplauction.reports;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.reports.SampleAuction.Published;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The report service started in-process on a broker, the way another module's end-to-end test can start it too:
 * {@code new SpringApplicationBuilder(ReportServiceApplication.class).run("--spring.kafka.bootstrap-servers=…",
 * "--server.port=0", "--reports.dir=…", "--reports.state-dir=…")}; plus what the tests use to talk to it.
 */
public final class ServiceUnderTest implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The operator token the service under test is given (OPERATOR_TOKEN). */
    public static final String OPERATOR_TOKEN = "operator-token-for-report-tests";

    private final ConfigurableApplicationContext context;
    private final String base;

    public ServiceUnderTest(String bootstrapServers, Path reports, Path state, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--server.port=0",
                "--reports.dir=" + reports,
                "--reports.state-dir=" + state,
                "--reports.application-id=report-it",
                "--reports.settle=500ms",
                "--operator.token=" + OPERATOR_TOKEN,
                "--spring.main.banner-mode=off"));
        for (String arg : more) {
            String name = arg.substring(0, arg.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(name)); // a later value would be joined to the default, not replace it
            args.add(arg);
        }
        context = new SpringApplicationBuilder(ReportServiceApplication.class).run(args.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public record Response(int status, String contentType, String body) {}

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A POST as the operator (with the operator token). */
    public Response post(String path) {
        return post(path, OPERATOR_TOKEN);
    }

    /** A POST with this bearer token; null: without one. */
    public Response post(String path, String token) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** Sends the events as their producers would: each to its topic, keyed as the catalogue says, and waits. */
    public static void publish(String bootstrapServers, List<Published> events) {
        try (var producer = producer(bootstrapServers)) {
            for (Published p : events) {
                byte[] value =
                        EventJson.mapper().writerFor(p.source().eventType()).writeValueAsBytes(p.event());
                producer.send(new ProducerRecord<>(p.source().topicName(), p.key(), value));
            }
            producer.flush();
        }
    }

    public static void publishRaw(String bootstrapServers, String topic, String key, byte[] value) {
        try (var producer = producer(bootstrapServers)) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    /**
     * One request in flight: the first records to a topic the broker is still creating fail and are retried, and with
     * several in flight a later batch can land first, which leaves the retried one failing OutOfOrderSequence until
     * the delivery timeout (2 min) ends it (KAFKA-14359). Seen as a 2-minute stall of SpringKafkaSettingsIT in CI.
     */
    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
