package dev.iplauction.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor under the agents' reaction times, measured on this machine in the same run (so a noisy machine moves both
 * alike): one Chromium page seated as MI in the room, a rival (CSK) bidding through the HTTP API.
 *
 * <ul>
 *   <li>push: the rival's bid sent → the view showing it reaches Java through a Playwright binding (what an agent's
 *       seat waits for before it can decide anything);
 *   <li>click round trip: Java clicks the page's bid button → the view showing the bid accepted is back in Java (the
 *       path of a bid decided in Java);
 *   <li>in-page: the page's own click → the page shows its bid accepted (the path of the page's reflex).
 * </ul>
 *
 * <p>Usage: {@code AgentsFloor --url http://127.0.0.1:18080 [--chromium PATH] [--samples 60]}
 */
public final class AgentsFloor {

    /** Tells Java of every view with a bid, and keeps the page's own click times for the in-page figure. */
    private static final String WATCH = """
            (() => {
              window.__clicks = {};
              window.__inPage = [];
              document.addEventListener("auction:view", (e) => {
                const lot = e.detail.lot;
                if (!lot || lot.currentBid === null || lot.currentBid === undefined) return;
                const at = performance.now();
                const clicked = window.__clicks[lot.currentBid];
                if (clicked !== undefined && lot.highestBidder === "MI") {
                  window.__inPage.push(at - clicked);
                  delete window.__clicks[lot.currentBid];
                }
                window.__floor(lot.currentBid + ":" + lot.highestBidder);
              });
            })();
            """;

    private static final String CLICK = """
            () => {
              const b = document.querySelector('[data-testid="bid-button"]');
              if (!b || b.disabled) return "not:" + (b ? b.dataset.reason : "no-button");
              window.__clicks[Number(b.dataset.amount)] = performance.now();
              b.click();
              return b.dataset.amount;
            }
            """;

    private AgentsFloor() {}

    public static void main(String[] args) throws Exception {
        String url = Args.string(args, "--url", "http://127.0.0.1:18080");
        String chromium = Args.string(args, "--chromium", System.getenv().getOrDefault("CHROMIUM_PATH", ""));
        int samples = Args.integer(args, "--samples", 60);
        Http http = new Http(url);
        Http.Reply created = http.post(
                "/api/auctions",
                "{\"catalogue\":\"quick\",\"purseLakh\":1000000,\"rtmCards\":0,\"bidWindowMillis\":300000,"
                        + "\"name\":\"Agents floor\"}",
                null);
        Http.require(created, 201);
        String code = created.body().get("code").asString();
        String host = created.body().get("hostToken").asString();
        String csk = http.seat(code, "CSK");

        Map<String, Long> seen = new ConcurrentHashMap<>();
        var options = new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        try (Playwright playwright = Playwright.create(options)) {
            var launch = new BrowserType.LaunchOptions()
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"));
            if (!chromium.isBlank()) {
                launch.setExecutablePath(Path.of(chromium));
            }
            Browser browser = playwright.chromium().launch(launch);
            BrowserContext context = browser.newContext();
            context.exposeBinding("__floor", (source, a) -> {
                seen.putIfAbsent(String.valueOf(a[0]), System.nanoTime());
                return null;
            });
            context.addInitScript(WATCH);
            Page page = context.newPage();
            page.navigate(url + "/auctions/" + code);
            page.click("[data-testid=take-seat-MI]");
            page.waitForSelector("[data-testid=my-franchise][data-franchise=MI]");
            Http.require(http.post("/api/auctions/" + code + "/host/start", "", host), 204);
            page.waitForSelector("body[data-page=room] [data-testid=bid-button]");
            page.waitForCondition(
                    () -> Boolean.TRUE.equals(page.evaluate("() => !!(window.__auction && window.__auction.lot)")));
            int lot = ((Number) page.evaluate("() => window.__auction.lot.number")).intValue();
            Lakh next = Lakh.of(((Number) page.evaluate("() => window.__auction.lot.nextBid")).intValue());

            List<Double> push = new ArrayList<>();
            List<Double> click = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                // The rival bids: how long until Java hears of it.
                Lakh rival = next;
                long sent = System.nanoTime();
                CompletableFuture<Http.Reply> answer = CompletableFuture.supplyAsync(() -> {
                    try {
                        return http.post(
                                "/api/auctions/" + code + "/bids",
                                "{\"franchise\":\"CSK\",\"lot\":" + lot + ",\"amount\":" + rival.value() + "}",
                                csk);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                String rivalKey = rival.value() + ":CSK";
                page.waitForCondition(() -> seen.containsKey(rivalKey));
                Http.require(answer.join(), 200);
                push.add((seen.get(rivalKey) - sent) / 1e6);
                next = Increments.IPL.nextBid(Lakh.ZERO, rival);

                // Java clicks the page's button: how long until Java sees the bid accepted.
                Lakh mine = next;
                long clicked = System.nanoTime();
                Object what = page.evaluate(CLICK);
                if (!String.valueOf(mine.value()).equals(String.valueOf(what))) {
                    throw new IllegalStateException("the bid button did not bid " + mine + ": " + what);
                }
                String mineKey = mine.value() + ":MI";
                page.waitForCondition(() -> seen.containsKey(mineKey));
                click.add((seen.get(mineKey) - clicked) / 1e6);
                next = Increments.IPL.nextBid(Lakh.ZERO, mine);
            }
            @SuppressWarnings("unchecked")
            List<Number> inPage = (List<Number>) page.evaluate("() => window.__inPage");
            System.out.printf("floor (%d samples each, one seated page, this machine now):%n", samples);
            System.out.println("  push, rival's bid sent -> view in Java (Playwright binding):  "
                    + new Percentiles(toArray(push)).summary(" ms"));
            System.out.println("  click round trip, Java clicks -> accepted view back in Java:  "
                    + new Percentiles(toArray(click)).summary(" ms"));
            System.out.println("  in-page, the page clicks -> the page shows it accepted:       "
                    + new Percentiles(inPage.stream()
                                    .mapToDouble(Number::doubleValue)
                                    .toArray())
                            .summary(" ms"));
            browser.close();
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
