package dev.iplauction.logservice.query;

import dev.iplauction.logservice.store.StoredLine;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Which records a question is about: a time range ({@code from} inclusive, {@code to} exclusive), sources, a
 * franchise (its seat's records, and any record whose fields name it), levels, and a text to find (case-insensitive,
 * in the message, event, logger and field values). Null or empty means any.
 */
record LogFilter(Instant from, Instant to, Set<String> sources, String franchise, Set<String> levels, String text) {

    static final LogFilter ALL = new LogFilter(null, null, Set.of(), null, Set.of(), null);

    LogFilter {
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        levels = levels == null ? Set.of() : Set.copyOf(levels);
        text = text == null || text.isBlank() ? null : text.toLowerCase(Locale.ROOT);
    }

    LogFilter withLevels(Set<String> newLevels) {
        return new LogFilter(from, to, sources, franchise, newLevels, text);
    }

    boolean matches(StoredLine line) {
        if (from != null && line.at().isBefore(from)) {
            return false;
        }
        if (to != null && !line.at().isBefore(to)) {
            return false;
        }
        if (!sources.isEmpty() && !sources.contains(line.source())) {
            return false;
        }
        if (franchise != null
                && !franchise.equals(line.source())
                && !franchise.equals(line.fieldsOrEmpty().get("franchise"))) {
            return false;
        }
        if (!levels.isEmpty() && (line.level() == null || !levels.contains(line.level()))) {
            return false;
        }
        return text == null || containsText(line);
    }

    private boolean containsText(StoredLine line) {
        if (has(line.message()) || has(line.event()) || has(line.logger())) {
            return true;
        }
        return line.fieldsOrEmpty().values().stream().anyMatch(this::has);
    }

    private boolean has(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }
}
