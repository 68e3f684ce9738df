package dev.iplauction.logservice.query;

import dev.iplauction.logservice.ingest.IngestStatus;
import dev.iplauction.logservice.ingest.LogIngester;
import dev.iplauction.logservice.store.CombinedLog;
import dev.iplauction.logservice.store.LineCodec;
import dev.iplauction.logservice.store.StoredLine;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The combined log over HTTP. Every endpoint takes the same filters: {@code from}, {@code to} (ISO-8601 times),
 * {@code source} and {@code level} (comma-separated lists), {@code franchise} (a code), {@code q} (text to find).
 */
@RestController
@RequestMapping("/api/logs")
class LogApi {

    private static final Set<String> ERRORS_AND_WARNINGS = Set.of("ERROR", "WARN");

    private final LogSearch search;
    private final LiveTail tail;
    private final LogIngester ingester;

    LogApi(CombinedLog combinedLog, LiveTail tail, LogIngester ingester) {
        this.search = new LogSearch(combinedLog.files());
        this.tail = tail;
        this.ingester = ingester;
    }

    /** The matching records in time order; the newest {@code limit} (500 by default) when more match. */
    @GetMapping
    LogSearch.Page query(Filters filters, @RequestParam(required = false) String limit) {
        LogFilter filter = filters.filter();
        return search.query(filter, QueryParams.limit(limit, QueryParams.DEFAULT_LIMIT, QueryParams.MAX_LIMIT));
    }

    /** Errors and warnings only; {@code level} may narrow it to one of them. */
    @GetMapping("/errors")
    LogSearch.Page errors(Filters filters, @RequestParam(required = false) String limit) {
        LogFilter filter = filters.filter();
        Set<String> levels = filter.levels().isEmpty() ? ERRORS_AND_WARNINGS : filter.levels();
        if (!ERRORS_AND_WARNINGS.containsAll(levels)) {
            throw new InvalidQuery("errors takes level ERROR or WARN only, not " + levels);
        }
        return search.query(
                filter.withLevels(levels), QueryParams.limit(limit, QueryParams.DEFAULT_LIMIT, QueryParams.MAX_LIMIT));
    }

    /** Totals by level and by source, and the time range, of the matching records. */
    @GetMapping("/summary")
    LogSearch.Summary summary(Filters filters) {
        return search.summary(filters.filter());
    }

    /** Every matching record (or the first {@code limit}), as JSON lines or the readable text, to download. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            Filters filters,
            @RequestParam(required = false) String limit,
            @RequestParam(defaultValue = "jsonl") String format) {
        LogFilter filter = filters.filter();
        int max = QueryParams.limit(limit, Integer.MAX_VALUE, Integer.MAX_VALUE);
        boolean text = switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl" -> false;
            case "text" -> true;
            default -> throw new InvalidQuery("format must be jsonl or text, not '" + format + "'");
        };
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            int[] count = {0};
            search.scan(filter, line -> {
                try {
                    writer.write(text ? TextView.format(line) : LineCodec.json(line));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
                return ++count[0] < max;
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(text ? MediaType.TEXT_PLAIN : MediaType.parseMediaType("application/x-ndjson"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"combined-export." + (text ? "log" : "jsonl") + "\"")
                .body(body);
    }

    /** Server-sent events: the last {@code lines} matching records (none by default), then every new one. */
    @GetMapping(path = "/tail", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter tail(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String franchise,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String lines) {
        LogFilter filter = QueryParams.filter(null, null, source, franchise, level, q);
        int recent = lines == null || lines.isBlank() ? 0 : QueryParams.limit(lines, 0, 1_000);
        List<StoredLine> last =
                recent == 0 ? List.of() : search.query(filter, recent).records();
        return tail.subscribe(filter, last);
    }

    /**
     * The filters every query endpoint takes, bound from the request's parameters (all optional strings; {@link
     * QueryParams} checks them and says what is wrong).
     */
    record Filters(String from, String to, String source, String franchise, String level, String q) {
        LogFilter filter() {
            return QueryParams.filter(from, to, source, franchise, level, q);
        }
    }

    /** The ingest's counters and committed positions. */
    @GetMapping("/ingest")
    IngestStatus ingest() {
        return ingester.status();
    }
}
