package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Franchise;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How short of places a franchise is running: the places it still needs to reach the minimum squad, against the lots
 * left in the round and what every franchise together still needs. As the minimum places still to fill across the
 * room approach the lots remaining, a franchise that is short must take what comes.
 *
 * @param placesShort places this franchise still needs to reach the minimum squad, counting this lot's player
 * @param demand places every franchise together still needs to reach the minimum
 * @param lots this lot and those after it in the round
 * @param level 0 (no hurry) to 1 (take anything affordable); always 0 once the minimum squad is reached
 * @param fill the same for the places between the minimum squad and the squad the franchise aims for, judged on the
 *     places every franchise still wants up to that squad: 0 while it is short of the minimum or has reached its aim
 */
record Urgency(int placesShort, int demand, int lots, double level, double fill) {

    /** Below this share of demand to lots there is no hurry; from {@link #FULL} on, a short team takes what it can. */
    static final double CALM = 0.2;

    static final double FULL = 0.7;

    static Urgency of(BuyingStyle buyingStyle, TeamState team, LotContext context) {
        int minSquad = context.rules().minSquad();
        int aim = buyingStyle.targetSquad(context.rules());
        int placesShort = Math.max(0, minSquad - team.squadSize());
        Map<Franchise, TeamState> room = new LinkedHashMap<>();
        if (context.mine() != null) {
            room.put(context.mine().franchise(), context.mine());
        }
        context.rivals().forEach(rival -> room.put(rival.franchise(), rival));
        room.put(team.franchise(), team);
        int demand = room.values().stream()
                .mapToInt(t -> Math.max(0, minSquad - t.squadSize()))
                .sum();
        int lots = Math.max(1, context.lotsRemaining() + 1);
        if (placesShort == 0) {
            if (team.squadSize() >= aim) {
                return new Urgency(0, demand, lots, 0, 0);
            }
            int wanted = room.values().stream()
                    .mapToInt(t -> Math.max(0, aim - t.squadSize()))
                    .sum();
            return new Urgency(0, demand, lots, 0, scale((double) wanted / lots));
        }
        double ratio = Math.max((double) demand / lots, (double) placesShort / lots);
        return new Urgency(placesShort, demand, lots, scale(ratio), 0);
    }

    private static double scale(double ratio) {
        return Math.max(0, Math.min(1, (ratio - CALM) / (FULL - CALM)));
    }

    boolean pressing() {
        return level >= 0.5;
    }
}
