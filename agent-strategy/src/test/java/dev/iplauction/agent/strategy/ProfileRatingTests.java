package dev.iplauction.agent.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iplauction.agent.strategy.PlayerRating.Rating;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.profiles.PlayerProfile;
import dev.iplauction.profiles.PlayerProfile.Batting;
import dev.iplauction.profiles.PlayerProfile.BattingLine;
import dev.iplauction.profiles.PlayerProfile.Bowling;
import dev.iplauction.profiles.PlayerProfile.BowlingLine;
import dev.iplauction.profiles.PlayerProfile.Coverage;
import dev.iplauction.profiles.PlayerProfile.CoverageStatus;
import dev.iplauction.profiles.PlayerProfile.Experience;
import dev.iplauction.profiles.PlayerProfile.Form;
import dev.iplauction.profiles.PlayerProfile.Phases;
import dev.iplauction.profiles.PlayerProfile.VenueRecord;
import dev.iplauction.profiles.ProfileRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The valuation model on statistics profiles: better numbers never lower a price, and prices stay in bounds. */
class ProfileRatingTests {

    private static final int[] BASES = {30, 75, 200};

    @Test
    void moreRunsOffTheSameBallsNeverLowerTheFairPrice() {
        for (Role role : List.of(Role.BATTER, Role.WICKETKEEPER, Role.ALL_ROUNDER)) {
            for (int base : BASES) {
                Player player = Lots.player(role, base);
                Lakh previous = Lakh.ZERO;
                for (int runs = 0; runs <= 3_000; runs += 100) {
                    Lakh fair = fair(player, batter(runs, 2_000, 60, 100), null);
                    assertThat(fair)
                            .as("%s at %d L with %d runs", role, base, runs)
                            .isGreaterThanOrEqualTo(previous);
                    previous = fair;
                }
                assertThat(fair(player, batter(3_000, 2_000, 60, 100), null))
                        .as("a 150 strike rate is worth more than a 100 one")
                        .isGreaterThan(fair(player, batter(2_000, 2_000, 60, 100), null));
            }
        }
    }

    @Test
    void moreWicketsFewerRunsAndMoreDotsNeverLowerTheFairPrice() {
        for (Role role : List.of(Role.BOWLER, Role.ALL_ROUNDER)) {
            for (int base : BASES) {
                Player player = Lots.player(role, base);
                Lakh previous = Lakh.ZERO;
                for (int wickets = 0; wickets <= 150; wickets += 10) {
                    Lakh fair = fair(player, null, bowler(2_400, 3_200, wickets, 900));
                    assertThat(fair).as("%s with %d wickets", role, wickets).isGreaterThanOrEqualTo(previous);
                    previous = fair;
                }
                previous = Lakh.ZERO;
                for (int runs = 4_400; runs >= 2_400; runs -= 200) {
                    Lakh fair = fair(player, null, bowler(2_400, runs, 90, 900));
                    assertThat(fair).as("%s conceding %d", role, runs).isGreaterThanOrEqualTo(previous);
                    previous = fair;
                }
                previous = Lakh.ZERO;
                for (int dots = 600; dots <= 1_200; dots += 100) {
                    Lakh fair = fair(player, null, bowler(2_400, 3_200, 90, dots));
                    assertThat(fair).as("%s with %d dots", role, dots).isGreaterThanOrEqualTo(previous);
                    previous = fair;
                }
            }
        }
        Player bowler = Lots.player(Role.BOWLER, 200);
        assertThat(fair(bowler, null, bowler(2_400, 2_800, 120, 1_000)))
                .as("an economical wicket-taker beats an expensive one")
                .isGreaterThan(fair(bowler, null, bowler(2_400, 4_000, 70, 700)));
    }

    @Test
    void theFairPriceStaysBetweenTheBasePriceAndTheCeilingWhateverTheNumbers() {
        for (Role role : Role.values()) {
            for (int base : BASES) {
                Player player = Lots.player(role, base);
                for (PlayerProfile profile : List.of(
                        profile(batter(9_000, 4_000, 100, 160), bowler(3_000, 2_000, 300, 1_800)),
                        profile(batter(0, 300, 40, 40), bowler(300, 900, 0, 0)),
                        profile(null, null))) {
                    Lakh fair = valuation(profile).fairPrice(player);
                    assertThat(fair).isGreaterThanOrEqualTo(player.basePrice());
                    assertThat(fair.value()).isLessThanOrEqualTo(Math.max(base, 1_640));
                    Rating rating =
                            new ProfileRating(p -> Optional.of(profile), PlayerRating.fromMarket()).rate(player);
                    assertThat(List.of(rating.quality(), rating.starPower(), rating.experience()))
                            .allSatisfy(signal -> assertThat(signal).isBetween(0.0, 1.0));
                }
            }
        }
    }

