package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotContext;
import java.util.Optional;

/**
 * One compact line of a player's record for the prompt (e.g. "T20: 120 inns, SR 142, avg 31; IPL 2024: 410 runs"),
 * where the agent has statistics. The prompt leaves the line out when there is none.
 */
@FunctionalInterface
public interface StatisticsLine {

    StatisticsLine NONE = context -> Optional.empty();

    Optional<String> of(LotContext context);
}
