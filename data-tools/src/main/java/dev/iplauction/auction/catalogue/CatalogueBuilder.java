package dev.iplauction.auction.catalogue;

import dev.iplauction.auction.catalogue.AuctionListCsv.MalformedCsvException;
import dev.iplauction.auction.catalogue.AuctionListCsv.Row;
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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the shipped IPL 2025 catalogue ({@code catalogue/ipl2025.json}) from the auction list: the 46 retained
 * players and the 574 players of the IPL 2025 mega auction as the IPL published them, one CSV row each.
 *
 * <p>Run it with {@code scripts/refresh-catalogue.sh}, or as {@code CatalogueBuilder --auction-list
 * <auction_list.csv> --out <ipl2025.json>}. It exits with 1 and says which line and what is wrong when the list cannot
 * be read, and with 2 when the arguments are wrong.
 */
public final class CatalogueBuilder {

    static final String ID = CatalogueRepository.IPL2025_ID;
    static final String NAME = "IPL 2025 mega auction";
    static final LocalDate AUCTION_DATE = LocalDate.of(2024, 11, 24);
    static final Lakh STARTING_PURSE = Lakh.of(12_000);
    static final int RTM_CARDS_BEFORE_RETENTIONS = 6;
    static final String SOURCE = "IPL 2025 auction list as published by the IPL / BCCI: retained players and the"
            + " players of the mega auction";

    /** The columns the builder reads; any others (such as age_est or set_no) are ignored. */
    static final List<String> COLUMNS = List.of(
            "list_sr_no",
            "set_code",
            "name",
            "country",
            "age",
            "specialism",
            "batting_hand",
            "bowling_style",
            "team_2024",
            "ipl_2024_caps",
            "capped_status",
            "base_or_retention_price_lakh",
            "is_retained");

    private static final String USAGE =
            "usage: CatalogueBuilder --auction-list <path/to/auction_list.csv> --out <path/to/ipl2025.json>";

