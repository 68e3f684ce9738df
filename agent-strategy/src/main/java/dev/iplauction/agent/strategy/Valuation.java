package dev.iplauction.agent.strategy;

import dev.iplauction.agent.strategy.BuyingStyle.Priorities;
import dev.iplauction.agent.strategy.PlayerRating.Rating;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a player is worth: a fair market price from his rating, and what he is worth to one franchise given its
 * character, its squad and its purse.
 *
 * <p>The fair price grows exponentially with quality, from ₹30 L for an unknown to about ₹16 Cr for the best-rated
 * marquee player, and is never below the base price. It is calibrated on the IPL 2025 mega auction, where uncapped
 * players mostly went for ₹30 L to ₹1 Cr, capped ₹2 Cr players for ₹5 to ₹12 Cr and marquee players for ₹7.5 to ₹27
 * Cr.
 */
public final class Valuation {

    /** The fair price of a player rated 0, and how fast it grows with quality: 30 × e^(4 q) lakh. */
    static final double FAIR_FLOOR = 30;

    static final double FAIR_GROWTH = 4.0;

    /**
     * Purse per open place at which a franchise pays the fair price: the IPL 2025 auction spent about ₹639 Cr on 182
     * players, about ₹3.5 Cr each, and teams bid for more places than they fill.
     */
    static final double REFERENCE_PER_PLACE = 450;

    /** What a must-have role the squad is still short of (its keeper, its bowlers) is worth over the fair price. */
    static final double MUST_HAVE_NEED = 1.6;

    /** How far above his fair price a franchise with money to spare pays for a player. */
    static final double SPARE_STRETCH = 1.5;

    /** Spare money per place from which a franchise spends it rather than keep it: a third of the reference. */
    static final double DEEP_SPARE = REFERENCE_PER_PLACE / 3;

    /** A player whose fair price is below this share of the purse per open place pays for the place he takes. */
    static final double PLACE_SHARE = 0.35;

    /**
     * An overseas player is worth less than an Indian one as good, to a neutral side (0.5 preference) about 0.9 of
     * him: only four play in an XI and the overseas pool is deep, so a franchise pays its Indian core a premium.
     */
    static final double OVERSEAS_DISCOUNT = 0.75;

    /** How much more a franchise pays for a player with a far better record at its home ground. */
    static final double HOME_WEIGHT = 0.1;

    private final PlayerRating rating;
    private final Map<Player, Rating> ratings = new ConcurrentHashMap<>();

    /** A valuation from the market's signals (base price, set, capped status). */
    public Valuation() {
        this(PlayerRating.fromMarket());
    }

    public Valuation(PlayerRating rating) {
        this.rating = Objects.requireNonNull(rating, "rating");
    }

    public PlayerRating rating() {
        return rating;
    }

    /** The market's fair price for a player: never below his base price, never above the larger of it and ~₹16.4 Cr. */
    public Lakh fairPrice(Player player) {
        return fairPrice(player, rate(player));
    }

    /** The rating of a player, worked out once per player: the pool is rated again at every lot. */
    Rating rate(Player player) {
        return ratings.computeIfAbsent(player, rating::rate);
    }

    /** What the rating rests on, in one line, for the LLM's prompt. */
    public Optional<String> describe(Player player) {
        return rating.describe(player);
    }

    /**
     * What a player is worth to a franchise in this standing: the fair price, raised by what the franchise values in
     * a player (its priorities, its appetite for uncapped risk, its overseas and spin/pace leanings) and by its need
     * for his role, lowered once the role is filled (nothing once it is saturated) and beyond the squad it aims for,
     * scaled by its purse per open place. A franchise short of its minimum squad, with places running short against
     * the lots left, is willing to take a player it would otherwise let go, up to his base price and more; one
     * between the minimum and its aim, as the lots run out, takes cheap players to fill its squad.
     */
    public Lakh worthTo(BuyingStyle buyingStyle, TeamState team, Player player, LotContext context) {
        return appraise(buyingStyle, team, player, context).worth();
    }

