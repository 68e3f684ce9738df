package dev.iplauction.agent.strategy;

import dev.iplauction.agent.strategy.BudgetPlanner.Budget;
import dev.iplauction.agent.strategy.Valuation.Appraisal;
import dev.iplauction.agent.strategy.Valuation.RoleNeed;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.agent.DecisionEvent.Choice;
import dev.iplauction.contracts.agent.DecisionEvent.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The baseline franchise: values a player with {@link Valuation}, limits itself with {@link BudgetPlanner}, and bids
 * up to the smaller of its valuation (stretched by its aggression) and its budget. Stateless and safe to share between
 * franchises: each lot's context says whose turn it is.
 *
 * <p>It passes when its squad is full, when its overseas slots are full and the player is overseas, when it cannot
 * afford the next bid, when the role is saturated (unless it is short of its minimum squad and places are running
 * short), and when the next bid is above what the player is worth to it.
 *
 * <p>With a right-to-match card it matches any price within its maximum for the player, raised by 10% for a player it
 * knows, and within the card caps; but while as many better former players are still to come as it has cards, it
 * keeps the card unless the price is a bargain. As the highest bidder after a match it raises once: just beyond the
 * card holder's reach when that is within its own maximum (first what the holder can afford at all, then what the
 * holder is likely to pay, judged from its standing and its character), else part of the way to its maximum (further
 * the more aggressive it is).
 */
public final class RuleBasedStrategy implements Strategy {

    /** How far above its valuation the most aggressive franchise goes (20%); the most patient goes to its valuation. */
    static final double STRETCH = 0.2;

    /** A card holder knows the player: it will pay 10% more to keep him. */
    static final double RTM_LOYALTY = 1.1;

    /** A price at or below this share of a player's worth is a bargain a card is always spent on. */
    static final double RTM_BARGAIN = 0.75;

    private final Function<Franchise, BuyingStyle> buyingStyles;
    private final Valuation valuation;
    private final BudgetPlanner planner;

    /** The ten franchises' own buying styles, with a valuation from the market's signals. */
    public RuleBasedStrategy() {
        this(BuyingStyles::of, new Valuation(), new BudgetPlanner());
    }

