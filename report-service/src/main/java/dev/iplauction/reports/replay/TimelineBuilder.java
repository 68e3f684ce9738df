package dev.iplauction.reports.replay;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.agent.BidEvent.BidPlaced;
import dev.iplauction.contracts.agent.DecisionEvent;
import dev.iplauction.contracts.agent.DecisionEvent.DecisionMade;
import dev.iplauction.contracts.agent.HeartbeatEvent.Heartbeat;
import dev.iplauction.contracts.agent.LlmCallEvent.LlmCallCompleted;
import dev.iplauction.contracts.auction.AuctionEvent.AcceleratedRoundStarted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCompleted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCreated;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionPaused;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionResumed;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionStarted;
import dev.iplauction.contracts.auction.AuctionEvent.BidAccepted;
import dev.iplauction.contracts.auction.AuctionEvent.BidRefused;
import dev.iplauction.contracts.auction.AuctionEvent.LotClockRestarted;
import dev.iplauction.contracts.auction.AuctionEvent.LotOpened;
import dev.iplauction.contracts.auction.AuctionEvent.LotSold;
import dev.iplauction.contracts.auction.AuctionEvent.LotUnsold;
import dev.iplauction.contracts.auction.AuctionEvent.RtmDeclined;
import dev.iplauction.contracts.auction.AuctionEvent.RtmMatched;
import dev.iplauction.contracts.auction.AuctionEvent.RtmOffered;
import dev.iplauction.contracts.auction.AuctionEvent.RtmRaised;
import dev.iplauction.contracts.auction.AuctionEvent.SeatClaimed;
import dev.iplauction.contracts.auction.AuctionEvent.SeatReleased;
import dev.iplauction.contracts.orchestrator.OrchestratorEvent;
import dev.iplauction.reports.analysis.Recorded;
import dev.iplauction.reports.analysis.ReportBuilder;
import dev.iplauction.reports.replay.Timeline.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Timeline} of an auction from its events, in the same canonical order as its report. Agents'
 * decisions and bids name their lot; an LLM call names only its player, so it joins the lot that player was on when
 * the call ended. Heartbeats are left out: they are the report's business, and would drown the story.
 */
public final class TimelineBuilder {

    private TimelineBuilder() {}

    private static final class LotBuilder {
        final LotOpened opened;
        final Player player;
        final int lot;
        final List<Entry> entries = new ArrayList<>();
        String outcome = "OPEN";
        String franchise;
        Integer price;
        boolean rightToMatch;
        Instant closedAt;

        LotBuilder(int lot, LotOpened opened, Player player) {
            this.lot = lot;
            this.opened = opened;
            this.player = player;
        }

        Timeline.Lot build() {
            return new Timeline.Lot(
                    lot,
                    opened == null ? null : opened.round().name(),
                    player.id(),
                    player.name(),
                    player.role().name(),
                    player.overseas(),
                    player.basePrice().value(),
                    opened == null ? null : opened.at(),
                    closedAt,
                    outcome,
                    franchise,
                    price,
                    rightToMatch,
                    List.copyOf(entries));
        }
    }

