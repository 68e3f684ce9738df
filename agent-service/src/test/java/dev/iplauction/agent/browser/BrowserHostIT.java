package dev.iplauction.agent.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

        // Launched in the background: work given before it fails, and so does the wait.
        BrowserHost launched = BrowserHost.launch(notChromium);
        assertThat(launched.call(b -> "never"))
                .failsWithin(Duration.ofMinutes(2))
                .withThrowableThat()
                .withCauseInstanceOf(BrowserUnavailable.class);
        assertThatThrownBy(launched::awaitStarted)
                .isInstanceOf(BrowserUnavailable.class)
                .hasMessageStartingWith("Chromium did not start");
    }

    @Test
    void workGivenWhileChromiumStartsRunsOnceItRuns() throws Exception {
        try (BrowserHost host = BrowserHost.launch(settings())) {
            CompletableFuture<String> early = host.call(browser -> browser.version());

            assertThat(host.awaitStarted()).isSameAs(host);
            assertThat(early.get(1, TimeUnit.MINUTES)).isNotBlank();
        }
    }

    @Test
    void seatsGetNoOmniboxPopupRenderersAndPlaywrightsOwnFeatureSwitchesStay() throws Exception {
        try (BrowserHost host = BrowserHost.start(settings())) {
            for (String seat : List.of("one", "two")) {
                host.openSeat(seat, context -> {}, () -> {}).get(1, TimeUnit.MINUTES);
            }
            List<String> browserUi = host.call(browser -> {
                        var targets = browser.newBrowserCDPSession()
                                .send("Target.getTargets")
                                .getAsJsonArray("targetInfos");
                        List<String> ui = new ArrayList<>();
                        targets.forEach(t -> {
                            if (!"page".equals(t.getAsJsonObject().get("type").getAsString())) {
                                ui.add(t.getAsJsonObject().get("url").getAsString());
                            }
                        });
                        return ui;
                    })
                    .get(1, TimeUnit.MINUTES);
            assertThat(browserUi)
                    .as("Chromium's own pages beside the seats' (each a renderer; see DISABLED_FEATURES)")
                    .noneMatch(url -> url.contains("omnibox"));
        }

        // Chromium keeps only the last --disable-features: ours must repeat every one Playwright passes itself.
        Path driver = DriverInstall.install(Path.of("target", "playwright-driver"));
        String bundle = Files.readString(driver.resolve("package/lib/coreBundle.js"));
        Matcher list = Pattern.compile("disabledFeatures = \\[(.*?)\\]", Pattern.DOTALL)
                .matcher(bundle);
        assertThat(list.find())
                .as("Playwright's disabledFeatures list in its driver (moved? find it and update this test)")
                .isTrue();
        List<String> playwrights = new ArrayList<>();
        Matcher name = Pattern.compile("\"([A-Za-z]+)\"").matcher(list.group(1).replaceAll("//[^\\n]*", ""));
        while (name.find()) {
            playwrights.add(name.group(1));
        }
        assertThat(playwrights).isNotEmpty();
        assertThat(BrowserSettings.PLAYWRIGHT_DISABLED_FEATURES)
                .as("BrowserSettings.PLAYWRIGHT_DISABLED_FEATURES against this Playwright's own list")
                .containsExactlyInAnyOrderElementsOf(playwrights);
        // The same for --enable-features.
        Matcher enabled =
                Pattern.compile("\"--enable-features=([A-Za-z0-9,]+)\"").matcher(bundle);
        assertThat(enabled.find())
                .as("Playwright's --enable-features switch in its driver (moved? find it and update this test)")
                .isTrue();
        assertThat(BrowserSettings.PLAYWRIGHT_ENABLED_FEATURES)
                .as("BrowserSettings.PLAYWRIGHT_ENABLED_FEATURES against this Playwright's own list")
                .containsExactlyInAnyOrder(enabled.group(1).split(","));
        assertThat(enabled.find())
                .as("a second --enable-features in Playwright's driver")
                .isFalse();
    }

    @Test
    void theGpuAndNetworkServiceRunInTheBrowserProcess() throws Exception {
        try (BrowserHost host = BrowserHost.start(settings())) {
            host.openSeat("one", context -> {}, () -> {}).get(1, TimeUnit.MINUTES);

            // Chromium names each of its processes' roles on its command line (--type=renderer, ...), which it
            // rewrites into one string: read as it is, not through ProcessHandle.Info.
            List<String> chromium = ProcessHandle.current()
                    .descendants()
                    .map(p -> commandLine(p.pid()))
                    .filter(command -> command.contains("--type="))
                    .toList();
            assertThat(chromium)
                    .as("Chromium's processes (a renderer at least: the list is read)")
                    .anyMatch(command -> command.contains("--type=renderer"))
                    .as("no GPU or network process (see DEFAULT_LAUNCH_ARGS and ENABLED_FEATURES)")
                    .noneMatch(command ->
                            command.contains("--type=gpu-process") || command.contains("network.mojom.NetworkService"));
        }
    }

    /** The process's command line, its arguments joined by spaces; empty once it is gone. */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Chromium where the build says it is (Debian's, or Playwright's own), the driver under target/. */
    static BrowserSettings settings() {
        return BrowserSettings.defaults()
                .withChromiumPath(System.getProperty("chromium.path", ""))
                .withDriverDirectory(Path.of("target", "playwright-driver"));
    }
}
