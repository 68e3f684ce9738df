package dev.iplauction.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmSettingsTests {

    @Test
    void leavesNothingUnset() {
        LlmSettings settings = LlmSettings.defaults();

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:11434"));
        assertThat(settings.model()).isEqualTo("llama3.2:3b");
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.deadline()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.maxConcurrentCalls()).isEqualTo(2);
        assertThat(settings.cacheSize()).isEqualTo(1000);
        assertThat(settings.temperature()).isEqualTo(0.1);
        assertThat(settings.warmUpOnStart()).isTrue();
        assertThat(settings.warmUpTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.raiseLimit()).isEqualTo(1.5);
    }

    @Test
    void refusesWhatCannotWork() {
        LlmSettings ok = LlmSettings.defaults();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ok.withBaseUrl(URI.create("localhost:11434")))
                .withMessageContaining("agent.llm.base-url must be an absolute http(s) URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ok.withBaseUrl(URI.create("ftp://ollama:11434")))
                .withMessageContaining("agent.llm.base-url");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ok.withDeadline(Duration.ZERO))
                .withMessageContaining("agent.llm.deadline must be more than 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ok.withDeadline(Duration.ofMillis(-5)))
                .withMessageContaining("agent.llm.deadline");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ok.withMaxConcurrentCalls(0))
                .withMessageContaining("agent.llm.max-concurrent-calls must be at least 1, got 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ok.withCacheSize(-1))
                .withMessageContaining("agent.llm.cache-size");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ok.withModel("  "))
                .withMessageContaining("agent.llm.model");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings(null, null, null, null, null, null, 3.0, null, null, null))
                .withMessageContaining("agent.llm.temperature must be between 0 and 2, got 3.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LlmSettings(null, null, null, null, null, null, null, null, null, 0.5))
                .withMessageContaining("agent.llm.raise-limit");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ok.withWarmUpTimeout(Duration.ZERO))
                .withMessageContaining("agent.llm.warm-up-timeout");
    }
}