    public static Timeline build(String auctionCode, Instant from, List<Recorded> events) {
        List<Recorded> ordered = ReportBuilder.canonical(events).stream()
                .filter(r -> r.auctionCode().equals(auctionCode))
                .toList();
        Map<Integer, LotBuilder> lots = new LinkedHashMap<>();
        Map<String, LotBuilder> lotOfPlayer = new HashMap<>();
        Map<Franchise, Timeline.Seat> seats = new EnumMap<>(Franchise.class);
        List<Entry> between = new ArrayList<>();
        String name = null;

        for (Recorded r : ordered) {
            String source = r.source().topicName();
            switch (r.event()) {
                case AuctionCreated c -> {
                    name = c.setup().name();
                    c.setup()
                            .franchises()
                            .forEach(f -> seats.put(
                                    f.franchise(), seat(f.franchise(), f.purse().value())));
                    between.add(entry(
                            c.at(),
                            "created",
                            source,
                            null,
                            null,
                            c.setup().name() + ", " + c.setup().pool().size() + " players"));
                }
                case SeatClaimed s -> {
                    seats.putIfAbsent(s.franchise(), seat(s.franchise(), null));
                    between.add(entry(s.at(), "seat-claimed", source, s.franchise(), null, null));
                }
                case SeatReleased s -> between.add(entry(s.at(), "seat-released", source, s.franchise(), null, null));
                case AuctionStarted s -> between.add(entry(s.at(), "started", source, null, null, null));
                case AuctionPaused p -> between.add(entry(p.at(), "paused", source, null, null, null));
                case AuctionResumed p -> between.add(entry(p.at(), "resumed", source, null, null, null));
                case AcceleratedRoundStarted a ->
                    between.add(entry(
                            a.at(),
                            "accelerated-round",
                            source,
                            null,
                            null,
                            a.playerIds().size() + " players come back"));
                case AuctionCompleted c ->
                    between.add(entry(
                            c.at(), "completed", source, null, null, c.reason().name()));
                case LotOpened o -> {
                    LotBuilder lot = new LotBuilder(o.lot(), o, o.player());
                    lots.put(o.lot(), lot);
                    lotOfPlayer.put(o.player().id(), lot);
                    lot.entries.add(entry(
                            o.at(),
                            "opened",
                            source,
                            null,
                            o.player().basePrice().value(),
                            o.round().name() + " round, set " + o.player().setCode()));
                }
                case BidAccepted b ->
                    add(
                            lots,
                            b.lot(),
                            entry(
                                    b.at(),
                                    "bid-accepted",
                                    source,
                                    b.franchise(),
                                    b.amount().value(),
                                    null));
                case BidRefused b ->
                    add(
                            lots,
                            b.lot(),
                            entry(
                                    b.at(),
                                    "bid-refused",
                                    source,
                                    b.franchise(),
                                    b.amount().value(),
                                    b.reason().code() + ": " + b.message()));
                case RtmOffered o ->
                    add(
                            lots,
                            o.lot(),
                            entry(
                                    o.at(),
                                    "rtm-offered",
                                    source,
                                    o.rtmFranchise(),
                                    o.price().value(),
                                    "highest bidder " + o.highestBidder()));
                case RtmMatched m ->
                    add(
                            lots,
                            m.lot(),
                            entry(
                                    m.at(),
                                    "rtm-matched",
                                    source,
                                    m.rtmFranchise(),
                                    m.price().value(),
                                    null));
                case RtmRaised m ->
                    add(
                            lots,
                            m.lot(),
                            entry(
                                    m.at(),
                                    "rtm-raised",
                                    source,
                                    m.franchise(),
                                    m.amount().value(),
                                    null));
                case RtmDeclined d ->
                    add(lots, d.lot(), entry(d.at(), "rtm-declined", source, d.rtmFranchise(), null, null));
                case LotClockRestarted c ->
                    add(
                            lots,
                            c.lot(),
                            entry(c.at(), "clock-restarted", source, null, null, "closes at " + c.closesAt()));
                case LotSold s -> {
                    LotBuilder lot = lots.computeIfAbsent(s.lot(), n -> new LotBuilder(n, null, s.player()));
                    lot.outcome = "SOLD";
                    lot.franchise = s.franchise().code();
                    lot.price = s.price().value();
                    lot.rightToMatch = s.rightToMatch();
                    lot.closedAt = s.at();
                    lot.entries.add(entry(
                            s.at(),
                            "sold",
                            source,
                            s.franchise(),
                            s.price().value(),
                            s.rightToMatch() ? "by right to match" : null));
                }
                case LotUnsold u -> {
                    LotBuilder lot = lots.computeIfAbsent(u.lot(), n -> new LotBuilder(n, null, u.player()));
                    lot.outcome = "UNSOLD";
                    lot.closedAt = u.at();
                    lot.entries.add(
                            entry(u.at(), "unsold", source, null, null, u.skipped() ? "skipped by the host" : null));
                }
                case DecisionMade d ->
                    add(
                            lots,
                            d.lot(),
                            entry(
                                    d.at(),
                                    "decision",
                                    source,
                                    d.franchise(),
                                    d.choice() == DecisionEvent.Choice.PASS || d.maxBid() == null
                                            ? null
                                            : d.maxBid().value(),
                                    d.choice() + " (" + d.source() + ", " + d.latencyMillis() + " ms): " + d.reason()));
                case BidPlaced b ->
                    add(
                            lots,
                            b.lot(),
                            entry(
                                    b.at(),
                                    "bid-placed",
                                    source,
                                    b.franchise(),
                                    b.amount().value(),
                                    b.outcome() + (b.reason() == null ? "" : " (" + b.reason() + ")") + ", "
                                            + b.reactionMillis() + " ms"));
                case LlmCallCompleted c -> {
                    LotBuilder lot = lotOfPlayer.get(c.playerId());
                    Entry e = entry(
                            c.at(),
                            "llm-call",
                            source,
                            c.franchise(),
                            null,
                            c.outcome() + (c.cached() ? " (cached)" : "") + ", " + c.latencyMillis() + " ms, "
                                    + c.model());
                    if (lot != null) {
                        lot.entries.add(e);
                    } else {
                        between.add(e);
                    }
                }
                case Heartbeat ignored -> {}
                case OrchestratorEvent o ->
                    between.add(entry(
                            o.at(),
                            kebab(o.getClass().getSimpleName()),
                            source,
                            o.franchise(),
                            null,
                            orchestratorDetail(o)));
                default -> {}
            }
        }
        return new Timeline(
                auctionCode,
                name,
                from,
                ordered.isEmpty() ? null : ordered.getFirst().at(),
                ordered.isEmpty() ? null : ordered.getLast().at(),
                List.copyOf(seats.values()),
                lots.values().stream().map(LotBuilder::build).toList(),
                List.copyOf(between));
    }

    private static void add(Map<Integer, LotBuilder> lots, int lot, Entry entry) {
        LotBuilder builder = lots.get(lot);
        if (builder != null) {
            builder.entries.add(entry);
        }
    }

    private static Timeline.Seat seat(Franchise f, Integer purse) {
        return new Timeline.Seat(f.code(), f.displayName(), f.primaryColour(), purse);
    }

    private static Entry entry(Instant at, String kind, String source, Franchise f, Integer amount, String detail) {
        return new Entry(at, kind, source, f == null ? null : f.code(), amount, detail);
    }

    private static String orchestratorDetail(OrchestratorEvent o) {
        return switch (o) {
            case OrchestratorEvent.AgentStarted s -> "instance " + s.instanceId();
            case OrchestratorEvent.SeatUnhealthy u -> "silent for " + u.silentForMillis() + " ms: " + u.reason();
            case OrchestratorEvent.SeatRestarting r -> r.step() + " restart, attempt " + r.attempt();
            case OrchestratorEvent.SeatRestarted r -> r.step() + " restart done, attempt " + r.attempt();
            case OrchestratorEvent.SeatRestartFailed f -> "gave up after " + f.attempts() + ": " + f.error();
            case OrchestratorEvent.SeatRecovered r -> "down for " + r.downForMillis() + " ms";
            case OrchestratorEvent.AgentStopped s -> s.reason();
        };
    }

    /** SeatRestartFailed → seat-restart-failed. */
    static String kebab(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
