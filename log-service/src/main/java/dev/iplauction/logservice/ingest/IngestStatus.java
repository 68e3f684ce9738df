package dev.iplauction.logservice.ingest;

import java.util.Map;

/**
 * How the ingest is doing: records written to combined.log, dead-lettered, skipped as already written (after a
 * restart), held for ordering; the committed position per partition; and the time from the first record read to the
 * last written, in milliseconds (for measuring the write rate).
 */
public record IngestStatus(
        long written,
        long deadLettered,
        long skippedAsWritten,
        int held,
        Map<Integer, Long> committed,
        long busyMillis,
        long lastWrittenAtEpochMilli) {}
