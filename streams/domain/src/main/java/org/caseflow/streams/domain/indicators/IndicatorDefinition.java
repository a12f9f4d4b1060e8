package org.caseflow.streams.domain.indicators;

/**
 * One entry of {@code seeds/indicators/indicators.yaml}.
 *
 * @param unit        COUNT, RATIO (a fraction 0..1), DAYS, or X (the x of 1 : x)
 * @param pointInTime evaluated at the period's end (or at asOf inside the period) rather than summed over it
 * @param interval    nullable: no reference interval
 */
public record IndicatorDefinition(String code, String nameZh, String nameEn, String formula, String source,
                                  Direction direction, String unit, boolean pointInTime, Interval interval) {

    public Band band(Double value, Window window) {
        Interval applicable = interval != null && interval.appliesTo(window) ? interval : null;
        return Band.of(value, direction, applicable);
    }
}
