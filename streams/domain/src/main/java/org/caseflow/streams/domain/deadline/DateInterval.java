package org.caseflow.streams.domain.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Days {@code from} (inclusive) to {@code until} (exclusive: the resumption day, the first counted day
 * again). {@code until == null}: still open.
 */
public record DateInterval(LocalDate from, LocalDate until) {
    public DateInterval {
        if (from == null) {
            throw new IllegalArgumentException("interval without a start");
        }
    }

    public boolean open() {
        return until == null;
    }

    /** Number of days; only for a closed interval. */
    public long days() {
        return ChronoUnit.DAYS.between(from, until);
    }
}
