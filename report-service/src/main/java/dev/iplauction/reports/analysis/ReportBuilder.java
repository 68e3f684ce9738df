package dev.iplauction.reports.analysis;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCompleted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCreated;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionStarted;
import dev.iplauction.contracts.auction.AuctionEvent.BidAccepted;
import dev.iplauction.contracts.auction.AuctionEvent.BidRefused;
import dev.iplauction.contracts.auction.AuctionEvent.FranchiseResult;
import dev.iplauction.contracts.auction.AuctionEvent.LotOpened;
import dev.iplauction.contracts.auction.AuctionEvent.LotSold;
import dev.iplauction.contracts.auction.AuctionEvent.LotUnsold;
import dev.iplauction.contracts.auction.AuctionEvent.SeatClaimed;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.reports.analysis.AuctionReport.Bids;
import dev.iplauction.reports.analysis.AuctionReport.Decisions;
import dev.iplauction.reports.analysis.AuctionReport.FranchisePerformance;
import dev.iplauction.reports.analysis.AuctionReport.Health;
import dev.iplauction.reports.analysis.AuctionReport.HistogramBucket;
import dev.iplauction.reports.analysis.AuctionReport.Llm;
import dev.iplauction.reports.analysis.AuctionReport.LotDecision;
import dev.iplauction.reports.analysis.AuctionReport.LotResult;
import dev.iplauction.reports.analysis.AuctionReport.Purse;
import dev.iplauction.reports.analysis.AuctionReport.Squad;
import dev.iplauction.reports.analysis.AuctionReport.Totals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds an auction's report from its events, whatever order they are given in: the house's events are taken in
 * their {@code seq} order, each agent topic's in its partition and offset order, and a record seen twice (same topic,
 * partition and offset, or the same house {@code seq}) counts once. So the live service, which collects events as they
 * arrive, and a replay, which reads them topic by topic, make the same report.
 *
 * <p>The house is the truth for results (sold, unsold, prices, purses, squads); agents' telemetry is the truth for
 * what agents did (decisions, bids placed, reaction times, LLM calls, heartbeats); the orchestrator's events for
 * restarts.
 */
public final class ReportBuilder {

    /** Upper bounds (exclusive) of the decision-latency histogram's buckets, in ms; the last bucket is open-ended. */
    static final long[] HISTOGRAM_BOUNDS = {10, 25, 50, 100, 250, 500, 1000, 1500, 2000, 5000};

    private ReportBuilder() {}

    /** The events in the one order every reader agrees on, without duplicates. */
    public static List<Recorded> canonical(Collection<Recorded> events) {
        Map<Object, Recorded> unique = new LinkedHashMap<>();
        events.stream().sorted(Recorded.BY_POSITION).forEach(r -> unique.putIfAbsent(identity(r), r));
        List<Recorded> ordered = new ArrayList<>(unique.values());
        ordered.sort(Comparator.comparing(Recorded::at)
                .thenComparing(Recorded::source)
                .thenComparingLong(r -> r.event() instanceof AuctionEvent e ? e.seq() : 0)
                .thenComparing(Recorded.BY_POSITION));
        return ordered;
    }

    private static Object identity(Recorded r) {
        return r.event() instanceof AuctionEvent e
                ? List.of(r.source(), e.auctionCode(), e.seq())
                : List.of(r.source(), r.partition(), r.offset());
    }

