package dev.iplauction.agent.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Ollama server as far as the agents use one: {@code POST /api/chat} (non-streaming) answering with Ollama's chat
 * response JSON, {@code GET /api/tags} listing the models, and Ollama's 404 {@code {"error":"model 'x' not found"}}
 * for a model it does not have. It can be made slow, made to fail with any status, or made to say anything.
 */
final class FakeOllama implements AutoCloseable {

    static final String MODEL = "llama3.2:3b";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<JsonNode> chatRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> pullRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> createRequests = new CopyOnWriteArrayList<>();
    private volatile Set<String> models = Set.of(MODEL);
    private volatile int status = 200;
    private volatile String content = "{\"choice\":\"BID\",\"maxBidLakh\":300,\"reason\":\"strong death bowler\"}";
    private volatile String rawBody;
    private volatile Duration delay = Duration.ZERO;

    private FakeOllama() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/chat", this::chat);
        server.createContext("/api/tags", this::tags);
        server.createContext("/api/version", this::version);
        server.createContext("/api/pull", this::pull);
        server.createContext("/api/create", this::create);
        server.setExecutor(executor);
        server.start();
    }

    static FakeOllama start() {
        try {
            return new FakeOllama();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base URL where nothing listens: connecting is refused. */
    static URI nothingListening() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The assistant message the model "writes". */
    FakeOllama answers(String content) {
        this.content = content;
        this.status = 200;
        this.rawBody = null;
        return this;
    }

    /** Replies to every chat with this status and body instead. */
    FakeOllama replies(int status, String body) {
        this.status = status;
        this.rawBody = body;
        return this;
    }

    FakeOllama delays(Duration delay) {
        this.delay = delay;
        return this;
    }

    FakeOllama has(String... models) {
        this.models = Set.of(models);
        return this;
    }

    List<JsonNode> pullRequests() {
        return List.copyOf(pullRequests);
    }

    List<JsonNode> createRequests() {
        return List.copyOf(createRequests);
    }

    int chatCalls() {
        return chatRequests.size();
    }

    List<JsonNode> chatRequests() {
        return List.copyOf(chatRequests);
    }

    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":\"method not allowed\"}");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            chatRequests.add(request);
            String model = request.path("model").asString("");
            if (!models.contains(model)) {
                send(exchange, 404, "{\"error\":\"model '" + model + "' not found\"}");
                return;
            }
            if (!delay.isZero()) {
                try {
                    closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (rawBody != null) {
                send(exchange, status, rawBody);
                return;
            }
            ObjectNode response = JSON.createObjectNode();
            response.put("model", model);
            response.put("created_at", "2025-05-01T10:15:30.123456Z");
            ObjectNode message = response.putObject("message");
            message.put("role", "assistant");
            message.put("content", content);
            response.put("done_reason", "stop");
            response.put("done", true);
            response.put("total_duration", 512_000_000L);
            response.put("load_duration", 12_000_000L);
            response.put("prompt_eval_count", 180);
            response.put("prompt_eval_duration", 90_000_000L);
            response.put("eval_count", 24);
            response.put("eval_duration", 400_000_000L);
            send(exchange, status, JSON.writeValueAsString(response));
        } catch (IOException e) {
            // The client gave up (a timeout): nothing to answer.
        }
    }

    private void tags(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode response = JSON.createObjectNode();
            var list = response.putArray("models");
            for (String model : models) {
                ObjectNode entry = list.addObject();
                entry.put("name", model);
                entry.put("model", model);
                entry.put("modified_at", "2025-05-01T10:15:30.123456789+00:00");
                entry.put("size", 2_019_393_189L);
                entry.put("digest", "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72");
                ObjectNode details = entry.putObject("details");
                details.put("parent_model", "");
                details.put("format", "gguf");
                details.put("family", "llama");
                details.putArray("families").add("llama");
                details.put("parameter_size", "3.2B");
                details.put("quantization_level", "Q4_K_M");
            }
            send(exchange, 200, JSON.writeValueAsString(response));
        }
    }

    private void version(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, 200, "{\"version\":\"0.12.0\"}");
        }
    }

    /** Ollama's streamed pull: a line per step, the download in three parts, then success; the model is then here. */
    private void pull(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            pullRequests.add(request);
            String model = request.path("model").asString("");
            long total = 2_019_393_188L; // four equal parts
            StringBuilder lines = new StringBuilder("{\"status\":\"pulling manifest\"}\n");
            for (long part = 0; part <= 4; part++) {
                lines.append("{\"status\":\"pulling dde5aa3fc5ff\",\"digest\":\"sha256:dde5aa3fc5ff\",\"total\":")
                        .append(total)
                        .append(",\"completed\":")
                        .append(total * part / 4)
                        .append("}\n");
            }
            lines.append("{\"status\":\"verifying sha256 digest\"}\n{\"status\":\"writing manifest\"}\n");
            lines.append("{\"status\":\"success\"}\n");
            add(model);
            send(exchange, 200, lines.toString());
        }
    }

    /** Ollama's create: from a model it has, under a new name. */
    private void create(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            createRequests.add(request);
            if (!models.contains(request.path("from").asString(""))) {
                send(
                        exchange,
                        404,
                        "{\"error\":\"model '" + request.path("from").asString("") + "' not found\"}");
                return;
            }
            add(request.path("model").asString(""));
            send(exchange, 200, "{\"status\":\"success\"}");
        }
    }

    private synchronized void add(String model) {
        var more = new java.util.HashSet<>(models);
        more.add(model);
        models = Set.copyOf(more);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
