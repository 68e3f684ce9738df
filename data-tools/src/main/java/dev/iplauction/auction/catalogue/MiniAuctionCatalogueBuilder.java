package dev.iplauction.auction.catalogue;

import dev.iplauction.auction.catalogue.CatalogueDocument.FranchiseEntry;
import dev.iplauction.auction.catalogue.CatalogueDocument.PlayerEntry;
import dev.iplauction.auction.catalogue.CatalogueDocument.RetainedEntry;
import dev.iplauction.auction.catalogue.CatalogueDocument.RulesEntry;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds the shipped IPL 2026 catalogue ({@code catalogue/ipl2026.json}), a mini auction, from the three files of the
 * pre-auction facts: {@code auction_list.csv} (359 players with set, base price, country, capped status),
 * {@code purses.csv} (each franchise's purse and slots) and {@code retained.csv} (the squads the franchises took into
 * the auction).
 *
 * <p>Run it with {@code scripts/refresh-catalogue-2026.sh}, or as {@code MiniAuctionCatalogueBuilder --auction <dir>
 * --out <ipl2026.json>}. It exits with 1 naming the file, line and column of the first thing it cannot read, and with
 * 2 when the arguments are wrong. It also checks the files against each other: a franchise's slots must be the squad
 * limits less its retained squad, as the format requires.
 */
public final class MiniAuctionCatalogueBuilder {

    static final String ID = CatalogueRepository.IPL2026_ID;
    static final String NAME = "IPL 2026 mini auction";
    static final LocalDate AUCTION_DATE = LocalDate.of(2025, 12, 16);
    static final Lakh OVERSEAS_FEE_CAP = Lakh.of(1_800);
    static final String SOURCE = "IPL 2026 auction list as published the night before the auction, each franchise's"
            + " purse and slots, and the retained squads from the official announcements";

    private static final String USAGE =
            "usage: MiniAuctionCatalogueBuilder --auction <dir with auction_list.csv, purses.csv, retained.csv>"
                    + " --out <path/to/ipl2026.json>";