    public static AuctionReport build(String auctionCode, Collection<Recorded> events) {
        List<Recorded> ordered = canonical(events).stream()
                .filter(r -> r.auctionCode().equals(auctionCode))
                .toList();
        List<AuctionEvent> house = ordered.stream()
                .filter(r -> r.event() instanceof AuctionEvent)
                .map(r -> (AuctionEvent) r.event())
                .sorted(Comparator.comparingLong(AuctionEvent::seq))
                .toList();
        List<Recorded> byPosition =
                ordered.stream().sorted(Recorded.BY_POSITION).toList();
        List<DecisionMade> decisions = of(byPosition, DecisionMade.class);
        List<BidPlaced> bids = of(byPosition, BidPlaced.class);
        List<LlmCallCompleted> llmCalls = of(byPosition, LlmCallCompleted.class);
        List<Heartbeat> heartbeats = of(byPosition, Heartbeat.class);
        List<OrchestratorEvent> lifecycle = of(byPosition, OrchestratorEvent.class);

        AuctionCreated created = first(house, AuctionCreated.class);
        AuctionStarted started = first(house, AuctionStarted.class);
        AuctionCompleted completed = first(house, AuctionCompleted.class);
        List<LotResult> lots = lots(house, decisions);

        Map<String, Integer> eventsByTopic = new TreeMap<>();
        for (EventSource source : EventSource.values()) {
            eventsByTopic.put(source.topicName(), (int)
                    ordered.stream().filter(r -> r.source() == source).count());
        }

        Set<Franchise> franchises = EnumSet.noneOf(Franchise.class);
        if (created != null) {
            created.setup().franchises().forEach(f -> franchises.add(f.franchise()));
        }
        house.forEach(e -> {
            if (e instanceof SeatClaimed s) franchises.add(s.franchise());
            if (e instanceof LotSold s) franchises.add(s.franchise());
        });
        decisions.forEach(d -> franchises.add(d.franchise()));
        bids.forEach(b -> franchises.add(b.franchise()));
        llmCalls.forEach(c -> franchises.add(c.franchise()));
        heartbeats.forEach(h -> franchises.add(h.franchise()));
        lifecycle.forEach(o -> franchises.add(o.franchise()));

        List<FranchisePerformance> performances = franchises.stream()
                .map(f -> new FranchisePerformance(
                        f.code(),
                        f.displayName(),
                        decisions(only(decisions, DecisionMade::franchise, f)),
                        bids(only(bids, BidPlaced::franchise, f), house, f),
                        llm(only(llmCalls, LlmCallCompleted::franchise, f)),
                        purse(f, created, completed, house),
                        squad(f, created, completed, house),
                        health(
                                only(heartbeats, Heartbeat::franchise, f),
                                only(lifecycle, OrchestratorEvent::franchise, f))))
                .toList();

        List<Long> latencies =
                decisions.stream().map(DecisionMade::latencyMillis).toList();
        Totals totals = new Totals(
                lots.size(),
                (int) lots.stream().filter(l -> l.outcome().equals("SOLD")).count(),
                (int) lots.stream().filter(l -> l.outcome().equals("UNSOLD")).count(),
                (int) lots.stream().filter(LotResult::rightToMatch).count(),
                lots.stream()
                        .filter(l -> l.priceLakh() != null)
                        .mapToInt(LotResult::priceLakh)
                        .sum(),
                count(house, BidAccepted.class),
                count(house, BidRefused.class),
                decisions.size(),
                bids.size(),
                llmCalls.size());

        return new AuctionReport(
                auctionCode,
                created == null ? null : created.setup().name(),
                completed != null ? "COMPLETED" : started != null ? "RUNNING" : "LOBBY",
                created == null ? null : created.at(),
                started == null ? null : started.at(),
                completed == null ? null : completed.at(),
                completed == null ? null : completed.reason().name(),
                eventsByTopic,
                totals,
                LatencyStats.of(latencies),
                histogram(latencies),
                performances,
                lots);
    }

    /** A lot as the house's events tell it so far. */
    private static final class LotTally {
        private final int lot;
        private final String round;
        private final Player player;
        private final Instant openedAt;
        private String outcome = "OPEN";
        private String franchise;
        private Integer price;
        private boolean rightToMatch;
        private int bids;
        private Instant closedAt;

        LotTally(int lot, String round, Player player, Instant openedAt) {
            this.lot = lot;
            this.round = round;
            this.player = player;
            this.openedAt = openedAt;
        }

