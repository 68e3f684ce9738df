package dev.iplauction.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time from a bid to the new amount showing in a browser that watches the auction room: the page records, with a
 * MutationObserver, the wall-clock moment each amount appears in {@code [data-testid=current-bid]}; this program
 * records when it sent each bid and when the auction house answered. Both read the same system clock.
 *
 * <p>Usage: {@code BrowserLatency [--url http://localhost:8080] [--bids 300] [--gap-ms 25] [--chromium PATH]}
 */
public final class BrowserLatency {

    private static final String OBSERVER = """
            () => {
              window.__seen = [];
              const record = () => {
                const el = document.querySelector('[data-testid=current-bid]');
                if (el && el.dataset.lakh) window.__seen.push([Number(el.dataset.lakh), Date.now()]);
              };
              new MutationObserver(record).observe(document.body,
                  {subtree: true, childList: true, characterData: true, attributes: true});
            }
            """;

    public static void main(String[] args) throws Exception {
        String url = Args.string(args, "--url", "http://localhost:8080");
        int bids = Args.integer(args, "--bids", 300);
        int gapMillis = Args.integer(args, "--gap-ms", 25);
        String chromium = Args.string(args, "--chromium", System.getenv().getOrDefault("CHROMIUM_PATH", ""));
        Http http = new Http(url);
        Http.Auction war = http.startBiddingWar(300_000);

        var options = new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        try (Playwright playwright = Playwright.create(options)) {
            var launch = new BrowserType.LaunchOptions()
                    .setHeadless(true)
                    .setArgs(List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync"));
            if (!chromium.isBlank()) {
                launch.setExecutablePath(Path.of(chromium));
            }
            Browser browser = playwright.chromium().launch(launch);
            Page page = browser.newPage();
            page.navigate(url + "/auctions/" + war.code() + "/room");
            page.waitForSelector("[data-testid=current-bid]");
            page.evaluate(OBSERVER);

            Map<Integer, long[]> sent = new HashMap<>();
            Lakh next = Lakh.of(((Number) page.evaluate("() => window.__auction.lot.nextBid")).intValue());
            int lot = ((Number) page.evaluate("() => window.__auction.lot.number")).intValue();
            boolean cskTurn = true;
            for (int i = 0; i < bids; i++) {
                long before = System.currentTimeMillis();
                Http.Reply reply = http.post(
                        "/api/auctions/" + war.code() + "/bids",
                        "{\"franchise\":\"" + (cskTurn ? "CSK" : "MI") + "\",\"lot\":" + lot + ",\"amount\":"
                                + next.value() + "}",
                        cskTurn ? war.csk() : war.mi());
                long after = System.currentTimeMillis();
                Http.require(reply, 200);
                sent.put(next.value(), new long[] {before, after});
                next = Increments.IPL.nextBid(Lakh.ZERO, next);
                cskTurn = !cskTurn;
                page.waitForTimeout(gapMillis); // also lets Playwright pump the page's events
            }
            page.waitForTimeout(500);

            @SuppressWarnings("unchecked")
            List<List<Number>> seen = (List<List<Number>>) page.evaluate("() => window.__seen");
            Map<Integer, Long> firstSeen = new HashMap<>();
            for (List<Number> s : seen) {
                firstSeen.putIfAbsent(s.get(0).intValue(), s.get(1).longValue());
            }
            List<Double> fromSend = new ArrayList<>();
            List<Double> fromAnswer = new ArrayList<>();
            int missing = 0;
            for (var e : sent.entrySet()) {
                Long shown = firstSeen.get(e.getKey());
                if (shown == null) {
                    missing++;
                    continue;
                }
                fromSend.add((double) (shown - e.getValue()[0]));
                fromAnswer.add((double) (shown - e.getValue()[1]));
            }
            System.out.printf("%d bids, %d shown on the page, %d never shown%n", sent.size(), fromSend.size(), missing);
            System.out.println("bid sent -> shown in browser:     "
                    + new Percentiles(fromSend.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .toArray())
                            .summary(" ms"));
            System.out.println("bid accepted -> shown in browser: "
                    + new Percentiles(fromAnswer.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .toArray())
                            .summary(" ms"));
            browser.close();
        }
    }
}
