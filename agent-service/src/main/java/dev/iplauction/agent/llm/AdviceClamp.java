package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.TeamState;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import java.util.Optional;

/**
 * Turns the model's answer into a decision the franchise may act on. The model may lower the rules' maximum freely,
 * and raise it only so far:
 *
 * <ul>
 *   <li>never past {@link BiddingRules#maxBid} (the purse less the reserve for the places still to fill);
 *   <li>never above {@code raiseLimit} × the larger of the rule maximum and the rule valuation (so a model can back a
 *       player the rules value but pass on, yet cannot invent value the rules do not see);
 *   <li>never a bid the squad or overseas limits forbid ({@link BiddingRules#affordability}).
 * </ul>
 *
 * An answer outside those bounds is brought within them and its reason says so. A bid whose maximum ends up below the
 * player's base price is a pass.
 */
final class AdviceClamp {

    private final double raiseLimit;

    AdviceClamp(double raiseLimit) {
        if (Double.isNaN(raiseLimit) || raiseLimit < 1) {
            throw new IllegalArgumentException("raiseLimit must be at least 1, got " + raiseLimit);
        }
        this.raiseLimit = raiseLimit;
    }

    /** The most the model's maximum may be for this lot. */
    Lakh ceiling(LotContext context, LotDecision ruleDecision) {
        return Lakh.min(hardMax(context), raised(ruleDecision));
    }

    LotDecision clamp(LlmAnswer answer, LotContext context, LotDecision ruleDecision, Source source) {
        String reason = "LLM: " + (answer.reason().isEmpty() ? "(no reason given)" : answer.reason());
        Lakh valuation = ruleDecision.valuation();
        if (answer.choice() == Choice.PASS) {
            return LotDecision.pass(valuation, source, reason);
        }
        TeamState mine = context.mine();
        Player player = context.player();
        Optional<RefusalReason> refusal = BiddingRules.affordability(
                context.rules(), mine.purse(), mine.squadSize(), mine.overseasCount(), player.overseas(), Lakh.ZERO);
        if (refusal.isPresent()) {
            return LotDecision.pass(
                    valuation, source, reason + " [overruled: " + refusal.get().code() + "]");
        }
        Lakh hardMax = hardMax(context);
        Lakh raised = raised(ruleDecision);
        Lakh ceiling = Lakh.min(hardMax, raised);
        Lakh wanted = Lakh.of(answer.maxBidLakh());
        Lakh max = Lakh.min(wanted, ceiling);
        String clampNote = "";
        if (wanted.isMoreThan(ceiling)) {
            clampNote = " [clamped from " + wanted.value() + " to " + ceiling.value() + ": "
                    + (hardMax.isMoreThan(raised) ? raiseLimit + "x the rules' figure" : "purse less reserve")
                    + "]";
        }
        if (max.isLessThan(player.basePrice())) {
            return LotDecision.pass(
                    valuation,
                    source,
                    reason + clampNote + " [pass: " + max.value() + " is below the base price "
                            + player.basePrice().value() + "]");
        }
        return new LotDecision(Choice.BID, valuation, max, source, reason + clampNote);
    }

    private static Lakh hardMax(LotContext context) {
        return BiddingRules.maxBid(
                context.rules(), context.mine().purse(), context.mine().squadSize());
    }

    private Lakh raised(LotDecision ruleDecision) {
        Lakh reference = Lakh.max(ruleDecision.maxBid(), ruleDecision.valuation());
        double raised = Math.floor(reference.value() * raiseLimit);
        return Lakh.of((int) Math.min(Integer.MAX_VALUE, raised));
    }
}
