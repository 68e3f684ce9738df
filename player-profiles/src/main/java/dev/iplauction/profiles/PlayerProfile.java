package dev.iplauction.profiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the data says about one auction player before the auction: his batting and bowling (in the IPL by phase, and
 * in all T20 cricket the data covers), his recent form, his experience, his record at each franchise's home ground,
 * and how much data there is. Only counts are stored; rates are derived from them, so a profile is exact and a
 * rebuilt file is byte-for-byte the same.
 *
 * <p>A player without data has a profile too, with {@link Coverage} saying why and every statistic empty: that is a
 * fact for the valuation to price, not an error.
 *
 * @param id the player's id in the catalogue ({@code list_sr_no} for auction players, {@code R-<team>-<n>} for
 *     retained ones)
 * @param name as the auction list spells it
 * @param cricsheetId the Cricsheet person id, or null when the list's crosswalk resolves none (or several)
 * @param batting null when he has not batted in the data
 * @param bowling null when he has not bowled in the data
 * @param form the two years before the cut-off, across every competition; null without data in that window
 * @param homeGrounds his IPL record at each franchise's home ground, by franchise code, where he has played there
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayerProfile(
        String id,
        String name,
        String cricsheetId,
        Coverage coverage,
        Batting batting,
        Bowling bowling,
        Form form,
        Experience experience,
        Map<String, VenueRecord> homeGrounds) {

    public PlayerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(experience, "experience");
        homeGrounds =
                homeGrounds == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(homeGrounds));
    }

    /** Whether there is any T20 data for him before the cut-off. */
    public boolean hasData() {
        return coverage.status() == CoverageStatus.IPL || coverage.status() == CoverageStatus.T20_ONLY;
    }

    public Optional<Batting> battingRecord() {
        return Optional.ofNullable(batting);
    }

    public Optional<Bowling> bowlingRecord() {
        return Optional.ofNullable(bowling);
    }

    public Optional<Form> recentForm() {
        return Optional.ofNullable(form);
    }

    /** His IPL record at a franchise's home ground (by franchise code), if he has played there. */
    public Optional<VenueRecord> atHomeOf(String franchiseCode) {
        return Optional.ofNullable(homeGrounds.get(franchiseCode));
    }

    /** How much data there is, and why there is none when there is none. */
    public enum CoverageStatus {
        /** IPL ball-by-ball data (and perhaps other T20 seasons). */
        IPL,
        /** T20 season data from other competitions only (BBL, CPL, PSL, T20 internationals). */
        T20_ONLY,
        /** A Cricsheet id, but no T20 match in the data before the cut-off. */
        NO_T20_DATA,
        /** The crosswalk names several Cricsheet people and the data cannot tell which one he is. */
        AMBIGUOUS,
        /** The crosswalk has no Cricsheet id for him: most uncapped domestic players. */
        NOT_IN_CRICSHEET
    }

    /**
     * @param iplBalls deliveries he faced or bowled in the IPL before the cut-off: the sample his IPL numbers rest on
     * @param t20Balls the same across every T20 competition in the data
     * @param note one line a person can read: where the data comes from or why there is none
     */
    public record Coverage(CoverageStatus status, int iplBalls, int t20Balls, String note) {}

    /**
     * @param ipl his IPL batting from the ball-by-ball data
     * @param iplPhases the same split by phase: powerplay (overs 1–6), middle (7–15), death (16–20)
     * @param t20 every T20 competition in the data together, the IPL included
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Batting(BattingLine ipl, Phases<BattingLine> iplPhases, BattingLine t20) {}

    /** The same for bowling. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bowling(BowlingLine ipl, Phases<BowlingLine> iplPhases, BowlingLine t20) {}

    /** A line split by the three phases of a T20 innings. */
    public record Phases<T>(T powerplay, T middle, T death) {}

    /**
     * Batting counts. Balls faced leave out wides; outs leave out retirements hurt.
     *
     * @param innings innings in which he batted (faced a ball or was dismissed); 0 where the source gives none
     */
    public record BattingLine(int innings, int runs, int balls, int outs, int fours, int sixes) {

        public static final BattingLine NONE = new BattingLine(0, 0, 0, 0, 0, 0);

        public BattingLine plus(BattingLine other) {
            return new BattingLine(
                    innings + other.innings,
                    runs + other.runs,
                    balls + other.balls,
                    outs + other.outs,
                    fours + other.fours,
                    sixes + other.sixes);
        }

        /** Runs per 100 balls; 0 without balls. */
        public double strikeRate() {
            return balls == 0 ? 0 : 100.0 * runs / balls;
        }

        /** Runs per dismissal; the runs themselves while never out. */
        public double average() {
            return outs == 0 ? runs : (double) runs / outs;
        }

        /** Fours and sixes per ball. */
        public double boundaryRate() {
            return balls == 0 ? 0 : (double) (fours + sixes) / balls;
        }
    }

    /**
     * Bowling counts. Balls are legal deliveries; runs are those charged to the bowler (not byes or leg byes); wickets
     * are those credited to him (not run outs); dots are legal balls off which the batter scored nothing.
     */
    public record BowlingLine(int balls, int runs, int wickets, int dots) {

        public static final BowlingLine NONE = new BowlingLine(0, 0, 0, 0);

        public BowlingLine plus(BowlingLine other) {
            return new BowlingLine(balls + other.balls, runs + other.runs, wickets + other.wickets, dots + other.dots);
        }

        /** Runs per six balls; 0 without balls. */
        public double economy() {
            return balls == 0 ? 0 : 6.0 * runs / balls;
        }

        /** Runs per wicket; the runs themselves without a wicket. */
        public double average() {
            return wickets == 0 ? runs : (double) runs / wickets;
        }

        /** Dot balls per ball. */
        public double dotRate() {
            return balls == 0 ? 0 : (double) dots / balls;
        }
    }

    /**
     * Recent form: every competition in the data, from {@code since} up to the cut-off.
     *
     * @param matches matches he batted or bowled in (IPL), or played (other competitions' seasons)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Form(String since, int matches, BattingLine batting, BowlingLine bowling) {}

    /**
     * @param iplMatches IPL matches he batted or bowled in before the cut-off
     * @param iplSeasons IPL seasons with such a match
     * @param firstIplSeason null without an IPL match
     * @param t20Matches every competition's matches (the IPL counted as above)
     * @param t20iMatches T20 internationals
     * @param competitions the competitions he has played in, in a fixed order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Experience(
            int iplMatches,
            int iplSeasons,
            Integer firstIplSeason,
            Integer lastIplSeason,
            int t20Matches,
            int t20iMatches,
            List<String> competitions) {

        public static final Experience NONE = new Experience(0, 0, null, null, 0, 0, List.of());

        public Experience {
            competitions = competitions == null ? List.of() : List.copyOf(competitions);
        }
    }

    /** His IPL record at one ground. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VenueRecord(int matches, BattingLine batting, BowlingLine bowling) {}
}
