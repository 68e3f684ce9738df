package dev.iplauction.reports.replay;

import dev.iplauction.contracts.AuctionCode;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.reports.render.ReportFiles;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The replay from the command line, without starting the service:
 *
 * <pre>
 * java -jar report-service-*-exec.jar --replay=ABCD12 [--from=2026-11-25T10:00:00Z]
 *      [--bootstrap-servers=localhost:9092] [--reports-dir=reports]
 * </pre>
 *
 * It reads the auction from its topics, writes its report and timeline to {@code <reports-dir>/<CODE>/replay/}
 * ({@code report.json}, {@code report.md}, {@code report.html}, {@code timeline.json}) and prints what it did and how
 * fast. Exit status: 0 done, 2 bad arguments, 3 no events for that auction, 1 Kafka could not be read.
 */
public final class ReplayCommand {

    private ReplayCommand() {}

    /** Whether the arguments ask for a replay rather than the service. */
    public static boolean wanted(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--replay=") || arg.equals("--replay")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reader's settings, as the service builds them: Boot's {@code spring.kafka.*} from the environment
     * ({@code SPRING_KAFKA_SECURITY_PROTOCOL}, {@code SPRING_KAFKA_SSL_TRUSTSTORELOCATION},
     * {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM}, ...), the servers from {@code --bootstrap-servers}, else
     * {@code KAFKA_BOOTSTRAP_SERVERS} (as the service's application.yml), else Boot's own.
     */
    static Map<String, Object> consumerConfig(Map<String, String> env, String bootstrapOption) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        // Named as Boot names the process environment, so SPRING_KAFKA_CLIENTID binds as spring.kafka.client-id.
        var source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, (Map) env);
        KafkaProperties kafka = new Binder(ConfigurationPropertySources.from(source))
                .bind("spring.kafka", KafkaProperties.class)
                .orElseGet(KafkaProperties::new);
        String servers = bootstrapOption != null ? bootstrapOption : env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (servers != null && !servers.isBlank()) {
            kafka.setBootstrapServers(List.of(servers.split(",")));
        }
        return kafka.buildConsumerProperties();
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                err.println("unknown argument '" + arg + "'; use --replay=CODE [--from=ISO-8601 time]"
                        + " [--bootstrap-servers=host:port] [--reports-dir=DIR]");
                return 2;
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!Map.of("replay", 1, "from", 1, "bootstrap-servers", 1, "reports-dir", 1)
                    .containsKey(name)) {
                err.println("unknown option --" + name + "; use --replay, --from, --bootstrap-servers, --reports-dir");
                return 2;
            }
            options.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        String code;
        Instant from;
        try {
            code = AuctionCode.normalise(options.get("replay"));
            from = options.containsKey("from") ? Instant.parse(options.get("from")) : null;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(
                    e instanceof DateTimeParseException
                            ? "--from must be an ISO-8601 instant such as 2026-11-25T10:00:00Z; got '"
                                    + options.get("from") + "'"
                            : e.getMessage());
            return 2;
        }
        Map<String, Object> consumer = consumerConfig(env, options.get("bootstrap-servers"));
        String bootstrap = consumer.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) instanceof List<?> servers
                ? String.join(",", servers.stream().map(String::valueOf).toList())
                : String.valueOf(consumer.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        Path dir = Path.of(options.getOrDefault("reports-dir", env.getOrDefault("REPORTS_DIR", "reports")));

        ReplayService.Replay replay;
        try {
            replay = new ReplayService(consumer, Duration.ofMinutes(2)).replay(code, from);
        } catch (RuntimeException e) {
            err.println("could not read the auction's topics from " + bootstrap + ": " + e.getMessage());
            return 1;
        }
        if (!replay.found()) {
            err.println("no events for auction " + code + (from == null ? "" : " from " + from) + " on " + bootstrap);
            return 3;
        }
        Path written = ReportFiles.writeTo(dir.resolve(code).resolve("replay"), replay.report());
        try {
            Files.writeString(
                    written.resolve("timeline.json"),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(replay.timeline()),
                    StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            err.println("could not write the timeline to " + written + ": " + e.getMessage());
            return 1;
        }
        out.printf(
                Locale.ROOT,
                "replayed %s: %d events (%d lots) from %d records in %.1f ms read + %.1f ms built = %.0f events/s;"
                        + " %d unreadable skipped%n",
                code,
                replay.events().size(),
                replay.timeline().lots().size(),
                replay.recordsScanned(),
                replay.readNanos() / 1e6,
                replay.buildNanos() / 1e6,
                replay.eventsPerSecond(),
                replay.unreadable());
        out.println("report and timeline in " + written.toAbsolutePath());
        return 0;
    }
}