    Appraisal appraise(BuyingStyle buyingStyle, TeamState team, Player player, LotContext context) {
        SquadRules rules = context.rules();
        Rating rated = rate(player);
        Lakh fair = fairPrice(player, rated);
        RoleNeed need = RoleNeed.of(buyingStyle, team, player.role(), rules);
        Urgency urgency = Urgency.of(buyingStyle, team, context);

        double preference = 0.7 + 0.6 * liking(buyingStyle.priorities(), rated, player);
        double risk = player.capped() ? 1 : 0.55 + 0.6 * buyingStyle.riskTolerance();
        double overseas = player.overseas() ? OVERSEAS_DISCOUNT + 0.3 * buyingStyle.overseasPreference() : 1;
        double style = styleFactor(buyingStyle, player);
        double reference = roomReference(buyingStyle, team, context);
        double depth = depthFactor(buyingStyle, team, rules, reference);
        double perPlace = perOpenPlace(buyingStyle, team, rules);
        double wealth = Math.max(0.6, Math.min(1.6, Math.sqrt(perPlace / reference)));

        double place = placeCost(fair.value(), perPlace);
        double home = 1 + HOME_WEIGHT * rating.homeAdvantage(player, buyingStyle.franchise());
        Scarcity scarcity = Scarcity.of(buyingStyle, player, rated.quality(), context, this::rate);
        double worth = fair.value()
                * preference
                * risk
                * overseas
                * style
                * need.factor()
                * depth
                * wealth
                * place
                * home
                * scarcity.factor();
        if (urgency.level() > 0) {
            double wanted = Math.max(player.basePrice().value(), Math.min(fair.value() * wealth, perPlace));
            double floor = urgency.level() * wanted;
            if (urgency.pressing()) {
                floor = Math.max(floor, player.basePrice().value());
            }
            worth = Math.max(worth, floor);
        } else if (urgency.fill() > 0 && !need.saturated()) {
            worth = Math.max(worth, urgency.fill() * Math.min(fair.value(), perPlace));
        }
        if (team.squadSize() >= buyingStyle.targetSquad(rules) && !need.saturated()) {
            worth = Math.max(worth, spareMoney(team, rules, fair.value()));
        }
        return new Appraisal(fair, Lakh.of(roundToFive(worth)), need, urgency, scarcity);
    }

    /**
     * A place in the squad has a cost: a player worth far less than the purse per open place takes a place a better
     * player could fill, so he is worth up to 60% less (until places run short, when {@link Urgency} takes over).
     */
    static double placeCost(double fair, double perPlace) {
        double threshold = PLACE_SHARE * perPlace;
        return fair >= threshold ? 1 : 0.4 + 0.6 * fair / threshold;
    }

    /**
     * What a place is worth in this room: the purse per open place of every franchise (this one included), each up
     * to the squad it aims for, or up to the maximum once there. Early in a mega auction it is near {@link
     * #REFERENCE_PER_PLACE}; as rivals spend out it falls, so a franchise that has kept its money is richer than the
     * room and bids like it (between a third and 1.3 times the reference, so one odd team cannot swing it).
     */
    static double roomReference(BuyingStyle buyingStyle, TeamState team, LotContext context) {
        SquadRules rules = context.rules();
        double total = perPlaceInRoom(buyingStyle, team, rules);
        int teams = 1;
        for (TeamState rival : context.rivals()) {
            if (rival.franchise() != team.franchise()) {
                total += perPlaceInRoom(buyingStyle, rival, rules);
                teams++;
            }
        }
        return Math.max(REFERENCE_PER_PLACE / 3, Math.min(1.3 * REFERENCE_PER_PLACE, total / teams));
    }

    private static double perPlaceInRoom(BuyingStyle buyingStyle, TeamState team, SquadRules rules) {
        int aim = buyingStyle.targetSquad(rules);
        int open = team.squadSize() < aim ? aim - team.squadSize() : rules.maxSquad() - team.squadSize();
        return open <= 0 ? 0 : (double) team.purse().value() / open;
    }

    /**
     * Money left at the end buys nothing: a franchise that has the squad it aimed for, with room for more and money
     * beyond the rules' reserve, pays up to 1.5 times a player's fair price, within its spare money per place left,
     * rather than keep it, once that is at least {@link #DEEP_SPARE} a place (below that, each extra player is the
     * luxury {@link #depthFactor} prices).
     */
    static double spareMoney(TeamState team, SquadRules rules, double fair) {
        int places = rules.maxSquad() - team.squadSize();
        if (places <= 0) {
            return 0;
        }
        long reserve = (long) Math.max(0, rules.minSquad() - team.squadSize() - 1)
                * rules.minBasePrice().value();
        double spare = (team.purse().value() - reserve) / (double) places;
        if (spare < DEEP_SPARE) {
            return 0;
        }
        return Math.min(SPARE_STRETCH * fair, spare);
    }

    /** The purse per place still to fill up to the squad the franchise aims for. */
    static double perOpenPlace(BuyingStyle buyingStyle, TeamState team, SquadRules rules) {
        int open = Math.max(1, buyingStyle.targetSquad(rules) - team.squadSize());
        return (double) team.purse().value() / open;
    }

    private static Lakh fairPrice(Player player, Rating rated) {
        int fair = roundToFive(FAIR_FLOOR * Math.exp(FAIR_GROWTH * rated.quality()) * horizon(player.age()));
        return Lakh.max(player.basePrice(), Lakh.of(fair));
    }

    /**
     * A mega auction buys a player for three seasons: from 32 on, fewer of them are left in him, and the market pays
     * less (a sixth less at 34, a third at 36, 40% from 37 on). Unknown ages are not discounted.
     */
    static double horizon(Integer age) {
        if (age == null || age <= 31) {
            return 1;
        }
        return Math.max(0.6, 1 - 0.04 * (age - 31) - 0.005 * (age - 31) * (age - 31));
    }

