package dev.iplauction.auction.catalogue;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Increments;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;

/**
 * A catalogue file as it is written and read: one JSON object, its fields in a fixed order, each franchise, retained
 * player and auction player on a line of its own so that a change to one player is a change to one line. The format
 * is documented in {@code docs/data.md}; {@link #read} refuses a file that breaks it and says where.
 */
@JsonPropertyOrder({
    "format",
    "id",
    "name",
    "auctionDate",
    "source",
    "rules",
    "sets",
    "franchises",
    "retained",
    "players"
})
record CatalogueDocument(
        Integer format,
        String id,
        String name,
        LocalDate auctionDate,
        String source,
        RulesEntry rules,
        List<String> sets,
        List<FranchiseEntry> franchises,
        List<RetainedEntry> retained,
        List<PlayerEntry> players) {

    /** The version of the format this code writes and reads. */
    static final int FORMAT = 2;

    /** The set code a retained player carries: he is in no set of the auction. */
    static final String RETAINED_SET = "Retained";

    /** The IPL's bid ladder as the file writes it. */
    static final List<IncrementEntry> IPL_INCREMENTS = Increments.IPL.steps().stream()
            .map(s -> new IncrementEntry(s.from(), s.step()))
            .toList();

    /** Bounds on what a file may hold, so a stranger's file cannot exhaust the house. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static final int MAX_PLAYERS = 2_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int MAX_TEXT = 200;

    CatalogueDocument {
        sets = sets == null ? null : List.copyOf(sets);
        franchises = franchises == null ? null : List.copyOf(franchises);
        retained = retained == null ? List.of() : List.copyOf(retained);
        players = players == null ? null : List.copyOf(players);
    }

    /**
     * The rules the auction is played by.
     *
     * @param startingPurse every franchise's purse before retentions, when each purse is exactly that less its
     *     retention prices (the file's purses are then checked against it); null where purses are given as they are
     * @param increments the bid ladder: from each {@code from} on, bids go up by {@code step}
     * @param rightToMatch whether franchises have right-to-match cards at all; when false every {@code rtmCards} is 0
     * @param overseasFeeCap the most an overseas player is paid, though the purse pays the whole bid; null for none
     */
    @JsonPropertyOrder({
        "minSquad",
        "maxSquad",
        "maxOverseas",
        "minBasePrice",
        "startingPurse",
        "increments",
        "rightToMatch",
        "overseasFeeCap"
    })
    record RulesEntry(
            Integer minSquad,
            Integer maxSquad,
            Integer maxOverseas,
            Lakh minBasePrice,
            Lakh startingPurse,
            List<IncrementEntry> increments,
            Boolean rightToMatch,
            Lakh overseasFeeCap) {}

    @JsonPropertyOrder({"from", "step"})
    record IncrementEntry(Lakh from, Lakh step) {}

    /** The file's ladder as the engine plays it; refused (IllegalArgumentException, saying why) if it is not one. */
    static Increments ladder(List<IncrementEntry> entries) {
        return new Increments(entries.stream()
                .map(e -> e == null ? null : new Increments.Step(e.from(), e.step()))
                .toList());
    }

    /**
     * A franchise as it enters the auction; its retained players are listed under {@code retained}.
     *
     * @param slots how many players it may still buy: the squad maximum less its retained players
     * @param overseasSlots how many of them may be overseas: the overseas maximum less its retained overseas players
     */
    @JsonPropertyOrder({"franchise", "purse", "slots", "overseasSlots", "rtmCards"})
    record FranchiseEntry(Franchise franchise, Lakh purse, Integer slots, Integer overseasSlots, Integer rtmCards) {}

    /** A player a franchise kept before the auction, and what keeping him took from its purse. */
    @JsonPropertyOrder({
        "id",
        "franchise",
        "name",
        "country",
        "overseas",
        "role",
        "capped",
        "retentionPrice",
        "age",
        "battingHand",
        "bowlingStyle"
    })
    record RetainedEntry(
            String id,
            Franchise franchise,
            String name,
            String country,
            Boolean overseas,
            Role role,
            Boolean capped,
            Lakh retentionPrice,
            Integer age,
            String battingHand,
            String bowlingStyle) {

        Player toPlayer() {
            return new Player(
                    id,
                    name,
                    country,
                    overseas,
                    role,
                    capped,
                    RETAINED_SET,
                    retentionPrice,
                    franchise,
                    age,
                    battingHand,
                    bowlingStyle);
        }
    }

    /**
     * A player on the auction list, in list order.
     *
     * @param previousTeam the franchise he played for last season (the one that may use a right-to-match card), or null
     * @param previousSeasonCaps his matches in last season's IPL, or null
     */
    @JsonPropertyOrder({
        "id",
        "set",
        "name",
        "country",
        "overseas",
        "role",
        "capped",
        "basePrice",
        "previousTeam",
        "previousSeasonCaps",
        "age",
        "battingHand",
        "bowlingStyle"
    })
    record PlayerEntry(
            String id,
            String set,
            String name,
            String country,
            Boolean overseas,
            Role role,
            Boolean capped,
            Lakh basePrice,
            Franchise previousTeam,
            Integer previousSeasonCaps,
            Integer age,
            String battingHand,
            String bowlingStyle) {

        Player toPlayer() {
            return new Player(
                    id,
                    name,
                    country,
                    overseas,
                    role,
                    capped,
                    set,
                    basePrice,
                    previousTeam,
                    age,
                    battingHand,
                    bowlingStyle);
        }

        /** Matches last season, zero where the list gives none. */
        int previousSeasonCapsOrZero() {
            return previousSeasonCaps == null ? 0 : previousSeasonCaps;
        }
    }

    /** The document as it is shipped: UTF-8 JSON, LF line ends, a final line end. */
    String toJson() {
        return EventJson.mapper().writer().with(new OneEntryPerLine()).writeValueAsString(this) + "\n";
    }

    /**
     * Reads and checks a catalogue file.
     *
     * @param origin what to call the file in a message (its path, or the resource it was loaded from)
     * @throws InvalidCatalogueException naming the line where known, the field and what is wrong with it
     */
    static CatalogueDocument read(byte[] json, String origin) {
        if (json.length > MAX_BYTES) {
            throw new InvalidCatalogueException(origin + ": the file is " + json.length + " bytes, more than the "
                    + MAX_BYTES + " a catalogue may be");
        }
        CatalogueDocument document;
        try {
            document = EventJson.mapper()
                    .readerFor(CatalogueDocument.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(json);
        } catch (JacksonException e) {
            throw new InvalidCatalogueException(origin + ": " + where(e) + ": " + e.getOriginalMessage(), e);
        }
        if (document == null) {
            throw new InvalidCatalogueException(origin + ": the file holds no JSON object");
        }
        new Checker(origin, entryLines(json)).check(document);
        return document;
    }

    /** "line 12, column 5, players[3].basePrice": where the parser stopped and the field it was reading. */
    private static String where(JacksonException e) {
        StringBuilder at = new StringBuilder();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            at.append("line ")
                    .append(e.getLocation().getLineNr())
                    .append(", column ")
                    .append(e.getLocation().getColumnNr());
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (!path.isEmpty()) {
            at.append(at.isEmpty() ? "" : ", ").append("field ").append(path);
        }
        return at.isEmpty() ? "unreadable" : at.toString();
    }

    /**
     * The line each entry of the top-level arrays starts on ({@code players} → [line of players[0], …]) and the line of
     * each top-level field ({@code #rules}), read from the JSON as written so that a message can point into the file.
     */
    private static Map<String, List<Integer>> entryLines(byte[] json) {
        Map<String, List<Integer>> lines = new HashMap<>();
        try (JsonParser parser = EventJson.mapper().createParser(json)) {
            int depth = 0;
            String field = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (token == JsonToken.START_OBJECT && depth == 2 && field != null) {
                            lines.computeIfAbsent(field, f -> new ArrayList<>())
                                    .add(parser.currentTokenLocation().getLineNr());
                        }
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case PROPERTY_NAME -> {
                        if (depth == 1) {
                            field = parser.currentName();
                            lines.put(
                                    "#" + field,
                                    List.of(parser.currentTokenLocation().getLineNr()));
                        }
                    }
                    default -> {}
                }
            }
        }
        return lines;
    }

    /** Finds the first thing wrong with a document and names it: the line, the field, what it is and what it should be. */
    private record Checker(String origin, Map<String, List<Integer>> lines) {

        void check(CatalogueDocument d) {
            if (d.format() == null) {
                throw fail("format", null, "is missing; this code reads format " + FORMAT);
            }
            if (d.format() != FORMAT) {
                throw fail(
                        "format",
                        null,
                        "is " + d.format() + ", this code reads format " + FORMAT
                                + (d.format() == 1 ? ": rebuild it with scripts/refresh-catalogue.sh" : ""));
            }
            if (d.id() == null || !ID.matcher(d.id()).matches()) {
                throw fail("id", null, "must be 1 to 40 letters, digits, '-' or '_', got " + quoted(d.id()));
            }
            text("name", null, d.name(), true);
            text("source", null, d.source(), false);
            if (d.auctionDate() == null) {
                throw fail("auctionDate", null, "is missing (YYYY-MM-DD)");
            }
            SquadRules squad = checkRules(d.rules());
            checkSets(d);
            checkFranchises(d, squad);
            checkPlayers(d, squad);
        }

        private SquadRules checkRules(RulesEntry r) {
            if (r == null) {
                throw fail("rules", null, "is missing");
            }
            required("rules.minSquad", r.minSquad());
            required("rules.maxSquad", r.maxSquad());
            required("rules.maxOverseas", r.maxOverseas());
            required("rules.minBasePrice", r.minBasePrice());
            required("rules.rightToMatch", r.rightToMatch());
            SquadRules squad;
            try {
                squad = new SquadRules(r.minSquad(), r.maxSquad(), r.maxOverseas(), r.minBasePrice());
            } catch (IllegalArgumentException e) {
                throw fail("rules", null, e.getMessage());
            }
            if (r.maxSquad() > 50) {
                throw fail("rules.maxSquad", null, "is " + r.maxSquad() + ", at most 50");
            }
            required("rules.increments", r.increments());
            try {
                ladder(r.increments());
            } catch (IllegalArgumentException e) {
                throw fail("rules.increments", null, "is not a bid ladder: " + e.getMessage());
            }
            if (r.overseasFeeCap() != null && r.overseasFeeCap().isLessThan(r.minBasePrice())) {
                throw fail(
                        "rules.overseasFeeCap",
                        null,
                        "is " + r.overseasFeeCap().value() + " lakh, below the lowest base price "
                                + r.minBasePrice().value() + " lakh");
            }
            return squad;
        }

        private void checkSets(CatalogueDocument d) {
            if (d.sets() == null || d.sets().isEmpty()) {
                throw fail("sets", null, "must list the sets in the order they come up");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < d.sets().size(); i++) {
                String set = d.sets().get(i);
                if (set == null || !ID.matcher(set).matches() || set.equals(RETAINED_SET)) {
                    throw fail("sets[" + i + "]", null, "must be a set code of letters and digits, got " + quoted(set));
                }
                if (!seen.add(set)) {
                    throw fail("sets[" + i + "]", null, set + " is listed twice");
                }
            }
        }

        private void checkFranchises(CatalogueDocument d, SquadRules squad) {
            if (d.franchises() == null || d.franchises().isEmpty()) {
                throw fail("franchises", null, "must name at least one franchise");
            }
            Map<Franchise, Integer> kept = new EnumMap<>(Franchise.class);
            Map<Franchise, Integer> keptOverseas = new EnumMap<>(Franchise.class);
            Map<Franchise, Lakh> retentions = new EnumMap<>(Franchise.class);
            Set<Franchise> listed = EnumSet.noneOf(Franchise.class);
            for (FranchiseEntry f : d.franchises()) {
                if (f != null && f.franchise() != null) {
                    listed.add(f.franchise());
                }
            }
            for (int i = 0; i < d.retained().size(); i++) {
                RetainedEntry r = d.retained().get(i);
                Entry at = new Entry("retained", i, r == null ? null : r.id(), r == null ? null : r.name());
                if (r == null) {
                    throw fail(at, "", "is null");
                }
                if (r.franchise() == null || !listed.contains(r.franchise())) {
                    throw fail(at, "franchise", "must be one of the franchises listed, got " + r.franchise());
                }
                entryId(at, r.id());
                text(at, "name", r.name(), true);
                text(at, "country", r.country(), false);
                required(at, "overseas", r.overseas());
                required(at, "role", r.role());
                required(at, "capped", r.capped());
                required(at, "retentionPrice", r.retentionPrice());
                kept.merge(r.franchise(), 1, Integer::sum);
                keptOverseas.merge(r.franchise(), r.overseas() ? 1 : 0, Integer::sum);
                retentions.merge(r.franchise(), r.retentionPrice(), Lakh::plus);
            }
            Set<Franchise> seen = EnumSet.noneOf(Franchise.class);
            for (int i = 0; i < d.franchises().size(); i++) {
                FranchiseEntry f = d.franchises().get(i);
                Entry at = new Entry("franchises", i, f == null ? null : String.valueOf(f.franchise()), null);
                if (f == null || f.franchise() == null) {
                    throw fail(at, "franchise", "is missing (one of " + List.of(Franchise.values()) + ")");
                }
                if (!seen.add(f.franchise())) {
                    throw fail(at, "franchise", f.franchise() + " is listed twice");
                }
                required(at, "purse", f.purse());
                required(at, "slots", f.slots());
                required(at, "overseasSlots", f.overseasSlots());
                required(at, "rtmCards", f.rtmCards());
                int squadSize = kept.getOrDefault(f.franchise(), 0);
                int overseas = keptOverseas.getOrDefault(f.franchise(), 0);
                if (f.slots() != squad.maxSquad() - squadSize) {
                    throw fail(
                            at,
                            "slots",
                            "is " + f.slots() + ", but maxSquad " + squad.maxSquad() + " less its " + squadSize
                                    + " retained players is " + (squad.maxSquad() - squadSize));
                }
                if (f.overseasSlots() != squad.maxOverseas() - overseas) {
                    throw fail(
                            at,
                            "overseasSlots",
                            "is " + f.overseasSlots() + ", but maxOverseas "
                                    + squad.maxOverseas() + " less its " + overseas + " retained overseas players is "
                                    + (squad.maxOverseas() - overseas));
                }
                if (f.rtmCards() < 0 || f.rtmCards() > squad.maxSquad()) {
                    throw fail(at, "rtmCards", "must be between 0 and maxSquad, got " + f.rtmCards());
                }
                if (!d.rules().rightToMatch() && f.rtmCards() != 0) {
                    throw fail(at, "rtmCards", "is " + f.rtmCards() + ", but rules.rightToMatch is false");
                }
                Lakh start = d.rules().startingPurse();
                Lakh spent = retentions.getOrDefault(f.franchise(), Lakh.ZERO);
                if (start != null && !f.purse().equals(start.minusOrZero(spent))) {
                    throw fail(
                            at,
                            "purse",
                            "is " + f.purse().value() + " lakh, but rules.startingPurse "
                                    + start.value() + " lakh less its retentions (" + spent.value() + " lakh) is "
                                    + start.minusOrZero(spent).value() + " lakh");
                }
            }
        }

        private void checkPlayers(CatalogueDocument d, SquadRules squad) {
            if (d.players() == null || d.players().isEmpty()) {
                throw fail("players", null, "must list at least one player");
            }
            if (d.players().size() > MAX_PLAYERS) {
                throw fail("players", null, "lists " + d.players().size() + " players, at most " + MAX_PLAYERS);
            }
            Set<String> ids = new HashSet<>();
            d.retained().forEach(r -> ids.add(r.id()));
            Set<String> sets = new HashSet<>(d.sets());
            for (int i = 0; i < d.players().size(); i++) {
                PlayerEntry p = d.players().get(i);
                Entry at = new Entry("players", i, p == null ? null : p.id(), p == null ? null : p.name());
                if (p == null) {
                    throw fail(at, "", "is null");
                }
                entryId(at, p.id());
                if (!ids.add(p.id())) {
                    throw fail(at, "id", p.id() + " is used by another player");
                }
                if (p.set() == null || !sets.contains(p.set())) {
                    throw fail(at, "set", "must be one of the sets listed under sets, got " + quoted(p.set()));
                }
                text(at, "name", p.name(), true);
                text(at, "country", p.country(), false);
                required(at, "overseas", p.overseas());
                required(at, "role", p.role());
                required(at, "capped", p.capped());
                required(at, "basePrice", p.basePrice());
                if (p.basePrice().isLessThan(squad.minBasePrice())) {
                    throw fail(
                            at,
                            "basePrice",
                            "is " + p.basePrice().value() + " lakh, below rules.minBasePrice "
                                    + squad.minBasePrice().value() + " lakh");
                }
            }
        }

        /** Where a message points: an entry of a top-level array, with its id and name where it has them. */
        private record Entry(String array, int index, String id, String name) {}

        private void entryId(Entry at, String id) {
            if (id == null || !ID.matcher(id).matches()) {
                throw fail(at, "id", "must be 1 to 40 letters, digits, '-' or '_', got " + quoted(id));
            }
        }

        private void text(String field, Entry at, String value, boolean required) {
            if (required && (value == null || value.isBlank())) {
                throw at == null ? fail(field, null, "is missing") : fail(at, field, "is missing");
            }
            if (value != null && value.length() > MAX_TEXT) {
                String why = "is " + value.length() + " characters, at most " + MAX_TEXT;
                throw at == null ? fail(field, null, why) : fail(at, field, why);
            }
        }

        private void text(Entry at, String field, String value, boolean required) {
            text(field, at, value, required);
        }

        private void required(String field, Object value) {
            if (value == null) {
                throw fail(field, null, "is missing");
            }
        }

        private void required(Entry at, String field, Object value) {
            if (value == null) {
                throw fail(at, field, "is missing");
            }
        }

        private InvalidCatalogueException fail(Entry at, String field, String why) {
            List<Integer> starts = lines.get(at.array());
            Integer line = starts != null && at.index() < starts.size() ? starts.get(at.index()) : null;
            String who = at.id() == null && at.name() == null
                    ? ""
                    : " (" + (at.id() == null ? "" : "id " + at.id())
                            + (at.id() != null && at.name() != null ? ", " : "") + (at.name() == null ? "" : at.name())
                            + ")";
            String path = at.array() + "[" + at.index() + "]" + (field.isEmpty() ? "" : "." + field);
            return fail(path + who, line, why);
        }

        private InvalidCatalogueException fail(String field, Integer line, String why) {
            if (line == null) {
                String top = field.split("[.\\[ ]", 2)[0];
                List<Integer> at = lines.get("#" + top);
                line = at == null ? null : at.getFirst();
            }
            return new InvalidCatalogueException(
                    origin + ": " + (line == null ? "" : "line " + line + ": ") + field + " " + why);
        }

        private static String quoted(String value) {
            return value == null ? "nothing" : "'" + value + "'";
        }
    }

    /** The catalogue this document describes: auction players in list order, all franchises with their retentions. */
    Catalogue toCatalogue() {
        List<Player> pool = players.stream().map(PlayerEntry::toPlayer).toList();
        List<FranchiseSetup> setups = new ArrayList<>();
        for (FranchiseEntry entry : franchises) {
            List<SquadPlayer> kept = retained.stream()
                    .filter(r -> r.franchise() == entry.franchise())
                    .map(r -> new SquadPlayer(r.toPlayer(), r.retentionPrice(), SquadPlayer.Acquisition.RETAINED))
                    .toList();
            setups.add(new FranchiseSetup(entry.franchise(), entry.purse(), entry.rtmCards(), kept));
        }
        SquadRules squad =
                new SquadRules(rules.minSquad(), rules.maxSquad(), rules.maxOverseas(), rules.minBasePrice());
        return new Catalogue(
                id, name, auctionDate, pool, setups, squad, sets, rules.overseasFeeCap(), ladder(rules.increments()));
    }

    /**
     * Prints the top-level fields and the elements of top-level arrays one to a line, indented by two spaces a level,
     * and every object below that on one line: {@code { "id": "1", "set": "M1", … }}.
     */
    private static final class OneEntryPerLine extends DefaultPrettyPrinter {

        private static final Separators SEPARATORS = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayElementSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");

        OneEntryPerLine() {
            super(SEPARATORS);
            _objectIndenter = new LineBreaksDownTo(1);
            _arrayIndenter = new LineBreaksDownTo(2);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new OneEntryPerLine();
        }

        /** Closes an array on a line of its own only at the top level ({@code players}), else on the line it is on. */
        @Override
        public void writeEndArray(JsonGenerator generator, int values) {
            _nesting--;
            if (values > 0) {
                generator.writeRaw(_nesting <= 1 ? "\n" + "  ".repeat(_nesting) : " ");
            }
            generator.writeRaw(']');
        }

        /** Closes an object on the line it is on, except the outermost one. */
        @Override
        public void writeEndObject(JsonGenerator generator, int entries) {
            _nesting--;
            if (_nesting == 0) {
                generator.writeRaw('\n');
            } else if (entries > 0) {
                generator.writeRaw(' ');
            }
            generator.writeRaw('}');
        }
    }

    /**
     * A line break and indentation down to a given depth, a single space deeper in.
     *
     * @param depth the deepest level that still gets a line of its own
     */
    private record LineBreaksDownTo(int depth) implements DefaultPrettyPrinter.Indenter {

        @Override
        public void writeIndentation(JsonGenerator generator, int level) {
            if (level <= depth) {
                generator.writeRaw("\n" + "  ".repeat(level));
            } else {
                generator.writeRaw(' ');
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }
}
