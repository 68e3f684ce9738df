package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import dev.iplauction.contracts.agent.LlmCallEvent.Outcome;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advice from a model served by Ollama, through LangChain4j's {@link OllamaChatModel}, with a hard deadline.
 *
 * <p>Each request runs on a virtual thread. A timer completes it as {@code TIMEOUT} at the deadline and interrupts
 * the request, so the caller's future never waits longer than the deadline whatever the server does, and the slot is
 * freed for the next call. The model is built with no retries (a retry would silently multiply the deadline) and an
 * HTTP timeout equal to the deadline. At most {@code maxConcurrentCalls} requests are at the server at once; a call
 * that gets no slot in time times out without being sent. Answers are cached by question, and a question asked again
 * while its first asking is still out waits for that one instead of asking twice.
 */
public final class OllamaAdvisor implements LlmAdvisor {

    private static final Logger log = LoggerFactory.getLogger(OllamaAdvisor.class);

    /** Enough for the JSON answer with a one-line reason; caps generation time. */
    static final int MAX_ANSWER_TOKENS = 128;

    private final LlmSettings settings;
    private final OllamaChatModel chatModel;
    private final LlmCallListener listener;
    private final Clock clock;
    private final AdvicePrompt prompt;
    private final AdviceClamp clamp;
    private final AdviceCache cache;
    private final Semaphore slots;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentHashMap<AdviceCache.Key, Call> inFlight = new ConcurrentHashMap<>();
    private final AtomicReference<Outcome> lastOutcome = new AtomicReference<>();

    public OllamaAdvisor(LlmSettings settings, LlmCallListener listener, Clock clock) {
        this(settings, listener, clock, StatisticsLine.NONE);
    }

    public OllamaAdvisor(LlmSettings settings, LlmCallListener listener, Clock clock, StatisticsLine statistics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.prompt = new AdvicePrompt(statistics);
        this.clamp = new AdviceClamp(settings.raiseLimit());
        this.cache = new AdviceCache(settings.cacheSize());
        this.slots = new Semaphore(settings.maxConcurrentCalls(), true);
        this.chatModel = OllamaChatModel.builder()
                .baseUrl(settings.baseUrl().toString())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .numPredict(MAX_ANSWER_TOKENS)
                .responseFormat(ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(LlmAnswer.SCHEMA)
                        .build())
                .timeout(settings.deadline())
                .maxRetries(0)
                .build();
    }

    @Override
    public CompletableFuture<Advice> advise(LotContext context, LotDecision ruleDecision) {
        long started = System.nanoTime();
        AdviceCache.Key key = AdviceCache.Key.of(context);
        String user = prompt.user(context, ruleDecision, clamp.ceiling(context, ruleDecision));
        int promptChars = AdvicePrompt.SYSTEM.length() + user.length();

        Optional<LlmAnswer> remembered = cache.get(key);
        if (remembered.isPresent()) {
            LotDecision decision = clamp.clamp(remembered.get(), context, ruleDecision, Source.CACHE);
            Advice advice = Advice.ok(decision, true, since(started), promptChars, settings.model());
            finished(context, advice);
            return CompletableFuture.completedFuture(advice);
        }

        Call call = new Call(context, ruleDecision, key, user, promptChars, started);
        Call asked = inFlight.putIfAbsent(key, call);
        if (asked != null) {
            return asked.published.copy();
        }
        // The listener hears of the outcome before the caller does.
        call.result.whenComplete((advice, failure) -> {
            inFlight.remove(key, call);
            Advice outcome = advice != null ? advice : call.failure(Outcome.ERROR, String.valueOf(failure));
            finished(context, outcome);
            call.published.complete(outcome);
        });
        try {
            Future<?> worker = workers.submit(() -> ask(call));
            // At the deadline: time out, and interrupt the request so that its slot is free for the next call.
            CompletableFuture.delayedExecutor(settings.deadline().toNanos(), TimeUnit.NANOSECONDS, workers)
                    .execute(() -> {
                        if (call.fail(Outcome.TIMEOUT, "no answer within " + deadlineText())) {
                            worker.cancel(true);
                        }
                    });
        } catch (RejectedExecutionException closed) {
            call.fail(Outcome.ERROR, "advisor is closed");
        }
        return call.published.copy();
    }

