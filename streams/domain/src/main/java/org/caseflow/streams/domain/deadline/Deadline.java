package org.caseflow.streams.domain.deadline;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * A computed trial deadline with its reasons.
 *
 * @param date             the last day of the limit, after roll-forward; null for NONE and CLOCK_STOPPED
 * @param clockStart       the day the clock started (not itself counted)
 * @param unrolledDate     the last day before roll-forward
 * @param excludedDays     days not counted (union of allowed exclusion intervals)
 * @param extendedBy       extensions counted (after clamping to the ladder's caps)
 * @param rolledForward    whether the last day moved off a rest day
 * @param calendarComplete false when a year of the roll-forward was not in the calendar (weekends only)
 * @param policy           "roll-forward:CN" or "no-roll-forward"
 * @param explanation      short English lines citing the articles, in the order applied
 * @param flags            compliance problems ("CODE: text"), e.g. EXTENSION_CAP_EXCEEDED
 */
public record Deadline(LocalDate date, Kind kind, LocalDate clockStart, LocalDate unrolledDate, int excludedDays,
        Period extendedBy, boolean rolledForward, boolean calendarComplete, String policy,
        List<String> explanation, List<String> flags) {

    public enum Kind {
        /** No deadline: foreign-related civil case or a procedure without a limit. */
        NONE,
        /** The clock runs; {@code date} is the deadline. */
        RUNNING,
        /** An exclusion is open: the clock stands still and no deadline passes. */
        CLOCK_STOPPED
    }

    public Deadline {
        explanation = List.copyOf(explanation);
        flags = List.copyOf(flags);
    }

    public boolean hasDate() {
        return date != null;
    }
}
