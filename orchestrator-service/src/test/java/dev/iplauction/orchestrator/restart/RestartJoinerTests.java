package dev.iplauction.orchestrator.restart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.kafkatest.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One restart per unit for seats that fall silent together; a new failure gets a new restart. */
class RestartJoinerTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final RestartJoiner joiner = new RestartJoiner(clock, Duration.ofSeconds(30));
    private final AtomicInteger restarts = new AtomicInteger();
    private CompletableFuture<Restarted> pending;

    private CompletableFuture<Restarted> restart() {
        restarts.incrementAndGet();
        pending = new CompletableFuture<>();
        return pending;
    }

    @Test
    void seatsOfOneContainerJoinTheRestartUnderWay() {
        var first = joiner.join("c1", "agent-1", this::restart);
        var second = joiner.join("c1", "agent-1", this::restart);
        assertThat(second).isSameAs(first);
        assertThat(restarts).hasValue(1);
        var other = joiner.join("c2", "agent-2", this::restart);
        assertThat(other).isNotSameAs(first);
        assertThat(restarts).hasValue(2);
    }

    @Test
    void aSeatStillOnTheReplacedInstanceJoinsTheFinishedRestartWithinTheWindowOnly() {
        joiner.join("c1", "agent-1", this::restart);
        pending.complete(new Restarted("c1", "agent-1", clock.instant()));
        clock.advance(Duration.ofSeconds(5));
        assertThat(joiner.join("c1", "agent-1", this::restart)).isCompleted();
        assertThat(restarts).hasValue(1);

        clock.advance(Duration.ofSeconds(30));
        joiner.join("c1", "agent-1", this::restart);
        assertThat(restarts).as("past the window: restarted again").hasValue(2);
    }

    @Test
    void aSeatOnANewInstanceOrNeverHeardFromGetsANewRestart() {
        joiner.join("c1", "agent-1", this::restart);
        pending.complete(new Restarted("c1", "agent-1", clock.instant()));
        joiner.join("c1", "agent-1b", this::restart);
        assertThat(restarts).hasValue(2);
        pending.complete(new Restarted("c1", "agent-1b", clock.instant()));
        joiner.join("c1", null, this::restart);
        assertThat(restarts).hasValue(3);
    }

    @Test
    void aFailedRestartIsNotJoinedAfterItFailed() {
        joiner.join("c1", "agent-1", this::restart);
        pending.completeExceptionally(new RestartFailed("engine away"));
        joiner.join("c1", "agent-1", this::restart);
        assertThat(restarts).hasValue(2);
    }
}
