package org.caseflow.streams.runtime.http;

import java.time.Instant;
import org.caseflow.events.IndicatorValue;

/**
 * One value of {@code GET /api/v1/courts/{court}/indicators}: the indicator form of DESIGN.md section 7 (the fields of
 * {@link IndicatorValue}, in its order) and whether the scope has data a year before the period. Built once from the
 * calculator's value and serialised once by the HTTP layer; peers' answers are read back into it.
 *
 * @param yearEarlierData without it the previous-year value is a count of nothing (0), which the page shows blank
 */
public record IndicatorAnswer(String scope, boolean includesSubordinates, String category, String indicator,
        String window, String period, Double value, Double numerator, Double denominator, Double previousYearValue,
        String band, Instant computedAt, boolean yearEarlierData) {

    public static IndicatorAnswer of(IndicatorValue v, boolean yearEarlierData) {
        return new IndicatorAnswer(v.getScope(), v.getIncludesSubordinates(), v.getCategory(), v.getIndicator(),
                v.getWindow(), v.getPeriod(), finite(v.getValue()), finite(v.getNumerator()), finite(v.getDenominator()),
                finite(v.getPreviousYearValue()), v.getBand(), v.getComputedAt(), yearEarlierData);
    }

    /** A ratio without a denominator (0/0) is null: JSON has no NaN. */
    private static Double finite(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? null : d;
    }
}
