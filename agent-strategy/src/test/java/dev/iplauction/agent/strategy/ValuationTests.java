package dev.iplauction.agent.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.PlayerRating.Rating;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuationTests {

    private static final int[] BASE_PRICES = {30, 40, 50, 75, 100, 125, 150, 200, 250};
    private static final String[] SETS = {"M1", "M2", "BA1", "AL3", "UFA2", "USP12", "Retained", "X9", null};

    private final Valuation valuation = new Valuation();

    @Test
    void aHigherBasePriceNeverLowersTheFairPrice() {
        for (Player player : variants()) {
            Lakh previous = Lakh.ZERO;
            for (int base : BASE_PRICES) {
                Lakh fair = valuation.fairPrice(withBase(player, base));
                assertThat(fair).as("%s at %d L", player, base).isGreaterThanOrEqualTo(previous);
                previous = fair;
            }
        }
    }

    @Test
    void aMarqueeSetNeverLowersTheFairPrice() {
        for (Player player : variants()) {
            Lakh marquee = valuation.fairPrice(Lots.with(player, "M1", player.capped(), player.overseas()));
            Lakh second = valuation.fairPrice(Lots.with(player, "M2", player.capped(), player.overseas()));
            assertThat(marquee).isEqualTo(second);
            assertThat(marquee).as("%s", player).isGreaterThanOrEqualTo(valuation.fairPrice(player));
        }
        Player batter = Lots.player(Role.BATTER, 200);
        assertThat(valuation.fairPrice(Lots.marquee(Role.BATTER))).isGreaterThan(valuation.fairPrice(batter));
    }

    @Test
    void anEarlierSetOfTheSameKindNeverLowersTheFairPrice() {
        Player batter = Lots.player(Role.BATTER, 150);
        Lakh previous = valuation.fairPrice(Lots.with(batter, "BA1", true, false));
        for (int round = 2; round <= 20; round++) {
            Lakh later = valuation.fairPrice(Lots.with(batter, "BA" + round, true, false));
            assertThat(later).isLessThanOrEqualTo(previous);
            previous = later;
        }
    }

    @Test
    void moreIpl2024MatchesNeverLowerTheFairPrice() {
        for (Player player : variants()) {
            Lakh previous = Lakh.ZERO;
            for (int matches = 0; matches <= 20; matches++) {
                Valuation withCaps = new Valuation(PlayerRating.fromMarket(Map.of(player.id(), matches)));
                Lakh fair = withCaps.fairPrice(player);
                assertThat(fair).as("%s with %d matches", player, matches).isGreaterThanOrEqualTo(previous);
                previous = fair;
            }
        }
        Player bowler = Lots.player(Role.BOWLER, 75);
        Lakh benched = new Valuation(PlayerRating.fromMarket(Map.of(bowler.id(), 0))).fairPrice(bowler);
        Lakh regular = new Valuation(PlayerRating.fromMarket(Map.of(bowler.id(), 14))).fairPrice(bowler);
        assertThat(regular).isGreaterThan(benched);
    }

    @Test
    void aCapNeverLowersTheFairPrice() {
        for (Player player : variants()) {
            Lakh capped = valuation.fairPrice(Lots.with(player, player.setCode(), true, player.overseas()));
            Lakh uncapped = valuation.fairPrice(Lots.with(player, player.setCode(), false, player.overseas()));
            assertThat(capped).as("%s", player).isGreaterThanOrEqualTo(uncapped);
        }
    }

    @Test
    void theFairPriceIsNeverBelowTheBasePriceAndBoundedAboveWhateverTheRating() {
        for (Player player : variants()) {
            Lakh fair = valuation.fairPrice(player);
            assertThat(fair).isGreaterThanOrEqualTo(player.basePrice());
            assertThat(fair.value())
                    .isLessThanOrEqualTo(Math.max(player.basePrice().value(), 1_640));
            assertThat(fair.value() % 5).isZero();
        }
        Player star = Lots.marquee(Role.BATTER);
        assertThat(new Valuation(p -> new Rating(1, 1, 1)).fairPrice(star)).isEqualTo(Lakh.of(1_640));
        assertThat(new Valuation(p -> new Rating(0, 0, 0)).fairPrice(star)).isEqualTo(Lakh.of(200));
    }

    @Test
    void theMarketRatingPricesStarsLikeTheMegaAuctionDid() {
        Valuation withCaps = new Valuation(PlayerRating.fromMarket(Map.of("star", 14, "journeyman", 2)));
        Player star = withId(Lots.marquee(Role.WICKETKEEPER), "star");
        Player capped = withId(Lots.player(Role.BOWLER, 75), "journeyman");
        Player uncapped = Lots.uncapped(Role.BATTER, 22);

        assertThat(withCaps.fairPrice(star).value()).isBetween(1_200, 1_640);
        assertThat(withCaps.fairPrice(capped).value()).isBetween(100, 300);
        assertThat(withCaps.fairPrice(uncapped).value()).isBetween(30, 60);
    }

    @Test
    void roleNeedRaisesWhatAPlayerIsWorthAndAFilledRoleLowersIt() {
        BuyingStyle csk = BuyingStyles.of(Franchise.CSK);
        Player keeper = Lots.player(Role.WICKETKEEPER, 100);
        int target = csk.roleTarget(Role.WICKETKEEPER, SquadRules.IPL);
        int limit = csk.roleLimit(Role.WICKETKEEPER, SquadRules.IPL);

        List<Integer> worths = new ArrayList<>();
        for (int keepers = 0; keepers <= limit; keepers++) {
            TeamState team = Lots.team(Franchise.CSK, 6_000, 3, keepers, 3, 4);
            worths.add(
                    valuation.worthTo(csk, team, keeper, Lots.lot(team, keeper)).value());
        }

        assertThat(worths).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(worths.get(0)).as("a first keeper").isGreaterThan(worths.get(1));
        assertThat(worths.get(target - 1)).as("short of the target").isGreaterThan(worths.get(target));
        assertThat(worths.get(limit)).as("saturated").isZero();
    }

    @Test
    void everyRoleIsWorthMoreWhileTheSquadIsShortOfIt() {
        for (BuyingStyle buyingStyle : BuyingStyles.all()) {
            for (Role role : Role.values()) {
                Player player = Lots.player(role, 150);
                TeamState empty = Lots.team(buyingStyle.franchise(), 6_000, 2, 1, 2, 2);
                TeamState full = withRole(empty, role, buyingStyle.roleTarget(role, SquadRules.IPL));
                Lakh needed = valuation.worthTo(buyingStyle, empty, player, Lots.lot(empty, player));
                Lakh filled = valuation.worthTo(buyingStyle, full, player, Lots.lot(full, player));
                assertThat(needed).as("%s %s", buyingStyle.franchise(), role).isGreaterThan(filled);
            }
        }
    }

    @Test
    void aSquadBeyondItsAimValuesEachExtraPlayerLessUnlessItsPurseIsStillDeep() {
        BuyingStyle gt = BuyingStyles.of(Franchise.GT);
        Player bowler = Lots.player(Role.BOWLER, 75);
        TeamState aim = Lots.team(Franchise.GT, 200, 6, 2, 6, 8);
        TeamState beyond = Lots.team(Franchise.GT, 200, 7, 2, 6, 8);
        TeamState deep = Lots.team(Franchise.GT, 3_000, 7, 2, 6, 8);

        assertThat(gt.targetSquad(SquadRules.IPL)).isEqualTo(aim.squadSize());
        assertThat(valuation.worthTo(gt, beyond, bowler, Lots.lot(beyond, bowler)))
                .isLessThan(valuation.worthTo(gt, aim, bowler, Lots.lot(aim, bowler)));
        assertThat(valuation.worthTo(gt, deep, bowler, Lots.lot(deep, bowler)))
                .as("money left over at the end buys nothing")
                .isGreaterThan(valuation.worthTo(gt, beyond, bowler, Lots.lot(beyond, bowler)));
    }

    @Test
    void starHuntersPayMoreForAMarqueeNameThanTheMoneyballSide() {
        Player star = Lots.marquee(Role.BATTER);
        TeamState mi = Lots.team(Franchise.MI, 6_000, 2, 1, 2, 3);
        TeamState rr = Lots.team(Franchise.RR, 6_000, 2, 1, 2, 3);

        assertThat(valuation.worthTo(BuyingStyles.of(Franchise.MI), mi, star, Lots.lot(mi, star)))
                .isGreaterThan(valuation.worthTo(BuyingStyles.of(Franchise.RR), rr, star, Lots.lot(rr, star)));
    }

    @Test
    void theYouthfulRiskTakersPayMoreForAnUncappedTwentyOneYearOldThanThePatientSide() {
        Player youngster = Lots.uncapped(Role.BATTER, 21);
        TeamState rr = Lots.team(Franchise.RR, 6_000, 2, 1, 2, 3);
        TeamState csk = Lots.team(Franchise.CSK, 6_000, 2, 1, 2, 3);

        assertThat(valuation.worthTo(BuyingStyles.of(Franchise.RR), rr, youngster, Lots.lot(rr, youngster)))
                .isGreaterThan(
                        valuation.worthTo(BuyingStyles.of(Franchise.CSK), csk, youngster, Lots.lot(csk, youngster)));
    }

    @Test
    void knightRidersPreferSpinAndSunrisersPreferPace() {
        Player spinner = Lots.withStyle(Lots.player(Role.BOWLER, 100), "RIGHT ARM Leg Spin");
        Player quick = Lots.withStyle(Lots.player(Role.BOWLER, 100), "RIGHT ARM Fast");
        TeamState kkr = Lots.team(Franchise.KKR, 6_000, 2, 1, 2, 2);
        TeamState srh = Lots.team(Franchise.SRH, 6_000, 2, 1, 2, 2);
        BuyingStyle kkrProfile = BuyingStyles.of(Franchise.KKR);
        BuyingStyle srhProfile = BuyingStyles.of(Franchise.SRH);

        assertThat(valuation.worthTo(kkrProfile, kkr, spinner, Lots.lot(kkr, spinner)))
                .isGreaterThan(valuation.worthTo(kkrProfile, kkr, quick, Lots.lot(kkr, quick)));
        assertThat(valuation.worthTo(srhProfile, srh, quick, Lots.lot(srh, quick)))
                .isGreaterThan(valuation.worthTo(srhProfile, srh, spinner, Lots.lot(srh, spinner)));
    }

    @Test
    void aRicherPursePerOpenPlaceRaisesWhatAPlayerIsWorth() {
        BuyingStyle lsg = BuyingStyles.of(Franchise.LSG);
        Player allRounder = Lots.player(Role.ALL_ROUNDER, 150);
        TeamState poor = Lots.team(Franchise.LSG, 2_000, 2, 1, 2, 3);
        TeamState rich = Lots.team(Franchise.LSG, 9_000, 2, 1, 2, 3);

        assertThat(valuation.worthTo(lsg, rich, allRounder, Lots.lot(rich, allRounder)))
                .isGreaterThan(valuation.worthTo(lsg, poor, allRounder, Lots.lot(poor, allRounder)));
    }

    @Test
    void aSideShortOfItsMinimumWithFewLotsLeftTakesAPlayerItWouldOtherwiseLetGo() {
        BuyingStyle csk = BuyingStyles.of(Franchise.CSK);
        Player bowler = Lots.player(Role.BOWLER, 200);
        int limit = csk.roleLimit(Role.BOWLER, Lots.QUICK);
        TeamState saturated = Lots.team(Franchise.CSK, 3_000, 0, 0, 0, limit);

        LotContext early = Lots.lot(saturated, bowler, Lots.QUICK, Lots.QUICK_PURSE, 200, List.of());
        LotContext late = Lots.lot(saturated, bowler, Lots.QUICK, Lots.QUICK_PURSE, 1, List.of());

        assertThat(valuation.worthTo(csk, saturated, bowler, early)).isEqualTo(Lakh.ZERO);
        assertThat(valuation.worthTo(csk, saturated, bowler, late)).isGreaterThanOrEqualTo(bowler.basePrice());
    }

    @Test
    void aCustomRatingIsUsed() {
        Valuation everyoneIsAStar = new Valuation(p -> new Rating(1, 1, 1));
        Player nobody = Lots.uncapped(Role.BOWLER, 30);

        assertThat(everyoneIsAStar.fairPrice(nobody)).isEqualTo(Lakh.of(1_640));
        assertThat(everyoneIsAStar.rating().rate(nobody).quality()).isEqualTo(1);
    }

    private static List<Player> variants() {
        List<Player> players = new ArrayList<>();
        for (Role role : Role.values()) {
            for (String set : SETS) {
                for (boolean capped : new boolean[] {true, false}) {
                    for (boolean overseas : new boolean[] {true, false}) {
                        for (int base : new int[] {30, 75, 200}) {
                            for (Integer age : Arrays.asList(null, 19, 27, 38)) {
                                Player player = Lots.with(Lots.player(role, base), set, capped, overseas);
                                players.add(new Player(
                                        player.id() + "-" + age,
                                        player.name(),
                                        player.country(),
                                        overseas,
                                        role,
                                        capped,
                                        set,
                                        player.basePrice(),
                                        null,
                                        age,
                                        null,
                                        player.bowlingStyle()));
                            }
                        }
                    }
                }
            }
        }
        return players;
    }

    private static Player withBase(Player player, int base) {
        return new Player(
                player.id(),
                player.name(),
                player.country(),
                player.overseas(),
                player.role(),
                player.capped(),
                player.setCode(),
                Lakh.of(base),
                player.team2024(),
                player.age(),
                player.battingHand(),
                player.bowlingStyle());
    }

    private static Player withId(Player player, String id) {
        return new Player(
                id,
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
                player.bowlingStyle());
    }

    private static TeamState withRole(TeamState team, Role role, int count) {
        return Lots.team(
                team.franchise(),
                team.purse().value(),
                role == Role.BATTER ? count : team.count(Role.BATTER),
                role == Role.WICKETKEEPER ? count : team.count(Role.WICKETKEEPER),
                role == Role.ALL_ROUNDER ? count : team.count(Role.ALL_ROUNDER),
                role == Role.BOWLER ? count : team.count(Role.BOWLER));
    }
}
