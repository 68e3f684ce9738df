package dev.iplauction.reports;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.agent.BidEvent;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import dev.iplauction.contracts.agent.SeatState;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCompleted;
import dev.iplauction.contracts.auction.AuctionEvent.FranchiseResult;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.Round;
import dev.iplauction.contracts.auction.SquadPlayer;
import dev.iplauction.contracts.auction.SquadPlayer.Acquisition;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent.RestartStep;
import dev.iplauction.reports.analysis.EventSource;
import dev.iplauction.reports.analysis.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small auction written out by hand, every event a real contract record, with answers worked out on paper (see
 * {@code ReportBuilderTests}): three franchises (CSK, MI, RCB with a retained player and an RTM card), five lots (one
 * fought over, one unsold then sold in the accelerated round, one taken by right to match after a raise, one at base
 * price), agents' decisions, bids, LLM calls and heartbeats, and the orchestrator restarting CSK and giving up on MI.
 */
public final class SampleAuction {

    /** One record as a producer would send it: its topic, key and value. */
    public record Published(EventSource source, String key, Object event, Instant at) {}

    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    static final Player P1 = player("1", "Arjun Bat", false, Role.BATTER, 200, null);
    static final Player P2 = player("2", "Ollie Seam", true, Role.BOWLER, 100, null);
    static final Player P3 = player("3", "Ravi Allround", false, Role.ALL_ROUNDER, 50, Franchise.RCB);
    static final Player P4 = player("4", "Kiran Gloves", false, Role.WICKETKEEPER, 30, null);
    static final Player RETAINED = player("R-RCB-1", "Virat Captain", false, Role.BATTER, 1800, Franchise.RCB);

    private final String code;
    private final List<Published> published = new ArrayList<>();
    private long seq;

    private SampleAuction(String code) {
        this.code = code;
    }

    /** The whole auction, every topic's records in the order they were sent. */
    public static List<Published> events(String code) {
        return new SampleAuction(code).play();
    }

    /** A late straggler: an agent's bid report that reaches Kafka after the auction completed. */
    public static Published lateBid(String code) {
        return new Published(
                EventSource.BIDS,
                "MI",
                new BidPlaced(
                        code,
                        Franchise.MI,
                        T0.plusSeconds(300),
                        5,
                        P2.id(),
                        Lakh.of(105),
                        BidEvent.Outcome.REJECTED,
                        "lot-closed",
                        500),
                T0.plusSeconds(300));
    }

    /**
     * The records as Kafka would hold them: auction.events on one partition, the others on the franchise's partition,
     * offsets counting per partition in sending order.
     */
    public static List<Recorded> recorded(List<Published> events) {
        Map<String, Long> offsets = new HashMap<>();
        List<Recorded> recorded = new ArrayList<>();
        for (Published p : events) {
            int partition = p.source() == EventSource.AUCTION
                    ? 0
                    : Franchise.fromCode(p.key()).orElseThrow().ordinal();
            long offset = offsets.merge(p.source() + "/" + partition, 1L, Long::sum) - 1;
            recorded.add(new Recorded(p.source(), partition, offset, p.event()));
        }
        return recorded;
    }

