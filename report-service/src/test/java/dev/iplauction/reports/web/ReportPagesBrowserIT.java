package dev.iplauction.reports.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;
import dev.iplauction.reports.SampleAuction;
import dev.iplauction.reports.ServiceUnderTest;
import dev.iplauction.reports.analysis.AuctionReport;
import dev.iplauction.reports.analysis.ReportBuilder;
import dev.iplauction.reports.render.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The report page and the replay page in Chromium: the four charts draw with a bar for each franchise, bucket and sold
 * lot, the replay plays the auction to its end and shows every lot's outcome, and neither page logs an error.
 *
 * <p>With {@code -Dscreens.dir=/some/dir} it saves screenshots of both pages.
 */
class ReportPagesBrowserIT {

    private static EmbeddedKafkaKraftBroker broker;
    private static ServiceUnderTest service;
    private static Playwright playwright;
    private static Browser browser;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("report-pages");
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        service = new ServiceUnderTest(broker.getBrokersAsString(), dir.resolve("reports"), dir.resolve("state"));
        var events = SampleAuction.events("SHOW01");
        ServiceUnderTest.publish(broker.getBrokersAsString(), events);
        AuctionReport expected = ReportBuilder.build("SHOW01", SampleAuction.recorded(events));
        Path file = dir.resolve("reports").resolve("SHOW01").resolve("report.json");
        await().atMost(Duration.ofMinutes(5))
                .until(() -> Files.exists(file)
                        && ReportFiles.parse(Files.readString(file)).equals(expected));

        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        String chromium = System.getProperty("chromium.path", "");
        var options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync"));
        if (chromium.isBlank()) {
            playwright = Playwright.create();
        } else {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            options.setExecutablePath(Path.of(chromium));
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    /** A page that remembers every console error and uncaught exception. */
    private static Page page(List<String> errors) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(m.text());
            }
        });
        page.onPageError(errors::add);
        return page;
    }

    @Test
    void theReportsChartsDrawInTheBrowser() throws Exception {
        List<String> errors = new ArrayList<>();
        Page page = page(errors);
        page.navigate(service.base() + "/reports/SHOW01");

        assertThat(page.locator("svg[data-chart]")).hasCount(4);
        assertThat(page.locator("svg[data-chart=spend] rect.bar")).hasCount(3);
        assertThat(page.locator("svg[data-chart=prices] circle.point")).hasCount(4);
        assertThat(page.locator("svg[data-chart=latency] rect.bar")).hasCount(11);
        assertThat(page.locator("svg[data-chart=squads] g.stack")).hasCount(3);
        assertThat(page.locator("svg[data-chart=squads] g.stack[data-franchise=RCB] rect.segment"))
                .hasCount(3);
        for (String chart : List.of("spend", "prices", "latency", "squads")) {
            var box = page.locator("svg[data-chart=" + chart + "]").boundingBox();
            Assertions.assertThat(box.width).as(chart + " is drawn").isGreaterThan(300);
            Assertions.assertThat(box.height).as(chart + " is drawn").isGreaterThan(50);
        }
        // CSK spent most: its bar is the widest.
        double csk = page.locator("svg[data-chart=spend] rect.bar[data-franchise=CSK]")
                .boundingBox()
                .width;
        double mi = page.locator("svg[data-chart=spend] rect.bar[data-franchise=MI]")
                .boundingBox()
                .width;
        Assertions.assertThat(csk).isGreaterThan(mi * 2);
        assertThat(page.locator("table[data-testid=lots] tr[data-lot]")).hasCount(5);
        assertThat(page.locator("table[data-testid=decisions] tr[data-decision='2-CSK']"))
                .containsText("the LLM's advice");
        assertThat(page.locator("table[data-testid=decisions] tr[data-decision='2-CSK']"))
                .containsText("reason 2");
        screenshot(page, "report");
        accessibility(page, "the report");

        page.navigate(service.base() + "/");
        assertThat(page.locator("a[href='/reports/SHOW01']")).isVisible();
        accessibility(page, "the list of reports");
        Assertions.assertThat(errors).isEmpty();
    }

    @Test
    void theReplayPagePlaysTheAuctionToItsEnd() throws Exception {
        List<String> errors = new ArrayList<>();
        Page page = page(errors);
        page.navigate(service.base() + "/replay/SHOW01?speed=200");

        assertThat(page.locator("body")).hasAttribute("data-state", "finished");
        assertThat(page.locator("table[data-testid=results] tr[data-lot]")).hasCount(5);
        assertThat(page.locator("tr[data-lot='1'] td[data-franchise]")).hasAttribute("data-franchise", "CSK");
        assertThat(page.locator("tr[data-lot='2']")).hasAttribute("data-outcome", "UNSOLD");
        assertThat(page.locator("tr[data-lot='3'] td[data-franchise]")).hasText("RCB (RTM)");
        assertThat(page.locator("[data-testid=lot-outcome]")).hasText("SOLD to MI for ₹1 Cr");
        assertThat(page.locator("[data-testid=feed] li[data-kind=decision]").first())
                .isVisible();
        assertThat(page.locator("table[data-testid=purses] tr[data-franchise=CSK]"))
                .containsText("₹2.4 Cr spent");
        screenshot(page, "replay");
        accessibility(page, "the replay");
        Assertions.assertThat(errors).isEmpty();
    }

    @Test
    void theReplayPageSaysWhenAnAuctionHasNoEvents() {
        List<String> errors = new ArrayList<>();
        Page page = page(errors);
        page.navigate(service.base() + "/replay/NONE99?speed=5");
        assertThat(page.locator("body")).hasAttribute("data-state", "error");
        assertThat(page.getByTestId("status")).containsText("no events for auction NONE99");
    }

    /**
     * No serious or critical axe-core violations on the page, in light and in dark. axe-core is the one .ci/run pins
     * and installs into the repository's .cache/axe (as the room's RoomForPeopleIT uses it).
     */
    private static void accessibility(Page page, String what) throws Exception {
        Path axe = Path.of("..", ".cache", "axe", "node_modules", "axe-core", "axe.min.js");
        Assertions.assertThat(axe)
                .as("axe-core: npm install --no-save --prefix .cache/axe axe-core@4.14.1 (as .ci/run does)")
                .exists();
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(axe)));
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            Assertions.assertThat(page.evaluate("""
                            async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
                              .filter((v) => v.impact === "serious" || v.impact === "critical")
                              .map((v) => v.id + " (" + v.impact + "): " + v.help + " at "
                                + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "))"""))
                    .as("serious or critical accessibility violations on %s (%s)", what, scheme)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .isEmpty();
        }
    }

    private static void screenshot(Page page, String name) {
        String screens = System.getProperty("screens.dir", "");
        if (!screens.isBlank()) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of(screens, name + ".png"))
                    .setFullPage(true));
        }
    }
}