        LotResult result(List<LotDecision> decisions) {
            return new LotResult(
                    lot,
                    round,
                    player.id(),
                    player.name(),
                    player.role().name(),
                    player.overseas(),
                    player.basePrice().value(),
                    outcome,
                    franchise,
                    price,
                    rightToMatch,
                    bids,
                    openedAt,
                    closedAt,
                    decisions);
        }
    }

    /** Each franchise's last decision on each lot, by lot, the franchises in code order. */
    private static Map<Integer, List<LotDecision>> decisionsByLot(List<DecisionMade> decisions) {
        Map<Integer, Map<String, DecisionMade>> last = new TreeMap<>();
        for (DecisionMade d : decisions) {
            last.computeIfAbsent(d.lot(), n -> new TreeMap<>())
                    .put(d.franchise().code(), d);
        }
        Map<Integer, List<LotDecision>> byLot = new TreeMap<>();
        last.forEach((lot, byFranchise) -> byLot.put(
                lot,
                byFranchise.values().stream()
                        .map(d -> new LotDecision(
                                d.franchise().code(),
                                d.choice().name(),
                                d.choice() == DecisionEvent.Choice.BID && d.maxBid() != null
                                        ? d.maxBid().value()
                                        : null,
                                d.source().name(),
                                d.source().inPlainWords(),
                                d.reason()))
                        .toList()));
        return byLot;
    }

    /**
     * Every lot the events show, in lot order. A lot whose opening came before the events start (a replay from a
     * time) is still listed from its sale, with what the sale says.
     */
    private static List<LotResult> lots(List<AuctionEvent> house, List<DecisionMade> decisions) {
        Map<Integer, LotTally> lots = new TreeMap<>();
        for (AuctionEvent event : house) {
            switch (event) {
                case LotOpened o ->
                    lots.put(o.lot(), new LotTally(o.lot(), o.round().name(), o.player(), o.at()));
                case BidAccepted b -> {
                    LotTally lot = lots.get(b.lot());
                    if (lot != null) {
                        lot.bids++;
                    }
                }
                case LotSold s -> {
                    LotTally lot = lots.computeIfAbsent(s.lot(), n -> new LotTally(n, null, s.player(), null));
                    lot.outcome = "SOLD";
                    lot.franchise = s.franchise().code();
                    lot.price = s.price().value();
                    lot.rightToMatch = s.rightToMatch();
                    lot.closedAt = s.at();
                }
                case LotUnsold u -> {
                    LotTally lot = lots.computeIfAbsent(u.lot(), n -> new LotTally(n, null, u.player(), null));
                    lot.outcome = "UNSOLD";
                    lot.closedAt = u.at();
                }
                default -> {}
            }
        }
        Map<Integer, List<LotDecision>> decided = decisionsByLot(decisions);
        return lots.values().stream()
                .map(t -> t.result(decided.getOrDefault(t.lot, List.of())))
                .toList();
    }

    private static Decisions decisions(List<DecisionMade> decisions) {
        Map<String, Integer> bySource = zeroes(DecisionEvent.Source.values());
        decisions.forEach(d -> bySource.merge(d.source().name(), 1, Integer::sum));
        return new Decisions(
                decisions.size(),
                (int) decisions.stream()
                        .filter(d -> d.choice() == DecisionEvent.Choice.BID)
                        .count(),
                (int) decisions.stream()
                        .filter(d -> d.choice() == DecisionEvent.Choice.PASS)
                        .count(),
                bySource,
                LatencyStats.of(
                        decisions.stream().map(DecisionMade::latencyMillis).toList()));
    }

