package dev.iplauction.reports.replay;

import java.time.Instant;
import java.util.List;

/**
 * An auction told lot by lot, for reading and for playing back: each lot from its opening through every bid the house
 * took or refused, every decision (with its reason) and bid the agents made, and the LLM advice they asked for, to its
 * sale or its going unsold. What happened outside a lot (seats, start, pauses, restarts, the end) is in {@code
 * between}.
 */
public record Timeline(
        String auctionCode,
        String name,
        Instant from,
        Instant firstAt,
        Instant lastAt,
        List<Seat> franchises,
        List<Lot> lots,
        List<Entry> between) {

    /** A franchise at the table and its purse at the start, when the events go back that far. */
    public record Seat(String franchise, String name, String colour, Integer purseLakh) {}

    public record Lot(
            int lot,
            String round,
            String playerId,
            String playerName,
            String role,
            boolean overseas,
            int basePriceLakh,
            Instant openedAt,
            Instant closedAt,
            String outcome,
            String franchise,
            Integer priceLakh,
            boolean rightToMatch,
            List<Entry> entries) {}

    /**
     * One thing that happened.
     *
     * @param kind what: opened, bid-accepted, bid-refused, decision, bid-placed, llm-call, rtm-offered, rtm-matched,
     *     rtm-raised, rtm-declined, sold, unsold, clock-restarted; and between lots: created, seat-claimed,
     *     seat-released, started, paused, resumed, accelerated-round, completed, and the orchestrator's seat events
     * @param source the topic it came from
     * @param amountLakh the money it names, if any
     * @param detail a short sentence: a decision's source and reason, a refusal's reason, an outcome
     */
    public record Entry(Instant at, String kind, String source, String franchise, Integer amountLakh, String detail) {}
}
