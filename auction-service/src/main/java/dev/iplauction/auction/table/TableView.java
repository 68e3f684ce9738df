package dev.iplauction.auction.table;

import java.time.Instant;
import java.util.List;

/**
 * What the room shows about the AI franchises at the table and the bidding on the lot: which seats an agent holds, who
 * bid what on the current lot, each agent's in or out on the lot being sold, and, once a lot is hammered, each agent's
 * decision on it with its maximum and reason. Maxima and reasons of the lot being sold never appear here.
 *
 * @param lot the lot being sold, or 0 when none is open
 * @param ai the franchises an agent holds (it has sent a heartbeat or a decision for this auction)
 * @param intents the agents' in or out on the open lot
 * @param ladder the accepted bids on {@code ladderLot}, oldest first
 * @param revealed the most recent hammered lots with their decisions, newest first
 * @param adviceWarmingUp an AI franchise wants LLM advice that is not ready yet (model missing, being pulled or
 *     loading): its rules decide meanwhile, and the room says so
 */
public record TableView(
        String code,
        int lot,
        List<String> ai,
        List<Intent> intents,
        int ladderLot,
        List<Rung> ladder,
        List<LotDecisions> revealed,
        boolean adviceWarmingUp) {

    /** The table of an auction nothing is known of. */
    public static TableView empty(String code) {
        return new TableView(code, 0, List.of(), List.of(), 0, List.of(), List.of(), false);
    }

    /** An agent's stance on the open lot: in (it will bid up to a maximum it keeps to itself) or out. */
    public record Intent(String franchise, boolean in) {}

    /** One accepted bid. */
    public record Rung(String franchise, int amount, String amountDisplay, Instant at, boolean ai) {}

    /** What the agents decided on a hammered lot. */
    public record LotDecisions(int lot, String playerName, List<Decision> decisions) {}

    /**
     * @param maxBid the most it would pay, in lakh, or null when it passed
     * @param source RULES, LLM, CACHE or FALLBACK
     * @param sourceText the source in plain words
     */
    public record Decision(
            String franchise,
            String choice,
            Integer maxBid,
            String maxBidDisplay,
            String source,
            String sourceText,
            String reason,
            long latencyMillis) {}
}
