package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.TeamState;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question put to the model: a short system line and a compact description of the team, the player and what the
 * rules make of him. Amounts are plain numbers of lakh, the unit the answer is given in. The current bid is left out
 * on purpose: the question is what the player is worth to this team, which does not change while the lot runs, so
 * the answer can be cached for the lot.
 */
final class AdvicePrompt {

    private static final Logger log = LoggerFactory.getLogger(AdvicePrompt.class);

    static final String SYSTEM = "You advise an IPL franchise at a live player auction. All amounts are in lakh"
            + " (100 lakh = 1 crore). Reply with JSON only:"
            + " {\"choice\":\"BID\" or \"PASS\",\"maxBidLakh\":integer,\"reason\":\"one short line\"}.";

    private static final int LONGEST_RULE_REASON = 80;

    private final StatisticsLine statistics;

    AdvicePrompt(StatisticsLine statistics) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
    }

    /**
     * @param ceiling the most the answer may name; a higher answer is clamped to it
     */
    String user(LotContext context, LotDecision ruleDecision, Lakh ceiling) {
        TeamState mine = context.mine();
        SquadRules rules = context.rules();
        Player player = context.player();
        StringBuilder prompt = new StringBuilder(640);

        prompt.append("Team ")
                .append(context.me().code())
                .append(" (")
                .append(context.me().displayName())
                .append("): purse ")
                .append(mine.purse().value())
                .append(", squad ")
                .append(mine.squadSize())
                .append('/')
                .append(rules.maxSquad())
                .append(" (")
                .append(roleCounts(mine))
                .append("), overseas ")
                .append(mine.overseasCount())
                .append('/')
                .append(rules.maxOverseas())
                .append(".\n");
        prompt.append("Needs: ").append(needs(mine, rules)).append(".\n");
        rivals(context.rivals()).ifPresent(line -> prompt.append(line).append(".\n"));

        prompt.append("Player: ")
                .append(player.name())
                .append(", ")
                .append(player.role().displayName());
        if (player.country() != null && !player.country().isBlank()) {
            prompt.append(", ").append(player.country());
        }
        prompt.append(player.overseas() ? ", overseas" : ", Indian")
                .append(player.capped() ? ", capped" : ", uncapped");
        if (player.age() != null) {
            prompt.append(", age ").append(player.age());
        }
        if (player.setCode() != null && !player.setCode().isBlank()) {
            prompt.append(", set ").append(player.setCode());
        }
        prompt.append(", base price ").append(player.basePrice().value()).append(".\n");

        statisticsFor(context)
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .ifPresent(line -> prompt.append("Stats: ").append(line).append('\n'));

        prompt.append("Rules: value ").append(ruleDecision.valuation().value());
        if (ruleDecision.choice() == Choice.BID) {
            prompt.append(", bid up to ").append(ruleDecision.maxBid().value());
        } else {
            prompt.append(", pass");
        }
        if (ruleDecision.reason() != null && !ruleDecision.reason().isBlank()) {
            prompt.append(" (").append(abbreviate(ruleDecision.reason())).append(')');
        }
        prompt.append(".\n");
        prompt.append("Lots left this round: ").append(context.lotsRemaining()).append(".\n");
        prompt.append("Bid or pass? maxBidLakh: the most you would pay, at most ")
                .append(ceiling.value())
                .append(" (0 to pass). Reason: one line.");
        return prompt.toString();
    }

    /** The statistics line, if any; a failing lookup costs the line, never the question. */
    private Optional<String> statisticsFor(LotContext context) {
        try {
            return Objects.requireNonNullElse(statistics.of(context), Optional.empty());
        } catch (RuntimeException e) {
            log.warn("No statistics line for player {}: {}", context.player().id(), e.toString());
            return Optional.empty();
        }
    }

    private static String roleCounts(TeamState team) {
        StringJoiner counts = new StringJoiner(", ");
        for (Role role : Role.values()) {
            counts.add(shortName(role) + " " + team.count(role));
        }
        return counts.toString();
    }

    private static String needs(TeamState team, SquadRules rules) {
        List<String> needs = new ArrayList<>();
        int toMinimum = Math.max(0, rules.minSquad() - team.squadSize());
        needs.add(toMinimum == 0 ? "minimum squad reached" : toMinimum + " more to reach " + rules.minSquad());
        needs.add("room for " + Math.max(0, rules.maxSquad() - team.squadSize()));
        needs.add(Math.max(0, rules.maxOverseas() - team.overseasCount()) + " overseas places left");
        List<String> missing = new ArrayList<>();
        for (Role role : Role.values()) {
            if (team.count(role) == 0) {
                missing.add(shortName(role));
            }
        }
        if (!missing.isEmpty()) {
            needs.add("no " + String.join("/", missing) + " yet");
        }
        return String.join("; ", needs);
    }

    private static Optional<String> rivals(List<TeamState> rivals) {
        if (rivals.isEmpty()) {
            return Optional.empty();
        }
        int richest = rivals.stream().mapToInt(r -> r.purse().value()).max().orElse(0);
        long average = Math.round(
                rivals.stream().mapToInt(r -> r.purse().value()).average().orElse(0));
        return Optional.of("Rivals: " + rivals.size() + ", richest purse " + richest + ", average " + average);
    }

    private static String shortName(Role role) {
        return switch (role) {
            case BATTER -> "BAT";
            case BOWLER -> "BOWL";
            case ALL_ROUNDER -> "AR";
            case WICKETKEEPER -> "WK";
        };
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= LONGEST_RULE_REASON ? oneLine : oneLine.substring(0, LONGEST_RULE_REASON - 1) + "…";
    }
}
