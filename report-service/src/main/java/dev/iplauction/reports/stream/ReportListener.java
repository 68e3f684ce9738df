package dev.iplauction.reports.stream;

import dev.iplauction.reports.analysis.AuctionReport;

/** Told each time the stream writes a report, for metrics and logs. */
@FunctionalInterface
public interface ReportListener {

    /**
     * @param sinceCompletedMillis from the {@code AuctionCompleted} record's Kafka timestamp to the report on disk, for
     *     the report written when that record arrived; -1 for a rewrite after late events
     */
    void written(AuctionReport report, long events, long sinceCompletedMillis);
}
