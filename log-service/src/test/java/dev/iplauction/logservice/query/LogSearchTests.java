package dev.iplauction.logservice.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iplauction.kafkatest.MutableClock;
import dev.iplauction.logservice.store.CombinedLog;
import dev.iplauction.logservice.store.LogFiles;
import dev.iplauction.logservice.store.StoredLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filters, the page of newest records, the summary and the text view, over a log that has rotated. */
class LogSearchTests {

    private static final Instant T0 = Instant.parse("2024-11-24T10:00:00Z");

    @TempDir
    Path dir;

    private LogSearch search;
    private final List<StoredLine> written = new ArrayList<>();

    private static StoredLine line(long i, String level, String source, String message, Map<String, String> fields) {
        return new StoredLine(
                T0.plusSeconds(i),
                level,
                source,
                "ABCD12",
                "dev.iplauction.agent.seat.Seat",
                null,
                message,
                fields,
                0,
                i);
    }

    @BeforeEach
    void writeALog() throws Exception {
        CombinedLog log = CombinedLog.open(
                new CombinedLog.Settings(dir, 2048, 100, Duration.ofDays(7)), new MutableClock(T0.plusSeconds(100)));
        for (int i = 0; i < 40; i++) {
            String source =
                    i % 4 == 0 ? "auction-service" : List.of("CSK", "MI", "RCB").get(i % 3);
            String level = i % 10 == 7 ? "ERROR" : i % 5 == 3 ? "WARN" : "INFO";
            Map<String, String> fields = i == 20 ? Map.of("franchise", "GT", "note", "Needle in a field") : Map.of();
            written.add(line(i, level, source, "message " + i + (i == 13 ? " with a Needle" : ""), fields));
        }
        log.append(written);
        log.commit(Map.of(0, 40L));
        log.close();
        Files.writeString(dir.resolve("combined.log"), "{\"at\":\"2024-11-2", StandardOpenOption.APPEND);
        search = new LogSearch(new LogFiles(dir));
        assertThat(new LogFiles(dir).rotatedGenerations()).isNotEmpty();
    }

    private List<Long> offsets(LogFilter filter) {
        return search.all(filter).stream().map(StoredLine::offset).toList();
    }

    @Test
    void everyWholeLineIsReadInOrderAcrossRotatedFilesAndTheLineBeingWrittenIsLeft() {
        assertThat(offsets(LogFilter.ALL)).hasSize(40).isSorted();
    }

    @Test
    void aTimeRangeTakesFromInclusiveToExclusive() {
        LogFilter range = QueryParams.filter("2024-11-24T10:00:05Z", "2024-11-24T10:00:08Z", null, null, null, null);
        assertThat(offsets(range)).containsExactly(5L, 6L, 7L);
        LogFilter withOffset = QueryParams.filter("2024-11-24T15:30:38+05:30", null, null, null, null, null);
        assertThat(offsets(withOffset)).containsExactly(38L, 39L);
    }

    @Test
    void sourcesLevelsFranchiseAndTextCombine() {
        assertThat(offsets(QueryParams.filter(null, null, "MI,RCB", null, null, null)))
                .allMatch(i -> i % 4 != 0 && (i % 3 == 1 || i % 3 == 2));
        assertThat(offsets(QueryParams.filter(null, null, null, null, "error", null)))
                .containsExactly(7L, 17L, 27L, 37L);
        assertThat(offsets(QueryParams.filter(null, null, null, "csk", null, null)))
                .allMatch(i -> i % 4 != 0 && i % 3 == 0)
                .isNotEmpty();
        // a franchise also matches records about it from other sources
        assertThat(offsets(QueryParams.filter(null, null, null, "GT", null, null)))
                .containsExactly(20L);
        assertThat(offsets(QueryParams.filter(null, null, null, null, null, "needle")))
                .containsExactly(13L, 20L);
        assertThat(offsets(QueryParams.filter(null, null, "MI", null, "WARN,ERROR", null)))
                .allMatch(i -> i % 3 == 1 && (i % 10 == 7 || i % 5 == 3));
    }

    @Test
    void aPageHoldsTheNewestRecordsWhenMoreMatch() {
        LogSearch.Page page = search.query(LogFilter.ALL, 5);
        assertThat(page.records()).extracting(StoredLine::offset).containsExactly(35L, 36L, 37L, 38L, 39L);
        assertThat(page.truncated()).isTrue();
        assertThat(search.query(LogFilter.ALL, 40).truncated()).isFalse();
    }

    @Test
    void theSummaryCountsByLevelAndSourceAndGivesTheRange() {
        LogSearch.Summary summary = search.summary(LogFilter.ALL);
        assertThat(summary.total()).isEqualTo(40);
        assertThat(summary.byLevel())
                .containsEntry("ERROR", 4L)
                .containsEntry("WARN", 8L)
                .containsEntry("INFO", 28L);
        assertThat(summary.bySource().get("auction-service")).isEqualTo(10L);
        assertThat(summary.bySource().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(40);
        assertThat(summary.first()).isEqualTo(T0);
        assertThat(summary.last()).isEqualTo(T0.plusSeconds(39));
        assertThat(summary.files()).last().isEqualTo("combined.log");
    }

    @Test
    void theTextViewIsOneReadableLinePerRecord() {
        StoredLine withError = new StoredLine(
                T0,
                "ERROR",
                "MI",
                "ABCD12",
                "dev.iplauction.agent.seat.Seat",
                "bid.failed",
                "no\nluck",
                Map.of("lot", "3", "exception", "java.lang.IllegalStateException: x\n\tat A.b(A.java:1)"),
                1,
                9);
        assertThat(TextView.format(withError))
                .isEqualTo("2024-11-24T10:00:00Z ERROR [MI] ABCD12 bid.failed Seat - no luck {lot=3}\n"
                        + "    java.lang.IllegalStateException: x\n"
                        + "    \tat A.b(A.java:1)");
    }

    @Test
    void badParametersAreRefusedWithAReason() {
        assertThatThrownBy(() -> QueryParams.filter("yesterday", null, null, null, null, null))
                .isInstanceOf(InvalidQuery.class)
                .hasMessageContaining("from must be an ISO-8601 time");
        assertThatThrownBy(() ->
                        QueryParams.filter("2024-11-24T10:00:05Z", "2024-11-24T10:00:05Z", null, null, null, null))
                .hasMessageContaining("must be before");
        assertThatThrownBy(() -> QueryParams.filter(null, null, null, "XYZ", null, null))
                .hasMessageContaining("franchise 'XYZ' is not one of");
        assertThatThrownBy(() -> QueryParams.filter(null, null, null, null, "LOUD", null))
                .hasMessageContaining("level 'LOUD'");
        assertThatThrownBy(() -> QueryParams.limit("0", 500, 10_000)).hasMessageContaining("between 1 and 10000");
        assertThatThrownBy(() -> QueryParams.limit("ten", 500, 10_000)).hasMessageContaining("whole number");
        assertThat(QueryParams.levels("warning,error")).containsExactly("WARN", "ERROR");
    }
}
