package org.caseflow.streams.domain.indicators;

/** Where a value falls against its reference interval, read in the indicator's direction. */
public enum Band {
    BETTER,
    IN_RANGE,
    WORSE,
    NO_INTERVAL;

    /** Bounds are inclusive: a value equal to low or high is IN_RANGE. */
    public static Band of(Double value, Direction direction, Interval interval) {
        if (value == null || interval == null || direction == Direction.NEUTRAL) {
            return NO_INTERVAL;
        }
        boolean above = value > interval.high();
        boolean below = value < interval.low();
        if (!above && !below) {
            return IN_RANGE;
        }
        return above == (direction == Direction.HIGHER_IS_BETTER) ? BETTER : WORSE;
    }
}