    /** How much a franchise likes a player, 0 to 1: its priorities weighed against his signals. */
    static double liking(Priorities priorities, Rating rated, Player player) {
        double youth = player.age() == null ? 0.4 : MarketRating.clamp((31 - player.age()) / 10.0);
        double value = 1 - 0.8 * MarketRating.priceSignal(player.basePrice().value());
        return priorities.experience() * rated.experience()
                + priorities.youth() * youth
                + priorities.starPower() * rated.starPower()
                + priorities.value() * value;
    }

    /** Spin or pace, as the franchise prefers: full weight for a bowler, half for an all-rounder. */
    static double styleFactor(BuyingStyle buyingStyle, Player player) {
        double weight = switch (player.role()) {
            case BOWLER -> 1.0;
            case ALL_ROUNDER -> 0.5;
            default -> 0.0;
        };
        String style =
                player.bowlingStyle() == null ? "" : player.bowlingStyle().toLowerCase(Locale.ROOT);
        double lean = 2 * (buyingStyle.spinPreference() - 0.5);
        if (style.contains("spin") || style.contains("slow") || style.contains("orthodox")) {
            return 1 + weight * 0.2 * lean;
        }
        if (style.contains("fast") || style.contains("medium")) {
            return 1 - weight * 0.2 * lean;
        }
        return 1;
    }

    /**
     * Beyond the squad it aims for, each further player is a luxury worth less, unless the purse is still deep enough
     * to pay the reference price for every place left up to the maximum squad (money left over at the end buys
     * nothing).
     */
    static double depthFactor(BuyingStyle buyingStyle, TeamState team, SquadRules rules) {
        return depthFactor(buyingStyle, team, rules, REFERENCE_PER_PLACE);
    }

    static double depthFactor(BuyingStyle buyingStyle, TeamState team, SquadRules rules, double reference) {
        int beyond = team.squadSize() - buyingStyle.targetSquad(rules);
        if (beyond < 0) {
            return 1;
        }
        double luxury = Math.pow(0.6, beyond + 1);
        int left = Math.max(1, rules.maxSquad() - team.squadSize());
        double deepPurse = Math.min(1, team.purse().value() / (double) left / reference);
        return Math.max(luxury, deepPurse);
    }

    static int roundToFive(double lakh) {
        return (int) Math.max(0, Math.round(lakh / 5.0) * 5);
    }

    /** A player's worth to a franchise, and the need and urgency behind it. */
    record Appraisal(Lakh fair, Lakh worth, RoleNeed need, Urgency urgency, Scarcity scarcity) {}

    /**
     * A franchise's need for a role: what it has, what it wants and where it stops.
     *
     * @param factor above 1 while the role is short (most for a first wicketkeeper), below 1 once the target is met,
     *     0 once the role is saturated
     */
    record RoleNeed(Role role, int have, int target, int limit, double factor, int placesKept) {

        static RoleNeed of(BuyingStyle buyingStyle, TeamState team, Role role, SquadRules rules) {
            int have = team.count(role);
            int target = buyingStyle.roleTarget(role, rules);
            int limit = buyingStyle.roleLimit(role, rules);
            double factor;
            if (have >= limit) {
                factor = 0;
            } else if (have < target) {
                factor = role == Role.WICKETKEEPER && have == 0 ? 1.5 : 1 + 0.4 * (target - have) / target;
            } else {
                factor = Math.pow(0.55, have - target + 1);
            }
            if (have < mustHave(role, rules)) {
                factor = Math.max(factor, MUST_HAVE_NEED);
            }
            int shortfall = 0;
            for (Role other : Role.values()) {
                shortfall += Math.max(0, mustHave(other, rules) - team.count(other));
            }
            int places = rules.maxSquad() - team.squadSize();
            if (have >= mustHave(role, rules) && shortfall > 0 && places <= shortfall) {
                // The last places belong to the roles a squad cannot do without.
                return new RoleNeed(role, have, target, have, 0, shortfall);
            }
            return new RoleNeed(role, have, target, limit, factor, 0);
        }

        /**
         * The players of a role no squad can go into a season without: a wicketkeeper, and a third of the minimum
         * squad in bowlers (six in the IPL), once the squad has room for four roles.
         */
        static int mustHave(Role role, SquadRules rules) {
            if (rules.minSquad() < Role.values().length) {
                return 0;
            }
            return switch (role) {
                case WICKETKEEPER -> 1;
                case BOWLER -> Math.min(6, rules.minSquad() / 3);
                default -> 0;
            };
        }

        boolean saturated() {
            return have >= limit;
        }

        boolean belowTarget() {
            return have < target;
        }
    }
}
