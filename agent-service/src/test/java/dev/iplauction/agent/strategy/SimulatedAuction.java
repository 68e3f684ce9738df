package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A simplified auction played by strategies directly: no browser, no engine, no clock. Every player is offered in
 * order; the franchises whose decision allows the next bid raise, one at a time in a seeded random order, until nobody
 * will; the last bidder buys him, after the right-to-match steps where his 2024 franchise holds a card. Unsold players
 * are offered once more in an accelerated round. Every bid and every purchase is checked against the rules, and any
 * breach is recorded rather than thrown, so a test can show them all.
 */
final class SimulatedAuction {

    private final SquadRules rules;
    private final Lakh startingPurse;
    private final Strategy strategy;
    private final Random random;
    private final Map<Franchise, Squad> squads = new EnumMap<>(Franchise.class);
    private final List<String> breaches = new ArrayList<>();
    private final List<Player> unsold = new ArrayList<>();
    private boolean poolShown = true;
    private int lotNumber;
    private int rtmUsed;

    SimulatedAuction(SquadRules rules, Lakh startingPurse, Strategy strategy, long seed) {
        this.rules = rules;
        this.startingPurse = startingPurse;
        this.strategy = strategy;
        this.random = new Random(seed);
    }

    /** Seats a franchise with its purse, RTM cards and retained players (who count toward every limit). */
    SimulatedAuction seat(Franchise franchise, Lakh purse, int rtmCards, List<Player> retained) {
        Squad squad = new Squad(franchise, purse.value(), rtmCards);
        retained.forEach(player -> squad.add(player, 0, true));
        squads.put(franchise, squad);
        return this;
    }

    /** Plays without showing the franchises the players still to come (as a room without a pool page would). */
    SimulatedAuction withoutPoolView() {
        poolShown = false;
        return this;
    }

    /** Plays the lots in order, then the unsold ones once more. */
    Result run(List<Player> lots) {
        List<Player> firstRound = List.copyOf(lots);
        for (int i = 0; i < firstRound.size(); i++) {
            offer(firstRound.get(i), firstRound.subList(i + 1, firstRound.size()), unsold);
        }
        List<Player> accelerated = List.copyOf(unsold);
        unsold.clear();
        for (int i = 0; i < accelerated.size(); i++) {
            offer(accelerated.get(i), accelerated.subList(i + 1, accelerated.size()), unsold);
        }
        return new Result(Map.copyOf(squads), List.copyOf(breaches), List.copyOf(unsold), rtmUsed);
    }

    private void offer(Player player, List<Player> upcoming, List<Player> unsoldPile) {
        lotNumber++;
        Map<Franchise, LotDecision> decisions = new LinkedHashMap<>();
        for (Squad squad : squads.values()) {
            LotContext context = context(squad, player, null, null, upcoming);
            LotDecision decision = strategy.decide(context);
            checkDecision(squad, player, decision, context);
            decisions.put(squad.franchise, decision);
        }
        Lakh current = null;
        Franchise highest = null;
        while (true) {
            Lakh next = BiddingRules.nextBid(player.basePrice(), current);
            List<Franchise> willing = new ArrayList<>();
            for (Map.Entry<Franchise, LotDecision> entry : decisions.entrySet()) {
                if (entry.getKey() != highest && entry.getValue().wouldBid(next)) {
                    willing.add(entry.getKey());
                }
            }
            if (willing.isEmpty()) {
                break;
            }
            Franchise bidder = willing.get(random.nextInt(willing.size()));
            check(bidder, player, next, "bid");
            current = next;
            highest = bidder;
        }
        if (highest == null) {
            unsoldPile.add(player);
            return;
        }
        Franchise buyer = highest;
        Lakh price = current;
        boolean byRtm = false;
        Squad holder = player.team2024() == null ? null : squads.get(player.team2024());
        if (holder != null && holder.franchise != highest && holder.rtmCards > 0) {
            if (strategy.useRtm(context(holder, player, price, highest, upcoming))) {
                Optional<Lakh> raise =
                        strategy.raiseAfterMatch(context(squads.get(highest), player, price, highest, upcoming));
                if (raise.isPresent()) {
                    if (!raise.get().isMoreThan(price)) {
                        breaches.add(
                                highest + " raised " + player.name() + " to " + raise.get() + ", not above " + price);
                    }
                    check(highest, player, raise.get(), "raise after match");
                    price = raise.get();
                    if (strategy.useRtm(context(holder, player, price, highest, upcoming))) {
                        buyer = holder.franchise;
                        byRtm = true;
                    }
                } else {
                    buyer = holder.franchise;
                    byRtm = true;
                }
            }
        }
        if (byRtm && !BiddingRules.rtmCapAllows(player.capped(), holder.kept(player.capped()))) {
            breaches.add(holder.franchise + " used a card on " + player.name() + " beyond the kept-player caps");
        }
        check(buyer, player, price, byRtm ? "right to match" : "purchase");
        Squad squad = squads.get(buyer);
        squad.purchases.add(new Purchase(player, price, squad.players.size(), squad.purse, byRtm));
        squad.add(player, price.value(), byRtm);
        if (byRtm) {
            squad.rtmCards--;
            rtmUsed++;
        }
    }

