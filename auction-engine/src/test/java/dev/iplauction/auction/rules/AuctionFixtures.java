package dev.iplauction.auction.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.RefusalReason;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.AuctionEvent;
import dev.iplauction.contracts.auction.AuctionSetup;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Small hand-made auctions for the rules tests: a few players, a few franchises, short windows. */
final class AuctionFixtures {

    static final Instant T0 = Instant.parse("2025-11-24T10:00:00Z");
    static final String CODE = "TEST42";
    static final String HOST = "host-token-hash";
    static final long BID_WINDOW = 10_000;
    static final long ACCELERATED_WINDOW = 5_000;
    static final long RTM_WINDOW = 4_000;

    /** A small squad game: at most 4 players, at most 2 overseas, no minimum, lowest base price 20 lakh. */
    static final SquadRules SMALL = new SquadRules(0, 4, 2, Lakh.of(20));

    private AuctionFixtures() {}

    // ---- players ----

    static Player indian(String id, boolean capped, int basePrice, Franchise team2024) {
        return new Player(
                id,
                "Player " + id,
                "India",
                false,
                Role.BATTER,
                capped,
                capped ? "BA1" : "UBA1",
                Lakh.of(basePrice),
                team2024,
                27,
                "Right",
                null);
    }

    static Player overseas(String id, boolean capped, int basePrice, Franchise team2024) {
        return new Player(
                id,
                "Player " + id,
                "Australia",
                true,
                Role.BOWLER,
                capped,
                capped ? "FA1" : "UFA1",
                Lakh.of(basePrice),
                team2024,
                29,
                "Left",
                "Left-arm fast");
    }

    /** A player already in a franchise's squad before the auction, with what he cost. */
    static SquadPlayer retained(Player player, int price) {
        return new SquadPlayer(player, Lakh.of(price), SquadPlayer.Acquisition.RETAINED);
    }

    static SquadPlayer retainedIndian(String id, boolean capped) {
        return retained(indian(id, capped, 30, null), capped ? 1400 : 400);
    }

    static SquadPlayer retainedOverseas(String id) {
        return retained(overseas(id, true, 30, null), 1000);
    }

    /** The standard pool, in lot order: marquee, capped, uncapped, Indian and overseas, different 2024 teams. */
    static final Player KOHLI = indian("1", true, 200, Franchise.RCB);

    static final Player BUTTLER = overseas("2", true, 150, Franchise.MI);
    static final Player SAMSON = indian("3", true, 100, Franchise.KKR);
    static final Player ROOKIE = indian("4", false, 30, Franchise.CSK);
    static final Player YOUNGSTER = overseas("5", false, 50, null);

    static List<Player> standardPool() {
        return List.of(KOHLI, BUTTLER, SAMSON, ROOKIE, YOUNGSTER);
    }

    /** CSK: 50 Cr, 2 cards, 2 retained (one overseas). MI: 40 Cr, 3 cards, 1 retained. RCB: 30 Cr, no card. */
    static List<FranchiseSetup> standardFranchises() {
        return List.of(
                new FranchiseSetup(
                        Franchise.CSK,
                        Lakh.of(5000),
                        2,
                        List.of(retainedIndian("R-CSK-1", true), retainedOverseas("R-CSK-2"))),
                new FranchiseSetup(Franchise.MI, Lakh.of(4000), 3, List.of(retainedIndian("R-MI-1", true))),
                new FranchiseSetup(Franchise.RCB, Lakh.of(3000), 0, List.of()));
    }

    static FranchiseSetup franchise(Franchise franchise, int purse, int rtmCards, SquadPlayer... retained) {
        return new FranchiseSetup(franchise, Lakh.of(purse), rtmCards, Arrays.asList(retained));
    }

    static AuctionSetup setup(List<Player> pool, List<FranchiseSetup> franchises, SquadRules rules) {
        return new AuctionSetup(
                "Test auction", pool, franchises, rules, BID_WINDOW, ACCELERATED_WINDOW, RTM_WINDOW, 7L);
    }

    static AuctionSetup standardSetup() {
        return setup(standardPool(), standardFranchises(), SquadRules.IPL);
    }

    // ---- looking at an auction ----

    /** Everything an auction shows, to compare two auctions (a live one and its replay) field by field. */
    record Snapshot(
            Phase phase,
            Object round,
            long seq,
            Object completionReason,
            LotView lot,
            Duration remaining,
            List<StandingView> standings,
            List<Boolean> seats,
            List<LotResult> results,
            List<Player> upcoming,
            List<Player> unsold) {

        /** The same snapshot without its sequence number: what a refused bid must leave unchanged. */
        Snapshot withoutSeq() {
            return new Snapshot(
                    phase, round, 0, completionReason, lot, remaining, standings, seats, results, upcoming, unsold);
        }
    }

    record LotView(
            int number,
            Object round,
            Player player,
            LotStage stage,
            Lakh currentBid,
            Franchise highestBidder,
            Franchise rtmFranchise,
            Instant closesAt,
            int bids) {}

    record StandingView(Franchise franchise, Lakh purse, int rtmCards, List<SquadPlayer> squad) {}

    static Snapshot snapshot(Auction auction) {
        LotView lot = auction.lot()
                .map(l -> new LotView(
                        l.number(),
                        l.round(),
                        l.player(),
                        l.stage(),
                        l.currentBid(),
                        l.highestBidder(),
                        l.rtmFranchise(),
                        l.closesAt(),
                        l.bids()))
                .orElse(null);
        List<StandingView> standings = auction.franchises().stream()
                .map(auction::standing)
                .map(s -> new StandingView(s.franchise(), s.purse(), s.rtmCards(), s.squad()))
                .toList();
        List<Boolean> seats =
                auction.franchises().stream().map(auction::seatTaken).toList();
        return new Snapshot(
                auction.phase(),
                auction.round(),
                auction.seq(),
                auction.completionReason().orElse(null),
                lot,
                auction.remaining(),
                standings,
                seats,
                auction.results(),
                auction.upcoming(),
                auction.unsold());
    }

    /** Events numbered 1, 2, 3 … with no gap and no repeat. */
    static void assertNoGaps(List<AuctionEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).seq())
                    .as("seq of event %d (%s)", i, events.get(i))
                    .isEqualTo(i + 1L);
        }
    }

    /** The command is refused with this reason, and says why in words. */
    static void assertRefused(ThrowingCallable command, RefusalReason reason) {
        assertThatThrownBy(command)
                .isInstanceOfSatisfying(
                        AuctionRefusal.class, r -> assertThat(r.reason()).isEqualTo(reason))
                .hasMessageNotContaining("null");
    }
}
