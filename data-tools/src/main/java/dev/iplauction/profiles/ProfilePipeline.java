package dev.iplauction.profiles;

import dev.iplauction.contracts.Franchise;
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
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns Cricsheet data and the auction list's crosswalk into one {@link PlayerProfile} per auction player, using only
 * what happened before a cut-off date (the auction's date).
 *
 * <p>It reads, from a Cricsheet folder: {@code ipl_deliveries_2008_2024.csv.gz} (or {@code .csv}), one row per IPL
 * delivery with its date, which it streams; and {@code t20_player_season_stats_to_2024.csv}, per player,
 * competition and season, of which it takes the other competitions (BBL, CPL, PSL, T20 internationals) whose season
 * ended before the cut-off ({@link SeasonCalendar}). From an auction folder: {@code auction_list.csv} and {@code
 * crosswalk_to_cricsheet.csv}, the same rows in the same order, which give each player his catalogue id and his
 * Cricsheet id. Only the deliveries of the auction's players are kept, so memory stays small.
 *
 * <p>For an auction after the 2024 files (IPL 2026), the players come instead from the project's own crosswalk of a
 * catalogue ({@link CrosswalkBuilder}), and a folder of Cricsheet's match files ({@link CricsheetMatches}) adds the
 * matches since: IPL matches ball by ball, others per competition, nothing the 2024 files already count.
 *
 * <p>Run it with {@code scripts/refresh-profiles.sh} (or {@code refresh-profiles-2026.sh}); {@link #main} takes {@code
 * --cricsheet DIR (--auction DIR | --crosswalk FILE --matches DIR) --cutoff YYYY-MM-DD --catalogue ID --out FILE}.
 */
public final class ProfilePipeline {

    /** The 2025 mega auction's first day: the shipped profiles use only matches before it. */
    public static final LocalDate IPL2025_AUCTION = LocalDate.of(2024, 11, 24);

    /** The 2026 mini auction's day (16 Dec 2025): its profiles count matches up to 15 Dec 2025. */
    public static final LocalDate IPL2026_AUCTION = LocalDate.of(2025, 12, 16);

    static final String DELIVERIES = "ipl_deliveries_2008_2024.csv";
    static final String SEASONS = "t20_player_season_stats_to_2024.csv";
    static final String AUCTION_LIST = "auction_list.csv";
    static final String CROSSWALK = "crosswalk_to_cricsheet.csv";

    /** Recent form covers this many years before the cut-off. */
    static final int FORM_YEARS = 2;

    /** Dismissals that are not outs. */
    private static final Set<String> NOT_OUT = Set.of("retired hurt", "retired not out");

    /** Dismissals credited to the bowler. */
    private static final Set<String> BOWLER_WICKETS =
            Set.of("bowled", "caught", "lbw", "stumped", "caught and bowled", "hit wicket");

    private static final List<String> COMPETITIONS =
            List.of("IPL", "T20I", "BBL", "CPL", "PSL", "SA20", "ILT20", "BPL", "SUPER_SMASH", "SMAT", "OTHER");

    private ProfilePipeline() {}

    /**
     * Where the data is.
     *
     * @param cricsheet the folder with the deliveries and season files
     * @param auction the folder with the auction list and its crosswalk (2025), or null when {@code crosswalk} gives
     *     the players
     * @param crosswalk the project's own crosswalk of a catalogue's players ({@link CrosswalkBuilder}), or null
     * @param matches a folder of Cricsheet match files (JSON) for the matches after the deliveries file, or null
     */
    public record Sources(Path cricsheet, Path auction, Path crosswalk, Path matches) {

        public Sources {
            Objects.requireNonNull(cricsheet, "cricsheet");
            if ((auction == null) == (crosswalk == null)) {
                throw new IllegalArgumentException(
                        "the players come from an auction folder or a crosswalk file," + " exactly one of them");
            }
        }

        /** The 2025 way: the deliveries and seasons, and the auction list with its crosswalk. */
        public Sources(Path cricsheet, Path auction) {
            this(cricsheet, auction, null, null);
        }

        /** A catalogue's own crosswalk, the deliveries and seasons, and Cricsheet match files after them. */
        public static Sources withMatches(Path cricsheet, Path crosswalk, Path matches) {
            return new Sources(cricsheet, null, crosswalk, Objects.requireNonNull(matches, "matches"));
        }

        Path deliveries() {
            Path gz = cricsheet.resolve(DELIVERIES + ".gz");
            return Files.isRegularFile(gz) ? gz : cricsheet.resolve(DELIVERIES);
        }

        Path seasons() {
            return cricsheet.resolve(SEASONS);
        }
    }

    /** The profiles of every player on the auction list, from data before the cut-off. */
    public static ProfileDocument build(Sources sources, String catalogue, LocalDate cutoff) {
        List<ListedPlayer> listed =
                sources.auction() != null ? readList(sources.auction()) : readCrosswalk(sources.crosswalk());
        Set<String> people = new HashSet<>();
        listed.forEach(p -> people.addAll(p.candidates()));
        String before = cutoff.toString();
        String since = cutoff.minusYears(FORM_YEARS).toString();

        Map<String, Person> data = new HashMap<>();
        Set<String> deliveredMatches = new HashSet<>();
        readDeliveries(sources.deliveries(), people, before, since, data, deliveredMatches);
        Set<String> seasonsCounted = new HashSet<>();
        readSeasons(sources.seasons(), people, cutoff, cutoff.minusYears(FORM_YEARS), data, seasonsCounted);
        List<String> files =
                new ArrayList<>(List.of(sources.deliveries().getFileName().toString(), SEASONS));
        if (sources.matches() != null) {
            readMatches(sources.matches(), people, cutoff, since, data, deliveredMatches, seasonsCounted);
            files.add("Cricsheet match files (JSON) in " + sources.matches().getFileName());
        }
        if (sources.auction() != null) {
            files.addAll(List.of(AUCTION_LIST, CROSSWALK));
        } else {
            files.add(sources.crosswalk().getFileName().toString());
        }

        // A Cricsheet person picked from several candidates for two listed players (two players of the same name)
        // belongs to neither for certain.
        Map<String, Integer> picked = new HashMap<>();
        for (ListedPlayer player : listed) {
            if (player.candidates().size() > 1) {
                pick(player, data).ifPresent(id -> picked.merge(id, 1, Integer::sum));
            }
        }
        List<PlayerProfile> profiles = new ArrayList<>();
        for (ListedPlayer player : listed) {
            profiles.add(profile(player, data, since, picked));
        }
        return new ProfileDocument(
                ProfileDocument.FORMAT,
                catalogue,
                cutoff.toString(),
                sources.auction() != null
                        ? ProfileDocument.Source.cricsheet(files)
                        : ProfileDocument.Source.cricsheet(
                                files,
                                "the player list is the " + catalogue + " catalogue's, matched to Cricsheet ids by"
                                        + " this project ("
                                        + sources.crosswalk().getFileName() + ")"),
                profiles);
    }

    // ---- the auction list and its crosswalk ----

    /** A player of the auction list: his catalogue id, name and the Cricsheet people he may be. */
    /**
     * @param uncapped never capped by any country (the list's "Uncapped"; an associate nation's player is capped by
     *     it), so none of his matches can be a T20 international
     */
    record ListedPlayer(String id, String name, List<String> candidates, boolean uncapped, String whyNoId) {

        static final String NOT_ON_THE_LIST = "no Cricsheet id on the auction list's crosswalk";
    }

    static List<ListedPlayer> readList(Path auction) {
        List<CsvStreamRow> list = new ArrayList<>();
        CsvStream.forEach(
                auction.resolve(AUCTION_LIST),
                List.of("list_sr_no", "name", "team_2024", "is_retained", "capped_status"),
                row -> list.add(new CsvStreamRow(
                        row.get("list_sr_no").strip(),
                        row.get("name").strip(),
                        row.get("team_2024").strip(),
                        row.flag("is_retained"),
                        row.get("capped_status").strip().equalsIgnoreCase("Uncapped"))));
        List<String[]> crosswalk = new ArrayList<>();
        CsvStream.forEach(
                auction.resolve(CROSSWALK),
                List.of("list_sr_no", "name", "cricsheet_id"),
                row -> crosswalk.add(new String[] {
                    row.get("list_sr_no").strip(),
                    row.get("name").strip(),
                    row.get("cricsheet_id").strip()
                }));
        if (list.size() != crosswalk.size()) {
            throw new ProfileDataException("the auction list has " + list.size() + " players, the crosswalk "
                    + crosswalk.size() + ": they must be the same rows in the same order");
        }
        List<ListedPlayer> players = new ArrayList<>();
        Map<Franchise, Integer> retained = new EnumMap<>(Franchise.class);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            CsvStreamRow row = list.get(i);
            String[] cross = crosswalk.get(i);
            if (!row.serial().equals(cross[0]) || !row.name().equals(cross[1])) {
                throw new ProfileDataException("row " + (i + 1) + " of the crosswalk (" + cross[1] + ") is not row "
                        + (i + 1) + " of the auction list (" + row.name() + ")");
            }
            String id;
            if (row.retained()) {
                Franchise team = franchise(row.team(), row.name());
                id = "R-" + team.code() + "-" + retained.merge(team, 1, Integer::sum);
            } else {
                id = row.serial();
            }
            if (id.isEmpty() || !ids.add(id)) {
                throw new ProfileDataException("row " + (i + 1) + " (" + row.name() + ") has no id or a repeated one");
            }
            List<String> candidates = cross[2].isEmpty()
                    ? List.of()
                    : Arrays.stream(cross[2].split(";"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
            players.add(new ListedPlayer(id, row.name(), candidates, row.uncapped(), ListedPlayer.NOT_ON_THE_LIST));
        }
        return players;
    }

    /**
     * The players of a catalogue from the project's own crosswalk ({@link CrosswalkBuilder#COLUMNS}): one row per
     * player with his catalogue id, name, capped status and the Cricsheet ids he may be (several separated by
     * {@code ;}, none when unmatched).
     */
    static List<ListedPlayer> readCrosswalk(Path file) {
        List<ListedPlayer> players = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        CsvStream.forEach(file, List.of("id", "name", "capped", "cricsheet_id"), row -> {
            String id = row.get("id").strip();
            if (id.isEmpty() || !ids.add(id)) {
                throw row.problem("id '" + id + "' is empty or repeated");
            }
            String capped = row.get("capped").strip();
            if (!capped.equals("true") && !capped.equals("false")) {
                throw row.problem("capped should be true or false, not '" + capped + "'");
            }
            List<String> candidates = Arrays.stream(row.get("cricsheet_id").split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            players.add(new ListedPlayer(
                    id,
                    row.get("name").strip(),
                    candidates,
                    capped.equals("false"),
                    "no Cricsheet id: the name matched nobody (" + file.getFileName() + ")"));
        });
        return players;
    }

    private record CsvStreamRow(String serial, String name, String team, boolean retained, boolean uncapped) {}

    private static Franchise franchise(String code, String name) {
        return Franchise.fromCode(code)
                .orElseThrow(() -> new ProfileDataException("retained player " + name
                        + " has no franchise the auction knows in team_2024: '" + code + "'"));
    }

    // ---- the deliveries ----

    static void readDeliveries(
            Path file,
            Set<String> people,
            String before,
            String since,
            Map<String, Person> data,
            Set<String> matchIds) {
        CsvStream.forEach(
                file,
                List.of(
                        "match_id",
                        "season",
                        "date",
                        "venue",
                        "innings",
                        "is_super_over",
                        "over",
                        "batter_id",
                        "non_striker_id",
                        "bowler_id",
                        "runs_batter",
                        "wides",
                        "noballs",
                        "is_legal",
                        "wicket_kind",
                        "player_out_id"),
                row -> {
                    matchIds.add(row.get("match_id"));
                    String batter = row.get("batter_id");
                    String nonStriker = row.get("non_striker_id");
                    String bowler = row.get("bowler_id");
                    String out = row.get("player_out_id");
                    boolean wanted = people.contains(batter)
                            || people.contains(bowler)
                            || people.contains(nonStriker)
                            || (!out.isEmpty() && people.contains(out));
                    if (!wanted) {
                        return;
                    }
                    String date = row.get("date");
                    if (date.length() != 10) {
                        throw row.problem("date should be YYYY-MM-DD, not '" + date + "'");
                    }
                    if (date.compareTo(before) >= 0 || row.flag("is_super_over")) {
                        return;
                    }
                    Ball ball = new Ball(row, date.compareTo(since) >= 0);
                    if (people.contains(batter)) {
                        data.computeIfAbsent(batter, Person::new).faced(ball);
                    }
                    if (people.contains(nonStriker)) {
                        data.computeIfAbsent(nonStriker, Person::new).appeared(ball);
                    }
                    if (people.contains(bowler)) {
                        data.computeIfAbsent(bowler, Person::new).bowled(ball);
                    }
                    if (!out.isEmpty() && people.contains(out) && !NOT_OUT.contains(ball.wicketKind)) {
                        data.computeIfAbsent(out, Person::new).dismissed(ball);
                    }
                });
    }

    /** One delivery, as much of it as a profile needs. */
    static final class Ball {
        final String match;
        final int season;
        final int innings;
        final Franchise home;
        final int phase;
        final boolean recent;
        final int runsBatter;
        final boolean wide;
        final boolean noBall;
        final boolean legal;
        final String wicketKind;
        final int extrasToBowler;

        Ball(CsvStream.Row row, boolean recent) {
            this.match = row.get("match_id");
            this.season = row.integer("season");
            this.innings = row.integer("innings");
            this.home = HomeGrounds.of(row.get("venue")).orElse(null);
            int over = row.integer("over");
            this.phase = over < 6 ? 0 : over < 15 ? 1 : 2;
            this.recent = recent;
            this.runsBatter = row.integer("runs_batter");
            this.wide = row.integer("wides") != 0;
            this.noBall = row.integer("noballs") != 0;
            this.legal = row.flag("is_legal");
            this.wicketKind = row.get("wicket_kind").strip();
            this.extrasToBowler = row.integer("wides") + row.integer("noballs");
        }

        /** An IPL ball from a Cricsheet match file. */
        Ball(CricsheetMatches.Match match, CricsheetMatches.Delivery delivery, boolean recent) {
            this.match = match.id();
            this.season = match.date().getYear();
            this.innings = delivery.innings();
            this.home = HomeGrounds.of(match.venue()).orElse(null);
            this.phase = delivery.over() < 6 ? 0 : delivery.over() < 15 ? 1 : 2;
            this.recent = recent;
            this.runsBatter = delivery.runsBatter();
            this.wide = delivery.wides() != 0;
            this.noBall = delivery.noBalls() != 0;
            this.legal = delivery.legal();
            this.wicketKind = delivery.wickets().isEmpty()
                    ? ""
                    : delivery.wickets().getFirst().kind().strip();
            this.extrasToBowler = delivery.wides() + delivery.noBalls();
        }
    }

    // ---- the season statistics ----

    static void readSeasons(
            Path file,
            Set<String> people,
            LocalDate cutoff,
            LocalDate since,
            Map<String, Person> data,
            Set<String> seasonsCounted) {
        CsvStream.forEach(
                file,
                List.of(
                        "cricsheet_id",
                        "competition",
                        "season",
                        "matches",
                        "bat_innings",
                        "runs",
                        "balls_faced",
                        "outs",
                        "fours",
                        "sixes",
                        "balls_bowled",
                        "runs_conceded",
                        "wickets",
                        "dot_balls"),
                row -> {
                    String id = row.get("cricsheet_id").strip();
                    String competition = row.get("competition").strip();
                    // The IPL comes from the deliveries, match by match, with their dates.
                    if (competition.equals("IPL")) {
                        return;
                    }
                    LocalDate end = SeasonCalendar.endOf(competition, row.integer("season"));
                    if (!end.isBefore(cutoff)) {
                        return;
                    }
                    // A season this table counts is not counted again from match files.
                    seasonsCounted.add(competition + "/" + row.integer("season"));
                    if (!people.contains(id)) {
                        return;
                    }
                    BattingLine batting = new BattingLine(
                            row.integer("bat_innings"),
                            row.integer("runs"),
                            row.integer("balls_faced"),
                            row.integer("outs"),
                            row.integer("fours"),
                            row.integer("sixes"));
                    BowlingLine bowling = new BowlingLine(
                            row.integer("balls_bowled"),
                            row.integer("runs_conceded"),
                            row.integer("wickets"),
                            row.integer("dot_balls"));
                    data.computeIfAbsent(id, Person::new)
                            .season(competition, row.integer("matches"), batting, bowling, !end.isBefore(since));
                });
    }

    // ---- the Cricsheet match files ----

    /**
     * Counts the match files' matches before the cut-off, for the listed people. An IPL match counts ball by ball as
     * the deliveries file's do, unless that file already has it (same match id); any other match counts as one more
     * match of its competition, unless the season table already counts that competition's season.
     */
    static void readMatches(
            Path folder,
            Set<String> people,
            LocalDate cutoff,
            String since,
            Map<String, Person> data,
            Set<String> deliveredMatches,
            Set<String> seasonsCounted) {
        CricsheetMatches.forEach(folder, cutoff, match -> {
            boolean recent = match.date().toString().compareTo(since) >= 0;
            if (match.competition().equals("IPL")) {
                if (!deliveredMatches.contains(match.id())) {
                    iplMatch(match, people, recent, data);
                }
            } else if (!seasonsCounted.contains(match.competition() + "/" + match.season())) {
                otherMatch(match, people, recent, data);
            }
        });
    }

    private static void iplMatch(
            CricsheetMatches.Match match, Set<String> people, boolean recent, Map<String, Person> data) {
        for (CricsheetMatches.Delivery delivery : match.deliveries()) {
            if (delivery.superOver()) {
                continue;
            }
            Ball ball = new Ball(match, delivery, recent);
            if (people.contains(delivery.batter())) {
                data.computeIfAbsent(delivery.batter(), Person::new).faced(ball);
            }
            if (people.contains(delivery.nonStriker())) {
                data.computeIfAbsent(delivery.nonStriker(), Person::new).appeared(ball);
            }
            if (people.contains(delivery.bowler())) {
                data.computeIfAbsent(delivery.bowler(), Person::new).bowled(ball);
            }
            for (CricsheetMatches.Wicket wicket : delivery.wickets()) {
                if (people.contains(wicket.playerOut()) && !NOT_OUT.contains(wicket.kind())) {
                    data.computeIfAbsent(wicket.playerOut(), Person::new).dismissed(ball);
                }
            }
        }
    }

    /** A match outside the IPL, summed per person the way the season table sums a season. */
    private static void otherMatch(
            CricsheetMatches.Match match, Set<String> people, boolean recent, Map<String, Person> data) {
        Map<String, long[]> bat = new HashMap<>(); // runs, balls, outs, fours, sixes
        Map<String, Set<Integer>> innings = new HashMap<>();
        Map<String, long[]> bowl = new HashMap<>(); // balls, runs, wickets, dots
        Set<String> played = new HashSet<>(match.players());
        for (CricsheetMatches.Delivery d : match.deliveries()) {
            if (d.superOver()) {
                continue;
            }
            played.add(d.batter());
            played.add(d.nonStriker());
            played.add(d.bowler());
            long[] b = bat.computeIfAbsent(d.batter(), k -> new long[5]);
            b[0] += d.runsBatter();
            b[1] += d.wides() == 0 ? 1 : 0;
            b[3] += d.runsBatter() == 4 ? 1 : 0;
            b[4] += d.runsBatter() == 6 ? 1 : 0;
            innings.computeIfAbsent(d.batter(), k -> new HashSet<>()).add(d.innings());
            long[] w = bowl.computeIfAbsent(d.bowler(), k -> new long[4]);
            w[0] += d.legal() ? 1 : 0;
            w[1] += d.runsBatter() + d.wides() + d.noBalls();
            w[3] += d.legal() && d.runsBatter() == 0 ? 1 : 0;
            for (CricsheetMatches.Wicket wicket : d.wickets()) {
                if (BOWLER_WICKETS.contains(wicket.kind())) {
                    w[2]++;
                }
                if (!NOT_OUT.contains(wicket.kind())) {
                    bat.computeIfAbsent(wicket.playerOut(), k -> new long[5])[2]++;
                    innings.computeIfAbsent(wicket.playerOut(), k -> new HashSet<>())
                            .add(d.innings());
                }
            }
        }
        for (String id : played) {
            if (!people.contains(id)) {
                continue;
            }
            long[] b = bat.getOrDefault(id, new long[5]);
            long[] w = bowl.getOrDefault(id, new long[4]);
            BattingLine batting = battingLine(innings.getOrDefault(id, Set.of()).size(), b);
            data.computeIfAbsent(id, Person::new).season(match.competition(), 1, batting, bowlingLine(w), recent);
        }
    }

    // ---- one person's counts ----

    /** Everything counted for one Cricsheet person. */
    static final class Person {
        final String id;
        final long[][] bat = new long[3][5]; // per phase: runs, balls, outs, fours, sixes
        final long[][] bowl = new long[3][4]; // per phase: balls, runs, wickets, dots
        final Set<String> battingInnings = new HashSet<>();
        final Map<String, Integer> matches = new HashMap<>(); // IPL match -> season
        final Set<String> recentMatches = new HashSet<>();
        final long[] recentBat = new long[5];
        final long[] recentBowl = new long[4];
        final Set<String> recentInnings = new HashSet<>();
        final Map<Franchise, Venue> venues = new EnumMap<>(Franchise.class);
        BattingLine otherBatting = BattingLine.NONE;
        BowlingLine otherBowling = BowlingLine.NONE;
        BattingLine otherRecentBatting = BattingLine.NONE;
        BowlingLine otherRecentBowling = BowlingLine.NONE;
        int otherMatches;
        int otherRecentMatches;
        int t20iMatches;
        final Set<String> competitions = new LinkedHashSet<>();

        Person(String id) {
            this.id = id;
        }

        void appeared(Ball ball) {
            matches.put(ball.match, ball.season);
            competitions.add("IPL");
            if (ball.recent) {
                recentMatches.add(ball.match);
            }
            if (ball.home != null) {
                venues.computeIfAbsent(ball.home, f -> new Venue()).matches.add(ball.match);
            }
        }

        void faced(Ball ball) {
            appeared(ball);
            String innings = ball.match + "/" + ball.innings;
            battingInnings.add(innings);
            long[] line = {
                ball.runsBatter, ball.wide ? 0 : 1, 0, ball.runsBatter == 4 ? 1 : 0, ball.runsBatter == 6 ? 1 : 0
            };
            add(bat[ball.phase], line);
            if (ball.recent) {
                add(recentBat, line);
                recentInnings.add(innings);
            }
            if (ball.home != null) {
                add(venues.get(ball.home).bat, line);
            }
        }

        void dismissed(Ball ball) {
            appeared(ball);
            String innings = ball.match + "/" + ball.innings;
            battingInnings.add(innings);
            bat[ball.phase][2]++;
            if (ball.recent) {
                recentBat[2]++;
                recentInnings.add(innings);
            }
            if (ball.home != null) {
                venues.get(ball.home).bat[2]++;
            }
        }

        void bowled(Ball ball) {
            appeared(ball);
            boolean wicket = BOWLER_WICKETS.contains(ball.wicketKind);
            long[] line = {
                ball.legal ? 1 : 0,
                ball.runsBatter + ball.extrasToBowler,
                wicket ? 1 : 0,
                ball.legal && ball.runsBatter == 0 ? 1 : 0
            };
            add(bowl[ball.phase], line);
            if (ball.recent) {
                add(recentBowl, line);
            }
            if (ball.home != null) {
                add(venues.get(ball.home).bowl, line);
            }
        }

        void season(String competition, int played, BattingLine batting, BowlingLine bowling, boolean recent) {
            competitions.add(competition);
            otherMatches += played;
            otherBatting = otherBatting.plus(batting);
            otherBowling = otherBowling.plus(bowling);
            if (competition.equals("T20I")) {
                t20iMatches += played;
            }
            if (recent) {
                otherRecentMatches += played;
                otherRecentBatting = otherRecentBatting.plus(batting);
                otherRecentBowling = otherRecentBowling.plus(bowling);
            }
        }

        boolean hasData() {
            return !matches.isEmpty() || otherMatches > 0;
        }

        private static void add(long[] into, long[] values) {
            for (int i = 0; i < values.length; i++) {
                into[i] += values[i];
            }
        }
    }

    /** One person's IPL record at one franchise's home ground. */
    static final class Venue {
        final Set<String> matches = new HashSet<>();
        final long[] bat = new long[5];
        final long[] bowl = new long[4];
    }

    // ---- from counts to a profile ----

    /**
     * The one candidate with data before the cut-off, when the crosswalk names several: an uncapped player cannot be
     * one with T20 internationals. Empty when none or several fit.
     */
    static java.util.Optional<String> pick(ListedPlayer player, Map<String, Person> data) {
        List<Person> fitting = player.candidates().stream()
                .map(data::get)
                .filter(p -> p != null && p.hasData())
                .filter(p -> !player.uncapped() || p.t20iMatches == 0)
                .toList();
        return fitting.size() == 1 ? java.util.Optional.of(fitting.getFirst().id) : java.util.Optional.empty();
    }

    static PlayerProfile profile(
            ListedPlayer player, Map<String, Person> data, String since, Map<String, Integer> picked) {
        if (player.candidates().isEmpty()) {
            return empty(player, null, CoverageStatus.NOT_IN_CRICSHEET, player.whyNoId() + ": no data to judge him by");
        }
        String id;
        if (player.candidates().size() == 1) {
            id = player.candidates().getFirst();
        } else {
            java.util.Optional<String> one = pick(player, data).filter(p -> picked.getOrDefault(p, 0) == 1);
            if (one.isEmpty()) {
                return empty(
                        player,
                        null,
                        CoverageStatus.AMBIGUOUS,
                        "the crosswalk names " + player.candidates().size() + " Cricsheet people ("
                                + String.join(", ", player.candidates())
                                + ") and the data before the cut-off cannot tell which one he is");
            }
            id = one.get();
        }
        Person person = data.get(id);
        if (person == null || !person.hasData()) {
            return empty(player, id, CoverageStatus.NO_T20_DATA, "in Cricsheet, but no T20 match before the cut-off");
        }

        BattingLine iplBat = BattingLine.NONE;
        BowlingLine iplBowl = BowlingLine.NONE;
        List<BattingLine> batPhases = new ArrayList<>();
        List<BowlingLine> bowlPhases = new ArrayList<>();
        for (int phase = 0; phase < 3; phase++) {
            BattingLine b = battingLine(0, person.bat[phase]);
            BowlingLine w = bowlingLine(person.bowl[phase]);
            batPhases.add(b);
            bowlPhases.add(w);
            iplBat = iplBat.plus(b);
            iplBowl = iplBowl.plus(w);
        }
        iplBat = new BattingLine(
                person.battingInnings.size(),
                iplBat.runs(),
                iplBat.balls(),
                iplBat.outs(),
                iplBat.fours(),
                iplBat.sixes());
        boolean ipl = !person.matches.isEmpty();

        BattingLine t20Bat = iplBat.plus(person.otherBatting);
        BowlingLine t20Bowl = iplBowl.plus(person.otherBowling);
        Batting batting = t20Bat.balls() == 0 && t20Bat.outs() == 0
                ? null
                : new Batting(
                        ipl ? iplBat : null,
                        ipl ? new Phases<>(batPhases.get(0), batPhases.get(1), batPhases.get(2)) : null,
                        t20Bat);
        Bowling bowling = t20Bowl.balls() == 0
                ? null
                : new Bowling(
                        ipl ? iplBowl : null,
                        ipl ? new Phases<>(bowlPhases.get(0), bowlPhases.get(1), bowlPhases.get(2)) : null,
                        t20Bowl);

        int recentMatches = person.recentMatches.size() + person.otherRecentMatches;
        Form form = recentMatches == 0
                ? null
                : new Form(
                        since,
                        recentMatches,
                        orNull(battingLine(person.recentInnings.size(), person.recentBat)
                                .plus(person.otherRecentBatting)),
                        orNull(bowlingLine(person.recentBowl).plus(person.otherRecentBowling)));

        Set<Integer> seasons = new HashSet<>(person.matches.values());
        Experience experience = new Experience(
                person.matches.size(),
                seasons.size(),
                seasons.stream().min(Integer::compare).orElse(null),
                seasons.stream().max(Integer::compare).orElse(null),
                person.matches.size() + person.otherMatches,
                person.t20iMatches,
                COMPETITIONS.stream().filter(person.competitions::contains).toList());

        Map<String, VenueRecord> homes = new TreeMap<>();
        person.venues.forEach((franchise, venue) -> homes.put(
                franchise.code(),
                new VenueRecord(
                        venue.matches.size(), orNull(battingLine(0, venue.bat)), orNull(bowlingLine(venue.bowl)))));

        int iplBalls = iplBat.balls() + iplBowl.balls();
        int t20Balls = t20Bat.balls() + t20Bowl.balls();
        Coverage coverage = ipl
                ? new Coverage(
                        CoverageStatus.IPL,
                        iplBalls,
                        t20Balls,
                        "IPL ball by ball, " + person.matches.size() + " matches"
                                + (person.otherMatches > 0
                                        ? "; " + person.otherMatches + " more T20 matches by season"
                                        : ""))
                : new Coverage(
                        CoverageStatus.T20_ONLY,
                        0,
                        t20Balls,
                        "no IPL match; " + person.otherMatches + " T20 matches by season ("
                                + String.join(", ", experience.competitions()) + ")");
        return new PlayerProfile(player.id(), player.name(), id, coverage, batting, bowling, form, experience, homes);
    }

    private static PlayerProfile empty(ListedPlayer player, String id, CoverageStatus status, String note) {
        return new PlayerProfile(
                player.id(),
                player.name(),
                id,
                new Coverage(status, 0, 0, note),
                null,
                null,
                null,
                Experience.NONE,
                Map.of());
    }

    /** A line with nothing in it is left out of the file. */
    private static BattingLine orNull(BattingLine line) {
        return line.balls() == 0 && line.outs() == 0 ? null : line;
    }

    private static BowlingLine orNull(BowlingLine line) {
        return line.balls() == 0 ? null : line;
    }

    private static BattingLine battingLine(int innings, long[] c) {
        return new BattingLine(innings, (int) c[0], (int) c[1], (int) c[2], (int) c[3], (int) c[4]);
    }

    private static BowlingLine bowlingLine(long[] c) {
        return new BowlingLine((int) c[0], (int) c[1], (int) c[2], (int) c[3]);
    }

    // ---- the command ----

    /**
     * {@code --cricsheet DIR} and {@code --auction DIR} (both needed; what they hold is in docs/data.md, and
     * scripts/refresh-profiles.sh finds them), {@code --cutoff YYYY-MM-DD} (default 2024-11-24), {@code --catalogue ID}
     * (default ipl2025), {@code --out FILE} (default: standard output).
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--cricsheet", "--auction", "--crosswalk", "--matches", "--cutoff", "--catalogue", "--out")
                            .contains(name)
                    || i + 1 >= args.length) {
                err.println("usage: ProfilePipeline --cricsheet DIR (--auction DIR | --crosswalk FILE --matches DIR)"
                        + " [--cutoff YYYY-MM-DD] [--catalogue ID] [--out FILE]");
                err.println("unknown option or missing value: " + name);
                return 2;
            }
            options.put(name, args[++i]);
        }
        LocalDate cutoff;
        try {
            cutoff = LocalDate.parse(options.getOrDefault("--cutoff", IPL2025_AUCTION.toString()));
        } catch (DateTimeParseException e) {
            err.println("--cutoff must be a date like 2024-11-24, not '" + options.get("--cutoff") + "'");
            return 2;
        }
        // The folders' whereabouts are the refresh script's business (one place), not a second default here.
        boolean byAuction = options.containsKey("--auction");
        boolean byCrosswalk = options.containsKey("--crosswalk") && options.containsKey("--matches");
        if (!options.containsKey("--cricsheet") || byAuction == byCrosswalk) {
            err.println("--cricsheet DIR and either --auction DIR or --crosswalk FILE with --matches DIR are needed"
                    + " (docs/data.md says what they hold; scripts/refresh-profiles.sh and"
                    + " scripts/refresh-profiles-2026.sh pass them)");
            return 2;
        }
        Path cricsheet = Path.of(options.get("--cricsheet"));
        Sources sources = byAuction
                ? new Sources(cricsheet, Path.of(options.get("--auction")))
                : Sources.withMatches(
                        cricsheet, Path.of(options.get("--crosswalk")), Path.of(options.get("--matches")));
        try {
            ProfileDocument document = build(sources, options.getOrDefault("--catalogue", "ipl2025"), cutoff);
            String json = document.toJson();
            String target = options.get("--out");
            if (target == null) {
                out.print(json);
            } else {
                Path file = Path.of(target);
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, json, StandardCharsets.UTF_8);
                out.println("wrote " + document.profiles().size() + " profiles (cut-off " + cutoff + ", "
                        + document.withData() + " with T20 data) to " + file);
            }
            return 0;
        } catch (ProfileDataException e) {
            err.println("cannot build the profiles: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("cannot build the profiles: " + e.getMessage());
            return 1;
        }
    }
}
