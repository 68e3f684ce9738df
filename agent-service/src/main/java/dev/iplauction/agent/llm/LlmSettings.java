package dev.iplauction.agent.llm;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How an agent asks Ollama for advice. Bound from {@code agent.llm.*}: every
 * component left out (null) takes its default, and anything out of range is refused with a message naming the
 * property.
 *
 * @param baseUrl where Ollama answers, e.g. {@code http://ollama:11434}
 * @param model the Ollama model tag to ask
 * @param enabled false to decide by the rules alone, without ever calling Ollama
 * @param deadline how long a decision may wait for advice; past it the rules decide
 * @param maxConcurrentCalls how many requests this instance has at Ollama at once; a call that gets no slot within
 *     the deadline times out without being sent
 * @param cacheSize how many answers to remember (0 remembers none)
 * @param temperature sampling temperature, low so the same question gets the same answer
 * @param warmUpOnStart whether to check the model and load it at start
 * @param warmUpTimeout how long the warm-up may take (loading a model into memory takes seconds)
 * @param raiseLimit how far above the rules' own figure the LLM may take a maximum: the LLM's maximum is never more
 *     than this times the larger of the rule maximum and the rule valuation
 */
@ConfigurationProperties("agent.llm")
public record LlmSettings(
        URI baseUrl,
        String model,
        Boolean enabled,
        Duration deadline,
        Integer maxConcurrentCalls,
        Integer cacheSize,
        Double temperature,
        Boolean warmUpOnStart,
        Duration warmUpTimeout,
        Double raiseLimit) {

    public static final URI DEFAULT_BASE_URL = URI.create("http://localhost:11434");
    public static final String DEFAULT_MODEL = "llama3.2:3b";
    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(1500);
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 2;
    public static final int DEFAULT_CACHE_SIZE = 1000;
    public static final double DEFAULT_TEMPERATURE = 0.1;
    public static final Duration DEFAULT_WARM_UP_TIMEOUT = Duration.ofSeconds(60);
    public static final double DEFAULT_RAISE_LIMIT = 1.5;

    private static final Duration LONGEST_DEADLINE = Duration.ofSeconds(60);

    public LlmSettings {
        baseUrl = baseUrl != null ? baseUrl : DEFAULT_BASE_URL;
        model = model != null ? model.strip() : DEFAULT_MODEL;
        enabled = enabled != null ? enabled : Boolean.TRUE;
        deadline = deadline != null ? deadline : DEFAULT_DEADLINE;
        maxConcurrentCalls = maxConcurrentCalls != null ? maxConcurrentCalls : DEFAULT_MAX_CONCURRENT_CALLS;
        cacheSize = cacheSize != null ? cacheSize : DEFAULT_CACHE_SIZE;
        temperature = temperature != null ? temperature : DEFAULT_TEMPERATURE;
        warmUpOnStart = warmUpOnStart != null ? warmUpOnStart : Boolean.TRUE;
        warmUpTimeout = warmUpTimeout != null ? warmUpTimeout : DEFAULT_WARM_UP_TIMEOUT;
        raiseLimit = raiseLimit != null ? raiseLimit : DEFAULT_RAISE_LIMIT;

        String scheme = baseUrl.getScheme();
        if (!baseUrl.isAbsolute()
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "agent.llm.base-url must be an absolute http(s) URL with a host, such as http://ollama:11434, got '"
                            + baseUrl + "'");
        }
        if (model.isEmpty()) {
            throw new IllegalArgumentException("agent.llm.model must name an Ollama model, such as " + DEFAULT_MODEL);
        }
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(LONGEST_DEADLINE) > 0) {
            throw new IllegalArgumentException("agent.llm.deadline must be more than 0 and at most "
                    + LONGEST_DEADLINE.toSeconds() + "s, got " + deadline);
        }
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException(
                    "agent.llm.max-concurrent-calls must be at least 1, got " + maxConcurrentCalls);
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("agent.llm.cache-size must be 0 (no cache) or more, got " + cacheSize);
        }
        if (temperature.isNaN() || temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("agent.llm.temperature must be between 0 and 2, got " + temperature);
        }
        if (warmUpTimeout.isNegative() || warmUpTimeout.isZero()) {
            throw new IllegalArgumentException("agent.llm.warm-up-timeout must be more than 0, got " + warmUpTimeout);
        }
        if (raiseLimit.isNaN() || raiseLimit < 1 || raiseLimit > 10) {
            throw new IllegalArgumentException(
                    "agent.llm.raise-limit must be between 1 (never above the rules) and 10, got " + raiseLimit);
        }
    }

    /** Every setting at its default: Ollama on localhost, {@value #DEFAULT_MODEL}, a 1.5 s deadline. */
    public static LlmSettings defaults() {
        return new LlmSettings(null, null, null, null, null, null, null, null, null, null);
    }

    public LlmSettings withBaseUrl(URI baseUrl) {
        return new LlmSettings(
                baseUrl,
                model,
                enabled,
                deadline,
                maxConcurrentCalls,
                cacheSize,
                temperature,
                warmUpOnStart,
                warmUpTimeout,
                raiseLimit);
    }

    public LlmSettings withModel(String model) {
        return new LlmSettings(
                baseUrl,
                model,
                enabled,
                deadline,
                maxConcurrentCalls,
                cacheSize,
                temperature,
                warmUpOnStart,
                warmUpTimeout,
                raiseLimit);
    }

    public LlmSettings withEnabled(boolean enabled) {
        return new LlmSettings(
                baseUrl,
                model,
                enabled,
                deadline,
                maxConcurrentCalls,
                cacheSize,
                temperature,
                warmUpOnStart,
                warmUpTimeout,
                raiseLimit);
    }

    public LlmSettings withDeadline(Duration deadline) {
        return new LlmSettings(
                baseUrl,
                model,
                enabled,
                deadline,
                maxConcurrentCalls,
                cacheSize,
                temperature,
                warmUpOnStart,
                warmUpTimeout,
                raiseLimit);
    }

    public LlmSettings withMaxConcurrentCalls(int maxConcurrentCalls) {
        return new LlmSettings(
                baseUrl,
                model,
                enabled,
                deadline,
                maxConcurrentCalls,
                cacheSize,
                temperature,
                warmUpOnStart,
                warmUpTimeout,
                raiseLimit);
    }

    public LlmSettings withCacheSize(int cacheSize) {
        return new LlmSettings(
                baseUrl,
                model,
                enabled,
                deadline,
                maxConcurrentCalls,
                cacheSize,
                temperature,
                warmUpOnStart,
                warmUpTimeout,
                raiseLimit);
    }

    public LlmSettings withWarmUpTimeout(Duration warmUpTimeout) {
        return new LlmSettings(
                baseUrl,
                model,
                enabled,
                deadline,
                maxConcurrentCalls,
                cacheSize,
                temperature,
                warmUpOnStart,
                warmUpTimeout,
                raiseLimit);
    }
}
