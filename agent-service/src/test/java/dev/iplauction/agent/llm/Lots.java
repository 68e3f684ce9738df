package dev.iplauction.agent.llm;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.TeamState;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import java.util.List;
import java.util.Map;

/** Lots, teams and rule decisions for the tests. */
final class Lots {

    static final String AUCTION = "ABCD12";

    private Lots() {}

    static Player bumrah() {
        return new Player(
                "12",
                "Jasprit Bumrah",
                "India",
                false,
                Role.BOWLER,
                true,
                "M1",
                Lakh.of(200),
                Franchise.MI,
                30,
                "Right",
                "Right-arm fast");
    }

    static Player overseasBatter() {
        return new Player(
                "41",
                "Travis Head",
                "Australia",
                true,
                Role.BATTER,
                true,
                "BA1",
                Lakh.of(200),
                Franchise.SRH,
                31,
                "Left",
                "Right-arm off break");
    }

    /** Mumbai Indians with a 45-crore purse and 12 players, 3 of them overseas. */
    static TeamState mumbai() {
        return new TeamState(
                Franchise.MI,
                Lakh.of(4500),
                12,
                3,
                Map.of(Role.BATTER, 4, Role.BOWLER, 3, Role.ALL_ROUNDER, 3, Role.WICKETKEEPER, 2),
                1);
    }

    static TeamState team(Franchise franchise, int purse, int squadSize, int overseas) {
        return new TeamState(franchise, Lakh.of(purse), squadSize, overseas, Map.of(Role.BATTER, squadSize), 0);
    }

    static LotContext lot(Player player, TeamState mine) {
        return lot(player, mine, SquadRules.IPL);
    }

    static LotContext lot(Player player, TeamState mine, SquadRules rules) {
        return new LotContext(
                AUCTION,
                mine.franchise(),
                7,
                player,
                null,
                null,
                player.basePrice(),
                rules,
                mine,
                List.of(team(Franchise.CSK, 6000, 10, 2), team(Franchise.RCB, 3000, 14, 5)),
                5);
    }

    static LotContext bumrahForMumbai() {
        return lot(bumrah(), mumbai());
    }

    static LotDecision rulesBid(int valuation, int maxBid) {
        return new LotDecision(
                Choice.BID, Lakh.of(valuation), Lakh.of(maxBid), Source.RULES, "rules: fast bowler, team short");
    }

    static String answer(String choice, int maxBid, String reason) {
        return "{\"choice\":\"" + choice + "\",\"maxBidLakh\":" + maxBid + ",\"reason\":\"" + reason + "\"}";
    }
}
