package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.Source;

/**
 * What an agent means to do about a lot: bid up to {@code maxBid}, or pass. Bidding itself is then a reflex: raise
 * while the next amount is within the maximum and the franchise is not already the highest bidder.
 *
 * @param valuation what the player is worth to this franchise
 * @param maxBid the most it will pay on this lot, always within the purse, the reserve and the team's cap
 * @param source where the decision came from
 * @param reason one line a person can read afterwards
 */
public record LotDecision(Choice choice, Lakh valuation, Lakh maxBid, Source source, String reason) {

    public static LotDecision pass(Lakh valuation, Source source, String reason) {
        return new LotDecision(Choice.PASS, valuation, Lakh.ZERO, source, reason);
    }

    /** Whether the franchise should bid this amount now. */
    public boolean wouldBid(Lakh amount) {
        return choice == Choice.BID && !amount.isMoreThan(maxBid);
    }
}
