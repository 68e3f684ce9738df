package dev.iplauction.simulation;

import dev.iplauction.agent.strategy.LotContext;
import dev.iplauction.agent.strategy.LotDecision;
import dev.iplauction.agent.strategy.Strategy;
import dev.iplauction.agent.strategy.TeamState;
import dev.iplauction.auction.catalogue.Catalogue;
import dev.iplauction.auction.rules.Auction;
import dev.iplauction.auction.rules.AuctionRefusal;
import dev.iplauction.auction.rules.Lot;
import dev.iplauction.auction.rules.Phase;
import dev.iplauction.auction.rules.Standing;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import dev.iplauction.contracts.auction.SquadPlayer.Acquisition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A whole auction played by the agents' decision code against the auction house's own rules engine ({@link
 * Auction}), with no browser, no clock and no LLM: what the agents would do, as fast as the code can decide it.
 *
 * <p>Each lot goes as it does in the room: when it opens every franchise decides once (bid up to a maximum, or
 * pass), as an agent does; then, while anyone other than the highest bidder would pay the next amount, one of them
 * (chosen by the seed) bids it; when nobody will, the auctioneer's clock runs out. The right-to-match steps are
 * answered by the card holder's and the highest bidder's strategies. Every bid goes through the engine, which may
 * refuse it: a refusal is recorded (the agents' own checks should make it never happen) and the franchise passes.
 */
final class EngineAuction {

    static final String CODE = "SIMUL8";

    /** Far more engine steps than any auction takes; a guard against a strategy that never settles. */
    private static final int MAX_STEPS = 2_000_000;

    private final Catalogue catalogue;
    private final Strategy strategy;
    private final long seed;
    private final SettableClock clock = new SettableClock(Instant.parse("2024-11-24T10:00:00Z"));
    private final List<String> refusals = new ArrayList<>();

    EngineAuction(Catalogue catalogue, Strategy strategy, long seed) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.seed = seed;
    }

    /** Plays the auction to its end. */
    Auction run() {
        AuctionSetup setup = new AuctionSetup(
                catalogue.name(),
                catalogue.lotOrder(seed),
                catalogue.franchises(),
                catalogue.squadRules(),
                10_000,
                5_000,
                8_000,
                seed,
                catalogue.overseasFeeCap(),
                catalogue.increments());
        Auction auction = Auction.create(CODE, setup, "simulation", clock).value();
        auction.start();
        Random random = new Random(seed);
        Lakh startingPurse = startingPurse(catalogue);
        Map<Franchise, LotDecision> decisions = new EnumMap<>(Franchise.class);
        int decidedLot = -1;
        for (int step = 0; auction.phase() == Phase.RUNNING; step++) {
            if (step > MAX_STEPS) {
                throw new IllegalStateException("the auction did not finish in " + MAX_STEPS + " steps");
            }
            Lot lot = auction.lot().orElseThrow();
            switch (lot.stage()) {
                case BIDDING -> {
                    if (lot.number() != decidedLot) {
                        decidedLot = lot.number();
                        decisions.clear();
                        for (Franchise franchise : auction.franchises()) {
                            decisions.put(franchise, strategy.decide(context(auction, franchise, startingPurse)));
                        }
                    }
                    Lakh next = lot.nextBid();
                    List<Franchise> willing = new ArrayList<>();
                    decisions.forEach((franchise, decision) -> {
                        if (franchise != lot.highestBidder() && decision.wouldBid(next)) {
                            willing.add(franchise);
                        }
                    });
                    if (willing.isEmpty()) {
                        runOut(auction, lot);
                    } else {
                        Franchise bidder = willing.get(random.nextInt(willing.size()));
                        Auction.Outcome outcome = auction.bid(bidder, lot.number(), next);
                        if (!outcome.accepted()) {
                            refusals.add(bidder + " bid " + next.display() + " for "
                                    + lot.player().name() + ": "
                                    + outcome.refusal().getMessage());
                            decisions.remove(bidder);
                        }
                    }
                }
                case RTM_OFFERED, RTM_RAISED -> {
                    Franchise holder = lot.rtmFranchise();
                    boolean matched = strategy.useRtm(context(auction, holder, startingPurse))
                            && attempt(lot, holder + " matched", () -> auction.rtmMatch(holder));
                    if (!matched) {
                        auction.rtmDecline(holder);
                    }
                }
                case RTM_MATCHED -> {
                    Franchise highest = lot.highestBidder();
                    Optional<Lakh> raise = strategy.raiseAfterMatch(context(auction, highest, startingPurse));
                    if (raise.isEmpty()
                            || !attempt(
                                    lot,
                                    highest + " raised to " + raise.get().display(),
                                    () -> auction.rtmRaise(highest, raise.get()))) {
                        auction.rtmNoRaise(highest);
                    }
                }
            }
        }
        return auction;
    }

    /** Refusals the engine gave the agents' moves; empty when every move was within the rules. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** The auctioneer's clock runs out on the lot's current stage. */
    private void runOut(Auction auction, Lot lot) {
        clock.set(lot.closesAt().plusMillis(1));
        auction.tick();
    }

    /** Makes a right-to-match move; a refusal is recorded and the caller takes the other way out. */
    private boolean attempt(Lot lot, String what, Runnable move) {
        try {
            move.run();
            return true;
        } catch (AuctionRefusal refusal) {
            refusals.add(what + " on " + lot.player().name() + ": " + refusal.getMessage());
            return false;
        }
    }

    /** What a franchise sees in the room: the lot, its own standing and every rival's, the players to come. */
    static LotContext context(Auction auction, Franchise me, Lakh startingPurse) {
        Lot lot = auction.lot().orElseThrow();
        List<TeamState> rivals = auction.franchises().stream()
                .filter(f -> f != me)
                .map(f -> team(auction.standing(f)))
                .toList();
        List<Player> upcoming = auction.upcoming();
        return new LotContext(
                CODE,
                me,
                lot.number(),
                lot.player(),
                lot.currentBid(),
                lot.highestBidder(),
                lot.nextBid(),
                auction.rules(),
                team(auction.standing(me)),
                rivals,
                upcoming.size(),
                startingPurse,
                upcoming);
    }

    static TeamState team(Standing standing) {
        Map<Role, Integer> roles = new EnumMap<>(Role.class);
        int keptCapped = 0;
        int keptUncapped = 0;
        for (SquadPlayer member : standing.squad()) {
            roles.merge(member.player().role(), 1, Integer::sum);
            if (member.acquisition() != Acquisition.BOUGHT) {
                if (member.player().capped()) {
                    keptCapped++;
                } else {
                    keptUncapped++;
                }
            }
        }
        return new TeamState(
                standing.franchise(),
                standing.purse(),
                standing.squadSize(),
                standing.overseasCount(),
                roles,
                standing.rtmCards(),
                keptCapped,
                keptUncapped);
    }

    /** Every franchise's purse before retentions: the largest purse plus retention spend in the catalogue. */
    static Lakh startingPurse(Catalogue catalogue) {
        int most = 0;
        for (FranchiseSetup franchise : catalogue.franchises()) {
            int retained = franchise.retained().stream()
                    .mapToInt(p -> p.price().value())
                    .sum();
            most = Math.max(most, franchise.purse().value() + retained);
        }
        return Lakh.of(most);
    }

    /** A clock the simulation moves on by hand, past each lot's deadline. */
    static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            if (instant.isAfter(now)) {
                now = instant;
            }
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
