package org.caseflow.streams.runtime.bench;

import java.util.Arrays;

/**
 * Readings of one quantity over a window, as the bench prints them: the median (what the process holds for most of the
 * window, the figure set against a target) and the highest reading. Both -1 when nothing could be read.
 */
record Readings(long median, long max, int count) {

    static Readings of(long[] readings) {
        if (readings.length == 0) {
            return new Readings(-1, -1, 0);
        }
        long[] sorted = readings.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Readings(median, sorted[n - 1], n);
    }
}
