package org.caseflow.streams.domain.indicators;

import java.time.YearMonth;

/** The months an indicator sums over, given the period's end month. */
public enum Window {
    MONTH,
    YEAR_TO_DATE,
    ROLLING_12M;

    public YearMonth firstMonth(YearMonth end) {
        return switch (this) {
            case MONTH -> end;
            case YEAR_TO_DATE -> YearMonth.of(end.getYear(), 1);
            case ROLLING_12M -> end.minusMonths(11);
        };
    }

    /** {@code YYYY-MM} for MONTH and ROLLING_12M (the end month), {@code YYYY} for YEAR_TO_DATE. */
    public String periodString(YearMonth end) {
        return this == YEAR_TO_DATE ? Integer.toString(end.getYear()) : end.toString();
    }
}