    private List<Published> play() {
        var setup = new AuctionSetup(
                "Sample auction",
                List.of(P1, P2, P3, P4),
                List.of(
                        new FranchiseSetup(Franchise.CSK, Lakh.of(1000), 0, List.of()),
                        new FranchiseSetup(Franchise.MI, Lakh.of(1000), 0, List.of()),
                        new FranchiseSetup(
                                Franchise.RCB,
                                Lakh.of(800),
                                1,
                                List.of(new SquadPlayer(RETAINED, Lakh.of(1800), Acquisition.RETAINED)))),
                new SquadRules(1, 5, 2, Lakh.of(30)),
                10_000,
                5_000,
                4_000,
                7);
        house(t -> new AuctionEvent.AuctionCreated(code, ++seq, t, setup, "hash"));
        for (Franchise f : List.of(Franchise.CSK, Franchise.MI, Franchise.RCB)) {
            house(t -> new AuctionEvent.SeatClaimed(code, ++seq, t, f, "seat-hash-" + f));
            heartbeat(f, f == Franchise.MI ? "m1" : "i1", f == Franchise.MI ? 11 : 1, 1, SeatState.WAITING_FOR_START);
        }
        house(t -> new AuctionEvent.AuctionStarted(code, ++seq, t));

        // Lot 1: CSK opens, MI's first bid is stale, MI raises, CSK wins at 240.
        lot(1, Round.MAIN, P1);
        decision(Franchise.CSK, 1, P1, DecisionEvent.Choice.BID, DecisionEvent.Source.RULES, 10);
        decision(Franchise.MI, 1, P1, DecisionEvent.Choice.BID, DecisionEvent.Source.RULES, 5);
        llm(Franchise.CSK, P1, 100, LlmCallEvent.Outcome.OK, false);
        llm(Franchise.MI, P1, 200, LlmCallEvent.Outcome.OK, false);
        house(t -> new AuctionEvent.BidAccepted(code, ++seq, t, 1, P1.id(), Franchise.CSK, Lakh.of(200), t));
        bid(Franchise.CSK, 1, P1, 200, BidEvent.Outcome.ACCEPTED, null, 120);
        house(t -> new AuctionEvent.BidRefused(
                code, ++seq, t, 1, Franchise.MI, Lakh.of(200), RefusalReason.STALE, "the next bid is 220"));
        bid(Franchise.MI, 1, P1, 200, BidEvent.Outcome.REJECTED, "stale", 300);
        house(t -> new AuctionEvent.BidAccepted(code, ++seq, t, 1, P1.id(), Franchise.MI, Lakh.of(220), t));
        bid(Franchise.MI, 1, P1, 220, BidEvent.Outcome.OUTBID, null, 150);
        house(t -> new AuctionEvent.BidAccepted(code, ++seq, t, 1, P1.id(), Franchise.CSK, Lakh.of(240), t));
        bid(Franchise.CSK, 1, P1, 240, BidEvent.Outcome.ACCEPTED, null, 80);
        heartbeat(Franchise.CSK, "i1", 1, 2, SeatState.BIDDING);
        house(t -> new AuctionEvent.LotSold(code, ++seq, t, 1, P1, Franchise.CSK, Lakh.of(240), false));

        // Lot 2: nobody bids.
        lot(2, Round.MAIN, P2);
        decision(Franchise.CSK, 2, P2, DecisionEvent.Choice.PASS, DecisionEvent.Source.LLM, 20);
        llm(Franchise.CSK, P2, 5, LlmCallEvent.Outcome.OK, true);
        house(t -> new AuctionEvent.LotUnsold(code, ++seq, t, 2, P2, false));
        heartbeat(Franchise.CSK, "i1", 1, 3, SeatState.BIDDING);

        // Lot 3: MI bids, RCB is refused for its purse, RCB matches, MI raises once, RCB matches again.
        lot(3, Round.MAIN, P3);
        decision(Franchise.CSK, 3, P3, DecisionEvent.Choice.PASS, DecisionEvent.Source.CACHE, 30);
        llm(Franchise.CSK, P3, 1500, LlmCallEvent.Outcome.TIMEOUT, false);
        house(t -> new AuctionEvent.BidAccepted(code, ++seq, t, 3, P3.id(), Franchise.MI, Lakh.of(50), t));
        bid(Franchise.MI, 3, P3, 50, BidEvent.Outcome.ACCEPTED, null, 90);
        house(t -> new AuctionEvent.BidRefused(
                code, ++seq, t, 3, Franchise.RCB, Lakh.of(55), RefusalReason.PURSE, "too little purse left"));
        bid(Franchise.RCB, 3, P3, 55, BidEvent.Outcome.REJECTED, "purse", 200);
        house(t -> new AuctionEvent.RtmOffered(
                code, ++seq, t, 3, P3.id(), Franchise.RCB, Franchise.MI, Lakh.of(50), t.plusSeconds(4)));
        house(t -> new AuctionEvent.RtmMatched(code, ++seq, t, 3, Franchise.RCB, Lakh.of(50), t.plusSeconds(4)));
        house(t -> new AuctionEvent.RtmRaised(code, ++seq, t, 3, Franchise.MI, Lakh.of(70), t.plusSeconds(4)));
        house(t -> new AuctionEvent.LotSold(code, ++seq, t, 3, P3, Franchise.RCB, Lakh.of(70), true));

        // Lot 4: RCB at base price.
        lot(4, Round.MAIN, P4);
        decision(Franchise.CSK, 4, P4, DecisionEvent.Choice.PASS, DecisionEvent.Source.FALLBACK, 40);
        llm(Franchise.CSK, P4, 20, LlmCallEvent.Outcome.ERROR, false);
        llm(Franchise.MI, P4, 300, LlmCallEvent.Outcome.UNPARSEABLE, false);
        house(t -> new AuctionEvent.BidAccepted(code, ++seq, t, 4, P4.id(), Franchise.RCB, Lakh.of(30), t));
        bid(Franchise.RCB, 4, P4, 30, BidEvent.Outcome.ACCEPTED, null, 40);
        house(t -> new AuctionEvent.LotSold(code, ++seq, t, 4, P4, Franchise.RCB, Lakh.of(30), false));

        // CSK's agent goes quiet, the orchestrator restarts it and a new instance takes over; MI's restarts fail.
        orchestrator(t -> new OrchestratorEvent.SeatUnhealthy(code, Franchise.CSK, t, "i1", 20_000, "no heartbeat"));
        orchestrator(t -> new OrchestratorEvent.SeatRestarting(code, Franchise.CSK, t, "i1", RestartStep.SOFT, 1));
        orchestrator(t -> new OrchestratorEvent.SeatRestarted(code, Franchise.CSK, t, "i2", RestartStep.SOFT, 1));
        orchestrator(t -> new OrchestratorEvent.SeatRecovered(code, Franchise.CSK, t, "i2", 25_000));
        orchestrator(t -> new OrchestratorEvent.SeatUnhealthy(code, Franchise.MI, t, "m1", 20_000, "no heartbeat"));
        orchestrator(t -> new OrchestratorEvent.SeatRestarting(code, Franchise.MI, t, "m1", RestartStep.SOFT, 1));
        orchestrator(t -> new OrchestratorEvent.SeatRestarting(code, Franchise.MI, t, "m1", RestartStep.CONTAINER, 2));
        orchestrator(t -> new OrchestratorEvent.SeatRestartFailed(code, Franchise.MI, t, "m1", 2, "no container"));

        // The accelerated round: lot 5 is P2 again, MI takes him at base price.
        house(t -> new AuctionEvent.AcceleratedRoundStarted(code, ++seq, t, List.of(P2.id())));
        lot(5, Round.ACCELERATED, P2);
        decision(Franchise.CSK, 5, P2, DecisionEvent.Choice.PASS, DecisionEvent.Source.LLM, 1000);
        llm(Franchise.MI, P2, 10, LlmCallEvent.Outcome.MODEL_MISSING, false);
        house(t -> new AuctionEvent.BidAccepted(code, ++seq, t, 5, P2.id(), Franchise.MI, Lakh.of(100), t));
        bid(Franchise.MI, 5, P2, 100, BidEvent.Outcome.ACCEPTED, null, 60);
        house(t -> new AuctionEvent.LotSold(code, ++seq, t, 5, P2, Franchise.MI, Lakh.of(100), false));
        // MI's other 19 decisions, latencies 10, 15 … 100 ms, spread over the lots.
        for (int i = 2; i <= 20; i++) {
            int lot = (i % 5) + 1;
            decision(Franchise.MI, lot, P1, DecisionEvent.Choice.PASS, DecisionEvent.Source.RULES, 5L * i);
        }
        // CSK's new instance beats 15 s after the old one's last beat; MI's last beat says it is finished.
        now = now.plusSeconds(1);
        published.add(new Published(
                EventSource.HEARTBEATS,
                "CSK",
                new Heartbeat(code, Franchise.CSK, lastCskBeat.plusSeconds(15), "i2", "host", 2, SeatState.BIDDING, 1),
                lastCskBeat.plusSeconds(15)));
        heartbeatAt(Franchise.MI, "m1", 11, 2, SeatState.FINISHED, lastMiBeat.plusSeconds(10));

        house(t -> new AuctionCompleted(
                code,
                ++seq,
                t,
                AuctionEvent.CompletionReason.ALL_LOTS_DONE,
                List.of(
                        new FranchiseResult(
                                Franchise.CSK,
                                Lakh.of(760),
                                0,
                                List.of(new SquadPlayer(P1, Lakh.of(240), Acquisition.BOUGHT))),
                        new FranchiseResult(
                                Franchise.MI,
                                Lakh.of(900),
                                0,
                                List.of(new SquadPlayer(P2, Lakh.of(100), Acquisition.BOUGHT))),
                        new FranchiseResult(
                                Franchise.RCB,
                                Lakh.of(700),
                                0,
                                List.of(
                                        new SquadPlayer(RETAINED, Lakh.of(1800), Acquisition.RETAINED),
                                        new SquadPlayer(P3, Lakh.of(70), Acquisition.RIGHT_TO_MATCH),
                                        new SquadPlayer(P4, Lakh.of(30), Acquisition.BOUGHT))))));
        published.sort(Comparator.comparing(Published::at));
        return List.copyOf(published);
    }

