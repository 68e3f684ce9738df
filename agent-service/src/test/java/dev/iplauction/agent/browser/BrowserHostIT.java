package dev.iplauction.agent.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The instance's one browser thread: tasks run on it in order, results and callbacks leave it at once. */
class BrowserHostIT {

    @Test
    void tasksRunOnTheBrowserThreadAndTheirResultsArriveElsewhere() throws Exception {
        try (BrowserHost host = BrowserHost.start(settings())) {
            assertThat(host.startupTime()).isPositive();
            AtomicReference<String> ranOn = new AtomicReference<>();
            AtomicReference<String> completedOn = new AtomicReference<>();

            String version = host.call(browser -> {
                        ranOn.set(Thread.currentThread().getName());
                        return browser.version();
                    })
                    .whenComplete(
                            (v, e) -> completedOn.set(Thread.currentThread().getName()))
                    .get(10, TimeUnit.SECONDS);

            assertThat(version).isNotBlank();
            assertThat(ranOn.get()).isEqualTo("browser-host");
            assertThat(completedOn.get()).isNotEqualTo("browser-host");
            assertThat(host.isBrowserThread()).isFalse();

            CompletableFuture<Object> failing = host.call(browser -> {
                throw new IllegalStateException("as planned");
            });
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("as planned");

            // A seat: its own context and page; closing it is not a loss.
            AtomicReference<Boolean> lost = new AtomicReference<>(false);
            SeatTab tab = host.openSeat(
                            "test",
                            new BrowserHost.SeatSetup() {
                                @Override
                                public void prepare(BrowserContext context) {
                                    context.addInitScript("window.__prepared = true");
                                }
                            },
                            () -> lost.set(true))
                    .get(10, TimeUnit.SECONDS);
            assertThat(host.call(b -> tab.page().evaluate("() => window.__prepared"))
                            .get(10, TimeUnit.SECONDS))
                    .isEqualTo(true);
            assertThat(host.call(b -> b.contexts().size()).get(10, TimeUnit.SECONDS))
                    .as("the seat's context and the host's own, page-less one")
                    .isEqualTo(2);
            host.closeSeat(tab).get(10, TimeUnit.SECONDS);
            assertThat(tab.isClosing()).isTrue();
            assertThat(host.call(b -> b.contexts().size()).get(10, TimeUnit.SECONDS))
                    .isEqualTo(1);
            assertThat(lost.get()).isFalse();
        }
    }

    @Test
    void aClosedHostRefusesWork() {
        BrowserHost host = BrowserHost.start(settings());
        host.close();

        assertThat(host.call(b -> "never"))
                .failsWithin(Duration.ofMinutes(1))
                .withThrowableThat()
                .withCauseInstanceOf(BrowserUnavailable.class)
                .withMessageContaining("closed");
        host.close(); // twice is fine
    }

    @Test
    void aBrowserThatDoesNotStartIsSaidSo() {
        var notChromium = BrowserSettings.defaults().withChromiumPath("/bin/false");

        assertThatThrownBy(() -> BrowserHost.start(notChromium))
                .isInstanceOf(BrowserUnavailable.class)
                .hasMessageStartingWith("Chromium did not start");
    }

    /** Chromium where the build says it is (Debian's, or Playwright's own), the driver under target/. */
    static BrowserSettings settings() {
        return BrowserSettings.defaults()
                .withChromiumPath(System.getProperty("chromium.path", ""))
                .withDriverDirectory(Path.of("target", "playwright-driver"));
    }
}