    @Test
    void aPlayerWithoutDataIsPricedByTheMarketAlone() {
        Player player = Lots.uncapped(Role.BOWLER, 22);
        PlayerProfile none = new PlayerProfile(
                player.id(),
                player.name(),
                null,
                new Coverage(CoverageStatus.NOT_IN_CRICSHEET, 0, 0, "not in Cricsheet"),
                null,
                null,
                null,
                Experience.NONE,
                Map.of());
        ProfileRating rating = new ProfileRating(p -> Optional.of(none), PlayerRating.fromMarket());

        assertThat(rating.rate(player)).isEqualTo(PlayerRating.fromMarket().rate(player));
        assertThat(new ProfileRating(p -> Optional.empty(), PlayerRating.fromMarket()).rate(player))
                .isEqualTo(PlayerRating.fromMarket().rate(player));
        assertThat(rating.describe(player))
                .hasValueSatisfying(line -> assertThat(line).contains("no T20 data"));
    }

    @Test
    void moreBallsOfTheSameGoodNumbersMakeTheStatisticsCountForMore() {
        Player player = Lots.player(Role.BATTER, 30);
        Lakh fewBalls = fair(player, batter(150, 100, 3, 5), null);
        Lakh manyBalls = fair(player, batter(4_500, 3_000, 90, 150), null);

        assertThat(manyBalls).isGreaterThan(fewBalls);
    }

    @Test
    void aFranchiseWhoseGroundSuitsAPlayerPaysALittleMoreForHim() {
        Player spinner = Lots.withStyle(Lots.player(Role.BOWLER, 100), "RIGHT ARM Off Spin");
        BowlingLine everywhere = bowler(2_000, 2_700, 70, 700);
        BowlingLine atChepauk = bowler(600, 600, 40, 280);
        PlayerProfile profile = new PlayerProfile(
                spinner.id(),
                spinner.name(),
                "x",
                new Coverage(CoverageStatus.IPL, 2_000, 2_000, "IPL"),
                null,
                new Bowling(everywhere, null, everywhere),
                null,
                new Experience(60, 6, 2018, 2024, 60, 0, List.of("IPL")),
                Map.of("CSK", new VenueRecord(12, null, atChepauk)));
        ProfileRating rating = new ProfileRating(p -> Optional.of(profile), PlayerRating.fromMarket());

        assertThat(rating.homeAdvantage(spinner, Franchise.CSK)).isPositive();
        assertThat(rating.homeAdvantage(spinner, Franchise.MI)).isZero();
        Valuation valuation = new Valuation(rating);
        BuyingStyle csk = BuyingStyles.of(Franchise.CSK);
        TeamState team = Lots.team(Franchise.CSK, 6_000, 3, 1, 3, 3);
        Valuation neutral = new Valuation(new ProfileRating(
                p -> Optional.of(new PlayerProfile(
                        profile.id(),
                        profile.name(),
                        "x",
                        profile.coverage(),
                        null,
                        profile.bowling(),
                        null,
                        profile.experience(),
                        Map.of())),
                PlayerRating.fromMarket()));
        assertThat(valuation.worthTo(csk, team, spinner, Lots.lot(team, spinner)))
                .isGreaterThan(neutral.worthTo(csk, team, spinner, Lots.lot(team, spinner)));
    }

    @Test
    void theShippedProfilesRateProvenStarsAboveUnknownsAndExplainThemselves() {
        ProfileRating rating = ProfileRating.shipped();
        Player kohliLike = new Player(
                "R-RCB-1", "Virat Kohli", "India", false, Role.BATTER, true, "M1", Lakh.of(200), null, 30, "RHB", null);
        Player unknown = Lots.uncapped(Role.BATTER, 20);

        assertThat(rating.rate(kohliLike).quality()).isGreaterThan(0.8);
        assertThat(rating.rate(unknown)).isEqualTo(PlayerRating.fromMarket().rate(unknown));
        assertThat(rating.describe(kohliLike))
                .hasValueSatisfying(line -> assertThat(line).contains("IPL 245 m", "SR", "stats score"));
        assertThat(ProfileRepository.fromClasspath("ipl2025").byId("R-RCB-1")).isPresent();
    }

