package dev.iplauction.agent.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.iplauction.agent.testing.AuctionHouseProcess;
import dev.iplauction.contracts.Franchise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Measures one instance's browser with nine seats against the real auction house and prints the numbers: host start,
 * nine seats joining, push-to-listener latency, click-to-accepted latency, the cost of a checked click against a
 * dispatched one, and memory. A benchmark, not a test: it runs only with {@code -Dbrowser.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "browser.benchmark", matches = "true")
class BrowserSeatsBenchmarkIT {

    private static final List<Franchise> SEATS = List.of(
            Franchise.CSK,
            Franchise.DC,
            Franchise.GT,
            Franchise.KKR,
            Franchise.LSG,
            Franchise.MI,
            Franchise.PBKS,
            Franchise.RCB,
            Franchise.RR);
    private static final int BIDS = 60;

    @Test
    void nineSeatsInOneBrowser() throws Exception {
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        // The auction house writes in transactions: one broker must be enough for the transaction log.
        broker.brokerProperties(java.util.Map.of(
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        ExecutorService seatThreads = Executors.newVirtualThreadPerTaskExecutor();
        try (var house = AuctionHouseProcess.builder(broker.getBrokersAsString())
                .name("browser-benchmark")
                .jvmOptions("-Xmx512m")
                .start()) {
            var drivers = ChromiumProcesses.driverProcesses();
            long began = System.nanoTime();
            try (BrowserHost host = BrowserHost.start(PlaywrightAuctionPageIT.settings())) {
                long startMillis = (System.nanoTime() - began) / 1_000_000;
                print(
                        "BrowserHost.start (Playwright + Debian Chromium): %d ms wall, %d ms inside",
                        startMillis, host.startupTime().toMillis());

                List<PlaywrightAuctionPage> pages = new ArrayList<>();
                List<RecordingListener> seen = new ArrayList<>();
                for (Franchise f : SEATS) {
                    var listener = new RecordingListener();
                    seen.add(listener);
                    pages.add(new PlaywrightAuctionPage(host, f.code(), seatThreads, listener));
                }
                // The first round meets a house that has just started (its pages not compiled yet): measure it, then
                // join a second auction as a long-running house would be met.
                var coldAuction = house.createQuickAuction(Duration.ofSeconds(30), 4);
                print("9 seats joined a just-started house, side by side: %d ms", joinAll(pages, house, coldAuction));
                var auction = house.createQuickAuction(Duration.ofSeconds(30), 5);
                print(
                        "9 seats joined (lobby, rejoin form, room; fresh contexts), side by side: %d ms",
                        joinAll(pages, house, auction));

                house.start(auction);
                RoomView first = seen.getFirst().awaitView(v -> v.lot() != null, Duration.ofSeconds(5));
                int lot = first.lot().number();

                // Two seats bid against each other; all nine watch. Each bid: click, then wait for the view showing it.
                int[] counts = new int[SEATS.size()];
                for (int i = 0; i < SEATS.size(); i++) {
                    counts[i] = seen.get(i).views.size();
                }
                long[] machineBefore = machineCpuMillis();
                long biddingBegan = System.nanoTime();
                List<Double> clickToAccepted = new ArrayList<>();
                List<Double> bidCall = new ArrayList<>();
                RoomView current = first;
                for (int n = 0; n < BIDS; n++) {
                    int who = n % 2; // CSK and DC
                    var amount = current.lot().nextBid();
                    int from = seen.get(who).views.size();
                    var clicked = Instant.now();
                    long t0 = System.nanoTime();
                    Click click = pages.get(who).bid(lot, amount).get(5, TimeUnit.SECONDS);
                    long t1 = System.nanoTime();
                    assertThat(click.clicked()).as("bid %d: %s", n, click).isTrue();
                    var accepted = seen.get(who)
                            .awaitArrival(
                                    v -> v.lot() != null && v.lot().isHeldBy(SEATS.get(who), amount),
                                    Duration.ofSeconds(5),
                                    from);
                    bidCall.add((t1 - t0) / 1e6);
                    clickToAccepted.add(Duration.between(clicked, accepted.at()).toNanos() / 1e6);
                    current = accepted.view();
                    // Every seat must have seen it before the next bid, so the samples are one per seat per bid.
                    for (RecordingListener watcher : seen) {
                        watcher.awaitView(
                                v -> v.lot() != null && v.lot().isHeldBy(SEATS.get(who), amount),
                                Duration.ofSeconds(5));
                    }
                }
                long[] machineAfter = machineCpuMillis();
                double biddingSeconds = (System.nanoTime() - biddingBegan) / 1e9;
                print(
                        "machine CPU while bidding: %.0f%% busy of %d cores (%.0f ms/s busy)",
                        100.0
                                * (machineAfter[0] - machineBefore[0])
                                / ((machineAfter[1] - machineBefore[1]) + (machineAfter[0] - machineBefore[0])),
                        Runtime.getRuntime().availableProcessors(),
                        (machineAfter[0] - machineBefore[0]) / biddingSeconds);
                List<Double> pageToListener = new ArrayList<>();
                List<Double> houseToListener = new ArrayList<>();
                for (int i = 0; i < SEATS.size(); i++) {
                    for (var arrival : seen.get(i)
                            .views
                            .subList(counts[i], seen.get(i).views.size())) {
                        pageToListener.add(Duration.between(arrival.view().receivedAt(), arrival.at())
                                        .toNanos()
                                / 1e6);
                        houseToListener.add(Duration.between(arrival.view().serverTime(), arrival.at())
                                        .toNanos()
                                / 1e6);
                    }
                }
                print(
                        "page applies a view -> seat listener (all 9 seats, %d views): %s",
                        pageToListener.size(), percentiles(pageToListener));
                print(
                        "house makes a view -> seat listener (SSE, page, binding, hand-off): %s",
                        percentiles(houseToListener));
                print("bid(): evaluate-dispatched click, call -> future done: %s", percentiles(bidCall));
                print(
                        "click -> accepted (bid() called -> own listener sees itself highest at that amount): %s",
                        percentiles(clickToAccepted));

                // The cost of Playwright's checked click against a click dispatched in the page, on the browser thread,
                // in a painted page watching the room (a checked click needs the element drawn).
                String room = house.baseUrl() + "/auctions/" + auction.code() + "/room";
                BrowserContext watching = host.call(b -> b.newContext()).get(10, TimeUnit.SECONDS);
                Page csk = host.call(b -> {
                            Page page = watching.newPage();
                            page.navigate(room);
                            return page;
                        })
                        .get(20, TimeUnit.SECONDS);
                List<Double> checked = new ArrayList<>();
                List<Double> dispatched = new ArrayList<>();
                for (int n = 0; n < 20; n++) {
                    checked.add(host.call(b -> {
                                long t = System.nanoTime();
                                csk.getByTestId("lot-number").click();
                                return (System.nanoTime() - t) / 1e6;
                            })
                            .get(10, TimeUnit.SECONDS));
                    dispatched.add(host.call(b -> {
                                long t = System.nanoTime();
                                csk.evaluate(PageScripts.CLICK_IF_SHOWN, "lot-number");
                                return (System.nanoTime() - t) / 1e6;
                            })
                            .get(10, TimeUnit.SECONDS));
                }
                print("locator.click() (actionability checks): %s", percentiles(checked));
                print("evaluate(element.click()): %s", percentiles(dispatched));
                host.call(b -> {
                            watching.close();
                            return null;
                        })
                        .get(10, TimeUnit.SECONDS);

                // What nine open rooms cost while nothing happens (the pages' own clocks tick every 100 ms).
                ProcessHandle idleDriver = ChromiumProcesses.newDriver(drivers);
                long[] before = cpuMillis(idleDriver);
                Thread.sleep(10_000);
                long[] after = cpuMillis(idleDriver);
                print(
                        "CPU while idle with 9 rooms open, per second: this JVM %d ms, driver %d ms, Chromium %d ms",
                        (after[0] - before[0]) / 10, (after[1] - before[1]) / 10, (after[2] - before[2]) / 10);

                // Memory with nine seats open.
                ProcessHandle driver = ChromiumProcesses.newDriver(drivers);
                long driverKib = ChromiumProcesses.pssKib(driver);
                long chromiumKib = driver.descendants()
                        .mapToLong(ChromiumProcesses::pssKib)
                        .sum();
                long javaKib = ChromiumProcesses.pssKib(ProcessHandle.current());
                print(
                        "PSS with 9 seats: driver (node) %d MiB, Chromium (%d processes) %d MiB, this test JVM %d MiB"
                                + " (includes the embedded Kafka broker and the test itself)",
                        driverKib / 1024, driver.descendants().count(), chromiumKib / 1024, javaKib / 1024);
                pages.forEach(PlaywrightAuctionPage::close);
            }
        } finally {
            seatThreads.close();
            broker.destroy();
        }
    }

    /** Joins every page to the auction at once; the time until all have joined, in ms. */
    private static long joinAll(
            List<PlaywrightAuctionPage> pages, AuctionHouseProcess house, AuctionHouseProcess.Auction auction)
            throws Exception {
        long began = System.nanoTime();
        List<CompletableFuture<JoinResult>> joins = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            joins.add(pages.get(i).join(house.baseUrl(), auction.code(), SEATS.get(i), "bench-" + UUID.randomUUID()));
        }
        CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - began) / 1_000_000;
        joins.forEach(j -> assertThat(j.join()).isEqualTo(JoinResult.JOINED));
        return millis;
    }

    /** The whole machine's busy and idle CPU time so far (all cores), in ms, from /proc/stat. */
    private static long[] machineCpuMillis() throws java.io.IOException {
        String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                .getFirst()
                .trim()
                .split("\\s+");
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        return new long[] {(total - idle) * 10, idle * 10};
    }

    /** CPU time so far of this JVM, the driver and the driver's descendants (Chromium), in ms. */
    private static long[] cpuMillis(ProcessHandle driver) {
        return new long[] {
            ChromiumProcesses.cpuMillis(ProcessHandle.current()),
            ChromiumProcesses.cpuMillis(driver),
            driver.descendants().mapToLong(ChromiumProcesses::cpuMillis).sum()
        };
    }

    private static String percentiles(List<Double> samples) {
        double[] sorted =
                samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "n=%d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                sorted.length,
                at(sorted, 0.50),
                at(sorted, 0.90),
                at(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }

    private static double at(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static void print(String format, Object... args) {
        System.out.println("[browser-benchmark] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
