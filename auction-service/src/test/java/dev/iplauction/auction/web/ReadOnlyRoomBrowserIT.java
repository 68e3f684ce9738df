package dev.iplauction.auction.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.house.AuctionHouse;
import dev.iplauction.auction.house.MemoryEventLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Read-only auctions in Chromium, on a house whose event log can be made to fail: the home page and the room of an
 * auction the rebuild found damaged say so; in a running room, when the log goes away the host's next action is
 * refused as read-only and the banner appears, live, and it goes once the house has reloaded the auction.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auction.kafka.partitions=1", "auction.table.enabled=false", "auction.outcome-timeout=2s"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReadOnlyRoomBrowserIT {

    private static final double WAIT_MS = 60_000;
    private static final MemoryEventLog LOG = new MemoryEventLog();
    private static final String DAMAGED = LOG.damagedAuction();

    /** The house reads and writes this log instead of Kafka's (the broker serves the rest of the context). */
    @TestConfiguration
    static class Log {
        @Bean
        @Primary
        AuctionEventLog memoryEventLog() {
            return LOG;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AuctionHouse house;

    @Test
    void thePagesSayWhenAnAuctionRefusesEveryChange() {
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
        String base = "http://localhost:" + port;
        try (Playwright playwright = playwright();
                Browser browser = browser(playwright);
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();

            // Damaged at the rebuild: the home page's list and the room say so.
            page.navigate(base + "/");
            Locator item = page.locator("[data-testid=auction-list-item][data-code='" + DAMAGED + "']");
            assertThat(item).hasAttribute("data-read-only", "damaged");
            assertThat(item.getByTestId("auction-read-only")).isVisible();
            page.navigate(base + "/auctions/" + DAMAGED + "/room");
            assertThat(page.getByTestId("damaged-banner")).isVisible();
            assertThat(page.getByTestId("damaged-banner")).hasAttribute("data-kind", "damaged");
            assertThat(page.getByTestId("damaged-banner")).containsText("event log keeps every accepted bid");

            // A healthy auction, running, the host in the room: no banner.
            page.navigate(base + "/");
            page.getByTestId("create-catalogue-quick").check();
            page.getByTestId("create-clock-seconds").fill("60");
            page.getByTestId("create-submit").click();
            assertThat(page.getByTestId("host-token")).not().isEmpty();
            String code = page.getByTestId("auction-code").textContent().trim();
            page.getByTestId("take-seat-CSK").click();
            page.getByTestId("start-auction").click();
            assertThat(page).hasURL(Pattern.compile(".*/auctions/" + code + "/room$"));
            assertThat(page.getByTestId("auction-phase")).hasAttribute("data-phase", "RUNNING");
            assertThat(page.getByTestId("damaged-banner")).isHidden();

            // The log goes away: the pause cannot be written; the auction is read-only and the room says so.
            LOG.failing(true);
            Locator refusal = page.getByTestId("last-refusal");
            page.getByTestId("host-pause").click();
            assertThat(refusal).hasAttribute("data-count", "1");
            await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().containsKey(code));
            // Ending is refused before anything is applied while the auction is read-only (and enabled whether the
            // page now shows it running or paused).
            page.getByTestId("host-end").click();
            assertThat(refusal).hasAttribute("data-count", "2");
            assertThat(refusal).hasAttribute("data-reason", "event-log-unavailable");
            assertThat(page.getByTestId("damaged-banner")).isVisible();
            assertThat(page.getByTestId("damaged-banner")).hasAttribute("data-kind", "reloading");
            assertThat(page.getByTestId("damaged-reason")).containsText("read-only");

            // The log is back: the house reloads the auction and the banner goes.
            LOG.failing(false);
            await().atMost(Duration.ofMinutes(1)).until(() -> house.reloading().isEmpty());
            assertThat(page.getByTestId("damaged-banner")).isHidden();
            // The room shows the auction the log holds: running, the pause never written, whatever it saw meanwhile.
            assertThat(page.getByTestId("auction-phase")).hasAttribute("data-phase", "RUNNING");
            assertThat(page.locator("body"))
                    .hasAttribute("data-seq", String.valueOf(house.view(code).seq()));
        } finally {
            LOG.failing(false);
        }
    }

    private static Playwright playwright() {
        return System.getProperty("chromium.path", "").isBlank()
                ? Playwright.create()
                : Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    private static Browser browser(Playwright playwright) {
        var options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"));
        String chromium = System.getProperty("chromium.path", "");
        if (!chromium.isBlank()) {
            options.setExecutablePath(Path.of(chromium));
        }
        return playwright.chromium().launch(options);
    }
}