    private CatalogueBuilder() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** What {@link #main} does, with its output and exit status in hand: 0 done, 1 a bad auction list, 2 bad usage. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path auctionList = null;
        Path target = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--auction-list") || arg.equals("--out")) && i + 1 < args.length) {
                Path value = Path.of(args[++i]);
                if (arg.equals("--auction-list")) {
                    auctionList = value;
                } else {
                    target = value;
                }
            } else {
                err.println("catalogue builder: unexpected argument '" + arg + "'");
                err.println(USAGE);
                return 2;
            }
        }
        if (auctionList == null || target == null) {
            err.println("catalogue builder: both --auction-list and --out are needed");
            err.println(USAGE);
            return 2;
        }
        try {
            CatalogueDocument document = read(auctionList);
            write(target, document);
            out.printf(
                    "catalogue builder: wrote %s: %d auction players, %d retained players%n",
                    target, document.players().size(), document.retained().size());
            // The quick pool is derived from this list, so it is rewritten with it, beside it.
            Path quick = target.resolveSibling(QuickCatalogue.ID + ".json");
            CatalogueDocument quickDocument = QuickCatalogue.from(document);
            Files.writeString(quick, quickDocument.toJson(), StandardCharsets.UTF_8);
            out.printf(
                    "catalogue builder: wrote %s: %d players%n",
                    quick, quickDocument.players().size());
            return 0;
        } catch (AuctionListException e) {
            err.println("catalogue builder: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("catalogue builder: cannot write " + target + ": " + e);
            return 1;
        }
    }

    /**
     * Reads an auction list into the catalogue document.
     *
     * @throws AuctionListException naming the file, and the line where there is one, for a missing or unreadable
     *     file, a missing column or a row that cannot be read
     */
    static CatalogueDocument read(Path auctionList) {
        if (!Files.isRegularFile(auctionList)) {
            throw new AuctionListException(auctionList, "no such file");
        }
        List<Row> rows;
        try (Reader in = Files.newBufferedReader(auctionList, StandardCharsets.UTF_8)) {
            rows = AuctionListCsv.read(in);
        } catch (MalformedCsvException e) {
            throw new AuctionListException(auctionList, e.getMessage());
        } catch (CharacterCodingException e) {
            throw new AuctionListException(auctionList, "not UTF-8 text (" + e + ")");
        } catch (IOException e) {
            throw new AuctionListException(auctionList, "cannot be read (" + e + ")");
        }
        if (rows.isEmpty()) {
            throw new AuctionListException(auctionList, "is empty: the first line must name the columns");
        }
        return new Rows(auctionList, rows).document();
    }

    /** The auction list cannot be turned into a catalogue; the message says where and why. */
    static final class AuctionListException extends RuntimeException {

        AuctionListException(Path file, String problem) {
            super("auction list " + file + ": " + problem);
        }
    }

    /** The rows of one auction list, read into the document. */
    private static final class Rows {

        private final Path file;
        private final List<Row> rows;
        private final Map<String, Integer> columns = new HashMap<>();

        Rows(Path file, List<Row> rows) {
            this.file = file;
            this.rows = rows;
            List<String> header = rows.getFirst().fields();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            List<String> missing =
                    COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new AuctionListException(
                        file,
                        "line " + rows.getFirst().line() + ": the header has no column " + String.join(", ", missing)
                                + " (it has " + String.join(", ", header) + ")");
            }
        }

        CatalogueDocument document() {
            int width = rows.getFirst().fields().size();
            List<PlayerEntry> players = new ArrayList<>();
            List<RetainedEntry> retained = new ArrayList<>();
            Map<Franchise, Integer> retainedCount = new EnumMap<>(Franchise.class);
            Map<Franchise, Integer> retainedOverseas = new EnumMap<>(Franchise.class);
            Map<Franchise, Lakh> retentions = new EnumMap<>(Franchise.class);
            Set<String> ids = new HashSet<>();
            for (Row row : rows.subList(1, rows.size())) {
                if (row.fields().size() != width) {
                    throw problem(row, "has " + row.fields().size() + " fields, the header has " + width);
                }
                Fields fields = new Fields(row);
                if (fields.flag("is_retained")) {
                    Franchise franchise = fields.franchise("team_2024");
                    if (franchise == null) {
                        throw problem(row, "a retained player needs the franchise that kept him in team_2024");
                    }
                    int n = retainedCount.merge(franchise, 1, Integer::sum);
                    Lakh price = fields.lakh("base_or_retention_price_lakh", 0);
                    retentions.merge(franchise, price, Lakh::plus);
                    String country = fields.required("country");
                    retainedOverseas.merge(franchise, overseas(country) ? 1 : 0, Integer::sum);
                    retained.add(new RetainedEntry(
                            "R-" + franchise.code() + "-" + n,
                            franchise,
                            fields.required("name"),
                            country,
                            overseas(country),
                            fields.role(),
                            fields.capped(),
                            price,
                            fields.number("age"),
                            fields.optional("batting_hand"),
                            fields.optional("bowling_style")));
                } else {
                    String id = String.valueOf(fields.positive("list_sr_no"));
                    if (!ids.add(id)) {
                        throw problem(row, "list_sr_no " + id + " is on the list twice");
                    }
                    String country = fields.required("country");
                    players.add(new PlayerEntry(
                            id,
                            fields.required("set_code"),
                            fields.required("name"),
                            country,
                            overseas(country),
                            fields.role(),
                            fields.capped(),
                            fields.lakh("base_or_retention_price_lakh", 1),
                            fields.franchise("team_2024"),
                            fields.number("ipl_2024_caps"),
                            fields.number("age"),
                            fields.optional("batting_hand"),
                            fields.optional("bowling_style")));
                }
            }
            List<FranchiseEntry> franchises = new ArrayList<>();
            for (Franchise franchise : Franchise.values()) {
                Lakh spent = retentions.getOrDefault(franchise, Lakh.ZERO);
                if (spent.isMoreThan(STARTING_PURSE)) {
                    throw new AuctionListException(
                            file,
                            franchise + "'s retentions add up to " + spent.value() + " lakh, more than the "
                                    + STARTING_PURSE.value() + " lakh purse");
                }
                int cards = Math.max(0, RTM_CARDS_BEFORE_RETENTIONS - retainedCount.getOrDefault(franchise, 0));
                franchises.add(new FranchiseEntry(
                        franchise,
                        STARTING_PURSE.minus(spent),
                        SquadRules.IPL.maxSquad() - retainedCount.getOrDefault(franchise, 0),
                        SquadRules.IPL.maxOverseas() - retainedOverseas.getOrDefault(franchise, 0),
                        cards));
            }
            RulesEntry rules = new RulesEntry(
                    SquadRules.IPL.minSquad(),
                    SquadRules.IPL.maxSquad(),
                    SquadRules.IPL.maxOverseas(),
                    SquadRules.IPL.minBasePrice(),
                    STARTING_PURSE,
                    CatalogueDocument.IPL_INCREMENTS,
                    true,
                    null);
            List<String> sets = LotOrder.standardSetOrder(
                    players.stream().map(PlayerEntry::toPlayer).toList());
            return new CatalogueDocument(
                    CatalogueDocument.FORMAT,
                    ID,
                    NAME,
                    AUCTION_DATE,
                    SOURCE,
                    rules,
                    sets,
                    franchises,
                    retained,
                    players);
        }

        private static boolean overseas(String country) {
            return !country.equalsIgnoreCase("India");
        }

        private AuctionListException problem(Row row, String what) {
            return new AuctionListException(file, "line " + row.line() + ": " + what);
        }

        /** One row's values by column name, trimmed; each reader names the line and column when a value is wrong. */
        private final class Fields {

            private final Row row;

            Fields(Row row) {
                this.row = row;
            }

            String optional(String column) {
                String value = row.fields().get(columns.get(column)).trim();
                return value.isEmpty() ? null : value;
            }

            String required(String column) {
                String value = optional(column);
                if (value == null) {
                    throw problem(row, column + " is blank");
                }
                return value;
            }

            Integer number(String column) {
                String value = optional(column);
                if (value == null) {
                    return null;
                }
                try {
                    int number = Integer.parseInt(value);
                    if (number < 0) {
                        throw problem(row, column + " '" + value + "' is negative");
                    }
                    return number;
                } catch (NumberFormatException e) {
                    throw problem(row, column + " '" + value + "' is not a whole number");
                }
            }

            int positive(String column) {
                Integer number = number(column);
                if (number == null || number < 1) {
                    throw problem(row, column + " must be a whole number from 1, got '" + optionalText(column) + "'");
                }
                return number;
            }

            Lakh lakh(String column, int least) {
                String value = optional(column);
                if (value == null) {
                    throw problem(row, column + " is blank");
                }
                int amount;
                try {
                    amount = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw problem(row, column + " '" + value + "' is not a whole number of lakh");
                }
                if (amount < least) {
                    throw problem(row, column + " '" + value + "' is below " + least + " lakh");
                }
                return Lakh.of(amount);
            }

            boolean flag(String column) {
                String value = optionalText(column);
                return switch (value) {
                    case "1" -> true;
                    case "0" -> false;
                    default -> throw problem(row, column + " must be 1 or 0, got '" + value + "'");
                };
            }

            Franchise franchise(String column) {
                String value = optional(column);
                if (value == null) {
                    return null;
                }
                return Franchise.fromCode(value)
                        .orElseThrow(() -> problem(row, column + " '" + value + "' is not one of the ten franchises"));
            }

            Role role() {
                String value = optionalText("specialism");
                return switch (value.toUpperCase(Locale.ROOT)) {
                    case "BATTER" -> Role.BATTER;
                    case "BOWLER" -> Role.BOWLER;
                    case "ALL-ROUNDER" -> Role.ALL_ROUNDER;
                    case "WICKETKEEPER" -> Role.WICKETKEEPER;
                    default ->
                        throw problem(
                                row, "specialism '" + value + "' is none of BATTER, BOWLER, ALL-ROUNDER, WICKETKEEPER");
                };
            }

            /** Capped counts as capped; Uncapped and Associate (players of associate nations) do not. */
            boolean capped() {
                String value = optionalText("capped_status");
                return switch (value.toLowerCase(Locale.ROOT)) {
                    case "capped" -> true;
                    case "uncapped", "associate" -> false;
                    default ->
                        throw problem(row, "capped_status '" + value + "' is none of Capped, Uncapped, Associate");
                };
            }

            private String optionalText(String column) {
                String value = optional(column);
                return value == null ? "" : value;
            }
        }
    }

    /** Writes a catalogue file (format 2 JSON), making its folder if need be. Shared by the catalogue tools. */
    static void write(Path target, CatalogueDocument document) throws java.io.IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, document.toJson(), StandardCharsets.UTF_8);
    }
}
