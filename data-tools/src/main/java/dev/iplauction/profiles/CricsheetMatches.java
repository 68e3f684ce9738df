package dev.iplauction.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Cricsheet's own match files (JSON, {@code data_version} 1.x, one match a file, as in Cricsheet's downloads:
 * {@code <match_id>.json}, here also gzipped) from a folder and its subfolders, with Jackson. Only men's T20 matches
 * (club or international) played before the cut-off are handed on, each once: a match id seen in an earlier file
 * (two downloads that overlap) is skipped. Players are named by their Cricsheet person id from the file's {@code
 * info.registry.people}, the ids the rest of the data uses.
 */
final class CricsheetMatches {

    /** A match file larger than this is refused: Cricsheet's biggest T20 file is well under 1 MB. */
    static final long MAX_FILE_BYTES = 8L << 20;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CricsheetMatches() {}

    /**
     * One match, as much of it as a profile needs.
     *
     * @param id Cricsheet's match id (the file's name)
     * @param competition the project's short code: IPL, T20I, BBL, CPL, PSL, SA20, ILT20, BPL, SUPER_SMASH, SMAT,
     *     or OTHER for another club event
     * @param season the season's first year ("2024/25" is 2024); for T20 internationals the calendar year
     * @param teams the team of everyone in the playing squads (XI and substitutes), by person id
     */
    record Match(
            String id,
            LocalDate date,
            String competition,
            int season,
            String venue,
            Map<String, String> teams,
            List<Delivery> deliveries) {

        Set<String> players() {
            return teams.keySet();
        }
    }

    /**
     * One ball, with person ids.
     *
     * @param innings 1-based, counting super-over innings
     * @param over 0-based, as Cricsheet numbers them
     * @param playerOut the id of the one dismissed on this ball, or "" (a second dismissal on one ball is kept too)
     */
    record Delivery(
            int innings,
            boolean superOver,
            int over,
            String batter,
            String nonStriker,
            String bowler,
            int runsBatter,
            int wides,
            int noBalls,
            List<Wicket> wickets) {

        boolean legal() {
            return wides == 0 && noBalls == 0;
        }
    }

    record Wicket(String kind, String playerOut) {}

    /** The project's code for a match's competition, from its event name and team type. */
    static String competition(String event, String teamType) {
        if ("international".equals(teamType)) {
            return "T20I";
        }
        String name = event == null ? "" : event;
        return switch (name) {
            case "Indian Premier League" -> "IPL";
            case "Big Bash League" -> "BBL";
            case "Caribbean Premier League" -> "CPL";
            case "Pakistan Super League" -> "PSL";
            case "SA20" -> "SA20";
            case "International League T20" -> "ILT20";
            case "Bangladesh Premier League" -> "BPL";
            case "Super Smash" -> "SUPER_SMASH";
            case "Syed Mushtaq Ali Trophy" -> "SMAT";
            default -> "OTHER";
        };
    }

