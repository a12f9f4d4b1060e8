package org.caseflow.streams.domain.indicators;

/** A value with the numerator and denominator it came from. */
record Measure(Double value, Double numerator, Double denominator) {
    static Measure count(double n) {
        return new Measure(n, n, null);
    }

    /** numerator / denominator; null value when the denominator is zero. */
    static Measure ratio(double numerator, double denominator) {
        return new Measure(denominator == 0 ? null : numerator / denominator, numerator, denominator);
    }
}