    private void checkDecision(Squad squad, Player player, LotDecision decision, LotContext context) {
        Lakh ruleMax = BiddingRules.maxBid(rules, Lakh.of(squad.purse), squad.players.size());
        if (decision.maxBid().isMoreThan(ruleMax)) {
            breaches.add(squad.franchise + " planned " + decision.maxBid() + " for " + player.name()
                    + " beyond its rule maximum " + ruleMax);
        }
        Lakh cap = TeamProfiles.of(squad.franchise).perPlayerCap(startingPurse);
        if (decision.maxBid().isMoreThan(cap)) {
            breaches.add(squad.franchise + " planned " + decision.maxBid() + " beyond its cap " + cap);
        }
        if (decision.wouldBid(context.nextBid())
                && BiddingRules.affordability(
                                rules,
                                Lakh.of(squad.purse),
                                squad.players.size(),
                                squad.overseas,
                                player.overseas(),
                                context.nextBid())
                        .isPresent()) {
            breaches.add(squad.franchise + " would bid on " + player.name() + " against the rules");
        }
    }

    private void check(Franchise franchise, Player player, Lakh amount, String what) {
        Squad squad = squads.get(franchise);
        Optional<RefusalReason> refusal = BiddingRules.affordability(
                rules, Lakh.of(squad.purse), squad.players.size(), squad.overseas, player.overseas(), amount);
        refusal.ifPresent(reason -> breaches.add(
                franchise + " " + what + " of " + amount + " for " + player.name() + " refused: " + reason));
    }

    private LotContext context(Squad squad, Player player, Lakh current, Franchise highest, List<Player> upcoming) {
        List<TeamState> rivals = squads.values().stream()
                .filter(other -> other != squad)
                .map(Squad::state)
                .toList();
        return new LotContext(
                "SIMULA",
                squad.franchise,
                lotNumber,
                player,
                current,
                highest,
                BiddingRules.nextBid(player.basePrice(), current),
                rules,
                squad.state(),
                rivals,
                upcoming.size(),
                startingPurse,
                poolShown ? upcoming : List.of());
    }

    /** A franchise's standing as the auction goes. */
    static final class Squad {
        final Franchise franchise;
        final int startingPurse;
        final List<Player> players = new ArrayList<>();
        final List<Purchase> purchases = new ArrayList<>();
        final Map<Role, Integer> roles = new EnumMap<>(Role.class);
        int purse;
        int overseas;
        int rtmCards;
        int keptCapped;
        int keptUncapped;

        Squad(Franchise franchise, int purse, int rtmCards) {
            this.franchise = franchise;
            this.startingPurse = purse;
            this.purse = purse;
            this.rtmCards = rtmCards;
        }

        void add(Player player, int price, boolean kept) {
            players.add(player);
            roles.merge(player.role(), 1, Integer::sum);
            purse -= price;
            if (player.overseas()) {
                overseas++;
            }
            if (kept && player.capped()) {
                keptCapped++;
            } else if (kept) {
                keptUncapped++;
            }
        }

        int kept(boolean capped) {
            return capped ? keptCapped : keptUncapped;
        }

        int spent() {
            return startingPurse - purse;
        }

        TeamState state() {
            return new TeamState(
                    franchise, Lakh.of(purse), players.size(), overseas, roles, rtmCards, keptCapped, keptUncapped);
        }
    }

    /** One player bought: the price, and the squad size and purse before it. */
    record Purchase(Player player, Lakh price, int squadBefore, int purseBefore, boolean rtm) {}

    record Result(Map<Franchise, Squad> squads, List<String> breaches, List<Player> unsold, int rtmUsed) {

        /** One line per franchise, for the test log. */
        String summary() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%-5s %5s %4s %8s %8s %s%n", "team", "squad", "ovs", "spent", "left", "roles"));
            for (Franchise franchise : Franchise.values()) {
                Squad squad = squads.get(franchise);
                if (squad == null) {
                    continue;
                }
                out.append(String.format(
                        "%-5s %5d %4d %8d %8d %s%n",
                        franchise, squad.players.size(), squad.overseas, squad.spent(), squad.purse, squad.roles));
            }
            out.append("unsold ").append(unsold.size()).append(", RTM used ").append(rtmUsed);
            return out.toString();
        }
    }
}