    /**
     * Hands every men's T20 match in the folder (and below) dated before the cut-off to the consumer, once per match
     * id, in file-name order so that a run is repeatable. Matches of another type (Tests, ODIs, women's, The Hundred's
     * 100-ball games) are skipped; a file that is not a readable match is refused, naming it.
     */
    static void forEach(Path folder, LocalDate cutoff, Consumer<Match> consumer) {
        if (!Files.isDirectory(folder)) {
            throw new ProfileDataException("no folder of Cricsheet match files at " + folder);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".json") || name.endsWith(".json.gz");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            Match match = read(file);
            if (match == null || !match.date().isBefore(cutoff) || !seen.add(match.id())) {
                continue;
            }
            consumer.accept(match);
        }
    }

    /** One file's match, or null when it is not a men's T20 match. */
    static Match read(Path file) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.indexOf(".json"));
        JsonNode root;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ProfileDataException(file + ": larger than " + MAX_FILE_BYTES + " bytes, not a match file");
            }
            try (InputStream raw = Files.newInputStream(file);
                    InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
                root = MAPPER.readTree(in);
            }
        } catch (IOException e) {
            throw new ProfileDataException(file + ": cannot read it (" + e.getMessage() + ")");
        } catch (JacksonException e) {
            throw new ProfileDataException(file + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode info = root.path("info");
        if (!info.isObject() || !root.path("innings").isArray()) {
            throw new ProfileDataException(file + ": not a Cricsheet match file (no info or innings)");
        }
        String type = info.path("match_type").asString("");
        if (!(type.equals("T20") || type.equals("IT20"))
                || !"male".equals(info.path("gender").asString(""))) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(info.path("dates").path(0).asString(""));
        } catch (DateTimeParseException e) {
            throw new ProfileDataException(file + ": info.dates[0] should be YYYY-MM-DD, not '"
                    + info.path("dates").path(0).asString("") + "'");
        }
        String competition = competition(
                info.path("event").path("name").asString(""),
                info.path("team_type").asString(""));
        int season = competition.equals("T20I") ? date.getYear() : season(file, info.path("season"), date);

        Map<String, String> registry = new LinkedHashMap<>();
        info.path("registry")
                .path("people")
                .properties()
                .forEach(e -> registry.put(e.getKey(), e.getValue().asString("")));
        Map<String, String> teams = new LinkedHashMap<>();
        info.path("players")
                .properties()
                .forEach(team -> team.getValue()
                        .forEach(player -> teams.put(person(file, registry, player.asString("")), team.getKey())));

        List<Delivery> deliveries = new ArrayList<>();
        int inningsNumber = 0;
        for (JsonNode innings : root.path("innings")) {
            inningsNumber++;
            boolean superOver = innings.path("super_over").asBoolean(false);
            for (JsonNode over : innings.path("overs")) {
                int overNumber = over.path("over").asInt(-1);
                if (overNumber < 0) {
                    throw new ProfileDataException(
                            file + ": innings " + inningsNumber + " has an over without" + " its number");
                }
                for (JsonNode ball : over.path("deliveries")) {
                    List<Wicket> wickets = new ArrayList<>();
                    for (JsonNode wicket : ball.path("wickets")) {
                        wickets.add(new Wicket(
                                wicket.path("kind").asString(""),
                                person(file, registry, wicket.path("player_out").asString(""))));
                    }
                    JsonNode extras = ball.path("extras");
                    deliveries.add(new Delivery(
                            inningsNumber,
                            superOver,
                            overNumber,
                            person(file, registry, ball.path("batter").asString("")),
                            person(file, registry, ball.path("non_striker").asString("")),
                            person(file, registry, ball.path("bowler").asString("")),
                            ball.path("runs").path("batter").asInt(0),
                            extras.path("wides").asInt(0),
                            extras.path("noballs").asInt(0),
                            List.copyOf(wickets)));
                }
            }
        }
        return new Match(id, date, competition, season, info.path("venue").asString(""), Map.copyOf(teams), deliveries);
    }

    /** "2024/25" and "2025" alike: the first year. */
    private static int season(Path file, JsonNode season, LocalDate date) {
        String text = season.isMissingNode() ? "" : season.asString("");
        if (text.length() >= 4 && text.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text.substring(0, 4));
        }
        if (text.isEmpty()) {
            return date.getYear();
        }
        throw new ProfileDataException(file + ": info.season should start with a year, not '" + text + "'");
    }

    /** The person id of a name in the file; a name the file's registry does not know is refused. */
    private static String person(Path file, Map<String, String> registry, String name) {
        if (name.isEmpty()) {
            throw new ProfileDataException(file + ": a delivery or squad names nobody");
        }
        String id = registry.get(name);
        if (id == null || id.isBlank()) {
            throw new ProfileDataException(
                    file + ": '" + name + "' has no person id in info.registry.people (Cricsheet format 1.1 has one)");
        }
        return id;
    }
}
