package org.caseflow.streams.domain.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import org.caseflow.streams.domain.deadline.DeadlineInput.Exclusion;
import org.caseflow.streams.domain.rules.ProcedureRule;

/**
 * Excluded periods (扣除审限): the union of the allowed exclusion intervals after the clock start, swept
 * in date order. An interval moves the deadline by its length only if it starts on or before the
 * deadline as moved so far and rolled forward over rest days (CPL 85, Civil Code 203: a limit whose last
 * day is a rest day still runs until the first working day after), so a suspension that begins after
 * the limit ran out cannot cure a breach, while one that begins during the roll-forward days counts
 * (CPL Interp. 243). The days themselves are added to the unrolled end: roll-forward comes last.
 * An open interval that starts in time stops the clock.
 */
final class ExclusionSweep {
    /** {@code stoppedSince} non-null: an open exclusion holds the clock. */
    record Result(LocalDate end, int excludedDays, LocalDate stoppedSince) {}

    private record Piece(LocalDate from, LocalDate until, List<String> labels) {}

    private ExclusionSweep() {
    }

    /**
     * @param end  the unrolled last day of the limit (base + extensions)
     * @param roll the calendar's roll-forward (identity when the policy is off)
     */
    static Result apply(ProcedureRule rule, LocalDate clockStart, LocalDate end, List<Exclusion> exclusions,
            UnaryOperator<LocalDate> roll, List<String> explanation, List<String> flags) {
        List<Piece> pieces = new ArrayList<>();
        LocalDate firstCounted = clockStart.plusDays(1);
        for (Exclusion x : exclusions) {
            if (x == null || x.interval() == null || x.reason() == null) {
                flags.add("EXCLUSION_INVALID: exclusion without reason or interval; not counted");
                continue;
            }
            DateInterval iv = x.interval();
            String label = x.reason() + " " + iv.from() + ".." + (iv.open() ? "open" : iv.until().minusDays(1).toString());
            if (!rule.excludes(x.reason())) {
                flags.add("EXCLUSION_NOT_ALLOWED: " + x.reason() + " " + iv.from() + ".." + (iv.open() ? "open" : iv.until())
                        + " is not excluded for " + rule.code() + " (" + rule.citation() + "); not counted");
                continue;
            }
            if (!iv.open() && iv.until().isBefore(iv.from())) {
                flags.add("EXCLUSION_INVALID: " + x.reason() + " resumes on " + iv.until() + " before it starts on "
                        + iv.from() + "; not counted");
                continue;
            }
            LocalDate from = iv.from().isBefore(firstCounted) ? firstCounted : iv.from();
            if (!iv.open() && !iv.until().isAfter(from)) {
                if (iv.until().isAfter(iv.from())) {
                    explanation.add("not counted: " + label + " lies before the clock start " + clockStart);
                }
                continue;
            }
            pieces.add(new Piece(from, iv.until(), List.of(label)));
        }
        pieces.sort(Comparator.comparing(Piece::from));
        List<Piece> merged = merge(pieces);

        LocalDate running = end;
        int excluded = 0;
        for (Piece p : merged) {
            LocalDate deadline = roll.apply(running);
            if (p.from().isAfter(deadline)) {
                flags.add("EXCLUSION_AFTER_DEADLINE: " + String.join(", ", p.labels()) + " starts after the deadline "
                        + deadline + "; not counted");
                continue;
            }
            if (p.until() == null) {
                explanation.add("clock stopped since " + p.from() + " (" + String.join(", ", p.labels())
                        + "): no deadline runs until it resumes");
                return new Result(null, excluded, p.from());
            }
            int days = (int) ChronoUnit.DAYS.between(p.from(), p.until());
            excluded += days;
            running = running.plusDays(days);
            explanation.add("excluded " + days + (days == 1 ? " day" : " days") + " (" + String.join(", ", p.labels()) + ")");
        }
        return new Result(running, excluded, null);
    }

    /** Union of intervals sorted by start; touching or overlapping intervals merge; open ones absorb the rest. */
    private static List<Piece> merge(List<Piece> sorted) {
        List<Piece> out = new ArrayList<>();
        for (Piece p : sorted) {
            if (!out.isEmpty()) {
                Piece last = out.get(out.size() - 1);
                if (last.until() == null || !p.from().isAfter(last.until())) {
                    LocalDate until = last.until() == null || p.until() == null ? null
                            : (p.until().isAfter(last.until()) ? p.until() : last.until());
                    List<String> labels = new ArrayList<>(last.labels());
                    labels.addAll(p.labels());
                    out.set(out.size() - 1, new Piece(last.from(), until, labels));
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }
}