    private static Bids bids(List<BidPlaced> placed, List<AuctionEvent> house, Franchise franchise) {
        Map<String, Integer> rejectedByReason = new TreeMap<>();
        placed.stream()
                .filter(b -> b.outcome() == BidEvent.Outcome.REJECTED)
                .forEach(b -> rejectedByReason.merge(b.reason() == null ? "unknown" : b.reason(), 1, Integer::sum));
        Map<String, Integer> houseRefused = new TreeMap<>();
        house.stream()
                .filter(e -> e instanceof BidRefused r && r.franchise() == franchise)
                .map(e -> (BidRefused) e)
                .forEach(r -> houseRefused.merge(r.reason().code(), 1, Integer::sum));
        return new Bids(
                placed.size(),
                outcomes(placed, BidEvent.Outcome.ACCEPTED),
                outcomes(placed, BidEvent.Outcome.REJECTED),
                outcomes(placed, BidEvent.Outcome.OUTBID),
                rejectedByReason,
                LatencyStats.of(placed.stream().map(BidPlaced::reactionMillis).toList()),
                (int) house.stream()
                        .filter(e -> e instanceof BidAccepted a && a.franchise() == franchise)
                        .count(),
                houseRefused);
    }

    private static int outcomes(List<BidPlaced> placed, BidEvent.Outcome outcome) {
        return (int) placed.stream().filter(b -> b.outcome() == outcome).count();
    }

    private static Llm llm(List<LlmCallCompleted> calls) {
        Map<String, Integer> byOutcome = zeroes(LlmCallEvent.Outcome.values());
        calls.forEach(c -> byOutcome.merge(c.outcome().name(), 1, Integer::sum));
        int cached = (int) calls.stream().filter(LlmCallCompleted::cached).count();
        int timeouts = byOutcome.get(LlmCallEvent.Outcome.TIMEOUT.name());
        int ok = byOutcome.get(LlmCallEvent.Outcome.OK.name());
        return new Llm(
                calls.size(),
                cached,
                calls.isEmpty() ? 0.0 : Math.round(10_000.0 * cached / calls.size()) / 10_000.0,
                timeouts,
                calls.size() - ok - timeouts,
                byOutcome,
                LatencyStats.of(
                        calls.stream().map(LlmCallCompleted::latencyMillis).toList()));
    }

    private static Purse purse(
            Franchise franchise, AuctionCreated created, AuctionCompleted completed, List<AuctionEvent> house) {
        Integer start = created == null
                ? null
                : created.setup().franchises().stream()
                        .filter(f -> f.franchise() == franchise)
                        .map(f -> f.purse().value())
                        .findFirst()
                        .orElse(null);
        List<LotSold> won = house.stream()
                .filter(e -> e instanceof LotSold s && s.franchise() == franchise)
                .map(e -> (LotSold) e)
                .toList();
        int spent = won.stream().mapToInt(s -> s.price().value()).sum();
        Integer unspent = result(completed, franchise)
                .map(r -> r.purseLeft().value())
                .orElse(start == null ? null : start - spent);
        return new Purse(start, spent, unspent, won.size(), (int)
                won.stream().filter(LotSold::rightToMatch).count());
    }

    private static Squad squad(
            Franchise franchise, AuctionCreated created, AuctionCompleted completed, List<AuctionEvent> house) {
        List<SquadPlayer> squad = result(completed, franchise)
                .map(FranchiseResult::squad)
                .orElseGet(() -> {
                    List<SquadPlayer> players = new ArrayList<>();
                    if (created != null) {
                        created.setup().franchises().stream()
                                .filter(f -> f.franchise() == franchise)
                                .map(FranchiseSetup::retained)
                                .forEach(players::addAll);
                    }
                    house.stream()
                            .filter(e -> e instanceof LotSold s && s.franchise() == franchise)
                            .map(e -> (LotSold) e)
                            .forEach(s -> players.add(new SquadPlayer(
                                    s.player(),
                                    s.price(),
                                    s.rightToMatch()
                                            ? SquadPlayer.Acquisition.RIGHT_TO_MATCH
                                            : SquadPlayer.Acquisition.BOUGHT)));
                    return players;
                });
        Map<String, Integer> byRole = zeroes(Role.values());
        squad.forEach(p -> byRole.merge(p.player().role().name(), 1, Integer::sum));
        return new Squad(
                squad.size(),
                (int) squad.stream().filter(p -> p.player().overseas()).count(),
                acquired(squad, SquadPlayer.Acquisition.RETAINED),
                acquired(squad, SquadPlayer.Acquisition.BOUGHT),
                acquired(squad, SquadPlayer.Acquisition.RIGHT_TO_MATCH),
                byRole);
    }

