package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How much a franchise may spend on one lot. The limit is the smallest of:
 *
 * <ul>
 *   <li>the rules' {@link BiddingRules#maxBid maximum bid}: the purse less ₹30 L (the lowest base price) for every
 *       minimum place still open after this player;
 *   <li>the buying style's per-player cap, a share of the starting purse;
 *   <li>the purse less a planning reserve for the places still to fill: every minimum place at a sensible price for
 *       the role it is needed for (judged from the base prices of the players still to come), and every place beyond
 *       the minimum up to the squad it aims for at the lowest base price. As places run short (see {@link Urgency})
 *       the reserve falls to the least that still completes the minimum squad from the players to come;
 *   <li>a spread of the purse over the places still to fill: one player takes at most (3 + 3 × aggression) places'
 *       worth of the purse.
 * </ul>
 *
 * A franchise with a full squad, or with its overseas slots full and an overseas player on the block, may spend
 * nothing. The limit therefore never breaks the purse reserve or the squad and overseas limits.
 */
public final class BudgetPlanner {

    /** A sensible price for a place is this premium over a low base price among the players of its role to come. */
    static final double SENSIBLE_PREMIUM = 1.25;

    /** Which of the role's base prices to come counts as low: the lower quartile. */
    static final double LOW_QUANTILE = 0.25;

    /**
     * How much a franchise may spend on this player in this standing.
     *
     * @param team the franchise's standing (usually {@code context.mine()}; a rival's to estimate what it can pay)
     */
    public Budget plan(BuyingStyle buyingStyle, TeamState team, Player player, LotContext context) {
        SquadRules rules = context.rules();
        Lakh purse = team.purse();
        Optional<RefusalReason> closed = BiddingRules.affordability(
                rules, purse, team.squadSize(), team.overseasCount(), player.overseas(), Lakh.ZERO);
        Lakh ruleMax = BiddingRules.maxBid(rules, purse, team.squadSize());
        Lakh cap = buyingStyle.perPlayerCap(context.startingPurseOr(purse));
        if (closed.isPresent()) {
            return new Budget(Lakh.ZERO, ruleMax, cap, purse, Limit.RULES, closed);
        }
        Urgency urgency = Urgency.of(buyingStyle, team, context);
        int needed = Math.max(0, rules.minSquad() - (team.squadSize() + 1));
        int wanted = Math.max(0, buyingStyle.targetSquad(rules) - (team.squadSize() + 1)) - needed;
        int overseasLeft = rules.maxOverseas() - team.overseasCount() - (player.overseas() ? 1 : 0);
        List<Player> upcoming = context.upcoming();

        long floor = cheapestCompletion(upcoming, needed, overseasLeft, rules);
        long sensible =
                Math.max(floor, sensibleCompletion(buyingStyle, team, player, upcoming, needed, overseasLeft, rules));
        long optional = (long) wanted * rules.minBasePrice().value();
        double slack = 1 - urgency.level();
        long reserve = floor + (long) Math.ceil(slack * (sensible - floor + optional));

        int placesToFill = Math.max(1, buyingStyle.targetSquad(rules) - team.squadSize());
        double spreadShare = Math.min(1, (3 + 3 * buyingStyle.aggression()) / placesToFill);
        long spread = (long) Math.floor(purse.value() * spreadShare);

        long afterReserve = purse.value() - reserve;
        long limit = Math.min(Math.min(ruleMax.value(), cap.value()), Math.min(afterReserve, spread));
        Limit binding = limit == ruleMax.value()
                ? Limit.RULES
                : limit == cap.value() ? Limit.CAP : limit == afterReserve ? Limit.RESERVE : Limit.SPREAD;
        Lakh reserved = Lakh.of((int) Math.max(0, Math.min(purse.value(), reserve)));
        return new Budget(Lakh.of((int) Math.max(0, limit)), ruleMax, cap, reserved, binding, Optional.empty());
    }

