package dev.iplauction.bench;

import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.Topics;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.HeartbeatEvent;
import dev.iplauction.contracts.agent.LlmCallEvent;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.Round;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * Measures report-service: publishes synthetic auctions of about {@code --events} events each to the six topics (house
 * events, and for ten franchises decisions, bids, LLM calls and heartbeats), holds back each auction's {@code
 * AuctionCompleted} until the service has taken in everything else, then times {@code AuctionCompleted} sent → {@code
 * report.json} on disk; then asks the service to replay each auction from its topics and prints events per second.
 *
 * <pre>
 * ReplayBench --kafka host:port --url http://host:8084 --reports-dir DIR [--events 20000] [--auctions 5]
 * </pre>
 */
public final class ReplayBench {

    private static final Franchise[] TEAMS = Franchise.values();

    public static void main(String[] args) throws Exception {
        String kafka = Args.string(args, "--kafka", "127.0.0.1:9092");
        Http http = new Http(Args.string(args, "--url", "http://127.0.0.1:8084"));
        Path reports = Path.of(Args.string(args, "--reports-dir", "reports"));
        int events = Args.integer(args, "--events", 20_000);
        int auctions = Args.integer(args, "--auctions", 5);
        String prefix = Args.string(args, "--prefix", "B");

        List<String> codes = new ArrayList<>();
        double[] toDisk = new double[auctions];
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int a = 0; a < auctions; a++) {
                String code = String.format("%s%05d", prefix, a + (System.currentTimeMillis() / 1000) % 90_000);
                codes.add(code);
                List<Out> auction = synthetic(code, events, new Random(a));
                Out completed = auction.removeLast();
                long publishStart = System.nanoTime();
                for (Out o : auction) {
                    producer.send(new ProducerRecord<>(o.topic(), o.key(), o.value()));
                }
                producer.flush();
                double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
                awaitTakenIn(http, code, auction.size());
                Path file = reports.resolve(code).resolve("report.json");
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(completed.topic(), completed.key(), completed.value()))
                        .get();
                while (!Files.exists(file)) {
                    Thread.sleep(1);
                }
                toDisk[a] = (System.nanoTime() - sent) / 1e6;
                System.out.printf(
                        "auction %s: %d events published in %.2f s (%.0f events/s); AuctionCompleted -> report.json"
                                + " on disk %.1f ms%n",
                        code, auction.size() + 1, publishSeconds, (auction.size() + 1) / publishSeconds, toDisk[a]);
            }
        }
        System.out.println("AuctionCompleted -> report on disk: " + new Percentiles(toDisk).summary(" ms"));

        List<Double> rates = new ArrayList<>();
        for (String code : codes) {
            Http.Reply replay = http.post("/api/replay/" + code, "", System.getenv("OPERATOR_TOKEN"));
            Http.require(replay, 200);
            JsonNode r = replay.body();
            rates.add(r.get("eventsPerSecond").asDouble());
            System.out.printf(
                    "replay %s: %d events (%d lots) of %d records read in %.1f ms, report and timeline built in %.1f"
                            + " ms: %d events/s; same report as live: %s%n",
                    code,
                    r.get("events").asInt(),
                    r.get("lots").asInt(),
                    r.get("recordsScanned").asLong(),
                    r.get("readMillis").asDouble(),
                    r.get("buildMillis").asDouble(),
                    r.get("eventsPerSecond").asLong(),
                    sameReport(reports, code));
        }
        System.out.println("replay events/s: "
                + new Percentiles(
                                rates.stream().mapToDouble(Double::doubleValue).toArray())
                        .summary(""));
    }

    /** The settled live report and the replay's, compared as text. */
    private static boolean sameReport(Path reports, String code) throws Exception {
        Path live = reports.resolve(code).resolve("report.json");
        Path replay = reports.resolve(code).resolve("replay").resolve("report.json");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.readString(live).equals(Files.readString(replay))) {
                return true;
            }
            Thread.sleep(100); // a late-event rewrite may still be due
        }
        return false;
    }

    /** Waits until the service's live report of the auction counts every event published so far. */
    private static void awaitTakenIn(Http http, String code, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            Http.Reply live = http.get("/api/reports/" + code);
            if (live.status() == 200) {
                int seen = 0;
                for (JsonNode n : live.body().get("eventsByTopic")) {
                    seen += n.asInt();
                }
                if (seen == expected) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the report service did not take in " + expected + " events of " + code);
    }

    private record Out(String topic, String key, byte[] value) {}

    /** About {@code target} events: lots with ten decisions and LLM calls, a few bids each, and heartbeats. */
    static List<Out> synthetic(String code, int target, Random random) {
        List<Out> out = new ArrayList<>();
        int lots = Math.max(1, target / 36);
        List<Player> pool = new ArrayList<>();
        for (int i = 1; i <= lots; i++) {
            pool.add(new Player(
                    String.valueOf(i),
                    "Player " + i,
                    "India",
                    i % 4 == 0,
                    Role.values()[i % 4],
                    true,
                    "M1",
                    Lakh.of(50),
                    null,
                    25,
                    null,
                    null));
        }
        List<FranchiseSetup> setups = new ArrayList<>();
        for (Franchise f : TEAMS) {
            setups.add(new FranchiseSetup(f, Lakh.of(1_000_000), 0, List.of()));
        }
        var setup = new AuctionSetup(
                "Synthetic", pool, setups, new SquadRules(0, 10_000, 10_000, Lakh.of(30)), 10_000, 5_000, 4_000, 1);
        long[] seq = {0};
        Instant[] now = {Instant.parse("2026-01-01T10:00:00Z")};
        Map<Franchise, Integer> spent = new EnumMap<>(Franchise.class);
        Map<Franchise, List<SquadPlayer>> squads = new EnumMap<>(Franchise.class);
        for (Franchise f : TEAMS) {
            spent.put(f, 0);
            squads.put(f, new ArrayList<>());
        }
        house(out, code, new AuctionEvent.AuctionCreated(code, ++seq[0], tick(now), setup, "h"));
        for (Franchise f : TEAMS) {
            house(out, code, new AuctionEvent.SeatClaimed(code, ++seq[0], tick(now), f, "s"));
        }
        house(out, code, new AuctionEvent.AuctionStarted(code, ++seq[0], tick(now)));
        for (Player p : pool) {
            int lot = Integer.parseInt(p.id());
            house(out, code, new AuctionEvent.LotOpened(code, ++seq[0], tick(now), lot, Round.MAIN, p, now[0]));
            for (Franchise f : TEAMS) {
                boolean bid = random.nextInt(3) == 0;
                agent(
                        out,
                        Topics.AGENT_DECISIONS,
                        f,
                        new DecisionEvent.DecisionMade(
                                code,
                                f,
                                tick(now),
                                lot,
                                p.id(),
                                p.name(),
                                bid ? DecisionEvent.Choice.BID : DecisionEvent.Choice.PASS,
                                Lakh.of(100),
                                Lakh.of(100),
                                DecisionEvent.Source.values()[random.nextInt(4)],
                                "synthetic",
                                5 + random.nextInt(1500)));
                agent(
                        out,
                        Topics.AGENT_LLM_CALLS,
                        f,
                        new LlmCallEvent.LlmCallCompleted(
                                code,
                                f,
                                tick(now),
                                p.id(),
                                "llama3.2:3b",
                                900,
                                50 + random.nextInt(1400),
                                LlmCallEvent.Outcome.values()[random.nextInt(5)],
                                random.nextBoolean()));
            }
            int bids = random.nextInt(8);
            Franchise leader = null;
            int amount = 50;
            for (int b = 0; b < bids; b++) {
                Franchise f = TEAMS[random.nextInt(TEAMS.length)];
                if (f == leader) {
                    house(
                            out,
                            code,
                            new AuctionEvent.BidRefused(
                                    code,
                                    ++seq[0],
                                    tick(now),
                                    lot,
                                    f,
                                    Lakh.of(amount),
                                    RefusalReason.HIGHEST_BIDDER,
                                    "you hold the highest bid"));
                    agent(
                            out,
                            Topics.AGENT_BIDS,
                            f,
                            new BidEvent.BidPlaced(
                                    code,
                                    f,
                                    tick(now),
                                    lot,
                                    p.id(),
                                    Lakh.of(amount),
                                    BidEvent.Outcome.REJECTED,
                                    "highest-bidder",
                                    20 + random.nextInt(400)));
                    continue;
                }
                amount = leader == null ? 50 : amount + 5;
                leader = f;
                house(
                        out,
                        code,
                        new AuctionEvent.BidAccepted(
                                code, ++seq[0], tick(now), lot, p.id(), f, Lakh.of(amount), now[0]));
                agent(
                        out,
                        Topics.AGENT_BIDS,
                        f,
                        new BidEvent.BidPlaced(
                                code,
                                f,
                                tick(now),
                                lot,
                                p.id(),
                                Lakh.of(amount),
                                BidEvent.Outcome.ACCEPTED,
                                null,
                                20 + random.nextInt(400)));
            }
            if (leader == null) {
                house(out, code, new AuctionEvent.LotUnsold(code, ++seq[0], tick(now), lot, p, false));
            } else {
                house(
                        out,
                        code,
                        new AuctionEvent.LotSold(code, ++seq[0], tick(now), lot, p, leader, Lakh.of(amount), false));
                spent.merge(leader, amount, Integer::sum);
                squads.get(leader).add(new SquadPlayer(p, Lakh.of(amount), SquadPlayer.Acquisition.BOUGHT));
            }
            if (lot % 10 == 0) {
                for (Franchise f : TEAMS) {
                    agent(
                            out,
                            Topics.AGENT_HEARTBEATS,
                            f,
                            new HeartbeatEvent.Heartbeat(
                                    code, f, tick(now), "bench", "host", 1, SeatState.BIDDING, lot / 10));
                }
            }
        }
        List<AuctionEvent.FranchiseResult> results = new ArrayList<>();
        for (Franchise f : TEAMS) {
            results.add(new AuctionEvent.FranchiseResult(f, Lakh.of(1_000_000 - spent.get(f)), 0, squads.get(f)));
        }
        house(
                out,
                code,
                new AuctionEvent.AuctionCompleted(
                        code, ++seq[0], tick(now), AuctionEvent.CompletionReason.ALL_LOTS_DONE, results));
        return out;
    }

    private static Instant tick(Instant[] now) {
        now[0] = now[0].plusMillis(50);
        return now[0];
    }

    private static void house(List<Out> out, String code, AuctionEvent event) {
        out.add(new Out(
                Topics.AUCTION_EVENTS.topicName(),
                code,
                EventJson.mapper().writerFor(AuctionEvent.class).writeValueAsBytes(event)));
    }

    private static void agent(List<Out> out, Topics topic, Franchise f, Object event) {
        Class<?> type = switch (topic) {
            case AGENT_DECISIONS -> DecisionEvent.class;
            case AGENT_BIDS -> BidEvent.class;
            case AGENT_LLM_CALLS -> LlmCallEvent.class;
            case AGENT_HEARTBEATS -> HeartbeatEvent.class;
            default -> throw new IllegalArgumentException(topic.name());
        };
        out.add(new Out(
                topic.topicName(), f.code(), EventJson.mapper().writerFor(type).writeValueAsBytes(event)));
    }
}
