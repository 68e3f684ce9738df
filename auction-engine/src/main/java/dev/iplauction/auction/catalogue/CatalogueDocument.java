package dev.iplauction.auction.catalogue;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.iplauction.contracts.EventJson;
import dev.iplauction.contracts.Franchise;
import dev.iplauction.contracts.Lakh;
import dev.iplauction.contracts.Player;
import dev.iplauction.contracts.Role;
import dev.iplauction.contracts.SquadRules;
import dev.iplauction.contracts.auction.FranchiseSetup;
import dev.iplauction.contracts.auction.SquadPlayer;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * The shipped catalogue file as it is written and read: one JSON object, its fields in a fixed order, each franchise,
 * retained player and auction player on a line of its own so that a change to one player is a change to one line.
 * See {@code catalogue/README.md} beside the file for the format.
 */
@JsonPropertyOrder({
    "format",
    "id",
    "name",
    "auctionDate",
    "source",
    "startingPurse",
    "squadRules",
    "franchises",
    "retained",
    "players"
})
record CatalogueDocument(
        int format,
        String id,
        String name,
        LocalDate auctionDate,
        String source,
        Lakh startingPurse,
        SquadRules squadRules,
        List<FranchiseEntry> franchises,
        List<RetainedEntry> retained,
        List<PlayerEntry> players) {

    /** The version of the format this code writes and reads. */
    static final int FORMAT = 1;

    /** The set code a retained player carries: he is in no set of the auction. */
    static final String RETAINED_SET = "Retained";

    CatalogueDocument {
        franchises = List.copyOf(franchises);
        retained = List.copyOf(retained);
        players = List.copyOf(players);
    }

    /** A franchise as it enters the auction; its retained players are listed under {@code retained}. */
    @JsonPropertyOrder({"franchise", "purse", "rtmCards"})
    record FranchiseEntry(Franchise franchise, Lakh purse, int rtmCards) {}

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
            boolean overseas,
            Role role,
            boolean capped,
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

    /** A player on the auction list, in list order. */
    @JsonPropertyOrder({
        "id",
        "set",
        "name",
        "country",
        "overseas",
        "role",
        "capped",
        "basePrice",
        "team2024",
        "ipl2024Caps",
        "age",
        "battingHand",
        "bowlingStyle"
    })
    record PlayerEntry(
            String id,
            String set,
            String name,
            String country,
            boolean overseas,
            Role role,
            boolean capped,
            Lakh basePrice,
            Franchise team2024,
            Integer ipl2024Caps,
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
                    team2024,
                    age,
                    battingHand,
                    bowlingStyle);
        }

        /** Matches in IPL 2024, zero where the list gives none. */
        int ipl2024CapsOrZero() {
            return ipl2024Caps == null ? 0 : ipl2024Caps;
        }
    }

    /** The document as it is shipped: UTF-8 JSON, LF line ends, a final line end. */
    String toJson() {
        return EventJson.mapper().writer().with(new OneEntryPerLine()).writeValueAsString(this) + "\n";
    }

    static CatalogueDocument read(InputStream json) {
        CatalogueDocument document = EventJson.mapper().readValue(json, CatalogueDocument.class);
        document.check();
        return document;
    }

    /** Refuses a document this code cannot have written: another format, missing parts, a purse that does not add up. */
    void check() {
        if (format != FORMAT) {
            throw new IllegalStateException("catalogue " + id + " is in format " + format + ", this code reads format "
                    + FORMAT + ": rebuild it with scripts/refresh-catalogue.sh");
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(auctionDate, "auctionDate");
        Objects.requireNonNull(startingPurse, "startingPurse");
        Objects.requireNonNull(squadRules, "squadRules");
        Map<Franchise, Lakh> spent = new EnumMap<>(Franchise.class);
        for (RetainedEntry entry : retained) {
            spent.merge(entry.franchise(), entry.retentionPrice(), Lakh::plus);
        }
        for (FranchiseEntry entry : franchises) {
            Lakh expected = startingPurse.minus(spent.getOrDefault(entry.franchise(), Lakh.ZERO));
            if (!entry.purse().equals(expected)) {
                throw new IllegalStateException("catalogue " + id + ": " + entry.franchise() + "'s purse is "
                        + entry.purse().value() + " lakh, but " + startingPurse.value()
                        + " lakh less its retentions is " + expected.value() + " lakh");
            }
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
        return new Catalogue(id, name, auctionDate, pool, setups, squadRules);
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
