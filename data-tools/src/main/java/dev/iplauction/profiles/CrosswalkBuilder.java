package dev.iplauction.profiles;

import dev.iplauction.auction.catalogue.Catalogue;
import dev.iplauction.auction.catalogue.CatalogueRepository;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a catalogue's players (retained and in the auction) to Cricsheet person ids, for an auction that has no
 * crosswalk of its own (IPL 2026). The rules, tried in this order, the first that finds anyone deciding:
 *
 * <ol>
 *   <li>{@link Rule#PREVIOUS_CROSSWALK}: the name is on an earlier auction's crosswalk (2025's, matched by hand and by
 *       Cricsheet's keys) with an id: that id (every id, for a name two players of that list shared);
 *   <li>{@link Rule#CRICSHEET_NAME}: the name is one Cricsheet gives a person, in {@code people.csv} (its short and
 *       unique names) or {@code names.csv} (the alternative names, such as "Virat Kohli"): every such person, at most
 *       {@link #MOST_CANDIDATES};
 *   <li>{@link Rule#CLOSE_NAME}: the name is close to one of those names of a person on the earlier crosswalk or active
 *       in the match files: the same words in another order, the same words less a middle name or with an initial for
 *       a word ("Rasikh Dar Salam" and "Rasikh Dar", "R Sai Kishore"), or a spelling one or two letters apart that
 *       starts alike ("Sai Sudharsan" and "Sai Sudarsan"): at most two people;
 *   <li>{@link Rule#INITIAL_AND_SURNAME}: the first name's initial and the surname fit the short name ("JL Smith" for
 *       Jamie Smith) of exactly one person who played in the match files before the cut-off: weaker, so only one
 *       active person may fit;
 *   <li>{@link Rule#UNMATCHED}: none of these: no Cricsheet id, and the valuation prices him from the list alone.
 * </ol>
 *
 * Several candidates are left for the profile pipeline to resolve (a candidate with data, never by T20
 * internationals for an uncapped player); names are compared without case, accents, dots or hyphens.
 */
public final class CrosswalkBuilder {

    /** The columns of the crosswalk the builder writes and {@link ProfilePipeline} reads. */
    static final List<String> COLUMNS = List.of("id", "name", "country", "capped", "cricsheet_id", "rule");

    /** A T20 international's team where the data does not say which. */
    private static final String SOME_COUNTRY = "?";

    /** A name more people share than this is no match at all. */
    static final int MOST_CANDIDATES = 4;

    public enum Rule {
        PREVIOUS_CROSSWALK("previous-crosswalk"),
        CRICSHEET_NAME("cricsheet-name"),
        CLOSE_NAME("close-name"),
        INITIAL_AND_SURNAME("initial-and-surname"),
        UNMATCHED("unmatched");

        final String label;

        Rule(String label) {
            this.label = label;
        }
    }

    /** One catalogue player and what he was matched to. */
    record Row(String id, String name, String country, boolean capped, List<String> candidates, Rule rule) {}

    /** What the matching found. */
    record Result(List<Row> rows) {

        Map<Rule, Integer> counts() {
            Map<Rule, Integer> counts = new EnumMap<>(Rule.class);
            for (Rule rule : Rule.values()) {
                counts.put(rule, 0);
            }
            rows.forEach(row -> counts.merge(row.rule(), 1, Integer::sum));
            return counts;
        }

        List<Row> unmatched() {
            return rows.stream().filter(r -> r.rule() == Rule.UNMATCHED).toList();
        }

        String toCsv() {
            StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
            for (Row row : rows) {
                csv.append(String.join(
                                ",",
                                quote(row.id()),
                                quote(row.name()),
                                quote(row.country()),
                                Boolean.toString(row.capped()),
                                String.join(";", row.candidates()),
                                row.rule().label))
                        .append('\n');
            }
            return csv.toString();
        }

        String summary() {
            StringBuilder text = new StringBuilder();
            Map<Rule, Integer> counts = counts();
            int matched = rows.size() - counts.get(Rule.UNMATCHED);
            text.append(matched).append(" of ").append(rows.size()).append(" players matched to Cricsheet: ");
            List<String> parts = new ArrayList<>();
            for (Rule rule : Rule.values()) {
                if (rule != Rule.UNMATCHED) {
                    parts.add(counts.get(rule) + " by " + rule.label);
                }
            }
            text.append(String.join(", ", parts));
            long several = rows.stream().filter(r -> r.candidates().size() > 1).count();
            text.append(" (").append(several).append(" with several candidates)\n");
            text.append(counts.get(Rule.UNMATCHED)).append(" unmatched:");
            unmatched()
                    .forEach(r -> text.append("\n  ")
                            .append(r.id())
                            .append(' ')
                            .append(r.name())
                            .append(" (")
                            .append(r.country())
                            .append(r.capped() ? ", capped" : ", uncapped")
                            .append(')'));
            return text.append('\n').toString();
        }
    }

    /**
     * Where the facts are.
     *
     * @param previousCrosswalk an earlier auction's crosswalk with {@code name} and {@code cricsheet_id} columns
     * @param cricsheet the folder with Cricsheet's {@code people.csv} and {@code names.csv}, and the season table
     *     (whose T20 internationals rule out a candidate for an uncapped player)
     * @param matches a folder of Cricsheet match files, for the third rule; may be null
     */
    record Sources(Path previousCrosswalk, Path cricsheet, Path matches) {}

    private CrosswalkBuilder() {}

    static Result build(Catalogue catalogue, Sources sources, LocalDate cutoff) {
        Map<String, Set<String>> previous = new HashMap<>();
        CsvStream.forEach(sources.previousCrosswalk(), List.of("name", "cricsheet_id"), row -> {
            for (String id : row.get("cricsheet_id").split(";")) {
                if (!id.isBlank()) {
                    previous.computeIfAbsent(key(row.get("name")), k -> new TreeSet<>())
                            .add(id.strip());
                }
            }
        });
        Map<String, Set<String>> names = new HashMap<>();
        Map<String, Set<String>> namesOf = new HashMap<>();
        Map<String, String> shortNames = new HashMap<>();
        CsvStream.forEach(
                sources.cricsheet().resolve("people.csv"), List.of("identifier", "name", "unique_name"), row -> {
                    String id = row.get("identifier").strip();
                    shortNames.put(id, row.get("name").strip());
                    for (String name : List.of(key(row.get("name")), key(row.get("unique_name")))) {
                        names.computeIfAbsent(name, k -> new TreeSet<>()).add(id);
                        namesOf.computeIfAbsent(id, k -> new TreeSet<>()).add(name);
                    }
                });
        CsvStream.forEach(sources.cricsheet().resolve("names.csv"), List.of("identifier", "name"), row -> {
            String id = row.get("identifier").strip();
            names.computeIfAbsent(key(row.get("name")), k -> new TreeSet<>()).add(id);
            namesOf.computeIfAbsent(id, k -> new TreeSet<>()).add(key(row.get("name")));
        });
        Set<String> active = new HashSet<>();
        Map<String, Set<String>> internationalTeams = new HashMap<>();
        // T20 internationals before the match files, for which the season table has no team: "a country".
        CsvStream.forEach(
                sources.cricsheet().resolve(ProfilePipeline.SEASONS), List.of("cricsheet_id", "competition"), row -> {
                    if (row.get("competition").strip().equals("T20I")) {
                        internationalTeams
                                .computeIfAbsent(row.get("cricsheet_id").strip(), k -> new HashSet<>())
                                .add(SOME_COUNTRY);
                    }
                });
        if (sources.matches() != null) {
            CricsheetMatches.forEach(sources.matches(), cutoff, match -> {
                active.addAll(match.players());
                if (match.competition().equals("T20I")) {
                    match.teams()
                            .forEach((id, team) -> internationalTeams
                                    .computeIfAbsent(id, k -> new HashSet<>())
                                    .add(key(team)));
                }
            });
        }
        // Short names of people active before the cut-off, by surname.
        Map<String, List<String>> activeBySurname = new HashMap<>();
        for (String id : active) {
            String shortName = shortNames.get(id);
            if (shortName != null) {
                activeBySurname
                        .computeIfAbsent(surname(key(shortName)), k -> new ArrayList<>())
                        .add(id);
            }
        }

        // The names close matching compares with: the earlier list's, and Cricsheet's for its people and the active.
        Map<String, Set<String>> closeNames = new HashMap<>();
        previous.forEach((name, ids) ->
                closeNames.computeIfAbsent(name, k -> new TreeSet<>()).addAll(ids));
        Set<String> relevant = new HashSet<>(active);
        previous.values().forEach(relevant::addAll);
        for (String id : relevant) {
            for (String name : namesOf.getOrDefault(id, Set.of())) {
                closeNames.computeIfAbsent(name, k -> new TreeSet<>()).add(id);
            }
        }

        List<Row> rows = new ArrayList<>();
        for (Player player : players(catalogue)) {
            String name = key(player.name());
            Set<String> found = previous.get(name);
            Rule rule = Rule.PREVIOUS_CROSSWALK;
            if (found == null) {
                found = names.get(name);
                rule = Rule.CRICSHEET_NAME;
                if (found != null && found.size() > MOST_CANDIDATES) {
                    found = null;
                }
            }
            if (found == null) {
                found = byCloseName(player, closeNames, internationalTeams);
                rule = Rule.CLOSE_NAME;
            }
            if (found == null) {
                found = byInitialAndSurname(player, activeBySurname, shortNames, internationalTeams);
                rule = Rule.INITIAL_AND_SURNAME;
            }
            if (found == null) {
                found = Set.of();
                rule = Rule.UNMATCHED;
            }
            rows.add(new Row(player.id(), player.name(), player.country(), player.capped(), List.copyOf(found), rule));
        }
        return new Result(List.copyOf(rows));
    }

    /** The retained players franchise by franchise, then the auction's, as the catalogue lists them. */
    static List<Player> players(Catalogue catalogue) {
        List<Player> players = new ArrayList<>();
        for (FranchiseSetup franchise : catalogue.franchises()) {
            franchise.retained().stream().map(SquadPlayer::player).forEach(players::add);
        }
        players.addAll(catalogue.players());
        return players;
    }

    /**
     * The one active person whose short name is initials and this name's surname ("JL Smith" for Jamie Smith), the
     * first initial his first name's, or null. An uncapped player cannot be one who played T20 internationals; a capped
     * one who played them did so for his country.
     */
    private static Set<String> byInitialAndSurname(
            Player player,
            Map<String, List<String>> activeBySurname,
            Map<String, String> shortNames,
            Map<String, Set<String>> internationalTeams) {
        String[] words = key(player.name()).split(" ");
        if (words.length < 2) {
            return null;
        }
        char initial = words[0].charAt(0);
        List<String> fitting = activeBySurname.getOrDefault(words[words.length - 1], List.of()).stream()
                .filter(id -> {
                    String[] shortWords = shortNames.get(id).strip().split("\\s+");
                    return shortWords.length == 2
                            && shortWords[0].matches("\\p{Lu}{1,4}")
                            && Character.toLowerCase(shortWords[0].charAt(0)) == initial;
                })
                .filter(id -> fits(player, internationalTeams.getOrDefault(id, Set.of())))
                .toList();
        return fitting.size() == 1 ? Set.of(fitting.getFirst()) : null;
    }

    /** The people (at most two) with a name close to his, who may be him by what they played; or null. */
    private static Set<String> byCloseName(
            Player player, Map<String, Set<String>> closeNames, Map<String, Set<String>> internationalTeams) {
        String name = key(player.name());
        Set<String> found = new TreeSet<>();
        closeNames.forEach((other, ids) -> {
            if (close(name, other)) {
                ids.stream()
                        .filter(id -> fits(player, internationalTeams.getOrDefault(id, Set.of())))
                        .forEach(found::add);
            }
        });
        return found.isEmpty() || found.size() > 2 ? null : found;
    }

    /** Whether two different names (keys) may be one person's: see {@link Rule#CLOSE_NAME}. */
    static boolean close(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        if (x.length < 2 || y.length < 2) {
            return false;
        }
        String squashedA = a.replace(" ", "");
        String squashedB = b.replace(" ", "");
        // A misspelling, not another man of the same surname: "Adarsh Singh" is not "Akash Singh".
        if (squashedA.length() >= 10
                && squashedB.length() >= 10
                && squashedA.regionMatches(0, squashedB, 0, 3)
                && distance(squashedA, squashedB, 2) <= 2) {
            return true;
        }
        String[] shorter = x.length <= y.length ? x : y;
        String[] longer = x.length <= y.length ? y : x;
        return wordsWithin(shorter, longer);
    }

    /**
     * Every word of the shorter name is a different word of the longer one, or its initial; at least two are whole
     * words, and the longer name's first or last word is among them.
     */
    private static boolean wordsWithin(String[] shorter, String[] longer) {
        boolean[] used = new boolean[longer.length];
        int whole = 0;
        for (String word : shorter) {
            int match = -1;
            for (int i = 0; i < longer.length && match < 0; i++) {
                if (!used[i] && longer[i].equals(word)) {
                    match = i;
                    whole++;
                }
            }
            for (int i = 0; i < longer.length && match < 0; i++) {
                if (!used[i] && word.length() == 1 && longer[i].charAt(0) == word.charAt(0)) {
                    match = i;
                }
            }
            if (match < 0) {
                return false;
            }
            used[match] = true;
        }
        return whole >= 2 && (used[0] || used[longer.length - 1]);
    }

    /** Levenshtein distance, or {@code limit + 1} as soon as it must be more than the limit. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int best = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.min(best, current[j]);
            }
            if (best > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** An uncapped player has played no T20 international; a capped one who has, played them for his country. */
    private static boolean fits(Player player, Set<String> teams) {
        String country = player.country() == null ? "" : key(player.country());
        return player.capped()
                ? teams.isEmpty() || teams.contains(country) || teams.equals(Set.of(SOME_COUNTRY))
                : teams.isEmpty();
    }

    private static String surname(String key) {
        return key.substring(key.lastIndexOf(' ') + 1);
    }

    /** Lower case, no accents, dots or hyphens, single spaces: "N. Wadhera" and "N Wadhera" are one name. */
    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT)
                .replaceAll("[.\\-']", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String quote(String field) {
        if (field == null) {
            return "";
        }
        return field.contains(",") || field.contains("\"") ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    // ---- the command ----

    /**
     * {@code --catalogue ID|FILE --previous FILE --cricsheet DIR [--matches DIR] [--cutoff YYYY-MM-DD] --out FILE}:
     * writes the crosswalk and prints how many matched, by which rule, and who did not.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> known = List.of("--catalogue", "--previous", "--cricsheet", "--matches", "--cutoff", "--out");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!known.contains(args[i]) || i + 1 >= args.length) {
                err.println("usage: CrosswalkBuilder --catalogue ID|FILE --previous FILE --cricsheet DIR"
                        + " [--matches DIR] [--cutoff YYYY-MM-DD] --out FILE");
                err.println("unknown option or missing value: " + args[i]);
                return 2;
            }
            options.put(args[i], args[++i]);
        }
        for (String needed : List.of("--catalogue", "--previous", "--cricsheet", "--out")) {
            if (!options.containsKey(needed)) {
                err.println(needed + " is needed (docs/data.md says what it is; scripts/refresh-profiles-2026.sh"
                        + " passes it)");
                return 2;
            }
        }
        try {
            Catalogue catalogue = CatalogueRepository.fromClasspath().resolve(options.get("--catalogue"));
            LocalDate cutoff = catalogue.auctionDate();
            if (options.containsKey("--cutoff")) {
                cutoff = LocalDate.parse(options.get("--cutoff"));
            }
            Sources sources = new Sources(
                    Path.of(options.get("--previous")),
                    Path.of(options.get("--cricsheet")),
                    options.containsKey("--matches") ? Path.of(options.get("--matches")) : null);
            Result result = build(catalogue, sources, cutoff);
            Path file = Path.of(options.get("--out"));
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, result.toCsv(), StandardCharsets.UTF_8);
            out.print(result.summary());
            out.println("wrote " + result.rows().size() + " rows to " + file);
            return 0;
        } catch (DateTimeParseException e) {
            err.println("--cutoff must be a date like 2025-12-16, not '" + options.get("--cutoff") + "'");
            return 2;
        } catch (ProfileDataException | IllegalArgumentException e) {
            err.println("cannot build the crosswalk: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("cannot build the crosswalk: " + e.getMessage());
            return 1;
        }
    }
}
