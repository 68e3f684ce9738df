package dev.iplauction.auction.rules;

import static dev.iplauction.auction.rules.AuctionFixtures.CODE;
import static dev.iplauction.auction.rules.AuctionFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.auction.rules.AuctionFixtures.Snapshot;
import dev.iplauction.contracts.BiddingRules;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionEvent.AcceleratedRoundStarted;
import dev.iplauction.contracts.auction.AuctionEvent.AuctionCompleted;
import dev.iplauction.contracts.auction.AuctionEvent.BidAccepted;
import dev.iplauction.contracts.auction.AuctionEvent.FranchiseResult;
import dev.iplauction.contracts.auction.AuctionEvent.LotOpened;
import dev.iplauction.contracts.auction.AuctionEvent.LotSold;
import dev.iplauction.contracts.auction.AuctionEvent.LotUnsold;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.Round;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random auctions, played by random franchises sending right and wrong bids, moving the clock, using and refusing
 * right-to-match steps, pausing and skipping: no sequence of commands may break the rules' invariants. Reproducible: a
 * failure names its seed; set {@code -Dauction.seed=<seed>} to play that auction alone.
 */
class AuctionPropertyTests {

    private static final int AUCTIONS = 300;
    private static final int MAX_COMMANDS = 300;
    private static final long FIRST_SEED = 20_251_124L;
    private static final int[] BASE_PRICES = {20, 30, 40, 50, 75, 100, 150, 200, 300, 500};

    @Test
    void randomAuctionsNeverBreakAnInvariant() {
        Long only = Long.getLong("auction.seed");
        if (only != null) {
            play(only);
            return;
        }
        Set<Class<?>> played = new HashSet<>();
        for (int i = 0; i < AUCTIONS; i++) {
            played.addAll(play(FIRST_SEED + i));
        }
        assertThat(played)
                .as("the random auctions between them played every kind of event")
                .containsExactlyInAnyOrder(AuctionEvent.class.getPermittedSubclasses());
    }

