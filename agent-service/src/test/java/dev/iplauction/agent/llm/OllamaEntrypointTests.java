package dev.iplauction.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * ollama/entrypoint.sh (the LLM container's entry point) run with bash and curl against the fake Ollama server: it
 * pulls the base model with its progress in the log, creates the advisor from the Modelfile (the instructions the
 * agents send, the limits they use), and says it is ready only once the advisor answers.
 */
class OllamaEntrypointTests {

    private static final Path SCRIPT = Path.of("../ollama/entrypoint.sh").toAbsolutePath();

    @TempDir
    Path dir;

    private final FakeOllama ollama = FakeOllama.start().has();
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        ollama.close();
    }

    @Test
    void pullsWithProgressCreatesTheAdvisorFromTheModelfileAndIsReadyWhenItAnswers() throws Exception {
        Path log = start();

        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("pulling llama3.2:3b")
                .contains("pull: pulling manifest")
                .contains("pull: pulling dde5aa3fc5ff 50% (962 of 1925 MiB)")
                .contains("pull: success")
                .contains("creating ipl-advisor from llama3.2:3b")
                .contains("ready: ipl-advisor answers");
        assertThat(dir.resolve("ready")).exists();

        assertThat(ollama.pullRequests())
                .singleElement()
                .satisfies(pull -> assertThat(pull.path("model").asString()).isEqualTo("llama3.2:3b"));
        JsonNode create = ollama.createRequests().getFirst();
        assertThat(create.path("model").asString()).isEqualTo("ipl-advisor");
        assertThat(create.path("from").asString()).isEqualTo("llama3.2:3b");
        // The Modelfile says what the agents' requests say: the same instructions and JSON answer, the same limits.
        assertThat(create.path("system").asString()).isEqualTo(AdvicePrompt.SYSTEM);
        assertThat(create.path("parameters").path("temperature").asDouble()).isEqualTo(LlmSettings.DEFAULT_TEMPERATURE);
        assertThat(create.path("parameters").path("num_predict").asInt()).isEqualTo(OllamaAdvisor.MAX_ANSWER_TOKENS);
        assertThat(create.path("parameters").path("num_ctx").asInt()).isEqualTo(2048);
        JsonNode question = ollama.chatRequests().getLast();
        assertThat(question.path("model").asString()).isEqualTo("ipl-advisor");
        assertThat(question.path("format").asString()).isEqualTo("json");
    }

    @Test
    void aModelAlreadyPulledIsNotPulledAgain() throws Exception {
        ollama.has(FakeOllama.MODEL);
        Path log = start();

        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(log))
                .contains("llama3.2:3b is already here")
                .contains("ready: ipl-advisor answers");
        assertThat(ollama.pullRequests()).isEmpty();
    }

    @Test
    void notReadyWhileTheAdvisorDoesNotAnswer() throws Exception {
        ollama.has(FakeOllama.MODEL).replies(500, "{\"error\":\"llama runner process has terminated\"}");
        Path log = start();

        await().atMost(Duration.ofMinutes(2))
                .until(() -> Files.readString(log).contains("ipl-advisor does not answer yet"));
        assertThat(dir.resolve("ready")).doesNotExist();
        assertThat(process.isAlive()).isTrue();

        ollama.answers("{\"choice\":\"PASS\",\"maxBidLakh\":0,\"reason\":\"warm-up\"}");
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.readString(log)).contains("ready: ipl-advisor answers");
        assertThat(dir.resolve("ready")).exists();
    }

    private Path start() throws IOException {
        Path log = dir.resolve("entrypoint.log");
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("OLLAMA_SERVE", "0");
        builder.environment().put("OLLAMA_URL", ollama.baseUrl().toString());
        builder.environment().put("READY_FILE", dir.resolve("ready").toString());
        builder.environment().remove("OLLAMA_MODEL");
        builder.environment().remove("OLLAMA_BASE_MODEL");
        process = builder.start();
        Files.writeString(dir.resolve("started"), "", StandardCharsets.UTF_8);
        return log;
    }
}