    private MiniAuctionCatalogueBuilder() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path folder = null;
        Path target = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--auction") && i + 1 < args.length) {
                folder = Path.of(args[++i]);
            } else if (args[i].equals("--out") && i + 1 < args.length) {
                target = Path.of(args[++i]);
            } else {
                err.println("mini-auction catalogue builder: unexpected argument '" + args[i] + "'");
                err.println(USAGE);
                return 2;
            }
        }
        if (folder == null || target == null) {
            err.println("mini-auction catalogue builder: both --auction and --out are needed");
            err.println(USAGE);
            return 2;
        }
        try {
            CatalogueDocument document = read(folder);
            CatalogueBuilder.write(target, document);
            out.printf(
                    "mini-auction catalogue builder: wrote %s: %d auction players, %d retained players%n",
                    target, document.players().size(), document.retained().size());
            return 0;
        } catch (SourceException e) {
            err.println("mini-auction catalogue builder: " + e.getMessage());
            return 1;
        } catch (InvalidCatalogueException e) {
            err.println("mini-auction catalogue builder: the files disagree: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("mini-auction catalogue builder: cannot write " + target + ": " + e);
            return 1;
        }
    }

    /** Reads the three files into a checked catalogue document. */
    static CatalogueDocument read(Path folder) {
        List<PlayerEntry> players = new ArrayList<>();
        Map<Integer, String> setsByNumber = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        for (Line line : lines(folder.resolve("auction_list.csv"))) {
            String id = String.valueOf(line.positive("list_serial"));
            if (!ids.add(id)) {
                throw line.problem("list_serial", id + " is on the list twice");
            }
            String set = line.required("auction_set");
            String earlier = setsByNumber.putIfAbsent(line.positive("set_number"), set);
            if (earlier != null && !earlier.equals(set)) {
                throw line.problem("set_number", "is set " + earlier + " on an earlier line, here " + set);
            }
            String category = line.required("set_category");
            players.add(new PlayerEntry(
                    id,
                    set,
                    line.required("player"),
                    line.required("country"),
                    line.yesNo("overseas"),
                    roleOfSet(line, category),
                    line.capped(),
                    line.lakh("base_price_lakh"),
                    null,
                    null,
                    null,
                    null,
                    bowlingStyleOfSet(category)));
        }
        List<RetainedEntry> retained = new ArrayList<>();
        Map<Franchise, Integer> counted = new EnumMap<>(Franchise.class);
        for (Line line : lines(folder.resolve("retained.csv"))) {
            Franchise franchise = line.franchise("franchise");
            int n = counted.merge(franchise, 1, Integer::sum);
            retained.add(new RetainedEntry(
                    "R-" + franchise.code() + "-" + n,
                    franchise,
                    line.required("player"),
                    line.required("country"),
                    line.yesNo("overseas"),
                    retainedRole(line),
                    // The squads do not say; it matters only to right-to-match caps, and this auction has no cards.
                    true,
                    line.lakh("price_lakh"),
                    null,
                    null,
                    null));
        }
        Map<Franchise, FranchiseEntry> franchises = new EnumMap<>(Franchise.class);
        for (Line line : lines(folder.resolve("purses.csv"))) {
            Franchise franchise = line.franchise("franchise");
            int squad = line.number("squad_size_before_auction");
            if (squad != counted.getOrDefault(franchise, 0)) {
                throw line.problem(
                        "squad_size_before_auction",
                        "is " + squad + ", but retained.csv lists " + counted.getOrDefault(franchise, 0));
            }
            if (franchises.put(
                            franchise,
                            new FranchiseEntry(
                                    franchise,
                                    line.lakh("purse_available_lakh"),
                                    line.number("slots_total"),
                                    line.number("slots_overseas"),
                                    0))
                    != null) {
                throw line.problem("franchise", franchise + " is listed twice");
            }
        }
        RulesEntry rules = new RulesEntry(
                SquadRules.IPL.minSquad(),
                SquadRules.IPL.maxSquad(),
                SquadRules.IPL.maxOverseas(),
                SquadRules.IPL.minBasePrice(),
                null,
                CatalogueDocument.IPL_INCREMENTS,
                false,
                OVERSEAS_FEE_CAP);
        CatalogueDocument document = new CatalogueDocument(
                CatalogueDocument.FORMAT,
                ID,
                NAME,
                AUCTION_DATE,
                SOURCE,
                rules,
                List.copyOf(setsByNumber.values()),
                List.copyOf(franchises.values()),
                retained,
                players);
        // What the house would refuse is refused here, before a file is written.
        return CatalogueDocument.read(document.toJson().getBytes(StandardCharsets.UTF_8), "the built catalogue");
    }

    /** The list has no role column: the set says it ("Uncapped Fast bowler" is a bowler). */
    private static Role roleOfSet(Line line, String category) {
        String kind = category.replaceFirst("^Uncapped ", "").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "batter" -> Role.BATTER;
            case "all-rounder" -> Role.ALL_ROUNDER;
            case "wicketkeeper" -> Role.WICKETKEEPER;
            case "fast bowler", "spinner" -> Role.BOWLER;
            default -> throw line.problem("set_category", "'" + category + "' is no set category this builder knows");
        };
    }

    /** Pace or spin, as far as the set tells it: the strategies weigh a franchise's preference with it. */
    private static String bowlingStyleOfSet(String category) {
        String kind = category.toLowerCase(Locale.ROOT);
        if (kind.endsWith("fast bowler")) {
            return "Fast";
        }
        return kind.endsWith("spinner") ? "Spin" : null;
    }

    private static Role retainedRole(Line line) {
        return switch (line.required("role").toLowerCase(Locale.ROOT)) {
            case "batter" -> Role.BATTER;
            case "wk-batter", "wicketkeeper" -> Role.WICKETKEEPER;
            case "allrounder", "all-rounder" -> Role.ALL_ROUNDER;
            case "bowler" -> Role.BOWLER;
            default -> throw line.problem("role", "'" + line.required("role") + "' is no role this builder knows");
        };
    }

    private static List<Line> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SourceException(file + ": no such file");
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        List<Line> lines = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = format.parse(in);
            Map<String, Integer> header = new LinkedHashMap<>(parser.getHeaderMap());
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new SourceException(file + ": line " + parser.getCurrentLineNumber() + " has " + record.size()
                            + " fields, the header has " + header.size());
                }
                lines.add(new Line(file, record, header.keySet()));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new SourceException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            throw new SourceException(file + ": has no rows under its header");
        }
        return lines;
    }

    /** A file cannot be made into the catalogue; the message names the file, line and column. */
    static final class SourceException extends RuntimeException {
        SourceException(String message) {
            super(message);
        }
    }

    /** One row by column name; each reader names the file, line and column when a value is wrong. */
    private record Line(Path file, CSVRecord record, Set<String> columns) {

        String required(String column) {
            if (!columns.contains(column)) {
                throw new SourceException(file + ": the header has no column " + column + " (it has " + columns + ")");
            }
            String value = record.get(column);
            if (value == null || value.isBlank()) {
                throw problem(column, "is empty");
            }
            return value;
        }

        int number(String column) {
            String value = required(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw problem(column, "'" + value + "' is not a whole number");
            }
        }

        int positive(String column) {
            int value = number(column);
            if (value < 1) {
                throw problem(column, "must be 1 or more, got " + value);
            }
            return value;
        }

        Lakh lakh(String column) {
            int value = number(column);
            if (value < 0) {
                throw problem(column, "cannot be negative, got " + value);
            }
            return Lakh.of(value);
        }

        boolean yesNo(String column) {
            return switch (required(column).toLowerCase(Locale.ROOT)) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw problem(column, "must be yes or no, got '" + record.get(column) + "'");
            };
        }

        boolean capped() {
            return switch (required("capped_status").toLowerCase(Locale.ROOT)) {
                case "capped" -> true;
                case "uncapped", "associate" -> false;
                default ->
                    throw problem(
                            "capped_status",
                            "must be Capped, Uncapped or Associate, got '" + record.get("capped_status") + "'");
            };
        }

        Franchise franchise(String column) {
            String value = required(column);
            return Franchise.fromCode(value).orElseThrow(() -> problem(column, "'" + value + "' is no IPL franchise"));
        }

        SourceException problem(String column, String what) {
            // The record number counts data rows from 1; the header is line 1 and no value spans lines in these files.
            return new SourceException(
                    file + ": line " + (record.getRecordNumber() + 1) + ", column " + column + ": " + what);
        }
    }
}
