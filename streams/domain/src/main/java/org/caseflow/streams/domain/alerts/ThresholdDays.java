package org.caseflow.streams.domain.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.caseflow.streams.domain.rules.LeadTimes;

/**
 * The days on which a running deadline's thresholds fall ({@link AlertThresholds}: NOTICE, WARNING and CRITICAL at
 * the start of the day that leaves that many days, BREACHED the day after the deadline, an OVERDUE reminder every
 * {@link AlertThresholds#REMINDER_DAYS} days after that), and the reverse: which deadline days have a threshold on
 * given days. A threshold is fixed by the deadline day and the procedure's lead times alone, so the cases crossing one
 * at a midnight are found in an index by deadline day: no timer per case and threshold, and nothing to rewrite when
 * a threshold passes. Days are local days of the court's zone.
 */
public final class ThresholdDays {
    private ThresholdDays() {
    }

    /** The days in {@code [from, to]} on which a case due on {@code deadline} crosses a threshold, ascending. */
    public static List<LocalDate> crossedOn(LocalDate deadline, LeadTimes lead, LocalDate from, LocalDate to) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int lead1 : new int[] {lead.noticeDays(), lead.warningDays(), lead.criticalDays()}) {
            addIfIn(days, deadline.minusDays(lead1), from, to);
        }
        LocalDate breach = deadline.plusDays(1);
        addIfIn(days, breach, from, to);
        if (!to.isBefore(breach.plusDays(AlertThresholds.REMINDER_DAYS))) {
            long first = Math.max(1, ceilDiv(from.toEpochDay() - breach.toEpochDay(), AlertThresholds.REMINDER_DAYS));
            for (long r = first;; r++) {
                LocalDate reminder = breach.plusDays(r * AlertThresholds.REMINDER_DAYS);
                if (reminder.isAfter(to)) {
                    break;
                }
                addIfIn(days, reminder, from, to);
            }
        }
        return List.copyOf(days);
    }

    /**
     * Deadline-day ranges (inclusive epoch days, ascending, disjoint) holding every deadline with a threshold on a
     * day in {@code [from, to]}, for the given lead-time profiles; {@code earliestDeadline} bounds the OVERDUE
     * reminders (no open case is due before it).
     */
    public static List<long[]> deadlineRanges(Collection<LeadTimes> profiles, LocalDate from, LocalDate to,
            LocalDate earliestDeadline) {
        long lo = from.toEpochDay();
        long hi = to.toEpochDay();
        List<long[]> ranges = new ArrayList<>();
        for (LeadTimes lead : profiles) {
            for (int days : new int[] {lead.noticeDays(), lead.warningDays(), lead.criticalDays()}) {
                ranges.add(new long[] {lo + days, hi + days});
            }
        }
        ranges.add(new long[] {lo - 1, hi - 1});
        long earliest = earliestDeadline.toEpochDay();
        int step = AlertThresholds.REMINDER_DAYS;
        if (hi - lo + 1 >= step) {
            ranges.add(new long[] {earliest, hi - 1 - step}); // every deadline old enough has a reminder in a week
        } else {
            for (long r = 1; hi - 1 - r * step >= earliest; r++) {
                ranges.add(new long[] {lo - 1 - r * step, hi - 1 - r * step});
            }
        }
        return merge(ranges, earliest);
    }

    private static List<long[]> merge(List<long[]> ranges, long earliest) {
        List<long[]> sorted = new ArrayList<>();
        for (long[] r : ranges) {
            long start = Math.max(r[0], earliest);
            if (start <= r[1]) {
                sorted.add(new long[] {start, r[1]});
            }
        }
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(r.clone());
            }
        }
        return out;
    }

    private static void addIfIn(TreeSet<LocalDate> days, LocalDate day, LocalDate from, LocalDate to) {
        if (!day.isBefore(from) && !day.isAfter(to)) {
            days.add(day);
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