    private Instant now = T0;
    private Instant lastCskBeat;
    private Instant lastMiBeat;

    private Instant tick() {
        now = now.plus(Duration.ofMillis(500));
        return now;
    }

    private void house(java.util.function.Function<Instant, AuctionEvent> event) {
        Instant t = tick();
        published.add(new Published(EventSource.AUCTION, code, event.apply(t), t));
    }

    private void orchestrator(java.util.function.Function<Instant, OrchestratorEvent> event) {
        Instant t = tick();
        OrchestratorEvent e = event.apply(t);
        published.add(new Published(EventSource.ORCHESTRATOR, e.franchise().code(), e, t));
    }

    private void lot(int lot, Round round, Player player) {
        house(t -> new AuctionEvent.LotOpened(code, ++seq, t, lot, round, player, t.plusSeconds(10)));
    }

    private void decision(
            Franchise f, int lot, Player p, DecisionEvent.Choice choice, DecisionEvent.Source source, long latency) {
        Instant t = tick();
        published.add(new Published(
                EventSource.DECISIONS,
                f.code(),
                new DecisionMade(
                        code,
                        f,
                        t,
                        lot,
                        p.id(),
                        p.name(),
                        choice,
                        Lakh.of(300),
                        choice == DecisionEvent.Choice.BID ? Lakh.of(260) : Lakh.ZERO,
                        source,
                        "reason " + lot,
                        latency),
                t));
    }