    public RuleBasedStrategy(
            Function<Franchise, BuyingStyle> buyingStyles, Valuation valuation, BudgetPlanner planner) {
        this.buyingStyles = Objects.requireNonNull(buyingStyles, "buyingStyles");
        this.valuation = Objects.requireNonNull(valuation, "valuation");
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    @Override
    public LotDecision decide(LotContext given) {
        LotContext context = MiniAuction.adapt(given);
        Plan plan = plan(context, 1.0);
        Lakh next = nextBid(context);
        Lakh worth = plan.appraisal().worth();
        Optional<String> closed = plan.closedReason(context);
        if (closed.isPresent()) {
            return LotDecision.pass(worth, Source.RULES, closed.get());
        }
        String name = context.player().name();
        String team = context.me().code();
        if (next.isMoreThan(plan.budget().limit())) {
            return LotDecision.pass(
                    worth,
                    Source.RULES,
                    "cannot stretch to " + next.display() + " for " + name + ": " + team + " may spend "
                            + plan.budget().limit().display() + ", "
                            + plan.budget().explain());
        }
        if (next.isMoreThan(plan.max())) {
            return LotDecision.pass(
                    worth,
                    Source.RULES,
                    name + " is worth " + worth.display() + " to " + team + ", short of the " + next.display()
                            + " asked");
        }
        return new LotDecision(
                Choice.BID,
                worth,
                plan.max(),
                Source.RULES,
                plan.motive(context) + "; worth " + worth.display() + " to " + team + ", will go to "
                        + plan.max().display() + plan.ceiling());
    }

    @Override
    public boolean useRtm(LotContext given) {
        LotContext context = MiniAuction.adapt(given);
        Player player = context.player();
        TeamState mine = context.mine();
        Lakh price = context.currentBid();
        if (price == null
                || player.team2024() != context.me()
                || context.highestBidder() == null
                || context.highestBidder() == context.me()
                || mine.rtmCards() <= 0
                || !BiddingRules.rtmCapAllows(player.capped(), mine.kept(player.capped()))) {
            return false;
        }
        if (BiddingRules.affordability(
                        context.rules(), mine.purse(), mine.squadSize(), mine.overseasCount(), player.overseas(), price)
                .isPresent()) {
            return false;
        }
        Plan plan = plan(context, RTM_LOYALTY);
        return plan.closedReason(context).isEmpty()
                && !price.isMoreThan(plan.max())
                && !savesCardForABetterPlayer(context, plan.appraisal());
    }

    /**
     * Whether to keep the card for a former player still to come who is worth more: when there are at least as many
     * of them as cards left, a card is spent on this one only at a bargain (at most {@link #RTM_BARGAIN} of what he is
     * worth to the franchise).
     */
    private boolean savesCardForABetterPlayer(LotContext context, Appraisal appraisal) {
        Player player = context.player();
        TeamState mine = context.mine();
        if (context.currentBid().value() <= RTM_BARGAIN * appraisal.worth().value()) {
            return false;
        }
        long better = context.upcoming().stream()
                .filter(next -> next.team2024() == context.me() && !next.id().equals(player.id()))
                .filter(next -> BiddingRules.rtmCapAllows(next.capped(), mine.kept(next.capped())))
                .filter(next -> valuation.fairPrice(next).isMoreThan(appraisal.fair()))
                .count();
        return better >= mine.rtmCards();
    }

    @Override
    public Optional<Lakh> raiseAfterMatch(LotContext given) {
        LotContext context = MiniAuction.adapt(given);
        Lakh matched = context.currentBid();
        Franchise holder = context.player().team2024();
        if (matched == null || holder == null || holder == context.me()) {
            return Optional.empty();
        }
        Plan plan = plan(context, 1.0);
        Lakh max = plan.max();
        if (plan.closedReason(context).isPresent() || !max.isMoreThan(matched)) {
            return Optional.empty();
        }
        Optional<TeamState> holding = context.rivals().stream()
                .filter(rival -> rival.franchise() == holder)
                .findFirst();
        if (holding.isPresent()) {
            TeamState card = holding.get();
            Lakh ceiling = BiddingRules.maxBid(context.rules(), card.purse(), card.squadSize());
            Lakh beyondReach = Lakh.of(roundUpToFive(ceiling.value() + 1));
            if (!beyondReach.isMoreThan(max) && beyondReach.isMoreThan(matched)) {
                return Optional.of(beyondReach);
            }
        }
        Optional<Lakh> beyondEstimate = holding.flatMap(card -> holdersReach(context, card))
                .map(reach -> Lakh.max(
                        Lakh.of(roundUpToFive(reach.value() + 1)),
                        Increments.IPL.nextBid(context.player().basePrice(), matched)))
                .filter(beyond -> !beyond.isMoreThan(max));
        if (beyondEstimate.isPresent()) {
            return beyondEstimate;
        }
        double share = 0.35 + 0.65 * plan.buyingStyle().aggression();
        int step = roundDownToFive(matched.value() + share * (max.value() - matched.value()));
        Lakh raise =
                Lakh.max(Lakh.of(step), Increments.IPL.nextBid(context.player().basePrice(), matched));
        return raise.isMoreThan(max) ? Optional.empty() : Optional.of(raise);
    }

    /**
     * How far the card holder would go to keep the player, judged from its standing as the room shows it and the
     * character its franchise is known for: what he is worth to it, stretched by its aggression and its loyalty to a
     * former player, within its purse and its cap. Empty when its character is unknown.
     */
    private Optional<Lakh> holdersReach(LotContext context, TeamState card) {
        BuyingStyle holder = buyingStyles.apply(card.franchise());
        if (holder == null) {
            return Optional.empty();
        }
        List<TeamState> others = new ArrayList<>();
        others.add(context.mine());
        context.rivals().stream().filter(r -> r.franchise() != card.franchise()).forEach(others::add);
        LotContext asHolder = new LotContext(
                context.auctionCode(),
                card.franchise(),
                context.lot(),
                context.player(),
                context.currentBid(),
                context.highestBidder(),
                context.nextBid(),
                context.rules(),
                card,
                others,
                context.lotsRemaining(),
                context.startingPurse(),
                context.upcoming());
        Lakh worth = valuation.worthTo(holder, card, context.player(), asHolder);
        int reach = roundDownToFive(worth.value() * (1 + STRETCH * holder.aggression()) * RTM_LOYALTY);
        Lakh ceiling = Lakh.min(
                BiddingRules.maxBid(context.rules(), card.purse(), card.squadSize()),
                holder.perPlayerCap(context.startingPurseOr(card.purse())));
        return Optional.of(Lakh.min(Lakh.of(reach), ceiling));
    }

    private Plan plan(LotContext context, double loyalty) {
        BuyingStyle buyingStyle =
                Objects.requireNonNull(buyingStyles.apply(context.me()), () -> "no buying style for " + context.me());
        Player player = context.player();
        Budget budget = planner.plan(buyingStyle, context.mine(), player, context);
        Appraisal appraisal = valuation.appraise(buyingStyle, context.mine(), player, context);
        Lakh stretched = Lakh.of(
                roundDownToFive(appraisal.worth().value() * (1 + STRETCH * buyingStyle.aggression()) * loyalty));
        return new Plan(buyingStyle, budget, appraisal, stretched, Lakh.min(stretched, budget.limit()));
    }

    /** The next bid the room shows; without one (never in a live room), the IPL ladder's. */
    private static Lakh nextBid(LotContext context) {
        return context.nextBid() != null
                ? context.nextBid()
                : Increments.IPL.nextBid(context.player().basePrice(), context.currentBid());
    }

    static int roundDownToFive(double lakh) {
        return (int) Math.max(0, Math.floor(lakh / 5.0) * 5);
    }

    static int roundUpToFive(int lakh) {
        return (lakh + 4) / 5 * 5;
    }

    private record Plan(BuyingStyle buyingStyle, Budget budget, Appraisal appraisal, Lakh stretched, Lakh max) {

        /** Why the maximum is below the stretched valuation, when the budget holds it down. */
        String ceiling() {
            return stretched.isMoreThan(max) ? " (" + budget.explain() + ")" : "";
        }

        /** Why the franchise cannot or will not take this player at any price, if so. */
        Optional<String> closedReason(LotContext context) {
            Player player = context.player();
            TeamState mine = context.mine();
            Optional<RefusalReason> refusal = budget.refusal();
            if (refusal.isPresent() && refusal.get() == RefusalReason.SQUAD_FULL) {
                return Optional.of("squad full (" + mine.squadSize() + " of "
                        + context.rules().maxSquad() + "); no place for " + player.name());
            }
            if (refusal.isPresent() && refusal.get() == RefusalReason.OVERSEAS_LIMIT) {
                return Optional.of("overseas slots full (" + mine.overseasCount() + " of "
                        + context.rules().maxOverseas() + "); passing on " + player.name());
            }
            if (refusal.isPresent()) {
                return Optional.of("cannot buy " + player.name() + ": " + refusal.get());
            }
            RoleNeed need = appraisal.need();
            if (need.placesKept() > 0) {
                return Optional.of("its last places are kept for the keeper and bowlers it still lacks; passing on "
                        + player.name());
            }
            if (need.saturated() && !appraisal.urgency().pressing()) {
                return Optional.of("already " + need.have() + " " + plural(need.role(), need.have()) + ", enough for "
                        + context.me().code() + "; passing on " + player.name());
            }
            return Optional.empty();
        }

        /** The first half of a bid's reason: why this franchise wants the player. */
        String motive(LotContext context) {
            RoleNeed need = appraisal.need();
            Urgency urgency = appraisal.urgency();
            if (urgency.pressing()) {
                return "squad short by " + urgency.placesShort() + " with " + urgency.lots() + " lots left; "
                        + context.player().name() + " fills a place";
            }
            if (need.belowTarget()) {
                return "need a " + ordinal(need.have() + 1) + " " + noun(need.role());
            }
            return "a " + ordinal(need.have() + 1) + " " + noun(need.role()) + " for depth";
        }
    }

    static String noun(Role role) {
        return switch (role) {
            case BATTER -> "batter";
            case WICKETKEEPER -> "keeper";
            case ALL_ROUNDER -> "all-rounder";
            case BOWLER -> "bowler";
        };
    }

    static String plural(Role role, int count) {
        return count == 1 ? noun(role) : noun(role) + "s";
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return n + "th";
        }
        return switch (n % 10) {
            case 1 -> n + "st";
            case 2 -> n + "nd";
            case 3 -> n + "rd";
            default -> n + "th";
        };
    }
}
