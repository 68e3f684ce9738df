package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Players, standings and lots for the strategy tests. */
final class Lots {

    static final SquadRules QUICK = new SquadRules(4, 8, 3, Lakh.of(30));

    static final Lakh QUICK_PURSE = Lakh.of(4_000);

    private Lots() {}

    /** A capped Indian player in round 1 of his role's capped set, aged 28, at this base price. */
    static Player player(Role role, int basePrice) {
        return new Player(
                "p-" + role + "-" + basePrice,
                "Test " + role.displayName(),
                "India",
                false,
                role,
                true,
                cappedSet(role) + "1",
                Lakh.of(basePrice),
                null,
                28,
                "RHB",
                role == Role.BOWLER || role == Role.ALL_ROUNDER ? "RIGHT ARM Fast Medium" : null);
    }

    static Player marquee(Role role) {
        return with(player(role, 200), "M1", true, false);
    }

    static Player overseas(Player player) {
        return new Player(
                player.id() + "-o",
                player.name(),
                "Australia",
                true,
                player.role(),
                player.capped(),
                player.setCode(),
                player.basePrice(),
                player.team2024(),
                player.age(),
                player.battingHand(),
                player.bowlingStyle());
    }

    static Player uncapped(Role role, int age) {
        Player base = player(role, 30);
        return new Player(
                base.id() + "-u" + age,
                "Young " + role.displayName(),
                "India",
                false,
                role,
                false,
                "U" + cappedSet(role) + "1",
                Lakh.of(30),
                null,
                age,
                "RHB",
                base.bowlingStyle());
    }

    static Player with(Player player, String set, boolean capped, boolean overseas) {
        return new Player(
                player.id() + "-" + set + capped + overseas,
                player.name(),
                overseas ? "England" : "India",
                overseas,
                player.role(),
                capped,
                set,
                player.basePrice(),
                player.team2024(),
                player.age(),
                player.battingHand(),
                player.bowlingStyle());
    }

    static Player withTeam2024(Player player, Franchise team) {
        return new Player(
                player.id(),
                player.name(),
                player.country(),
                player.overseas(),
                player.role(),
                player.capped(),
                player.setCode(),
                player.basePrice(),
                team,
                player.age(),
                player.battingHand(),
                player.bowlingStyle());
    }

    static Player withStyle(Player player, String bowlingStyle) {
        return new Player(
                player.id() + "-" + bowlingStyle,
                player.name(),
                player.country(),
                player.overseas(),
                player.role(),
                player.capped(),
                player.setCode(),
                player.basePrice(),
                player.team2024(),
                player.age(),
                player.battingHand(),
                bowlingStyle);
    }

    private static String cappedSet(Role role) {
        return switch (role) {
            case BATTER -> "BA";
            case WICKETKEEPER -> "WK";
            case ALL_ROUNDER -> "AL";
            case BOWLER -> "FA";
        };
    }

    /** A standing with these role counts (batters, keepers, all-rounders, bowlers) and no overseas players. */
    static TeamState team(Franchise franchise, int purse, int batters, int keepers, int allRounders, int bowlers) {
        Map<Role, Integer> roles = new EnumMap<>(Role.class);
        roles.put(Role.BATTER, batters);
        roles.put(Role.WICKETKEEPER, keepers);
        roles.put(Role.ALL_ROUNDER, allRounders);
        roles.put(Role.BOWLER, bowlers);
        return new TeamState(franchise, Lakh.of(purse), batters + keepers + allRounders + bowlers, 0, roles, 1, 0, 0);
    }

    static TeamState withOverseas(TeamState team, int overseas) {
        return new TeamState(
                team.franchise(),
                team.purse(),
                team.squadSize(),
                overseas,
                team.roles(),
                team.rtmCards(),
                team.keptCapped(),
                team.keptUncapped());
    }

    static TeamState withCards(TeamState team, int cards, int keptCapped, int keptUncapped) {
        return new TeamState(
                team.franchise(),
                team.purse(),
                team.squadSize(),
                team.overseasCount(),
                team.roles(),
                cards,
                keptCapped,
                keptUncapped);
    }

    /** Rivals with this purse who already have the minimum squad, so only this franchise's own needs press. */
    static List<TeamState> rivalsOf(Franchise me, int purse, SquadRules rules) {
        int squad = rules.minSquad();
        int keepers = squad >= 4 ? 1 : 0;
        int rest = squad - keepers;
        return Arrays.stream(Franchise.values())
                .filter(f -> f != me)
                .map(f -> team(f, purse, rest / 3, keepers, rest / 3, rest - 2 * (rest / 3)))
                .toList();
    }

    /** The opening of a lot in an IPL-sized auction with plenty of lots to come. */
    static LotContext lot(TeamState mine, Player player) {
        return lot(mine, player, SquadRules.IPL, Lakh.of(12_000), 400, List.of());
    }

    static LotContext lot(
            TeamState mine,
            Player player,
            SquadRules rules,
            Lakh startingPurse,
            int lotsRemaining,
            List<Player> upcoming) {
        return new LotContext(
                "TEST42",
                mine.franchise(),
                1,
                player,
                null,
                null,
                player.basePrice(),
                rules,
                mine,
                rivalsOf(mine.franchise(), startingPurse.value(), rules),
                lotsRemaining,
                startingPurse,
                upcoming);
    }

    /** The same lot with a price on the table. */
    static LotContext at(LotContext lot, int bid, Franchise bidder) {
        Lakh current = Lakh.of(bid);
        return lot.at(current, bidder, Increments.IPL.nextBid(lot.player().basePrice(), current));
    }

    static LotContext withRivals(LotContext lot, List<TeamState> rivals) {
        return new LotContext(
                lot.auctionCode(),
                lot.me(),
                lot.lot(),
                lot.player(),
                lot.currentBid(),
                lot.highestBidder(),
                lot.nextBid(),
                lot.rules(),
                lot.mine(),
                rivals,
                lot.lotsRemaining(),
                lot.startingPurse(),
                lot.upcoming());
    }
}
