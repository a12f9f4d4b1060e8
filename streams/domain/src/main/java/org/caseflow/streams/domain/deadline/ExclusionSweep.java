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
 * (CPL Interp. 243). An open interval that starts in time stops the clock.
 *
 * <p>Order of exclusion and roll-forward (issue 13; DOMAIN §3: a limit cannot run out while its clock stands
 * still): an interval that starts on or before the unrolled last day moves that day by its length, and the
 * roll-forward over rest days comes last. An interval that starts after the unrolled last day but no later than the
 * day the limit expires after the roll-forward (in the rest days rolled over, or on that day itself) finds every
 * counted day of the limit used: the roll-forward only moves the day of expiry (CPL 85 ¶4), it adds no counted day.
 * The limit has not run out, so the interval counts, and its expiry falls again on the day the clock resumes, rolled
 * forward if that is a rest day. Either way the new last day is on or after the day the clock resumes, so a
 * deadline never lies inside an excluded period, and more excluded days never make a deadline earlier.
 */
final class ExclusionSweep {
    /**
     * {@code stoppedSince} non-null: an open exclusion holds the clock. {@code counted}: the (merged) intervals that
     * moved the deadline, in date order.
     */
    record Result(LocalDate end, int excludedDays, LocalDate stoppedSince, List<DateInterval> counted) {
        /** Whether a counted interval holds the clock on {@code day} (the clock stands still that day). */
        boolean holds(LocalDate day) {
            if (stoppedSince != null && !day.isBefore(stoppedSince)) {
                return true;
            }
            return counted.stream().anyMatch(i -> !day.isBefore(i.from()) && (i.open() || day.isBefore(i.until())));
        }
    }

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
        List<DateInterval> counted = new ArrayList<>();
        for (Piece p : merged) {
            LocalDate deadline = roll.apply(running);
            if (p.from().isAfter(deadline)) {
                flags.add("EXCLUSION_AFTER_DEADLINE: " + String.join(", ", p.labels()) + " starts after the deadline "
                        + deadline + "; not counted");
                continue;
            }
            counted.add(new DateInterval(p.from(), p.until()));
            if (p.until() == null) {
                explanation.add("clock stopped since " + p.from() + " (" + String.join(", ", p.labels())
                        + "): no deadline runs until it resumes");
                return new Result(null, excluded, p.from(), List.copyOf(counted));
            }
            int days = (int) ChronoUnit.DAYS.between(p.from(), p.until());
            excluded += days;
            if (p.from().isAfter(running)) {
                // Begun after the last counted day but before expiry (the roll-forward days, or the expiry day
                // itself): no counted day is left, and the expiry falls again on the day the clock resumes.
                explanation.add("excluded " + days + (days == 1 ? " day" : " days") + " (" + String.join(", ", p.labels())
                        + "), begun after the last counted day " + running + " but before the limit expired on "
                        + deadline + " (CPL 85): it expires again on the day the clock resumes, " + p.until());
                running = p.until();
            } else {
                running = running.plusDays(days);
                explanation.add("excluded " + days + (days == 1 ? " day" : " days") + " (" + String.join(", ", p.labels())
                        + ")");
            }
        }
        return new Result(running, excluded, null, List.copyOf(counted));
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
