package dev.iplauction.bench;

import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * How many bids per second the auction house accepts through its HTTP API with every accepted bid durable on Kafka,
 * and how long an accepted bid takes. Each of N auctions has two franchises outbidding each other as fast as the
 * answers come back (one request in flight per auction, on its own keep-alive connection, as on a real lot); the
 * auctions run side by side. Then, for {@code --paced} seconds, the same auctions bid at half the rate just measured,
 * each on a fixed schedule, and a bid's latency counts from when it was due (so a stall delays every bid behind it,
 * and the numbers show it): the house's latency short of its peak.
 *
 * <p>Usage: {@code BidThroughput [--url http://localhost:8080] [--auctions 16] [--warmup 30] [--seconds 20]
 * [--paced 20] [--cpu-of house=PID,broker=PID]}
 */
public final class BidThroughput {

    public static void main(String[] args) throws Exception {
        String url = Args.string(args, "--url", "http://localhost:8080");
        int auctions = Args.integer(args, "--auctions", 16);
        Duration warmup = Duration.ofSeconds(Args.integer(args, "--warmup", 30));
        Duration measure = Duration.ofSeconds(Args.integer(args, "--seconds", 20));
        Duration paced = Duration.ofSeconds(Args.integer(args, "--paced", 20));
        Http http = new Http(url);

        List<War> wars = new ArrayList<>();
        for (int i = 0; i < auctions; i++) {
            wars.add(War.read(http, http.startBiddingWar(Duration.ofMinutes(5).toMillis())));
        }
        System.out.printf(
                "bidding in %d auctions at %s: %ds warm-up, %ds measured%n",
                auctions, url, warmup.toSeconds(), measure.toSeconds());

        ProcessCpu cpu = ProcessCpu.of("client", args);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + measure.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(auctions)) {
            List<Future<Result>> bidding = bidInEvery(url, http, wars, pool, measureFrom, measureTo, 0);
            cpu.startAt(measureFrom);
            Result all = Result.of(bidding);
            double seconds = measure.toNanos() / 1e9;
            System.out.printf(
                    "accepted bids: %d in %.1fs = %.0f bids/s (refused: %d)%n",
                    all.accepted(), seconds, all.accepted() / seconds, all.refused());
            System.out.println("accepted-bid latency: " + all.summary());
            System.out.println(cpu.per("accepted bid", all.accepted()));
            if (!paced.isZero() && all.accepted() > 0) {
                double rate = all.accepted() / seconds / 2;
                long interval = (long) (wars.size() * 1e9 / rate);
                long from = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                Result half = Result.of(bidInEvery(url, http, wars, pool, from, from + paced.toNanos(), interval));
                System.out.printf(
                        "at half the peak rate (%.0f bids/s asked, %.0f accepted): latency from when each bid was due:"
                                + " %s%n",
                        rate, half.accepted() / (paced.toNanos() / 1e9), half.summary());
            }
        }
    }

    /**
     * Every war bids on its own connection from {@code from} to {@code to}: back to back, or with an interval above
     * zero on a fixed schedule, the wars' schedules spread evenly (as bids from different rooms come).
     */
    private static List<Future<Result>> bidInEvery(
            String url, Http http, List<War> wars, ExecutorService pool, long from, long to, long interval) {
        List<Future<Result>> results = new ArrayList<>();
        for (int i = 0; i < wars.size(); i++) {
            War war = wars.get(i);
            long offset = i * interval / wars.size();
            results.add(pool.submit(() -> {
                try (BidConnection bids = new BidConnection(url)) {
                    return bidUntil(http, bids, war, from + offset, to + offset, interval);
                }
            }));
        }
        return results;
    }

    record Result(long accepted, long refused, List<Double> latenciesMillis) {

        static Result of(List<Future<Result>> parts) throws Exception {
            long accepted = 0;
            long refused = 0;
            List<Double> latencies = new ArrayList<>();
            for (Future<Result> f : parts) {
                Result r = f.get();
                accepted += r.accepted();
                refused += r.refused();
                latencies.addAll(r.latenciesMillis());
            }
            return new Result(accepted, refused, latencies);
        }

        String summary() {
            return new Percentiles(latenciesMillis.stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray())
                    .summary(" ms");
        }
    }

    /**
     * An auction's bidding war and where it stands: read once, then followed bid by bid (a fresh read of the state
     * after many thousand bids on one lot is slow enough to hold the paced part's start up).
     */
    private static final class War {
        final Http.Auction auction;
        int lot;
        Lakh next;
        boolean cskTurn;

        private War(Http.Auction auction) {
            this.auction = auction;
        }

        static War read(Http http, Http.Auction auction) throws Exception {
            War war = new War(auction);
            war.reread(http);
            return war;
        }

        void reread(Http http) throws Exception {
            JsonNode state = http.get("/api/auctions/" + auction.code()).body();
            lot = state.at("/lot/number").asInt();
            next = Lakh.of(state.at("/lot/nextBid").asInt());
            cskTurn = !"CSK".equals(state.at("/lot/highestBidder").asString());
        }
    }

    /**
     * Bids until measureTo, counting from measureFrom: back to back, or with intervalNanos above zero one bid every
     * interval from measureFrom on (a late answer makes the next bids go at once, each timed from when it was due).
     */
    private static Result bidUntil(
            Http http, BidConnection bids, War war, long measureFrom, long measureTo, long intervalNanos)
            throws Exception {
        long accepted = 0;
        long refused = 0;
        List<Double> latencies = new ArrayList<>();
        Schedule schedule = new Schedule(measureFrom, intervalNanos);
        while (true) {
            long sent = schedule.next();
            if (sent >= measureTo) {
                break;
            }
            String franchise = war.cskTurn ? "CSK" : "MI";
            String code = war.auction.code();
            int status = bids.post(
                    "/api/auctions/" + code + "/bids",
                    "{\"franchise\":\"" + franchise + "\",\"lot\":" + war.lot + ",\"amount\":" + war.next.value() + "}",
                    war.cskTurn ? war.auction.csk() : war.auction.mi());
            long took = System.nanoTime() - sent;
            boolean counted = sent >= measureFrom;
            if (status == 200) {
                if (counted) {
                    accepted++;
                    latencies.add(took / 1e6);
                }
                war.next = Increments.IPL.nextBid(Lakh.ZERO, war.next);
                war.cskTurn = !war.cskTurn;
            } else {
                if (counted) {
                    refused++;
                }
                war.reread(http);
            }
        }
        return new Result(accepted, refused, latencies);
    }
}