    /**
     * The least that completes the minimum squad from the players to come: the cheapest base prices among those it
     * could still take (overseas ones only while overseas slots are left), and the lowest base price for places the
     * players to come cannot fill (the accelerated round brings unsold players back).
     */
    static long cheapestCompletion(List<Player> upcoming, int needed, int overseasLeft, SquadRules rules) {
        if (needed == 0) {
            return 0;
        }
        List<Player> byPrice = new ArrayList<>(upcoming);
        byPrice.sort(Comparator.comparingInt(p -> p.basePrice().value()));
        long total = 0;
        int taken = 0;
        int overseas = 0;
        for (Player candidate : byPrice) {
            if (taken == needed) {
                break;
            }
            if (candidate.overseas()) {
                if (overseas >= overseasLeft) {
                    continue;
                }
                overseas++;
            }
            total += priceOf(candidate, rules);
            taken++;
        }
        return total + (long) (needed - taken) * rules.minBasePrice().value();
    }

    /**
     * What completing the minimum squad should really cost: each place needed for a role the squad is short of at a
     * sensible price for that role, the others at a sensible price for any player.
     */
    static long sensibleCompletion(
            BuyingStyle buyingStyle,
            TeamState team,
            Player player,
            List<Player> upcoming,
            int needed,
            int overseasLeft,
            SquadRules rules) {
        if (needed == 0) {
            return 0;
        }
        Map<Role, List<Integer>> pricesByRole = new EnumMap<>(Role.class);
        List<Integer> all = new ArrayList<>();
        for (Player candidate : upcoming) {
            if (candidate.overseas() && overseasLeft <= 0) {
                continue;
            }
            int price = priceOf(candidate, rules);
            pricesByRole
                    .computeIfAbsent(candidate.role(), r -> new ArrayList<>())
                    .add(price);
            all.add(price);
        }
        long anyRole = sensiblePrice(all, rules);
        long total = 0;
        int left = needed;
        for (Role role : Role.values()) {
            int have = team.count(role) + (player.role() == role ? 1 : 0);
            int deficit = Math.max(0, buyingStyle.roleTarget(role, rules) - have);
            int places = Math.min(left, deficit);
            List<Integer> prices = pricesByRole.getOrDefault(role, List.of());
            long price = prices.isEmpty() ? anyRole : sensiblePrice(prices, rules);
            total += places * price;
            left -= places;
        }
        return total + left * anyRole;
    }

    private static long sensiblePrice(List<Integer> prices, SquadRules rules) {
        int lowest = rules.minBasePrice().value();
        if (prices.isEmpty()) {
            return Math.round(lowest * SENSIBLE_PREMIUM);
        }
        List<Integer> sorted = new ArrayList<>(prices);
        sorted.sort(null);
        int low = sorted.get((int) Math.floor(LOW_QUANTILE * (sorted.size() - 1)));
        return Math.round(Math.max(lowest, low) * SENSIBLE_PREMIUM);
    }

    private static int priceOf(Player player, SquadRules rules) {
        return Math.max(player.basePrice().value(), rules.minBasePrice().value());
    }

    /**
     * What a franchise may spend on one lot, and why.
     *
     * @param limit the most it may bid on this player now: within every other field
     * @param ruleMax the rules' maximum bid (purse less the reserve for the minimum squad)
     * @param styleCap the buying style's per-player cap
     * @param reserve what it keeps back for the places still to fill
     * @param binding which of the four bounds the limit is
     * @param refusal why it may not buy this player at any price (squad full, overseas slots full), if so
     */
    public record Budget(
            Lakh limit, Lakh ruleMax, Lakh styleCap, Lakh reserve, Limit binding, Optional<RefusalReason> refusal) {

        /** Whether it may bid this amount. */
        public boolean allows(Lakh amount) {
            return refusal.isEmpty() && !amount.isMoreThan(limit);
        }

        /** The limit's reason in words, for a decision's one-line reason. */
        public String explain() {
            return switch (binding) {
                case RULES -> "all the rules allow";
                case CAP -> "its cap for one player";
                case RESERVE -> "keeping " + reserve.display() + " for the places still to fill";
                case SPREAD -> "its share of the purse for one place";
            };
        }
    }

    /** The bounds of a budget: the rules' maximum bid, the buying style's cap, the planning reserve, the spread. */
    public enum Limit {
        RULES,
        CAP,
        RESERVE,
        SPREAD
    }
}
