package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.Valuation;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import java.util.Optional;

/**
 * One compact line of a player's record for the prompt (e.g. "T20: 120 inns, SR 142, avg 31; IPL 2024: 410 runs"),
 * where the agent has statistics. The prompt leaves the line out when there is none.
 */
@FunctionalInterface
public interface StatisticsLine {

    StatisticsLine NONE = context -> Optional.empty();

    Optional<String> of(LotContext context);

    /**
     * The line the valuation rests on: the player's profile (matches, batting and bowling with their phases, recent
     * form, how much data), his fair market price, and how many players of his role and kind as good are still to
     * come when the pool is in view.
     */
    static StatisticsLine from(Valuation valuation) {
        return context -> {
            Player player = context.player();
            Lakh fair = valuation.fairPrice(player);
            StringBuilder line = new StringBuilder();
            valuation.describe(player).ifPresent(profile -> line.append(profile).append(". "));
            line.append("Market: fair price ").append(fair.value());
            if (!context.upcoming().isEmpty()) {
                long asGood = context.upcoming().stream()
                        .filter(next -> next.role() == player.role() && next.overseas() == player.overseas())
                        .filter(next -> !valuation.fairPrice(next).isLessThan(Lakh.of(fair.value() * 9 / 10)))
                        .count();
                line.append("; ")
                        .append(asGood)
                        .append(player.overseas() ? " overseas " : " Indian ")
                        .append(player.role().displayName().toLowerCase(java.util.Locale.ROOT))
                        .append(asGood == 1 ? "" : "s")
                        .append(" as good still to come of ")
                        .append(context.upcoming().size())
                        .append(" players");
            }
            return Optional.of(line.append('.').toString());
        };
    }
}
