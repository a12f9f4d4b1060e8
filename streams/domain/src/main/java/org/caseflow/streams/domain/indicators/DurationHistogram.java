package org.caseflow.streams.domain.indicators;

/**
 * Fixed 10-day buckets for durations (0..1099 days, then one bucket for longer), so that percentiles can be summed
 * across months and scopes. A percentile is reported as the inclusive upper edge of its bucket (10·i + 9 days), i.e.
 * "at most this many days", resolution 10 days; a percentile in the last bucket is reported as 1100.
 */
final class DurationHistogram {
    static final int WIDTH = 10;
    static final int BUCKETS = 111;

    private DurationHistogram() {
    }

    static int bucket(int days) {
        return Math.min(BUCKETS - 1, Math.max(0, days) / WIDTH);
    }

    /** Nearest-rank percentile (rank = ⌈p·n⌉) over summed bucket counts; null when there is no duration. */
    static Double percentile(long[] counts, double p) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n <= 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i == BUCKETS - 1 ? (double) (WIDTH * i) : (double) (WIDTH * i + WIDTH - 1);
            }
        }
        return (double) (WIDTH * (BUCKETS - 1));
    }
}