    @Test
    void aPlayerIsNeverGivenAStrangersProfileThroughAnIdFromAnotherCatalogue() {
        ProfileRating rating = ProfileRating.shipped();
        ProfileRepository repository = ProfileRepository.fromClasspath("ipl2025");
        String someoneElse = repository.byId("12").orElseThrow().name();
        Player bumrah = new Player(
                "12", "Jasprit Bumrah", "India", false, Role.BOWLER, true, "M1", Lakh.of(200), null, 30, "RHB", null);

        assertThat(someoneElse).isNotEqualTo("Jasprit Bumrah");
        assertThat(rating.profileOf(bumrah)).map(PlayerProfile::id).hasValue("R-MI-1");
    }

    @Test
    void anIpl2026PlayerIsRatedFromTheProfilesAsOfThatAuctionAndOneWithoutDataFromTheList() {
        ProfileRating rating = ProfileRating.shipped();
        // The 2026 list's first player; id 1 in 2025 was someone else.
        Player conway = new Player(
                "1",
                "Devon Conway",
                "New Zealand",
                true,
                Role.BATTER,
                true,
                "BA1",
                Lakh.of(200),
                null,
                null,
                null,
                null);
        assertThat(rating.profileOf(conway))
                .hasValueSatisfying(profile -> assertThat(profile.experience().lastIplSeason())
                        .as("IPL 2025 counts for the 2026 auction")
                        .isEqualTo(2025));
        // Nobody in Cricsheet matched his name (an uncapped all-rounder): priced all the same, and the reason given.
        Player unknown = new Player(
                "341",
                "Mohamed Ali",
                "India",
                false,
                Role.ALL_ROUNDER,
                false,
                "UAL10",
                Lakh.of(30),
                null,
                null,
                null,
                null);
        assertThat(rating.profileOf(unknown)).isPresent();
        assertThat(rating.rate(unknown)).isEqualTo(PlayerRating.fromMarket().rate(unknown));
        assertThat(rating.describe(unknown))
                .hasValueSatisfying(line -> assertThat(line).contains("no T20 data", "auction list's signals"));
    }

    @Test
    void aPlayerOfThe2025AuctionNeverSeesA2026Profile() {
        ProfileRating rating = ProfileRating.shipped();
        Player kohli = new Player(
                "R-RCB-1",
                "Virat Kohli",
                "India",
                false,
                Role.BATTER,
                true,
                "Retained",
                Lakh.of(2100),
                null,
                36,
                null,
                null);
        assertThat(rating.profileOf(kohli))
                .hasValueSatisfying(
                        profile -> assertThat(profile.batting().ipl().runs()).isEqualTo(8004));
    }

    // ---- profiles made by hand ----

    private static Lakh fair(Player player, BattingLine batting, BowlingLine bowling) {
        return valuation(profile(batting, bowling)).fairPrice(player);
    }

    private static Valuation valuation(PlayerProfile profile) {
        return new Valuation(new ProfileRating(p -> Optional.of(profile), PlayerRating.fromMarket()));
    }

    /** A regular: 60 IPL matches; his batting and bowling the same in the IPL, in all T20 and in recent form. */
    static PlayerProfile profile(BattingLine batting, BowlingLine bowling) {
        int balls = (batting == null ? 0 : batting.balls()) + (bowling == null ? 0 : bowling.balls());
        return new PlayerProfile(
                "p",
                "Test",
                "x",
                new Coverage(balls == 0 ? CoverageStatus.NO_T20_DATA : CoverageStatus.IPL, balls, balls, "hand-made"),
                batting == null ? null : new Batting(batting, new Phases<>(batting, batting, batting), batting),
                bowling == null ? null : new Bowling(bowling, new Phases<>(bowling, bowling, bowling), bowling),
                balls == 0 ? null : new Form("2022-11-24", 20, batting, bowling),
                balls == 0 ? Experience.NONE : new Experience(60, 6, 2018, 2024, 90, 10, List.of("IPL", "T20I")),
                Map.of());
    }

    static BattingLine batter(int runs, int balls, int innings, int outs) {
        return new BattingLine(innings, runs, balls, outs, runs / 10, runs / 40);
    }

    static BowlingLine bowler(int balls, int runs, int wickets, int dots) {
        return new BowlingLine(balls, runs, wickets, dots);
    }
}
