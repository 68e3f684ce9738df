package dev.iplauction.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The observability profile's files against the code: the Grafana dashboard parses, every query in it names a series
 * listed in observability/meters.txt, every listed meter is registered by its service's code under that name, and
 * Prometheus scrapes every service.
 */
class ObservabilityFilesTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path OBSERVABILITY = ROOT.resolve("observability");
    /** PromQL words that look like series names (functions and aggregations with an underscore in them). */
    private static final Set<String> PROMQL =
            Set.of("histogram_quantile", "label_replace", "label_join", "count_values");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

    record Meter(String series, String micrometerName, String service) {}

    @Test
    void everyDashboardQueryNamesAnExportedMeter() throws IOException {
        Map<String, Meter> meters = meters();
        JsonNode dashboard = JsonMapper.shared().readTree(dashboardFile().toFile());
        assertThat(dashboard.path("uid").asString()).isNotBlank();
        List<String> queries = new ArrayList<>();
        dashboard
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(target -> queries.add(target.path("expr").asString())));
        assertThat(queries)
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(q -> assertThat(q).isNotBlank());

        Set<String> used = new TreeSet<>();
        for (String query : queries) {
            List<String> names = seriesIn(query);
            assertThat(names).as("series in %s", query).isNotEmpty();
            for (String name : names) {
                assertThat(meters.keySet())
                        .as("%s (in %s) is not in observability/meters.txt", name, query)
                        .contains(base(name, meters));
                used.add(base(name, meters));
            }
        }
        // The issue's list: house, agents, orchestrator, log-service, report-service all on the dashboard.
        assertThat(used)
                .contains(
                        "auction_bids_total",
                        "auction_lot_duration_seconds",
                        "auction_event_log_write_seconds",
                        "auction_sse_clients",
                        "agent_decision_latency_seconds",
                        "agent_llm_calls_seconds",
                        "agent_telemetry_events_total",
                        "orchestrator_seats",
                        "orchestrator_restarts_total",
                        "logs_records_total",
                        "logs_consumer_lag",
                        "reports_completed_to_disk_seconds");
    }

    @Test
    void everyListedMeterIsRegisteredUnderThatNameByItsService() throws IOException {
        for (Meter meter : meters().values()) {
            String prefix = meter.micrometerName().replace('.', '_');
            assertThat(meter.series())
                    .as("Prometheus name of %s", meter.micrometerName())
                    .startsWith(prefix);
            if (meter.service().equals("spring-boot")) {
                continue;
            }
            Path sources = ROOT.resolve(meter.service()).resolve("src/main/java");
            String literal = "\"" + meter.micrometerName() + "\"";
            try (Stream<Path> files = Files.walk(sources)) {
                boolean registered =
                        files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> read(f).contains(literal));
                assertThat(registered)
                        .as("%s registers %s", meter.service(), literal)
                        .isTrue();
            }
        }
    }

    @Test
    void prometheusScrapesEveryServiceOnItsActuatorEndpoint() throws IOException {
        String config = Files.readString(OBSERVABILITY.resolve("prometheus/prometheus.yml"));
        for (String service :
                List.of("auction-service", "orchestrator-service", "log-service", "report-service", "agent-service")) {
            assertThat(config).contains("job_name: " + service);
        }
        assertThat(config).contains("metrics_path: /actuator/prometheus").doesNotContain("localhost");
    }

    /** The series a PromQL expression reads: label matchers, strings and grouping clauses taken out first. */
    static List<String> seriesIn(String query) {
        String bare = QUOTED.matcher(query).replaceAll("\"\"");
        bare = LABELS.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = bare.replaceAll("\\[[^]]*]", " ");
        List<String> names = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String word = m.group();
            int after = m.end();
            boolean isCall = after < bare.length() && bare.charAt(after) == '(';
            if (word.contains("_") && !isCall && !PROMQL.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    /** A timer's _count, _sum and _max (and a histogram's _bucket) belong to its base series. */
    private static String base(String name, Map<String, Meter> meters) {
        if (meters.containsKey(name)) {
            return name;
        }
        for (String suffix : List.of("_count", "_sum", "_max", "_bucket")) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Map<String, Meter> meters() throws IOException {
        Map<String, Meter> meters = new LinkedHashMap<>();
        for (String line : Files.readAllLines(OBSERVABILITY.resolve("meters.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            assertThat(fields).as(line).hasSize(3);
            meters.put(fields[0], new Meter(fields[0], fields[1], fields[2]));
        }
        assertThat(meters).isNotEmpty();
        return meters;
    }

    private static Path dashboardFile() throws IOException {
        try (Stream<Path> files = Files.list(OBSERVABILITY.resolve("grafana/dashboards"))) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertThat(json).hasSize(1);
            return json.getFirst();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
