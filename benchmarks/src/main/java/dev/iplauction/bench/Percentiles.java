package dev.iplauction.bench;

import java.util.Arrays;

/** Percentiles of a set of measurements, by the nearest-rank method. */
final class Percentiles {

    private final double[] sorted;

    Percentiles(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    double at(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    int count() {
        return sorted.length;
    }

    String summary(String unit) {
        return String.format(
                "n=%d p50=%.2f%s p95=%.2f%s p99=%.2f%s max=%.2f%s",
                count(), at(50), unit, at(95), unit, at(99), unit, at(100), unit);
    }
}