    /** Plays one random auction and returns the kinds of event it played. */
    private static Set<Class<?>> play(long seed) {
        try {
            return new RandomAuction(seed).play();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "random auction with seed " + seed + " (rerun with -Dauction.seed=" + seed
                            + ") broke an invariant: " + e.getMessage(),
                    e);
        }
    }

    private static final class RandomAuction {

        private final Random random;
        private final AuctionSetup setup;
        private final RecordedAuction a;
        private final Auction auction;
        private final SquadRules rules;
        private final List<Franchise> franchises;
        private final Map<Franchise, FranchiseSetup> initial = new EnumMap<>(Franchise.class);
        private final Set<String> sold = new HashSet<>();
        private final Map<String, Integer> opened = new HashMap<>();
        private final Set<String> unsoldInMain = new HashSet<>();
        private final Map<Integer, Round> roundOf = new HashMap<>();
        private int lastLot;
        private int sales;

        RandomAuction(long seed) {
            this.random = new Random(seed);
            this.setup = randomSetup();
            this.rules = setup.squadRules();
            this.a = RecordedAuction.create(setup);
            this.auction = a.auction;
            this.franchises = auction.franchises();
            setup.franchises().forEach(f -> initial.put(f.franchise(), f));
        }

        // ---- the auction ----

        private AuctionSetup randomSetup() {
            boolean ipl = random.nextInt(3) > 0;
            SquadRules rules;
            if (ipl) {
                rules = SquadRules.IPL;
            } else {
                int max = 1 + random.nextInt(6);
                rules = new SquadRules(random.nextInt(max + 1), max, random.nextInt(max + 1), Lakh.of(20));
            }
            List<Franchise> all = new ArrayList<>(Arrays.asList(Franchise.values()));
            Collections.shuffle(all, random);
            List<Franchise> taking = all.subList(0, 2 + random.nextInt(3));
            List<Player> pool = new ArrayList<>();
            int players = 3 + random.nextInt(12);
            for (int i = 0; i < players; i++) {
                pool.add(randomPlayer("P" + i, rules, taking));
            }
            List<FranchiseSetup> setups = new ArrayList<>();
            for (Franchise f : taking) {
                List<SquadPlayer> retained = new ArrayList<>();
                int keep = random.nextInt(Math.min(4, rules.maxSquad() + 1));
                int capped = 0;
                int uncapped = 0;
                int overseas = 0;
                for (int i = 0; i < keep; i++) {
                    Player p = randomPlayer("R-" + f + "-" + i, rules, taking);
                    if ((p.overseas() && overseas >= rules.maxOverseas()) || (!p.capped() && uncapped >= 2)) {
                        continue;
                    }
                    overseas += p.overseas() ? 1 : 0;
                    capped += p.capped() ? 1 : 0;
                    uncapped += p.capped() ? 0 : 1;
                    retained.add(
                            new SquadPlayer(p, Lakh.of(100 + random.nextInt(1800)), SquadPlayer.Acquisition.RETAINED));
                }
                int purse = ipl ? 400 + random.nextInt(random.nextBoolean() ? 1500 : 12000) : random.nextInt(1500);
                int cards = random.nextInt(Math.min(4, 6 - capped - uncapped) + 1);
                setups.add(new FranchiseSetup(f, Lakh.of(purse), cards, retained));
            }
            return new AuctionSetup(
                    "Random",
                    pool,
                    setups,
                    rules,
                    AuctionFixtures.BID_WINDOW,
                    AuctionFixtures.ACCELERATED_WINDOW,
                    AuctionFixtures.RTM_WINDOW,
                    random.nextLong());
        }

        /** A player whose 2024 franchise is mostly one taking part, so that right to match comes up often. */
        private Player randomPlayer(String id, SquadRules rules, List<Franchise> taking) {
            int base;
            do {
                base = BASE_PRICES[random.nextInt(BASE_PRICES.length)];
            } while (base < rules.minBasePrice().value());
            Franchise team = switch (random.nextInt(6)) {
                case 0 -> null;
                case 1 -> Franchise.values()[random.nextInt(Franchise.values().length)];
                default -> taking.get(random.nextInt(taking.size()));
            };
            boolean overseas = random.nextInt(3) == 0;
            return new Player(
                    id,
                    "Player " + id,
                    overseas ? "England" : "India",
                    overseas,
                    Role.values()[random.nextInt(Role.values().length)],
                    random.nextBoolean(),
                    "X1",
                    Lakh.of(base),
                    team,
                    null,
                    null,
                    null);
        }

        Set<Class<?>> play() {
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                command(x -> x.claimSeat(franchise(), "token-" + random.nextInt(5)));
            }
            command(Auction::start);
            for (int i = 0; i < MAX_COMMANDS && auction.phase() != Phase.COMPLETED; i++) {
                randomCommand();
                if (random.nextInt(25) == 0) {
                    checkReplay();
                }
            }
            for (int i = 0; i < 1000 && auction.phase() != Phase.COMPLETED; i++) {
                if (auction.phase() == Phase.PAUSED) {
                    command(Auction::resume);
                }
                a.clock.advanceSeconds(11);
                command(Auction::tick);
            }
            assertThat(auction.phase())
                    .as("the auction ends once the clock is left to run")
                    .isEqualTo(Phase.COMPLETED);
            checkReplay();
            checkCompletion();
            Set<Class<?>> played = new HashSet<>();
            a.log.forEach(e -> played.add(e.getClass()));
            return played;
        }

        private void randomCommand() {
            if (auction.phase() == Phase.PAUSED && random.nextInt(3) == 0) {
                command(Auction::resume);
                return;
            }
            boolean rtmStep =
                    auction.lot().filter(l -> l.stage() != LotStage.BIDDING).isPresent();
            if (rtmStep && random.nextInt(3) > 0) {
                rightToMatch();
                return;
            }
            int roll = random.nextInt(100);
            if (roll < 35) {
                rightBid();
            } else if (roll < 45) {
                wrongBid();
            } else if (roll < 47) {
                bid(franchise(), auction.lot().map(Lot::number).orElse(0) + random.nextInt(3) - 1, randomAmount());
            } else if (roll < 70) {
                a.clock.advanceMillis(random.nextInt(12_000));
                command(Auction::tick);
            } else if (roll < 73) {
                command(Auction::tick);
            } else if (roll < 80) {
                rightToMatch();
            } else if (roll < 84) {
                command(random.nextInt(4) > 0 ? Auction::pause : Auction::resume);
            } else if (roll < 87) {
                command(Auction::skip);
            } else if (roll < 90) {
                command(Auction::restartClock);
            } else if (roll < 99) {
                if (random.nextBoolean()) {
                    command(x -> x.claimSeat(franchise(), "token-" + random.nextInt(5)));
                } else {
                    command(x -> x.releaseSeat(franchise()));
                }
            } else if (random.nextInt(20) == 0) {
                command(Auction::end);
            }
        }

        private void rightBid() {
            auction.lot()
                    .ifPresent(
                            lot -> bid(franchise(), lot.number(), lot.nextBid().value()));
        }

        private void wrongBid() {
            auction.lot().ifPresent(lot -> {
                int next = lot.nextBid().value();
                int wrong = random.nextBoolean()
                        ? next + 5 * (1 + random.nextInt(4))
                        : Math.max(0, next - 5 * (1 + random.nextInt(4)));
                if (lot.currentBid() != null && random.nextBoolean()) {
                    wrong = lot.currentBid().value(); // a repeat of the bid already made
                }
                bid(franchise(), lot.number(), wrong);
            });
        }

        private int randomAmount() {
            return random.nextInt(600);
        }

        /** A right-to-match step, mostly by the franchise whose step it is, sometimes by anyone. */
        private void rightToMatch() {
            Lot lot = auction.lot().orElse(null);
            LotStage stage = lot == null ? LotStage.BIDDING : lot.stage();
            boolean byTheRightOne = stage != LotStage.BIDDING && random.nextInt(5) > 0;
            Franchise f = !byTheRightOne
                    ? franchise()
                    : stage == LotStage.RTM_MATCHED ? lot.highestBidder() : lot.rtmFranchise();
            int action = random.nextInt(4);
            if (byTheRightOne) {
                // match or decline for the card holder, raise or not for the highest bidder
                action = stage == LotStage.RTM_MATCHED ? 2 + random.nextInt(2) : random.nextInt(2);
            }
            switch (action) {
                case 0 -> command(x -> x.rtmMatch(f));
                case 1 -> command(x -> x.rtmDecline(f));
                case 2 -> {
                    int current = lot == null || lot.currentBid() == null
                            ? 0
                            : lot.currentBid().value();
                    int raise = current + random.nextInt(random.nextBoolean() ? 50 : 3000) - 5;
                    command(x -> x.rtmRaise(f, Lakh.of(Math.max(0, raise))));
                }
                default -> command(x -> x.rtmNoRaise(f));
            }
        }

        private Franchise franchise() {
            return franchises.get(random.nextInt(franchises.size()));
        }

        // ---- running a command and checking what it did ----

        private void bid(Franchise franchise, int lotNumber, int amount) {
            Snapshot before = snapshot(auction);
            Lakh expectedNext = auction.lot().map(Lot::nextBid).orElse(null);
            Standing s = auction.standing(franchise);
            int purse = s.purse().value();
            int squad = s.squadSize();
            Auction.Outcome outcome = auction.bid(franchise, lotNumber, Lakh.of(amount));
            a.log.addAll(outcome.events());
            assertThat(outcome.events()).hasSize(1);
            checkEvents(outcome.events(), before.seq());
            if (outcome.accepted()) {
                assertThat(Lakh.of(amount))
                        .as("an accepted bid names the next valid amount")
                        .isEqualTo(expectedNext);
                assertThat(outcome.events().getFirst()).isInstanceOf(BidAccepted.class);
                assertThat(purse - amount)
                        .as("%s keeps its reserve after bidding %d", franchise, amount)
                        .isGreaterThanOrEqualTo(
                                BiddingRules.reserveAfterWinning(rules, squad).value());
                assertThat(squad).isLessThan(rules.maxSquad());
            } else {
                assertThat(snapshot(auction).withoutSeq())
                        .as(
                                "a refused bid (%s) changes nothing else",
                                outcome.refusal().reason())
                        .isEqualTo(before.withoutSeq());
            }
            checkInvariants();
        }

        private void command(Function<Auction, List<AuctionEvent>> command) {
            Snapshot before = snapshot(auction);
            List<AuctionEvent> events;
            try {
                events = command.apply(auction);
            } catch (AuctionRefusal refusal) {
                assertThat(snapshot(auction))
                        .as("a refused command (%s) changes nothing", refusal.reason())
                        .isEqualTo(before);
                return;
            }
            a.log.addAll(events);
            checkEvents(events, before.seq());
            checkInvariants();
        }

        private void checkEvents(List<AuctionEvent> events, long seqBefore) {
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).seq()).as("seq has no gaps").isEqualTo(seqBefore + i + 1);
            }
            assertThat(auction.seq()).isEqualTo(a.log.size());
            for (AuctionEvent event : events) {
                switch (event) {
                    case LotSold e -> {
                        sales++;
                        assertThat(sold.add(e.player().id()))
                                .as("%s is sold only once", e.player().id())
                                .isTrue();
                        assertThat(e.price()).isGreaterThanOrEqualTo(e.player().basePrice());
                        if (e.rightToMatch()) {
                            assertThat(e.franchise()).isEqualTo(e.player().team2024());
                        }
                        Standing buyer = auction.standing(e.franchise());
                        int reserve = rules.minBasePrice().value() * Math.max(0, rules.minSquad() - buyer.squadSize());
                        assertThat(buyer.purse().value())
                                .as(
                                        "%s keeps its reserve after buying %s",
                                        e.franchise(), e.player().id())
                                .isGreaterThanOrEqualTo(reserve);
                    }
                    case LotOpened e -> {
                        assertThat(e.lot())
                                .as("lot numbers count up and are never reused")
                                .isEqualTo(lastLot + 1);
                        lastLot = e.lot();
                        roundOf.put(e.lot(), e.round());
                        int times = opened.merge(e.player().id(), 1, Integer::sum);
                        assertThat(times).isLessThanOrEqualTo(2);
                        if (e.round() == Round.ACCELERATED) {
                            assertThat(unsoldInMain)
                                    .as("only players unsold in the main round come back")
                                    .contains(e.player().id());
                        }
                    }
                    case LotUnsold e -> {
                        if (roundOf.get(e.lot()) == Round.MAIN) {
                            unsoldInMain.add(e.player().id());
                        }
                    }
                    case AcceleratedRoundStarted e ->
                        assertThat(e.playerIds()).containsExactlyInAnyOrderElementsOf(unsoldInMain);
                    default -> {}
                }
            }
        }

        private void checkInvariants() {
            for (Franchise f : franchises) {
                Standing s = auction.standing(f);
                FranchiseSetup start = initial.get(f);
                assertThat(s.purse().value()).isGreaterThanOrEqualTo(0);
                assertThat(s.squadSize()).as("%s squad", f).isLessThanOrEqualTo(rules.maxSquad());
                assertThat(s.overseasCount()).as("%s overseas", f).isLessThanOrEqualTo(rules.maxOverseas());
                assertThat(s.spent().plus(s.purse()))
                        .as("%s spent plus purse", f)
                        .isEqualTo(start.purse());
                long byCard = s.squad().stream()
                        .filter(p -> p.acquisition() == SquadPlayer.Acquisition.RIGHT_TO_MATCH)
                        .count();
                assertThat(s.rtmCards())
                        .as("%s cards", f)
                        .isEqualTo(start.rtmCards() - byCard)
                        .isGreaterThanOrEqualTo(0);
                long keptCapped = s.squad().stream()
                        .filter(p -> p.acquisition() != SquadPlayer.Acquisition.BOUGHT
                                && p.player().capped())
                        .count();
                long keptUncapped = s.squad().stream()
                        .filter(p -> p.acquisition() != SquadPlayer.Acquisition.BOUGHT
                                && !p.player().capped())
                        .count();
                assertThat(keptCapped).as("%s capped retained or matched", f).isLessThanOrEqualTo(5);
                assertThat(keptUncapped)
                        .as("%s uncapped retained or matched", f)
                        .isLessThanOrEqualTo(2);
            }
            auction.lot().ifPresent(lot -> {
                if (lot.stage() != LotStage.BIDDING) {
                    assertThat(lot.highestBidder()).isNotNull();
                    assertThat(lot.rtmFranchise())
                            .isNotNull()
                            .isNotEqualTo(lot.highestBidder())
                            .isEqualTo(lot.player().team2024());
                }
            });
        }

        private void checkReplay() {
            assertThat(snapshot(a.replay()))
                    .as("the replay of %d events", a.log.size())
                    .isEqualTo(snapshot(auction));
        }

        private void checkCompletion() {
            AuctionCompleted completed = (AuctionCompleted) a.log.stream()
                    .filter(AuctionCompleted.class::isInstance)
                    .reduce((x, y) -> y)
                    .orElseThrow();
            assertThat(a.log.stream().filter(AuctionCompleted.class::isInstance))
                    .hasSize(1);
            assertThat(completed.results())
                    .extracting(FranchiseResult::franchise)
                    .containsExactlyElementsOf(franchises);
            for (FranchiseResult r : completed.results()) {
                Standing s = auction.standing(r.franchise());
                assertThat(r.purseLeft()).isEqualTo(s.purse());
                assertThat(r.rtmCardsLeft()).isEqualTo(s.rtmCards());
                assertThat(r.squad()).isEqualTo(s.squad());
            }
            assertThat(auction.results().stream().filter(LotResult::sold).count())
                    .isEqualTo(sales);
            AuctionFixtures.assertNoGaps(a.log);
            assertThat(Auction.replay(CODE, a.log, a.clock).results()).isEqualTo(auction.results());
        }
    }
}
