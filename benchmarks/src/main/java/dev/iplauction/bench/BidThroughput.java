package dev.iplauction.bench;

import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How many bids per second the auction house accepts through its HTTP API with every accepted bid durable on Kafka,
 * and how long an accepted bid takes. Each of N auctions has two franchises outbidding each other as fast as the
 * answers come back (one request in flight per auction, on its own keep-alive connection, as on a real lot); the
 * auctions run side by side.
 *
 * <p>Usage: {@code BidThroughput [--url http://localhost:8080] [--auctions 16] [--warmup 30] [--seconds 20]
 * [--cpu-of house=PID,broker=PID]}
 */
public final class BidThroughput {

    public static void main(String[] args) throws Exception {
        String url = Args.string(args, "--url", "http://localhost:8080");
        int auctions = Args.integer(args, "--auctions", 16);
        Duration warmup = Duration.ofSeconds(Args.integer(args, "--warmup", 30));
        Duration measure = Duration.ofSeconds(Args.integer(args, "--seconds", 20));
        Http http = new Http(url);

        List<Http.Auction> wars = new ArrayList<>();
        for (int i = 0; i < auctions; i++) {
            wars.add(http.startBiddingWar(Duration.ofMinutes(5).toMillis()));
        }
        System.out.printf(
                "bidding in %d auctions at %s: %ds warm-up, %ds measured%n",
                auctions, url, warmup.toSeconds(), measure.toSeconds());

        ProcessCpu cpu = ProcessCpu.of("client", args);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + measure.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(auctions)) {
            List<Future<Result>> results = new ArrayList<>();
            for (Http.Auction war : wars) {
                results.add(pool.submit(() -> {
                    try (BidConnection bids = new BidConnection(url)) {
                        return bidUntil(http, bids, war, measureFrom, measureTo);
                    }
                }));
            }
            cpu.startAt(measureFrom);
            long accepted = 0;
            long refused = 0;
            List<Double> latencies = new ArrayList<>();
            for (Future<Result> f : results) {
                Result r = f.get();
                accepted += r.accepted();
                refused += r.refused();
                latencies.addAll(r.latenciesMillis());
            }
            double seconds = measure.toNanos() / 1e9;
            Percentiles p = new Percentiles(
                    latencies.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.printf(
                    "accepted bids: %d in %.1fs = %.0f bids/s (refused: %d)%n",
                    accepted, seconds, accepted / seconds, refused);
            System.out.println("accepted-bid latency: " + p.summary(" ms"));
            System.out.println(cpu.per("accepted bid", accepted));
        }
    }

    record Result(long accepted, long refused, List<Double> latenciesMillis) {}

    private static Result bidUntil(Http http, BidConnection bids, Http.Auction war, long measureFrom, long measureTo)
            throws Exception {
        Http.Reply state = http.get("/api/auctions/" + war.code());
        int lot = state.body().at("/lot/number").asInt();
        Lakh next = Lakh.of(state.body().at("/lot/nextBid").asInt());
        boolean cskTurn = true;
        long accepted = 0;
        long refused = 0;
        List<Double> latencies = new ArrayList<>();
        while (true) {
            long sent = System.nanoTime();
            if (sent >= measureTo) {
                break;
            }
            String franchise = cskTurn ? "CSK" : "MI";
            int status = bids.post(
                    "/api/auctions/" + war.code() + "/bids",
                    "{\"franchise\":\"" + franchise + "\",\"lot\":" + lot + ",\"amount\":" + next.value() + "}",
                    cskTurn ? war.csk() : war.mi());
            long took = System.nanoTime() - sent;
            boolean counted = sent >= measureFrom;
            if (status == 200) {
                if (counted) {
                    accepted++;
                    latencies.add(took / 1e6);
                }
                next = Increments.IPL.nextBid(Lakh.ZERO, next);
                cskTurn = !cskTurn;
            } else {
                if (counted) {
                    refused++;
                }
                Http.Reply now = http.get("/api/auctions/" + war.code());
                lot = now.body().at("/lot/number").asInt();
                next = Lakh.of(now.body().at("/lot/nextBid").asInt());
                cskTurn = !"CSK".equals(now.body().at("/lot/highestBidder").asString());
            }
        }
        return new Result(accepted, refused, latencies);
    }
}
