package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A franchise's buying style: how it likes to build a squad, the character the rule-based strategy plays. Every number
 * is a weight or a share between 0 and 1, so the same style works for a quick auction (squads of 4 to 8) and the real
 * one (18 to 25).
 *
 * @param summary one line a cricket fan would recognise
 * @param aggression how readily it raises: stretches its maximum above its valuation and lets one player take more
 *     of the purse
 * @param riskTolerance willingness to pay for uncapped, unproven players
 * @param priorities what it values in a player
 * @param roleShares the make-up of the squad it wants
 * @param overseasPreference how much it leans on overseas players (0.5 is neutral)
 * @param spinPreference spin over pace among bowlers and all-rounders (0.5 is neutral)
 * @param maxBidShare the most it pays for one player, as a share of the starting purse
 * @param homeGround where it plays, which shapes the spin/pace preference
 */
public record BuyingStyle(
        Franchise franchise,
        String summary,
        double aggression,
        double riskTolerance,
        Priorities priorities,
        RoleShares roleShares,
        double overseasPreference,
        double spinPreference,
        double maxBidShare,
        String homeGround) {

    /** How far above the minimum squad a team aims, as a share of the gap between the minimum and the maximum. */
    static final double SQUAD_DEPTH = 0.5;

    public BuyingStyle {
        Objects.requireNonNull(franchise, "franchise");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(priorities, "priorities");
        Objects.requireNonNull(roleShares, "roleShares");
        Objects.requireNonNull(homeGround, "homeGround");
        requireShare("aggression", aggression);
        requireShare("riskTolerance", riskTolerance);
        requireShare("overseasPreference", overseasPreference);
        requireShare("spinPreference", spinPreference);
        if (!(maxBidShare > 0 && maxBidShare <= 1)) {
            throw new IllegalArgumentException("maxBidShare must be in (0, 1], got " + maxBidShare);
        }
    }

    /**
     * What a franchise values in a player, as weights that sum to 1.
     *
     * @param experience proven players: capped, with IPL matches behind them
     * @param youth players young enough to grow into the side
     * @param starPower the names at the top of the list
     * @param value good players at modest prices
     */
    public record Priorities(double experience, double youth, double starPower, double value) {

        public Priorities {
            requireShare("experience", experience);
            requireShare("youth", youth);
            requireShare("starPower", starPower);
            requireShare("value", value);
            if (Math.abs(experience + youth + starPower + value - 1) > 1e-9) {
                throw new IllegalArgumentException("priorities must sum to 1");
            }
        }
    }

    /** The squad a franchise wants, as shares of the whole (summing to 1), so it scales with the squad size. */
    public record RoleShares(double batters, double wicketkeepers, double allRounders, double bowlers) {

        public RoleShares {
            requireShare("batters", batters);
            requireShare("wicketkeepers", wicketkeepers);
            requireShare("allRounders", allRounders);
            requireShare("bowlers", bowlers);
            if (Math.abs(batters + wicketkeepers + allRounders + bowlers - 1) > 1e-9) {
                throw new IllegalArgumentException("role shares must sum to 1");
            }
        }

        public double of(Role role) {
            return switch (role) {
                case BATTER -> batters;
                case WICKETKEEPER -> wicketkeepers;
                case ALL_ROUNDER -> allRounders;
                case BOWLER -> bowlers;
            };
        }
    }

    /** The squad size it aims for: halfway from the minimum to the maximum (22 in the IPL, 6 in a quick auction). */
    public int targetSquad(SquadRules rules) {
        return rules.minSquad() + (int) Math.round(SQUAD_DEPTH * (rules.maxSquad() - rules.minSquad()));
    }

    /**
     * How many players of each role it wants in a squad of {@link #targetSquad}: the shares apportioned by largest
     * remainder so the targets add up to the squad, with at least one wicketkeeper whenever the squad has room for
     * four roles.
     */
    public Map<Role, Integer> roleTargets(SquadRules rules) {
        int squad = Math.max(1, targetSquad(rules));
        Map<Role, Integer> targets = new EnumMap<>(Role.class);
        Map<Role, Double> remainders = new EnumMap<>(Role.class);
        int given = 0;
        for (Role role : Role.values()) {
            double exact = roleShares.of(role) * squad;
            int floor = (int) Math.floor(exact);
            targets.put(role, floor);
            remainders.put(role, exact - floor);
            given += floor;
        }
        while (given < squad) {
            Role next = Role.values()[0];
            for (Role role : Role.values()) {
                if (remainders.get(role) > remainders.get(next)) {
                    next = role;
                }
            }
            targets.merge(next, 1, Integer::sum);
            remainders.put(next, -1.0);
            given++;
        }
        if (squad >= Role.values().length && targets.get(Role.WICKETKEEPER) == 0) {
            Role largest = Role.BATTER;
            for (Role role : Role.values()) {
                if (targets.get(role) > targets.get(largest)) {
                    largest = role;
                }
            }
            targets.merge(largest, -1, Integer::sum);
            targets.put(Role.WICKETKEEPER, 1);
        }
        return Map.copyOf(targets);
    }

    public int roleTarget(Role role, SquadRules rules) {
        return roleTargets(rules).get(role);
    }

    /**
     * The count at which a role is saturated and the team stops bidding for it (while its squad is not short): the
     * target plus half again, and at least one more than the target.
     */
    public int roleLimit(Role role, SquadRules rules) {
        int target = roleTarget(role, rules);
        return target + Math.max(1, (int) Math.ceil(target / 2.0));
    }

    /** The most it pays for one player: its share of the starting purse, rounded down to whole lakh. */
    public Lakh perPlayerCap(Lakh startingPurse) {
        return Lakh.of((int) Math.floor(maxBidShare * startingPurse.value() + 1e-6));
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
        }
    }
}
