package dev.iplauction.logservice.ingest;

import java.util.Map;

/**
 * How the ingest is doing: records written to combined.log, dead-lettered, skipped as already written (after a
 * restart), held for ordering; per partition the position a commit would record now (every record below it is in the
 * file or dead-lettered); and the time from the first record read to the
 * last written, in milliseconds (for measuring the write rate).
 */
public record IngestStatus(
        long written,
        long deadLettered,
        long skippedAsWritten,
        int held,
        Map<Integer, Long> positions,
        long busyMillis,
        long lastWrittenAtEpochMilli) {}
