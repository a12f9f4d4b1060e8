package org.caseflow.streams.runtime.simulator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to simulate: the random seed, the first simulated day, how many days, and a volume scale
 * (1.0 = realistic Zhuzhou volumes, ~30–100 civil first-instance filings per basic court and working
 * day; 0.01 = a handful). The same settings always give the same event stream.
 */
public record SimulationSettings(long seed, LocalDate start, int days, double scale) {
    public static final long DEFAULT_SEED = 42L;
    public static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 1);
    public static final int DEFAULT_DAYS = 30;
    public static final double DEFAULT_SCALE = 1.0;
    /** Far beyond any sensible run; keeps the Poisson draws and case numbers in range. */
    public static final double MAX_SCALE = 1000.0;

    public SimulationSettings {
        Objects.requireNonNull(start, "start");
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        if (!(scale > 0.0 && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be in (0, " + MAX_SCALE + "], was " + scale);
        }
    }

    public static SimulationSettings defaults() {
        return new SimulationSettings(DEFAULT_SEED, DEFAULT_START, DEFAULT_DAYS, DEFAULT_SCALE);
    }
}
