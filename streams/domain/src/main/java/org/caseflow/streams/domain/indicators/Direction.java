package org.caseflow.streams.domain.indicators;

/** Which way an indicator improves; NEUTRAL indicators (plain counts) have no reference interval. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEUTRAL
}
