package dev.iplauction.auction.web;

import static dev.iplauction.auction.web.PageFixtures.CODE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveUpdatesTests {

    @Test
    void aStreamIsRegisteredBeforeItsFirstViewIsReadSoNoChangeFallsBetween() {
        LiveUpdates live = new LiveUpdates();
        AtomicInteger registeredWhileReading = new AtomicInteger(-1);

        live.subscribe(CODE, () -> {
            registeredWhileReading.set(live.subscribers(CODE));
            return PageFixtures.lobby(Set.of());
        });

        assertThat(registeredWhileReading).hasValue(1);
        live.destroy();
    }

    @Test
    void stoppingClosesEveryStreamAndLetsNoNewOneStay() {
        LiveUpdates live = new LiveUpdates();
        live.start();
        live.subscribe(PageFixtures.lobby(Set.of()));
        live.subscribe(PageFixtures.lobby(Set.of()));
        assertThat(live.subscribers(CODE)).isEqualTo(2);

        live.stop();
        live.subscribe(PageFixtures.lobby(Set.of()));

        assertThat(live.isRunning()).isFalse();
        assertThat(live.subscribers(CODE)).isZero();
        live.destroy();
    }
}
