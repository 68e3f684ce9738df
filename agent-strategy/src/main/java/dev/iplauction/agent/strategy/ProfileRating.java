package dev.iplauction.agent.strategy;

import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.profiles.PlayerProfile;
import dev.iplauction.profiles.PlayerProfile.BattingLine;
import dev.iplauction.profiles.PlayerProfile.BowlingLine;
import dev.iplauction.profiles.PlayerProfile.Experience;
import dev.iplauction.profiles.PlayerProfile.VenueRecord;
import dev.iplauction.profiles.ProfileRepository;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rating from what a player has done: his T20 batting and bowling from his {@link PlayerProfile} (career and the
 * last two years), blended with the market's own signals (base price, set, cap) in proportion to how much data
 * there is. A player without data is rated by the market alone; a regular with thousands of balls mostly by his
 * numbers.
 *
 * <p>The statistics are scored the way a T20 analyst would at a glance:
 *
 * <ul>
 *   <li>batting: runs per innings and strike rate together ({@code 0.6 × runs per innings + 0.35 × (SR − 120)}), so an
 *       anchor averaging 35 at 130 and a finisher scoring 20 at 170 both rate well;
 *   <li>bowling: wickets per four overs, economy and dot-ball rate ({@code 6 × wickets/24 balls + 2.5 × (9 − economy)
 *       + 4 × (dot rate − 0.35)});
 *   <li>each shrunk toward a modest prior by its sample ({@link #BAT_SAMPLE} and {@link #BOWL_SAMPLE} balls weigh as
 *       much as the prior), and recent form counting for {@link #FORM_WEIGHT} of the whole;
 *   <li>the role decides the mix: a batter or keeper by his batting, a bowler by his bowling, an all-rounder by both.
 * </ul>
 *
 * Every score rises with better numbers: more runs off the same balls, more wickets or fewer runs conceded off the
 * same overs never lower a rating, all else equal.
 */
public final class ProfileRating implements PlayerRating {

    /** Balls faced that weigh as much as the prior. */
    static final double BAT_SAMPLE = 250;

    /** Balls bowled that weigh as much as the prior. */
    static final double BOWL_SAMPLE = 300;

    /** Balls of recent form that weigh as much as the career score. */
    static final double FORM_SAMPLE = 120;

    /** How much the last two years count against the career. */
    static final double FORM_WEIGHT = 0.4;

    /** What a player is assumed to be before his numbers say otherwise: a squad player. */
    static final double PRIOR = 0.3;

    /** The most the statistics decide of the quality; the rest is the market's view (reputation, the set). */
    static final double MAX_CONFIDENCE = 0.6;

    /**
     * What a score from outside the IPL is worth against one in it: the other leagues are weaker, and T20
     * internationals include matches against associate nations. IPL balls also count {@link #IPL_WEIGHT} times.
     */
    static final double OTHER_LEAGUES = 0.88;

    static final double IPL_WEIGHT = 1.5;

    /** Balls in his main discipline at which the statistics decide half of {@link #MAX_CONFIDENCE}. */
    static final double CONFIDENCE_SAMPLE = 300;

    private final Function<Player, Optional<PlayerProfile>> profiles;
    private final PlayerRating market;

    public ProfileRating(Function<Player, Optional<PlayerProfile>> profiles, PlayerRating market) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.market = Objects.requireNonNull(market, "market");
    }

    /** The shipped profiles, looked up as {@link ProfileRepository#shipped(Player)} says. */
    public static ProfileRating shipped() {
        return new ProfileRating(ProfileRepository::shipped, PlayerRating.fromMarket());
    }

    public Optional<PlayerProfile> profileOf(Player player) {
        return profiles.apply(player);
    }

    @Override
    public Rating rate(Player player) {
        Rating marketRating = market.rate(player);
        Optional<PlayerProfile> profile = profileOf(player).filter(PlayerProfile::hasData);
        if (profile.isEmpty()) {
            return marketRating;
        }
        Skill skill = skill(profile.get(), player.role());
        double confidence = MAX_CONFIDENCE * skill.sample() / (skill.sample() + CONFIDENCE_SAMPLE);
        double quality = confidence * skill.score() + (1 - confidence) * marketRating.quality();
        Experience experience = profile.get().experience();
        double proven = MarketRating.clamp(0.45 * Math.min(1, experience.iplMatches() / 60.0)
                + 0.35 * Math.min(1, experience.t20Matches() / 120.0)
                + 0.20 * Math.min(1, experience.t20iMatches() / 30.0));
        double statStar = MarketRating.clamp((skill.score() - 0.55) / 0.35)
                * Math.min(1, (experience.iplMatches() + experience.t20iMatches()) / 40.0);
        return new Rating(
                MarketRating.clamp(quality),
                Math.max(marketRating.starPower(), statStar),
                MarketRating.clamp(0.4 * marketRating.experience() + 0.6 * proven));
    }

    /**
     * A player's record at the franchise's home ground against his record everywhere: 0 when it is no better (or he
     * has played fewer than three matches there), up to 1 when it is far better over many matches.
     */
    @Override
    public double homeAdvantage(Player player, Franchise franchise) {
        Optional<PlayerProfile> found = profileOf(player).filter(PlayerProfile::hasData);
        if (found.isEmpty()) {
            return 0;
        }
        PlayerProfile profile = found.get();
        Optional<VenueRecord> home = profile.atHomeOf(franchise.code());
        if (home.isEmpty() || home.get().matches() < 3) {
            return 0;
        }
        VenueRecord venue = home.get();
        double better = 0;
        if (venue.batting() != null
                && profile.batting() != null
                && profile.batting().ipl() != null) {
            better = Math.max(
                    better,
                    battingScore(venue.batting())
                            - battingScore(profile.batting().ipl()));
        }
        if (venue.bowling() != null
                && profile.bowling() != null
                && profile.bowling().ipl() != null) {
            better = Math.max(
                    better,
                    bowlingScore(venue.bowling())
                            - bowlingScore(profile.bowling().ipl()));
        }
        return MarketRating.clamp(2 * better) * Math.min(1, venue.matches() / 8.0);
    }

    @Override
    public Optional<String> describe(Player player) {
        Optional<PlayerProfile> found = profileOf(player);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PlayerProfile profile = found.get();
        if (!profile.hasData()) {
            return Optional.of("no T20 data (" + profile.coverage().note() + "): valued from the auction list's"
                    + " signals alone (base price, set, capped status)");
        }
        StringBuilder line = new StringBuilder();
        Experience experience = profile.experience();
        line.append("IPL ").append(experience.iplMatches()).append(" m");
        if (experience.iplMatches() > 0) {
            line.append(" (")
                    .append(experience.firstIplSeason())
                    .append('–')
                    .append(experience.lastIplSeason())
                    .append(')');
        }
        line.append(", T20 ").append(experience.t20Matches()).append(" m");
        if (experience.t20iMatches() > 0) {
            line.append(", T20I ").append(experience.t20iMatches());
        }
        if (profile.batting() != null && profile.batting().t20().balls() >= 30) {
            BattingLine bat = profile.batting().t20();
            line.append("; bat ")
                    .append(bat.runs())
                    .append(" r SR ")
                    .append(round(bat.strikeRate()))
                    .append(" avg ")
                    .append(round(bat.average()));
            if (profile.batting().iplPhases() != null) {
                line.append(" (IPL SR pp/mid/death ")
                        .append(round(profile.batting().iplPhases().powerplay().strikeRate()))
                        .append('/')
                        .append(round(profile.batting().iplPhases().middle().strikeRate()))
                        .append('/')
                        .append(round(profile.batting().iplPhases().death().strikeRate()))
                        .append(')');
            }
        }
        if (profile.bowling() != null && profile.bowling().t20().balls() >= 60) {
            BowlingLine bowl = profile.bowling().t20();
            line.append("; bowl ")
                    .append(bowl.wickets())
                    .append(" w econ ")
                    .append(one(bowl.economy()))
                    .append(" dots ")
                    .append(round(100 * bowl.dotRate()))
                    .append('%');
            if (profile.bowling().iplPhases() != null) {
                line.append(" (IPL econ pp/mid/death ")
                        .append(one(profile.bowling().iplPhases().powerplay().economy()))
                        .append('/')
                        .append(one(profile.bowling().iplPhases().middle().economy()))
                        .append('/')
                        .append(one(profile.bowling().iplPhases().death().economy()))
                        .append(')');
            }
        }
        profile.recentForm().ifPresent(form -> {
            line.append("; last 2 yrs ").append(form.matches()).append(" m");
            if (form.batting() != null && form.batting().balls() > 0) {
                line.append(", ")
                        .append(form.batting().runs())
                        .append(" r SR ")
                        .append(round(form.batting().strikeRate()));
            }
            if (form.bowling() != null && form.bowling().balls() > 0) {
                line.append(", ")
                        .append(form.bowling().wickets())
                        .append(" w econ ")
                        .append(one(form.bowling().economy()));
            }
        });
        Skill skill = skill(profile, player.role());
        line.append("; stats score ")
                .append(round(100 * skill.score()))
                .append("/100 on ")
                .append(skill.sample())
                .append(" balls");
        return Optional.of(line.toString());
    }

    // ---- the scores ----

    /** How good his numbers are for his role (0 to 1), and on how many balls of his main discipline. */
    record Skill(double score, int sample) {}

    static Skill skill(PlayerProfile profile, Role role) {
        BattingLine batIpl =
                profile.batting() == null ? null : profile.batting().ipl();
        BowlingLine bowlIpl =
                profile.bowling() == null ? null : profile.bowling().ipl();
        double bat = discipline(
                career(
                        battingLine(profile),
                        batIpl,
                        ProfileRating::battingScore,
                        BattingLine::balls,
                        ProfileRating::minus),
                formBatting(profile),
                BAT_SAMPLE,
                ProfileRating::battingScore,
                BattingLine::balls);
        double bowl = discipline(
                career(
                        bowlingLine(profile),
                        bowlIpl,
                        ProfileRating::bowlingScore,
                        BowlingLine::balls,
                        ProfileRating::minus),
                formBowling(profile),
                BOWL_SAMPLE,
                ProfileRating::bowlingScore,
                BowlingLine::balls);
        int batBalls = battingLine(profile) == null ? 0 : battingLine(profile).balls();
        int bowlBalls = bowlingLine(profile) == null ? 0 : bowlingLine(profile).balls();
        return switch (role) {
            case BATTER, WICKETKEEPER -> new Skill(MarketRating.clamp(bat + 0.1 * Math.max(0, bowl - PRIOR)), batBalls);
            case BOWLER -> new Skill(MarketRating.clamp(bowl + 0.1 * Math.max(0, bat - PRIOR)), bowlBalls);
            case ALL_ROUNDER ->
                new Skill(
                        MarketRating.clamp(0.75 * Math.max(bat, bowl) + 0.45 * Math.min(bat, bowl)),
                        batBalls + bowlBalls);
        };
    }

    /** Runs per innings and strike rate, 0 (a tail-ender) to 1 (the best openers and finishers). */
    static double battingScore(BattingLine line) {
        if (line.balls() == 0) {
            return 0;
        }
        double innings = line.innings() > 0 ? line.innings() : Math.max(1, line.balls() / 15.0);
        double value = 0.6 * line.runs() / innings + 0.35 * (line.strikeRate() - 120);
        return MarketRating.clamp((value - 4) / 24);
    }

    /** Wickets, economy and dots, 0 (expensive and harmless) to 1 (the best in the world). */
    static double bowlingScore(BowlingLine line) {
        if (line.balls() == 0) {
            return 0;
        }
        double wicketsPerFour = 24.0 * line.wickets() / line.balls();
        double value = 6 * wicketsPerFour + 2.5 * (9 - line.economy()) + 4 * (line.dotRate() - 0.35);
        return MarketRating.clamp((value - 3) / 9.5);
    }

    /** A career's score and the balls it rests on: IPL balls weigh more, other leagues' scores a little less. */
    record Career(double score, double balls) {}

    static <L> Career career(
            L all,
            L ipl,
            java.util.function.ToDoubleFunction<L> score,
            java.util.function.ToIntFunction<L> balls,
            java.util.function.BinaryOperator<L> minus) {
        if (all == null) {
            return null;
        }
        double iplBalls = ipl == null ? 0 : balls.applyAsInt(ipl);
        L other = ipl == null ? all : minus.apply(all, ipl);
        double otherBalls = balls.applyAsInt(other);
        double weighted = IPL_WEIGHT * iplBalls + otherBalls;
        if (weighted == 0) {
            return new Career(0, 0);
        }
        double iplScore = iplBalls == 0 ? 0 : score.applyAsDouble(ipl);
        double otherScore = otherBalls == 0 ? 0 : OTHER_LEAGUES * score.applyAsDouble(other);
        return new Career((IPL_WEIGHT * iplBalls * iplScore + otherBalls * otherScore) / weighted, weighted);
    }

    static BattingLine minus(BattingLine all, BattingLine part) {
        return new BattingLine(
                Math.max(0, all.innings() - part.innings()),
                Math.max(0, all.runs() - part.runs()),
                Math.max(0, all.balls() - part.balls()),
                Math.max(0, all.outs() - part.outs()),
                Math.max(0, all.fours() - part.fours()),
                Math.max(0, all.sixes() - part.sixes()));
    }

    static BowlingLine minus(BowlingLine all, BowlingLine part) {
        return new BowlingLine(
                Math.max(0, all.balls() - part.balls()),
                Math.max(0, all.runs() - part.runs()),
                Math.max(0, all.wickets() - part.wickets()),
                Math.max(0, all.dots() - part.dots()));
    }

    /** A discipline's score: the career shrunk toward the prior by its sample, moved toward recent form by its. */
    private static <L> double discipline(
            Career career,
            L form,
            double sample,
            java.util.function.ToDoubleFunction<L> score,
            java.util.function.ToIntFunction<L> balls) {
        if (career == null) {
            return PRIOR * 0.5;
        }
        double shrunk = (career.balls() * career.score() + sample * PRIOR) / (career.balls() + sample);
        if (form == null || balls.applyAsInt(form) == 0) {
            return shrunk;
        }
        int recent = balls.applyAsInt(form);
        double formScore = (recent * score.applyAsDouble(form) + FORM_SAMPLE * shrunk) / (recent + FORM_SAMPLE);
        return (1 - FORM_WEIGHT) * shrunk + FORM_WEIGHT * formScore;
    }

    private static BattingLine battingLine(PlayerProfile profile) {
        return profile.batting() == null ? null : profile.batting().t20();
    }

    private static BowlingLine bowlingLine(PlayerProfile profile) {
        return profile.bowling() == null ? null : profile.bowling().t20();
    }

    private static BattingLine formBatting(PlayerProfile profile) {
        return profile.form() == null ? null : profile.form().batting();
    }

    private static BowlingLine formBowling(PlayerProfile profile) {
        return profile.form() == null ? null : profile.form().bowling();
    }

    private static long round(double value) {
        return Math.round(value);
    }

    private static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
