package dev.iplauction.agent.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The room as a person sees it, in a real auction with AI franchises: the auction house as its own process on a real
 * broker, one agent-service instance playing eight franchises through Chromium (asking a fake Ollama), and a
 * person in RCB's seat in another Chromium. The person's room marks the AI seats, shows the ladder and the player card,
 * shows each AI franchise's maximum, source and reason once a lot is hammered (and agrees with agent.decisions), bids
 * with the B key and raises the outbid alert. Screenshots at 1280 and 375 px go to docs/screenshots/, and axe-core
 * (installed by .ci/run) finds no serious or critical violation on the room or the results page.
 */
class RoomForPeopleIT {

    private static final Franchise PERSON = Franchise.RCB;
    private static final Set<Franchise> AGENTS = EnumSet.complementOf(EnumSet.of(PERSON, Franchise.PBKS));
    private static final Duration LIVE = Duration.ofMinutes(3);
    private static final Map<String, String> SOURCES = Map.of(
            "RULES", "by its rules",
            "LLM", "by the LLM's advice",
            "CACHE", "by a cached LLM answer",
            "FALLBACK", "by its rules (the LLM failed or timed out)");

    private static Arena arena;
    private static FakeOllama ollama;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void open() {
        arena = Arena.open("room-for-people");
        ollama = FakeOllama.start();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true);
        String chromium = System.getProperty("chromium.path", "");
        if (!chromium.isBlank()) {
            launch.setExecutablePath(Path.of(chromium));
        }
        browser = playwright.chromium().launch(launch);
    }

    @AfterAll
    static void close() {
        for (AutoCloseable c : new AutoCloseable[] {browser, playwright, arena, ollama}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + c + ": " + e);
            }
        }
    }

    @Test
    void aPersonSeesWhatTheAiFranchisesDoAndThinkAndBidsByKeyboard() throws Exception {
        AuctionHouseProcess house = arena.house();
        // A 3 s clock: a person's page has time to act; PBKS stays empty, to show an empty seat beside AI and person.
        AuctionHouseProcess.Auction auction = house.createAuction("""
                {"catalogue":"quick","seed":2025,"bidWindowMillis":3000,"acceleratedWindowMillis":2000,
                 "rtmWindowMillis":1500}""");
        String code = auction.code();
        try (ConfigurableApplicationContext agents = arena.startAgents(
                        code,
                        Duration.ofSeconds(1),
                        "--agent.skip-teams=" + PERSON.code() + "," + Franchise.PBKS.code(),
                        "--agent.llm.enabled=true",
                        "--agent.llm.base-url=" + ollama.baseUrl(),
                        "--agent.llm.model=" + FakeOllama.MODEL);
                BrowserContext context =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            arena.awaitSeatsReady(code, AGENTS);
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate(house.baseUrl() + "/auctions/" + code);
            page.locator("[data-testid=take-seat-" + PERSON.code() + "]").click();
            page.locator("[data-testid=seat-token]").waitFor();
            page.navigate(house.baseUrl() + "/auctions/" + code + "/room");

            // Who is who: every agent's seat says AI, the person's says Person, the empty one neither.
            await().atMost(LIVE).pollInSameThread().untilAsserted(() -> {
                for (Franchise f : AGENTS) {
                    assertThat(seatKind(page, f)).as("%s's seat", f).isEqualTo("ai");
                }
            });
            assertThat(seatKind(page, PERSON)).isEqualTo("person");
            assertThat(seatKind(page, Franchise.PBKS)).isEqualTo("empty");

            house.start(auction);

            // The player card: the statistics the agents price from.
            await().atMost(LIVE)
                    .pollInSameThread()
                    .until(() -> page.locator("[data-testid=player-stat]").count() > 0);
            assertThat(page.locator("[data-testid=player-card] dt").allInnerTexts())
                    .anyMatch(t -> t.startsWith("IPL") || t.startsWith("T20") || t.equals("Form"));

            // The ladder fills with the agents' bids, each marked AI.
            await().atMost(LIVE)
                    .pollInSameThread()
                    .until(() -> page.locator("[data-testid=ladder-rung][data-kind=ai]")
                                    .count()
                            > 0);

            // After a hammer: each AI franchise's maximum, source and reason, as it published them; the LLM's (the
            // fake Ollama's) advice among them.
            Locator lotDecisions = page.locator("[data-testid=lot-decisions]").first();
            await().atMost(LIVE)
                    .pollInSameThread()
                    .until(() -> lotDecisions.count() > 0
                            && lotDecisions
                                            .locator("[data-testid=decision][data-source=LLM]")
                                            .count()
                                    > 0);
            int lot = Integer.parseInt(lotDecisions.getAttribute("data-lot"));
            Map<Franchise, DecisionMade> published = arena.decisions(code).stream()
                    .filter(d -> d.lot() == lot)
                    .collect(Collectors.toMap(DecisionMade::franchise, Function.identity(), (a, b) -> b));
            await().atMost(LIVE)
                    .pollInSameThread()
                    .untilAsserted(() -> assertThat(lotDecisions
                                    .locator("[data-testid=decision]")
                                    .count())
                            .isEqualTo(published.size()));
            assertThat(published.keySet())
                    .as("the AI franchises that took part in lot %d", lot)
                    .isEqualTo(AGENTS);
            for (Locator d : lotDecisions.locator("[data-testid=decision]").all()) {
                Franchise f =
                        Franchise.fromCode(d.getAttribute("data-franchise")).orElseThrow();
                DecisionMade expected = published.get(f);
                assertThat(d.getAttribute("data-source"))
                        .isEqualTo(expected.source().name());
                assertThat(d.getAttribute("data-max"))
                        .isEqualTo(
                                expected.maxBid() == null
                                        ? ""
                                        : String.valueOf(expected.maxBid().value()));
                assertThat(d.locator("[data-testid=decision-source]").innerText())
                        .isEqualTo(SOURCES.get(expected.source().name()));
                assertThat(d.locator("[data-testid=decision-reason]").innerText())
                        .isNotBlank()
                        .isEqualTo(expected.reason().replaceAll("\\s+", " ").strip());
            }
            // During a lot only in or out: no decision on the open lot is among those shown with maxima.
            assertThat(
                            page.evaluate(
                                    "() => { const t = window.__table; return t.lot === 0 || t.revealed.every(l => l.lot < t.lot); }"))
                    .isEqualTo(true);

            screenshot(page, "room-1280.png", true);

            // B bids; the person's bid joins the ladder marked Person; then the outbid alert, in the page and the tab.
            Locator alert = page.locator("[data-testid=outbid-alert]");
            Locator sound = page.locator("[data-testid=outbid-sound]");
            sound.check(); // the outbid sound is off until the person asks for it
            Set<String> seen = new TreeSet<>();
            await().atMost(Duration.ofMinutes(6))
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(150))
                    .until(() -> {
                        if (page.locator("[data-testid=ladder-rung][data-franchise=RCB][data-kind=person]")
                                        .count()
                                > 0) {
                            seen.add("ladder");
                        }
                        if (alert.isVisible() && page.title().startsWith("Outbid!")) {
                            seen.add("alert");
                            return seen.contains("ladder");
                        }
                        if (page.locator("[data-testid=bid-button]").isEnabled()) {
                            page.locator("body").press("b");
                        }
                        return false;
                    });
            assertThat(alert.innerText()).startsWith("Outbid on ");
            assertThat(Integer.parseInt(sound.getAttribute("data-chimes")))
                    .as("the outbid sound played")
                    .isPositive();
            assertThat(page.evaluate("() => localStorage.getItem('auction.outbid-sound')"))
                    .as("the choice is remembered")
                    .isEqualTo("on");
            screenshot(page, "room-outbid-1280.png", false);
            // The shortcut does nothing while someone types in a field, even when the button would bid.
            page.evaluate("""
                    () => {
                      const input = document.createElement("input");
                      input.id = "probe";
                      input.setAttribute("aria-label", "probe");
                      document.body.append(input);
                      window.__bidPosts = 0;
                      const f = window.fetch;
                      window.fetch = (u, o) => { if (String(u).endsWith("/bids")) window.__bidPosts++; return f(u, o); };
                    }""");
            await().atMost(LIVE)
                    .pollInSameThread()
                    .until(() -> page.locator("[data-testid=bid-button]").isEnabled());
            page.locator("#probe").press("b");
            assertThat(page.locator("#probe").inputValue()).isEqualTo("b");
            assertThat(page.evaluate("() => window.__bidPosts")).isEqualTo(0);
            page.evaluate("() => document.getElementById('probe').remove()");

            page.setViewportSize(375, 800);
            page.evaluate("() => window.scrollTo(0, 0)");
            screenshot(page, "room-375.png", false);
            page.setViewportSize(1280, 900);

            accessibility(page, "the room");
            // The same in the dark theme (the system setting decides; Chromium headless says light unless told).
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
            screenshot(page, "room-dark-1280.png", false);
            accessibility(page, "the room, dark");
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
            house.host(auction, "end");
            page.navigate(house.baseUrl() + "/auctions/" + code + "/results");
            assertThat(page.locator("[data-testid=report-link]").getAttribute("href"))
                    .endsWith("/reports/" + code);
            accessibility(page, "the results");
        }
    }

    private static String seatKind(Page page, Franchise f) {
        return page.locator("[data-testid=franchise-" + f.code() + "] [data-testid=seat-kind]")
                .getAttribute("data-kind");
    }

    /** The repository's docs/screenshots, whether the tests run from the module or the root. */
    private static void screenshot(Page page, String name, boolean fullPage) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        if (root.getFileName().toString().equals("system-tests")) {
            root = root.getParent();
        }
        Path dir = root.resolve("docs").resolve("screenshots");
        Files.createDirectories(dir);
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)).setFullPage(fullPage));
    }

    /**
     * axe-core's serious and critical violations on the page (none allowed). axe-core comes from npm, pinned, as
     * .ci/run installs it into .cache/axe; a machine without it fails here, saying how to get it.
     */
    private static void accessibility(Page page, String what) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        if (root.getFileName().toString().equals("system-tests")) {
            root = root.getParent();
        }
        Path axe = root.resolve(".cache/axe/node_modules/axe-core/axe.min.js");
        assertThat(axe)
                .as("axe-core: npm install --no-save --prefix .cache/axe axe-core@4.14.1 (as .ci/run does)")
                .exists();
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(axe)));
        @SuppressWarnings("unchecked")
        List<Object> violations = (List<Object>) page.evaluate("""
                async () => {
                  const r = await axe.run(document, { resultTypes: ["violations"] });
                  return r.violations
                    .filter((v) => v.impact === "serious" || v.impact === "critical")
                    .map((v) => v.id + " (" + v.impact + "): " + v.help + " at "
                      + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", "));
                }""");
        assertThat(violations)
                .as("serious or critical accessibility violations on %s", what)
                .isEmpty();
    }
}
