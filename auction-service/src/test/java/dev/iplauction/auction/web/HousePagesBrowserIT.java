package dev.iplauction.auction.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The pages end to end: a real auction house on a real Kafka broker, and Chromium driven by Playwright through the
 * pages as two people would: one creates a quick auction and sits as CSK, another sits as MI, the host starts, both bid
 * by clicking, each sees the other's bid arrive live, and when the clock runs out both see the lot sold to MI and MI's
 * purse go down by the price. A double click shows the refusal of the second bid.
 *
 * <p>With {@code -Dscreens.dir=/some/dir} it also saves screenshots of the lobby and the room at 1280 and 375 px.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"auction.kafka.partitions=1"})
// The broker address goes straight into spring.kafka.bootstrap-servers: logging (the Kafka appender) reads it
// before a ${spring.embedded.kafka.brokers} placeholder could be resolved.
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class HousePagesBrowserIT {

    /**
     * Long enough that every step a test takes inside one lot (a click, the other browser seeing it, the next click)
     * fits in it on a loaded 2-core machine, where a step has taken several seconds; the tests wait for the clock to
     * run out only twice.
     */
    private static final String CLOCK_SECONDS = "12";

    /** Only a page that never shows what it must reaches this; a live update usually takes milliseconds. */
    private static final double WAIT_MS = 60_000;
    /** A lot closes one clock after the last bid, and may then wait out a right-to-match step (0.8 of a clock). */
    private static final double SOLD_WAIT_MS = 120_000;

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
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
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Two browsers seated in a new quick auction: CSK's (which created it, so also the host's) and MI's. */
    private record Table(String code, Page csk, Page mi) {}

    /** Creates a quick auction from the home page, seats CSK and MI from the lobby, and starts it. */
    private Table seatCskAndMi(BrowserContext cskBrowser, BrowserContext miBrowser, String clockSeconds) {
        String base = "http://localhost:" + port;
        Page csk = cskBrowser.newPage();
        Page mi = miBrowser.newPage();

        // CSK's person creates a quick auction with a short clock and keeps the host token.
        csk.navigate(base + "/");
        csk.getByTestId("create-catalogue-quick").check();
        csk.getByTestId("create-clock-seconds").fill(clockSeconds);
        csk.getByTestId("create-seed").fill("7");
        csk.getByTestId("create-submit").click();
        assertThat(csk.getByTestId("host-token")).not().isEmpty();
        assertThat(csk.getByTestId("auction-phase")).hasAttribute("data-phase", "LOBBY");
        String code = csk.getByTestId("auction-code").textContent().trim();
        Assertions.assertThat(code).matches("[A-Z0-9]{6}");

        // Both take a seat; each lobby sees the other's seat taken, live.
        csk.getByTestId("take-seat-CSK").click();
        assertThat(csk.getByTestId("my-franchise")).hasAttribute("data-franchise", "CSK");
        assertThat(csk.getByTestId("seat-token")).not().isEmpty();
        mi.navigate(base + "/auctions/" + code);
        assertThat(mi.getByTestId("seat-CSK")).hasAttribute("data-taken", "true");
        assertThat(mi.getByTestId("take-seat-CSK")).isHidden();
        mi.getByTestId("take-seat-MI").click();
        assertThat(mi.getByTestId("my-franchise")).hasAttribute("data-franchise", "MI");
        assertThat(csk.getByTestId("seat-MI")).hasAttribute("data-taken", "true");
        screenshots(csk, "lobby");

        // The host starts; both seated browsers end up in the room (MI's by the live stream).
        csk.getByTestId("start-auction").click();
        Pattern room = Pattern.compile(".*/auctions/" + code + "/room$");
        assertThat(csk).hasURL(room);
        assertThat(mi).hasURL(room);
        assertThat(csk.getByTestId("auction-phase")).hasAttribute("data-phase", "RUNNING");
        return new Table(code, csk, mi);
    }

    @Test
    void twoFranchisesBidAgainstEachOtherThroughThePages() {
        try (BrowserContext cskBrowser = newContext();
                BrowserContext miBrowser = newContext()) {
            Table table = seatCskAndMi(cskBrowser, miBrowser, CLOCK_SECONDS);
            Page csk = table.csk();
            Page mi = table.mi();

            // CSK opens the bidding at the base price.
            Locator cskBid = csk.getByTestId("bid-button");
            Locator miBid = mi.getByTestId("bid-button");
            assertThat(cskBid).isEnabled();
            String lot = cskBid.getAttribute("data-lot");
            int basePrice = Integer.parseInt(csk.getByTestId("lot-base-price").getAttribute("data-lakh"));
            int miPurse = lakh(mi.getByTestId("franchise-MI").getByTestId("purse"));
            assertThat(cskBid).hasAttribute("data-amount", String.valueOf(basePrice));
            cskBid.click();

            // MI sees it arrive and its button go up by the increment; CSK, now the highest bidder, may not bid.
            int second = Increments.IPL
                    .nextBid(Lakh.of(basePrice), Lakh.of(basePrice))
                    .value();
            assertThat(mi.getByTestId("current-bid")).hasAttribute("data-lakh", String.valueOf(basePrice));
            assertThat(mi.getByTestId("high-bidder")).hasAttribute("data-franchise", "CSK");
            assertThat(miBid).hasAttribute("data-amount", String.valueOf(second));
            assertThat(miBid).hasAttribute("data-lot", lot);
            assertThat(miBid).isEnabled();
            assertThat(cskBid).isDisabled();
            assertThat(cskBid).hasAttribute("data-reason", "highest-bidder");

            // MI answers with a double click: the first bid is taken, the second (the same, now passed amount)
            // refused as stale and the refusal shown.
            miBid.evaluate("button => { button.click(); button.click(); }");
            assertThat(mi.getByTestId("last-refusal")).isVisible();
            assertThat(mi.getByTestId("last-refusal")).hasAttribute("data-reason", "stale");
            assertThat(mi.getByTestId("last-refusal")).containsText("next bid");

            int third =
                    Increments.IPL.nextBid(Lakh.of(basePrice), Lakh.of(second)).value();
            assertThat(csk.getByTestId("current-bid")).hasAttribute("data-lakh", String.valueOf(second));
            assertThat(csk.getByTestId("high-bidder")).hasAttribute("data-franchise", "MI");
            assertThat(cskBid).hasAttribute("data-amount", String.valueOf(third));
            assertThat(miBid).isDisabled();
            assertThat(csk.getByTestId("clock")).hasAttribute("data-closes-at", Pattern.compile("\\d{4}-.+Z"));

            // Nobody bids again: the clock runs out and both screens show the lot sold to MI, and MI's purse down.
            var sold = new LocatorAssertions.HasAttributeOptions().setTimeout(SOLD_WAIT_MS);
            for (Page page : List.of(csk, mi)) {
                Locator item = page.locator("[data-testid=feed-item][data-lot='" + lot + "']");
                assertThat(item).hasAttribute("data-sold-to", "MI", sold);
                assertThat(item).hasAttribute("data-price", String.valueOf(second));
                assertThat(page.getByTestId("franchise-MI").getByTestId("purse"))
                        .hasAttribute("data-lakh", String.valueOf(miPurse - second));
                assertThat(page.getByTestId("franchise-MI").getByTestId("squad-size"))
                        .hasText("1");
            }
            assertThat(csk.getByTestId("lot-number")).not().hasAttribute("data-lot", lot);
            screenshots(csk, "room");
            if (!System.getProperty("screens.dir", "").isBlank()) {
                Page other = cskBrowser.newPage();
                String base = "http://localhost:" + port;
                for (String path : List.of("", "/squads", "/results", "/pool")) {
                    other.navigate(base + (path.isEmpty() ? "/" : "/auctions/" + table.code() + path));
                    screenshots(other, path.isEmpty() ? "home" : path.substring(1));
                }
                other.navigate(base + "/auctions/ZZZZ99");
                screenshots(other, "not-found");
            }
        }
    }

    @Test
    void theHostPausesAndSkipsAndTheFormerFranchiseMatchesThroughTheRtmPanel() {
        try (BrowserContext cskBrowser = newContext();
                BrowserContext miBrowser = newContext()) {
            Table table = seatCskAndMi(cskBrowser, miBrowser, CLOCK_SECONDS);
            Page csk = table.csk();
            Page mi = table.mi();
            Locator miBid = mi.getByTestId("bid-button");

            // The host pauses: both rooms show it and nobody can bid; then resumes.
            csk.getByTestId("host-pause").click();
            for (Page page : List.of(csk, mi)) {
                assertThat(page.getByTestId("auction-phase")).hasAttribute("data-phase", "PAUSED");
                assertThat(page.getByTestId("paused-banner")).isVisible();
            }
            assertThat(miBid).isDisabled();
            assertThat(miBid).hasAttribute("data-reason", "not-running");
            csk.getByTestId("host-resume").click();
            assertThat(mi.getByTestId("auction-phase")).hasAttribute("data-phase", "RUNNING");

            // The host skips lots until one comes up whose 2024 franchise was CSK.
            String lot = null;
            for (int skips = 0; skips < 60 && lot == null; skips++) {
                String current = (String)
                        csk.evaluate(
                                "() => { const l = window.__auction.lot; return l ? l.number + ':' + (l.player.team2024 || '') : ''; }");
                String number = current.isEmpty() ? "" : current.substring(0, current.indexOf(':'));
                if (current.endsWith(":CSK")) {
                    lot = number;
                } else {
                    csk.getByTestId("host-skip").click();
                    assertThat(csk.getByTestId("lot-number")).not().hasAttribute("data-lot", number);
                }
            }
            Assertions.assertThat(lot).as("a lot of a 2024 CSK player").isNotNull();
            assertThat(mi.getByTestId("lot-player-team2024")).hasAttribute("data-franchise", "CSK");
            int cskPurse = lakh(csk.getByTestId("franchise-CSK").getByTestId("purse"));

            // MI bids; when the clock runs out CSK may match, and only CSK sees the buttons.
            assertThat(miBid).hasAttribute("data-lot", lot);
            miBid.click();
            assertThat(csk.getByTestId("high-bidder")).hasAttribute("data-franchise", "MI");
            var rtmWait = new LocatorAssertions.IsVisibleOptions().setTimeout(SOLD_WAIT_MS);
            assertThat(csk.getByTestId("rtm-match")).isVisible(rtmWait);
            assertThat(mi.getByTestId("rtm-panel")).isVisible();
            assertThat(mi.getByTestId("rtm-panel")).hasAttribute("data-stage", "RTM_OFFERED");
            assertThat(mi.getByTestId("rtm-match")).isHidden();
            screenshot(csk, "room-rtm");
            csk.getByTestId("rtm-match").click();

            // MI, the highest bidder, raises once; CSK matches the raise and gets the player with its card.
            assertThat(mi.getByTestId("rtm-raise")).isVisible();
            int minimum = Integer.parseInt(mi.getByTestId("rtm-raise-amount").inputValue());
            int raise = minimum + 45;
            mi.getByTestId("rtm-raise-amount").fill(String.valueOf(raise));
            mi.getByTestId("rtm-raise").click();
            assertThat(csk.getByTestId("lot-stage")).hasAttribute("data-stage", "RTM_RAISED");
            assertThat(csk.getByTestId("current-bid")).hasAttribute("data-lakh", String.valueOf(raise));
            csk.getByTestId("rtm-match").click();

            for (Page page : List.of(csk, mi)) {
                Locator item = page.locator("[data-testid=feed-item][data-lot='" + lot + "']");
                assertThat(item).hasAttribute("data-sold-to", "CSK");
                assertThat(item).hasAttribute("data-price", String.valueOf(raise));
                assertThat(item).hasAttribute("data-rtm", "true");
                Locator cskRow = page.getByTestId("franchise-CSK");
                assertThat(cskRow.getByTestId("rtm-cards")).hasText("0");
                assertThat(cskRow.getByTestId("purse")).hasAttribute("data-lakh", String.valueOf(cskPurse - raise));
            }
        }
    }

    private static BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    private static int lakh(Locator locator) {
        return Integer.parseInt(locator.getAttribute("data-lakh"));
    }

    /** Saves what the page shows now (the viewport only, it is quick) when -Dscreens.dir is set. */
    private static void screenshot(Page page, String name) {
        String dir = System.getProperty("screens.dir", "");
        if (!dir.isBlank()) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name + ".png")));
        }
    }

    /** Saves the page at 1280 and 375 px wide when -Dscreens.dir is set, and checks nothing scrolls sideways. */
    private static void screenshots(Page page, String name) {
        String dir = System.getProperty("screens.dir", "");
        if (dir.isBlank()) {
            return;
        }
        page.evaluate("() => window.scrollTo(0, 0)");
        for (int width : new int[] {1280, 375}) {
            page.setViewportSize(width, width == 375 ? 812 : 900);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            Assertions.assertThat(((Number) overflow).intValue())
                    .as("horizontal overflow of the %s at %d px", name, width)
                    .isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of(dir, name + "-" + width + ".png"))
                    .setFullPage(true));
        }
        page.setViewportSize(1280, 900);
    }
}
