package dev.iplauction.profiles;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped file: the profiles of one catalogue's players from data before a cut-off, and where the data comes
 * from. UTF-8 JSON with LF line ends: one top-level field per line and one line per profile, so a refresh shows up in
 * a diff player by player.
 *
 * @param format the version of this layout; a reader refuses another
 * @param catalogue the catalogue whose players these are ({@code ipl2025})
 * @param cutoff the first day whose matches the profiles do not count (the auction's date), YYYY-MM-DD
 * @param source the data's origin and the credit it asks for
 */
public record ProfileDocument(
        int format, String catalogue, String cutoff, Source source, List<PlayerProfile> profiles) {

    public static final int FORMAT = 1;

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ProfileDocument {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(source, "source");
        profiles = List.copyOf(profiles);
    }

    public LocalDate cutoffDate() {
        return LocalDate.parse(cutoff);
    }

    /** How many profiles have T20 data behind them. */
    public long withData() {
        return profiles.stream().filter(PlayerProfile::hasData).count();
    }

    /**
     * Where the numbers come from.
     *
     * @param name the data's publisher
     * @param licence the licence it is published under
     * @param attribution the credit that must travel with anything derived from it
     * @param files the files the pipeline read
     */
    public record Source(
            String name, String url, String licence, String licenceUrl, String attribution, List<String> files) {

        public Source {
            files = List.copyOf(files);
        }

        static Source cricsheet(List<String> files) {
            return cricsheet(
                    files, "the player list and its crosswalk to Cricsheet ids are the IPL 2025 auction list's");
        }

        /** The credit, with where the player list and its Cricsheet ids come from. */
        static Source cricsheet(List<String> files, String players) {
            return new Source(
                    "Cricsheet",
                    "https://cricsheet.org",
                    "Open Data Commons Attribution License (ODC-By) v1.0",
                    "https://opendatacommons.org/licenses/by/1-0/",
                    "Statistics derived from ball-by-ball and season data by Cricsheet (cricsheet.org), used under"
                            + " ODC-By; " + players + ".",
                    files);
        }
    }

    /** The document as it is shipped. */
    public String toJson() {
        StringBuilder json = new StringBuilder(1 << 20);
        json.append("{\n");
        field(json, "format", format);
        field(json, "catalogue", catalogue);
        field(json, "cutoff", cutoff);
        field(json, "source", source);
        json.append("  \"profiles\" : [\n");
        for (int i = 0; i < profiles.size(); i++) {
            json.append("    ").append(MAPPER.writeValueAsString(profiles.get(i)));
            json.append(i + 1 < profiles.size() ? ",\n" : "\n");
        }
        json.append("  ]\n}\n");
        return json.toString();
    }

    private static void field(StringBuilder json, String name, Object value) {
        json.append("  \"")
                .append(name)
                .append("\" : ")
                .append(MAPPER.writeValueAsString(value))
                .append(",\n");
    }

    /** Reads a shipped document, refusing another format. */
    public static ProfileDocument read(InputStream in) {
        ProfileDocument document = MAPPER.readValue(in, ProfileDocument.class);
        if (document.format() != FORMAT) {
            throw new ProfileDataException("profiles in format " + document.format() + ", this code reads format "
                    + FORMAT + ": rebuild them with scripts/refresh-profiles.sh");
        }
        return document;
    }
}