    private static int acquired(List<SquadPlayer> squad, SquadPlayer.Acquisition how) {
        return (int) squad.stream().filter(p -> p.acquisition() == how).count();
    }

    private static Optional<FranchiseResult> result(AuctionCompleted completed, Franchise franchise) {
        return completed == null
                ? Optional.empty()
                : completed.results().stream()
                        .filter(r -> r.franchise() == franchise)
                        .findFirst();
    }

    private static Health health(List<Heartbeat> heartbeats, List<OrchestratorEvent> lifecycle) {
        List<Heartbeat> inTime =
                heartbeats.stream().sorted(Comparator.comparing(Heartbeat::at)).toList();
        List<Long> gaps = new ArrayList<>();
        int takeovers = 0;
        Set<String> instances = new LinkedHashSet<>();
        for (int i = 0; i < inTime.size(); i++) {
            Heartbeat beat = inTime.get(i);
            instances.add(beat.instanceId());
            if (i > 0) {
                Heartbeat before = inTime.get(i - 1);
                gaps.add(beat.at().toEpochMilli() - before.at().toEpochMilli());
                if (!Objects.equals(before.instanceId(), beat.instanceId()) || before.pid() != beat.pid()) {
                    takeovers++;
                }
            }
        }
        return new Health(
                inTime.size(),
                LatencyStats.of(gaps),
                instances.size(),
                takeovers,
                count(lifecycle, OrchestratorEvent.SeatUnhealthy.class),
                count(lifecycle, OrchestratorEvent.SeatRestarting.class),
                count(lifecycle, OrchestratorEvent.SeatRestarted.class),
                count(lifecycle, OrchestratorEvent.SeatRestartFailed.class),
                count(lifecycle, OrchestratorEvent.SeatRecovered.class),
                inTime.isEmpty() ? null : inTime.getLast().state().name());
    }

    static List<HistogramBucket> histogram(List<Long> latencies) {
        List<HistogramBucket> buckets = new ArrayList<>();
        long from = 0;
        for (int i = 0; i <= HISTOGRAM_BOUNDS.length; i++) {
            Long to = i < HISTOGRAM_BOUNDS.length ? HISTOGRAM_BOUNDS[i] : null;
            long low = from;
            int n = (int) latencies.stream()
                    .filter(l -> l >= low && (to == null || l < to))
                    .count();
            String label = to == null ? "≥" + low + " ms" : low + "–" + to + " ms";
            buckets.add(new HistogramBucket(label, low, to, n));
            if (to != null) {
                from = to;
            }
        }
        return buckets;
    }

    private static <E extends Enum<E>> Map<String, Integer> zeroes(E[] values) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (E value : values) {
            map.put(value.name(), 0);
        }
        return map;
    }

    private static <T> List<T> of(List<Recorded> events, Class<T> type) {
        return events.stream()
                .map(Recorded::event)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static <T> List<T> only(List<T> events, Function<T, Franchise> franchise, Franchise wanted) {
        return events.stream().filter(e -> franchise.apply(e) == wanted).toList();
    }

    private static <T> T first(List<? super T> events, Class<T> type) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElse(null);
    }

    private static int count(Collection<?> events, Class<?> type) {
        return (int) events.stream().filter(type::isInstance).count();
    }
}
