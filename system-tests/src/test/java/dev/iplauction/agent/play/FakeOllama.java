package dev.iplauction.agent.play;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Just enough of an Ollama server for the agents' LLM advice (as agent-service's own test fake, which the system tests
 * cannot reach): {@code POST /api/chat} answers every prompt with the same advice at once, {@code GET /api/tags} and
 * {@code /api/version} say the model is here.
 */
final class FakeOllama implements AutoCloseable {

    static final String MODEL = "llama3.2:3b";
    static final String REASON = "a proven finisher; the squad lacks death-overs hitting";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger chats = new AtomicInteger();

    private FakeOllama() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/chat", this::chat);
        server.createContext("/api/tags", this::tags);
        server.createContext("/api/version", e -> send(e, "{\"version\":\"0.12.0\"}"));
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

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int chats() {
        return chats.get();
    }

    private void chat(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        chats.incrementAndGet();
        ObjectNode response = JSON.createObjectNode();
        response.put("model", MODEL);
        response.put("created_at", "2025-05-01T10:15:30.123456Z");
        ObjectNode message = response.putObject("message");
        message.put("role", "assistant");
        message.put("content", "{\"choice\":\"BID\",\"maxBidLakh\":300,\"reason\":\"" + REASON + "\"}");
        response.put("done_reason", "stop");
        response.put("done", true);
        response.put("total_duration", 512_000_000L);
        response.put("prompt_eval_count", 180);
        response.put("eval_count", 24);
        send(exchange, JSON.writeValueAsString(response));
    }

    private void tags(HttpExchange exchange) throws IOException {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode entry = response.putArray("models").addObject();
        entry.put("name", MODEL);
        entry.put("model", MODEL);
        entry.put("size", 2_019_393_189L);
        send(exchange, JSON.writeValueAsString(response));
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
