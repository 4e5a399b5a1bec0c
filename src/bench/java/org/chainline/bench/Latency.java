package org.chainline.bench;

import java.util.Arrays;

/** Percentiles of measured durations, in milliseconds. */
public record Latency(double p50, double p95, double p99, int samples) {

    static Latency of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.length);
    }

    private static double at(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
