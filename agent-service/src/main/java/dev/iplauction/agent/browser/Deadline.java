package dev.iplauction.agent.browser;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Puts a time limit on a future, failing it with a {@link TimeoutException} that says what did not finish. */
final class Deadline {

    private Deadline() {}

    /**
     * A future with the outcome of {@code work}, or a {@link TimeoutException} with {@code what} after {@code limit}
     * (then {@code work} is cancelled, so a task still queued for the browser thread never runs).
     */
    static <T> CompletableFuture<T> within(
            CompletableFuture<T> work, Duration limit, Supplier<String> what, Executor executor) {
        CompletableFuture<T> result = new CompletableFuture<>();
        work.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(unwrap(failure));
            }
        });
        CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS, executor)
                .execute(() -> {
                    if (!result.isDone()
                            && result.completeExceptionally(new TimeoutException(
                                    what.get() + " did not finish within " + limit.toMillis() + " ms"))) {
                        work.cancel(false);
                    }
                });
        return result;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
