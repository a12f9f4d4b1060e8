package org.caseflow.streams.domain.deadline;

import java.time.LocalDate;

import org.caseflow.streams.domain.rules.MonthRule;
import org.caseflow.streams.domain.rules.Span;

/**
 * End of a period counted from a start day that is itself not counted (CPL 85; Civil Code 201; CrPL 105):
 * n days end on {@code start + n}; months per {@link MonthRule}, then the days of the span.
 */
final class PeriodMath {
    private PeriodMath() {
    }

    static LocalDate end(LocalDate start, Span span, MonthRule rule) {
        LocalDate d = start;
        if (span.months() > 0) {
            // Civil Code 202: the corresponding day of the final month, else its last day (plusMonths clamps).
            d = start.plusMonths(span.months());
            if (rule == MonthRule.CRIMINAL && isMonthEnd(start)) {
                // CrPL Interp. 202: a period starting on a month's last day ends on a month's last day.
                d = d.withDayOfMonth(d.lengthOfMonth());
            }
        }
        return d.plusDays(span.days());
    }

    static boolean isMonthEnd(LocalDate d) {
        return d.getDayOfMonth() == d.lengthOfMonth();
    }

    /** A remark when the month rule, not plain day arithmetic, decided the end day; empty otherwise. */
    static String monthRemark(LocalDate start, Span span, MonthRule rule) {
        if (span.months() == 0) {
            return "";
        }
        LocalDate plain = start.plusMonths(span.months());
        if (rule == MonthRule.CRIMINAL && isMonthEnd(start) && !isMonthEnd(plain)) {
            return " (CrPL Interp. 202: a period starting on a month's last day ends on a month's last day)";
        }
        if (plain.getDayOfMonth() != start.getDayOfMonth()) {
            return " (Civil Code 202: no corresponding day, last day of the month)";
        }
        return "";
    }
}