    private void bid(Franchise f, int lot, Player p, int amount, BidEvent.Outcome outcome, String reason, long ms) {
        Instant t = tick();
        published.add(new Published(
                EventSource.BIDS,
                f.code(),
                new BidPlaced(code, f, t, lot, p.id(), Lakh.of(amount), outcome, reason, ms),
                t));
    }

    private void llm(Franchise f, Player p, long latency, LlmCallEvent.Outcome outcome, boolean cached) {
        Instant t = tick();
        published.add(new Published(
                EventSource.LLM_CALLS,
                f.code(),
                new LlmCallCompleted(code, f, t, p.id(), "llama3.2:3b", 800, latency, outcome, cached),
                t));
    }

    /** Heartbeats ten seconds apart per seat, from T0. */
    private void heartbeat(Franchise f, String instance, long pid, long beat, SeatState state) {
        Instant t = T0.plusSeconds(10 * (beat - 1));
        heartbeatAt(f, instance, pid, beat, state, t);
    }

    private void heartbeatAt(Franchise f, String instance, long pid, long beat, SeatState state, Instant t) {
        if (f == Franchise.CSK) {
            lastCskBeat = t;
        }
        if (f == Franchise.MI) {
            lastMiBeat = t;
        }
        if (f == Franchise.RCB) {
            return; // RCB's agent sends no heartbeats in this auction
        }
        published.add(new Published(
                EventSource.HEARTBEATS, f.code(), new Heartbeat(code, f, t, instance, "host", pid, state, beat), t));
    }

    private static Player player(String id, String name, boolean overseas, Role role, int base, Franchise team) {
        return new Player(
                id,
                name,
                overseas ? "England" : "India",
                overseas,
                role,
                true,
                "M1",
                Lakh.of(base),
                team,
                28,
                null,
                null);
    }
}
