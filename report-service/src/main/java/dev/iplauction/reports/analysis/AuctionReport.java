package dev.iplauction.reports.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a report says about one auction: the house's results (who bought whom, for how much, what went unsold)
 * and each franchise's performance from its agent's telemetry. A pure function of the auction's events ({@link
 * ReportBuilder}): the live service and a replay of the same events make equal reports. Money is in lakh, times in
 * milliseconds.
 *
 * @param state LOBBY, RUNNING or COMPLETED, as far as the events go
 * @param eventsByTopic how many of the auction's events each topic held
 */
public record AuctionReport(
        String auctionCode,
        String name,
        String state,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        String completionReason,
        Map<String, Integer> eventsByTopic,
        Totals totals,
        LatencyStats decisionLatency,
        List<HistogramBucket> decisionLatencyHistogram,
        List<FranchisePerformance> franchises,
        List<LotResult> lots) {

    /** The auction as a whole. */
    public record Totals(
            int lotsOpened,
            int sold,
            int unsold,
            int soldByRightToMatch,
            int spendLakh,
            int houseBidsAccepted,
            int houseBidsRefused,
            int decisions,
            int agentBids,
            int llmCalls) {}

    /** Decision latencies counted into one bucket: from (inclusive) to (exclusive, null for no upper end). */
    public record HistogramBucket(String label, long fromMillis, Long toMillis, int count) {}

    public record FranchisePerformance(
            String franchise,
            String name,
            Decisions decisions,
            Bids bids,
            Llm llm,
            Purse purse,
            Squad squad,
            Health health) {}

    /** What the agent decided: BID or PASS, and where each decision came from (RULES, LLM, CACHE, FALLBACK). */
    public record Decisions(int count, int bid, int pass, Map<String, Integer> bySource, LatencyStats latency) {}

    /**
     * Bids as the agent saw them (placed, and the house's answer: accepted, rejected with a reason, outbid) and as the
     * house recorded them (accepted, refused by reason code).
     */
    public record Bids(
            int placed,
            int accepted,
            int rejected,
            int outbid,
            Map<String, Integer> rejectedByReason,
            LatencyStats reaction,
            int houseAccepted,
            Map<String, Integer> houseRefusedByReason) {}

    /** LLM calls; errors are every outcome that is neither OK nor TIMEOUT; the hit rate is cached / calls. */
    public record Llm(
            int calls,
            int cached,
            double cacheHitRate,
            int timeouts,
            int errors,
            Map<String, Integer> byOutcome,
            LatencyStats latency) {}

    /** The purse: at the start (after retentions), spent at the auction, and left (the house's figure when it has one). */
    public record Purse(Integer startLakh, int spentLakh, Integer unspentLakh, int lotsWon, int wonByRightToMatch) {}

    /** The squad at the end (or so far): retained and bought players, by role. */
    public record Squad(
            int players, int overseas, int retained, int bought, int rightToMatch, Map<String, Integer> byRole) {}

    /**
     * The agent's health: heartbeats and the gaps between them, how many agent instances held the seat, how often a
     * new instance or process took over ({@code takeovers}), and the orchestrator's view (unhealthy, restarts attempted
     * and done, failures, recoveries).
     */
    public record Health(
            int heartbeats,
            LatencyStats heartbeatGaps,
            int instances,
            int takeovers,
            int unhealthy,
            int restartAttempts,
            int restarts,
            int restartFailures,
            int recoveries,
            String lastState) {}

    /** One lot and how it ended: SOLD, UNSOLD or OPEN (still on the block when the events end). */
    public record LotResult(
            int lot,
            String round,
            String playerId,
            String playerName,
            String role,
            boolean overseas,
            int basePriceLakh,
            String outcome,
            String franchise,
            Integer priceLakh,
            boolean rightToMatch,
            int bids,
            Instant openedAt,
            Instant closedAt,
            List<LotDecision> decisions) {}

    /**
     * What one AI franchise decided about a lot (its last decision on it), and why: the report's record of the reasons
     * the room shows after each hammer.
     *
     * @param maxBidLakh the most it would pay; null when it passed
     * @param source RULES, LLM, CACHE or FALLBACK
     * @param sourceText the source in plain words
     */
    public record LotDecision(
            String franchise, String choice, Integer maxBidLakh, String source, String sourceText, String reason) {}
}
