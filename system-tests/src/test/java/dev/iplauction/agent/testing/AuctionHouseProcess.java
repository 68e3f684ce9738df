package dev.iplauction.agent.testing;

import dev.iplauction.contracts.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The real auction house, run as a separate JVM from its runnable jar (the system property {@code auction-service.jar},
 * which Failsafe sets), on a free port, against a Kafka broker the test started. Its log goes to a file under {@code
 * target/auction-house/}.
 *
 * <p>{@link Builder#jar} runs another of the project's services the same way (log-service, report-service); the
 * auction REST helpers then do not apply.
 *
 * <p>The REST helpers are for setting up tests only (create an auction, start it, read its state): agents never call
 * the house's API, they use its pages.
 *
 * <pre>{@code
 * try (var house = AuctionHouseProcess.builder(broker.getBrokersAsString()).bidWindow(Duration.ofSeconds(3)).start()) {
 *     var auction = house.createAuction("{\"catalogue\":\"quick\",\"seed\":7}");
 *     ... agents join house.baseUrl() ...
 *     house.start(auction);
 * }
 * }</pre>
 */
public final class AuctionHouseProcess implements AutoCloseable {

    /** The system property holding the path of the auction house's runnable jar. */
    public static final String JAR_PROPERTY = "auction-service.jar";

    /** Only a service that never comes up reaches it: a loaded 2-core machine has taken over a minute to start one. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(1);
    private static final int LOG_LINES_ON_FAILURE = 50;

    /** Options for a house that starts quickly and is small: right for tests. */
    private static final List<String> FAST_START = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final int port;
    private final URI baseUrl;
    private final Path logFile;
    private final HttpClient http;

    /** An auction made for a test: its code and the host's token. */
    public record Auction(String code, String hostToken) {}

    private AuctionHouseProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.baseUrl = URI.create("http://localhost:" + port);
        this.logFile = logFile;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** An auction house against this Kafka bootstrap address, with the house's default windows. */
    public static Builder builder(String kafkaBootstrapServers) {
        return new Builder(kafkaBootstrapServers);
    }

    /** How to run the house: its clock windows and any other environment variable it reads. */
    public static final class Builder {

        private final Map<String, String> environment = new LinkedHashMap<>();
        private List<String> jvmOptions = FAST_START;
        private String name = "auction-house";
        private String jarProperty = JAR_PROPERTY;

        private Builder(String kafkaBootstrapServers) {
            Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
            environment.put("AUCTION_KAFKA_PARTITIONS", "1");
        }

        /** The auctioneer's clock for auctions created without one ({@code AUCTION_BID_WINDOW}). */
        public Builder bidWindow(Duration window) {
            return env("AUCTION_BID_WINDOW", window.toMillis() + "ms");
        }

        /** The same for the accelerated round ({@code AUCTION_ACCELERATED_WINDOW}). */
        public Builder acceleratedWindow(Duration window) {
            return env("AUCTION_ACCELERATED_WINDOW", window.toMillis() + "ms");
        }

        /** How long each right-to-match step waits ({@code AUCTION_RTM_WINDOW}). */
        public Builder rtmWindow(Duration window) {
            return env("AUCTION_RTM_WINDOW", window.toMillis() + "ms");
        }

        public Builder env(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        /**
         * The house's JVM options, instead of the default ones, which favour a quick start over speed once running
         * ({@code -XX:TieredStopAtLevel=1}); give none for the JVM's own defaults (for measurements).
         */
        public Builder jvmOptions(String... options) {
            this.jvmOptions = List.of(options);
            return this;
        }

        /**
         * Runs another of the project's services instead of the house, from the jar this system property names
         * ({@code log-service.jar}, {@code report-service.jar}): the same start, health wait and stop.
         */
        public Builder jar(String systemProperty) {
            this.jarProperty = Objects.requireNonNull(systemProperty, "systemProperty");
            return this;
        }

        /** Names the log file (target/auction-house/&lt;name&gt;-&lt;port&gt;.log). */
        public Builder name(String logName) {
            this.name = logName;
            return this;
        }

        /** Starts the house and waits until {@code /actuator/health} says UP (at most 4 minutes). */
        public AuctionHouseProcess start() {
            String jar = System.getProperty(jarProperty, "");
            if (jar.isBlank() || !Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("the service's jar is not at '" + jar + "' (system property "
                        + jarProperty + "): build it first (./mvnw -pl agent-service -am verify does)");
            }
            int port = freePort();
            Path logs = Path.of("target", "auction-house");
            Path logFile = logs.resolve(name + "-" + port + ".log");
            try {
                Files.createDirectories(logs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(jvmOptions);
            command.addAll(List.of("-Dspring.output.ansi.enabled=never", "-jar", jar));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("PORT", String.valueOf(port));
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
            }
            AuctionHouseProcess house = new AuctionHouseProcess(process, port, logFile);
            try {
                house.awaitHealthy();
            } catch (RuntimeException | Error e) {
                house.close();
                throw e;
            }
            return house;
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The house's process id (for tests that measure it). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    // ---- REST helpers for test set-up only ----

    /** Creates an auction from a JSON body as {@code POST /api/auctions} takes it ({@code {}} for the defaults). */
    public Auction createAuction(String json) {
        JsonNode created = send("POST", "/api/auctions", json, null, 201);
        return new Auction(
                created.path("code").asString(), created.path("hostToken").asString());
    }

    /** A quick auction (60 players, small squads) with this clock and seed. */
    public Auction createQuickAuction(Duration bidWindow, long seed) {
        return createAuction(
                "{\"catalogue\":\"quick\",\"seed\":" + seed + ",\"bidWindowMillis\":" + bidWindow.toMillis()
                        + ",\"acceleratedWindowMillis\":" + Math.max(100, bidWindow.toMillis() / 2)
                        + ",\"rtmWindowMillis\":" + Math.max(100, bidWindow.toMillis() * 4 / 5) + "}");
    }

    /** The host starts the auction. */
    public void start(Auction auction) {
        host(auction, "start");
    }

    /** A host action: start, pause, resume, skip or end. */
    public void host(Auction auction, String action) {
        send("POST", "/api/auctions/" + auction.code() + "/host/" + action, null, auction.hostToken(), 204);
    }

    /** The auction's state as {@code GET /api/auctions/{code}} returns it. */
    public JsonNode state(String code) {
        return send("GET", "/api/auctions/" + code, null, null, 200);
    }

    /** The players still to come, in order ({@code GET /api/auctions/{code}/pool}). */
    public JsonNode pool(String code) {
        return send("GET", "/api/auctions/" + code + "/pool", null, null, 200);
    }

    private JsonNode send(String method, String path, String json, String bearer, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new UncheckedIOException(
                    method + " " + path + " got no answer within " + REQUEST_TIMEOUT.toSeconds() + " s; "
                            + dumpThreads(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " (expected "
                    + expected + "): " + response.body());
        }
        String body = response.body();
        return body == null || body.isBlank()
                ? NullNode.getInstance()
                : EventJson.mapper().readTree(body);
    }

    // ---- life cycle ----

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the auction house exited with " + process.exitValue()
                        + " while starting; its last log lines:\n" + lastLogLines());
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(baseUrl.resolve("/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the auction house", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the auction house", e);
            }
        }
        throw new IllegalStateException("the auction house on port " + port + " was not healthy within "
                + STARTUP_TIMEOUT.toSeconds() + " s (last answer: " + last + "); its last log lines:\n"
                + lastLogLines());
    }

    /**
     * Asks the house's JVM for a thread dump (SIGQUIT), which it prints to its own output, the log file: a house that
     * stops answering leaves a record of what each of its threads was doing.
     */
    private String dumpThreads() {
        try {
            new ProcessBuilder("kill", "-QUIT", String.valueOf(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
            return "its threads are dumped in " + logFile;
        } catch (IOException e) {
            return "its threads could not be dumped: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "its threads could not be dumped: interrupted";
        }
    }

    /** The last lines of the house's log. */
    public String lastLogLines() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the house (and anything it started) and waits for it to exit. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** {@code $JAVA_HOME/bin/java}, else the java running this test. */
    private static String javaExecutable() {
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))) {
            return Path.of(javaHome, "bin", "java").toString();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
