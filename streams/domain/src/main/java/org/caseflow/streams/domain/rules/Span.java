package org.caseflow.streams.domain.rules;

import java.time.Period;

/** A length of time in whole months plus days, as statutes state them ("1.5 months" = 1 month 15 days). */
public record Span(int months, int days) {
    public Span {
        if (months < 0 || days < 0) {
            throw new IllegalArgumentException("negative span: " + months + " months " + days + " days");
        }
    }

    public static Span of(int amount, LimitUnit unit) {
        return unit == LimitUnit.MONTHS ? new Span(amount, 0) : new Span(0, amount);
    }

    public Span plus(int addMonths, int addDays) {
        return new Span(months + addMonths, days + addDays);
    }

    public Period toPeriod() {
        return Period.of(0, months, days);
    }

    public boolean isZero() {
        return months == 0 && days == 0;
    }

    /** "6 months", "1 month 15 days", "30 days". */
    @Override
    public String toString() {
        if (isZero()) {
            return "0 days";
        }
        StringBuilder sb = new StringBuilder();
        if (months > 0) {
            sb.append(months).append(months == 1 ? " month" : " months");
        }
        if (days > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(days).append(days == 1 ? " day" : " days");
        }
        return sb.toString();
    }
}
