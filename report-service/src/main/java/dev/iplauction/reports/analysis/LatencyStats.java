package dev.iplauction.reports.analysis;

import java.util.Arrays;
import java.util.Collection;

/**
 * Exact statistics of a set of durations in milliseconds. Percentiles are by nearest rank over every sample (the p-th
 * percentile is the smallest sample with at least p % of the samples at or below it): an auction has thousands of
 * decisions, not millions, so keeping them all costs little and the numbers are exact and the same on every reading.
 */
public record LatencyStats(int count, long p50, long p95, long p99, long max, long mean) {

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0);

    public static LatencyStats of(Collection<Long> samples) {
        if (samples.isEmpty()) {
            return EMPTY;
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        long sum = Arrays.stream(sorted).sum();
        return new LatencyStats(
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted[sorted.length - 1],
                Math.round((double) sum / sorted.length));
    }

    /** Nearest rank: the sample at rank ceil(p / 100 * n), counting from 1. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
