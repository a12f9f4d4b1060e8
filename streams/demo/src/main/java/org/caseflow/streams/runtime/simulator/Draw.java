package org.caseflow.streams.runtime.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;

/** Small random draws used by the planners; all take the simulator's one seeded generator. */
final class Draw {
    private Draw() {
    }

    /** Uniform integer in [lo, hi], both inclusive. */
    static int between(RandomGenerator random, int lo, int hi) {
        return hi <= lo ? lo : lo + random.nextInt(hi - lo + 1);
    }

    static boolean chance(RandomGenerator random, double p) {
        return random.nextDouble() < p;
    }

    /** Poisson count: Knuth's method for small means, a rounded normal for large ones. */
    static int poisson(RandomGenerator random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** A money amount (scale 2) from a log-normal with the given median, capped when cap > 0. */
    static BigDecimal amount(RandomGenerator random, double median, double sigma, double cap) {
        double value = median * Math.exp(sigma * random.nextGaussian());
        if (cap > 0) {
            value = Math.min(value, cap);
        }
        return BigDecimal.valueOf(Math.max(100.0, value)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Splits a total (scale 2) into parts of at least one cent that add up exactly. */
    static BigDecimal[] split(RandomGenerator random, BigDecimal total, int parts) {
        long cents = total.movePointRight(2).longValueExact();
        int n = (int) Math.max(1, Math.min(parts, cents));
        BigDecimal[] result = new BigDecimal[n];
        long left = cents;
        for (int i = 0; i < n - 1; i++) {
            long maxPart = left - (n - 1 - i);
            long part = 1 + (long) (random.nextDouble() * (maxPart - 1) * 0.7);
            result[i] = BigDecimal.valueOf(part, 2);
            left -= part;
        }
        result[n - 1] = BigDecimal.valueOf(left, 2);
        return result;
    }
}
