package dev.iplauction.logservice.query;

import dev.iplauction.contracts.Franchise;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The query parameters every endpoint shares, read and checked, each refusal saying what was wrong. */
final class QueryParams {

    static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 10_000;

    private QueryParams() {}

    static LogFilter filter(String from, String to, String source, String franchise, String level, String q) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidQuery("from (" + start + ") must be before to (" + end + ")");
        }
        String team = null;
        if (franchise != null && !franchise.isBlank()) {
            team = Franchise.fromCode(franchise)
                    .orElseThrow(() -> new InvalidQuery(
                            "franchise '" + franchise + "' is not one of " + Arrays.toString(Franchise.values())))
                    .name();
        }
        if (q != null && q.length() > 200) {
            throw new InvalidQuery("q is " + q.length() + " characters long; at most 200");
        }
        return new LogFilter(start, end, list(source), team, levels(level), q);
    }

    static Set<String> levels(String level) {
        Set<String> levels = new LinkedHashSet<>();
        for (String l : list(level)) {
            String upper = l.toUpperCase(Locale.ROOT);
            if (upper.equals("WARNING")) {
                upper = "WARN";
            }
            if (!LEVELS.contains(upper)) {
                throw new InvalidQuery("level '" + l + "' is not one of TRACE, DEBUG, INFO, WARN, ERROR");
            }
            levels.add(upper);
        }
        return levels;
    }

    static int limit(String limit, int fallback, int max) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(limit.trim());
            if (n < 1 || n > max) {
                throw new InvalidQuery("limit must be between 1 and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidQuery("limit must be a whole number, not '" + limit + "'");
        }
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return values;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidQuery(
                        name + " must be an ISO-8601 time such as 2024-11-24T10:15:30Z, not '" + value + "'");
            }
        }
    }
}