    private void ask(Call call) {
        boolean slot = false;
        try {
            // Leave the model a quarter of the deadline at least: a call that starts later cannot answer in time.
            long wait = call.remainingNanos() - settings.deadline().toNanos() / 4;
            slot = wait > 0 && slots.tryAcquire(wait, TimeUnit.NANOSECONDS);
            if (!slot) {
                call.fail(Outcome.TIMEOUT, "no free LLM slot within " + deadlineText());
                return;
            }
            if (call.result.isDone()) {
                return;
            }
            ChatResponse response = chatModel.chat(call.request());
            LlmAnswer answer = LlmAnswer.parse(response.aiMessage().text());
            cache.put(call.key, answer);
            call.succeed(clamp.clamp(answer, call.context, call.ruleDecision, Source.LLM));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.fail(Outcome.TIMEOUT, "no answer within " + deadlineText());
        } catch (LlmAnswer.Unparseable e) {
            call.fail(Outcome.UNPARSEABLE, e.getMessage());
        } catch (RuntimeException e) {
            call.fail(outcomeOf(e), describe(e));
        } finally {
            if (slot) {
                slots.release();
            }
        }
    }

    /** How LangChain4j reports each way a request to Ollama can fail. */
    static Outcome outcomeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModelNotFoundException) {
                return Outcome.MODEL_MISSING;
            }
            if (cause instanceof HttpException http && http.statusCode() == 404) {
                return Outcome.MODEL_MISSING;
            }
            if (cause instanceof dev.langchain4j.exception.TimeoutException
                    || cause instanceof HttpTimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof InterruptedException) {
                return Outcome.TIMEOUT;
            }
        }
        return Outcome.ERROR;
    }

    private String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                return "HTTP " + http.statusCode() + " " + LlmAnswer.abbreviate(String.valueOf(http.getMessage()));
            }
            if (cause instanceof ConnectException) {
                return "cannot connect to " + settings.baseUrl();
            }
            if (cause instanceof HttpTimeoutException) {
                return "request timed out";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
        return root.getClass().getSimpleName() + (message != null ? ": " + LlmAnswer.abbreviate(message) : "");
    }

    private void finished(LotContext context, Advice advice) {
        logOutcome(context, advice);
        try {
            listener.on(new LlmCallCompleted(
                    context.auctionCode(),
                    context.me(),
                    clock.instant(),
                    context.player().id(),
                    advice.model(),
                    advice.promptChars(),
                    advice.latency().toMillis(),
                    advice.outcome(),
                    advice.cached()));
        } catch (RuntimeException e) {
            log.warn(
                    "LLM call listener failed for {} on player {}",
                    context.me(),
                    context.player().id(),
                    e);
        }
    }

    /** Warns when the LLM starts failing in a new way and says when it answers again; every call at debug. */
    private void logOutcome(LotContext context, Advice advice) {
        Outcome previous = lastOutcome.getAndSet(advice.outcome());
        if (advice.ok()) {
            if (previous != null && previous != Outcome.OK) {
                log.info("LLM {} answering again (was {})", settings.model(), previous);
            }
        } else if (previous != advice.outcome()) {
            log.warn(
                    "LLM {} advice failed: {} ({}) for {} on player {}; rules decide while this lasts",
                    settings.model(),
                    advice.outcome(),
                    advice.detail(),
                    context.me(),
                    context.player().id());
        }
        log.debug(
                "llm call auction={} franchise={} player={} outcome={} cached={} latencyMs={} promptChars={}",
                context.auctionCode(),
                context.me(),
                context.player().id(),
                advice.outcome(),
                advice.cached(),
                advice.latency().toMillis(),
                advice.promptChars());
    }

    /**
     * Asks Ollama which models it has ({@code GET /api/tags}) and, when the configured one is there, has it answer a
     * one-token chat, which loads it into memory. Takes up to the warm-up timeout; logs and returns false on any
     * failure.
     */
    @Override
    public boolean warmUp() {
        String url = settings.baseUrl().toString();
        try {
            List<OllamaModel> available = OllamaModels.builder()
                    .baseUrl(url)
                    .timeout(settings.warmUpTimeout())
                    .maxRetries(0)
                    .build()
                    .availableModels()
                    .content();
            List<String> names = available.stream().map(OllamaModel::getName).toList();
            if (names.stream().noneMatch(name -> sameModel(name, settings.model()))) {
                log.warn(
                        "LLM model {} is not on Ollama at {} (it has {}); agents decide by rules until it is pulled",
                        settings.model(),
                        url,
                        names);
                return false;
            }
            long started = System.nanoTime();
            OllamaChatModel.builder()
                    .baseUrl(url)
                    .modelName(settings.model())
                    .numPredict(1)
                    .timeout(settings.warmUpTimeout())
                    .maxRetries(0)
                    .build()
                    .chat("Say OK.");
            log.info(
                    "LLM {} at {} is ready (warm-up took {} ms)",
                    settings.model(),
                    url,
                    since(started).toMillis());
            return true;
        } catch (RuntimeException e) {
            log.warn(
                    "LLM {} at {} is not usable ({}: {}); agents decide by rules until it answers",
                    settings.model(),
                    url,
                    outcomeOf(e),
                    describe(e));
            return false;
        }
    }

    /** Ollama lists a model pulled without a tag as {@code name:latest}. */
    static boolean sameModel(String listed, String wanted) {
        if (listed == null) {
            return false;
        }
        return withTag(listed).equals(withTag(wanted));
    }

    private static String withTag(String model) {
        return model.contains(":") ? model : model + ":latest";
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public Duration deadline() {
        return settings.deadline();
    }

    /** Stops taking requests; those still out complete as errors at once. */
    @Override
    public void close() {
        // The calls still out are failed before their workers are interrupted: an interrupted worker would otherwise
        // complete its call first, as a timeout, and a closed advisor's calls would say different things.
        inFlight.values().forEach(call -> call.fail(Outcome.ERROR, "advisor is closed"));
        workers.shutdownNow();
    }

    private String deadlineText() {
        return settings.deadline().toMillis() + " ms";
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * One request on its way: what it asks, the future its one outcome completes (whoever comes first: the answer,
     * the failure, the deadline), and the future callers see, completed once the listener has been told.
     */
    private final class Call {

        private final LotContext context;
        private final LotDecision ruleDecision;
        private final AdviceCache.Key key;
        private final String user;
        private final int promptChars;
        private final long started;
        private final CompletableFuture<Advice> result = new CompletableFuture<>();
        private final CompletableFuture<Advice> published = new CompletableFuture<>();

        Call(
                LotContext context,
                LotDecision ruleDecision,
                AdviceCache.Key key,
                String user,
                int promptChars,
                long started) {
            this.context = context;
            this.ruleDecision = ruleDecision;
            this.key = key;
            this.user = user;
            this.promptChars = promptChars;
            this.started = started;
        }

        ChatRequest request() {
            return ChatRequest.builder()
                    .messages(SystemMessage.from(AdvicePrompt.SYSTEM), UserMessage.from(user))
                    .build();
        }

        long remainingNanos() {
            return settings.deadline().toNanos() - (System.nanoTime() - started);
        }

        void succeed(LotDecision decision) {
            result.complete(Advice.ok(decision, false, since(started), promptChars, settings.model()));
        }

        /** Whether this was the outcome (the first to complete the call wins). */
        boolean fail(Outcome outcome, String detail) {
            return result.complete(failure(outcome, detail));
        }

        Advice failure(Outcome outcome, String detail) {
            return Advice.failed(outcome, detail, since(started), promptChars, settings.model());
        }
    }
}
