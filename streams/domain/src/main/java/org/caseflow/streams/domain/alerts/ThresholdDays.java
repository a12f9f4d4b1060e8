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
 * {@code reminderDays} days after that), and the reverse: which deadline days have a threshold on given days. Both
 * take the reminder interval of the {@link AlertThresholds} they stand for, so the index scan finds exactly the cases
 * whose reminder falls due. A threshold is fixed by the deadline day and the procedure's lead times alone, so the cases crossing one
 * at a midnight are found in an index by deadline day: no timer per case and threshold, and nothing to rewrite when
 * a threshold passes. Days are local days of the court's zone.
 */
public final class ThresholdDays {
    private final int reminderDays;

    /** @param reminderDays days between OVERDUE reminders, as in {@link AlertThresholds#reminderDays()} (at least 1) */
    public ThresholdDays(int reminderDays) {
        if (reminderDays < 1) {
            throw new IllegalArgumentException("reminderDays must be at least 1, got " + reminderDays);
        }
        this.reminderDays = reminderDays;
    }

    public int reminderDays() {
        return reminderDays;
    }

    /** The days in {@code [from, to]} on which a case due on {@code deadline} crosses a threshold, ascending. */
    public List<LocalDate> crossedOn(LocalDate deadline, LeadTimes lead, LocalDate from, LocalDate to) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int lead1 : new int[] {lead.noticeDays(), lead.warningDays(), lead.criticalDays()}) {
            addIfIn(days, deadline.minusDays(lead1), from, to);
        }
        LocalDate breach = deadline.plusDays(1);
        addIfIn(days, breach, from, to);
        if (!to.isBefore(breach.plusDays(reminderDays))) {
            long first = Math.max(1, ceilDiv(from.toEpochDay() - breach.toEpochDay(), reminderDays));
            for (long r = first;; r++) {
                LocalDate reminder = breach.plusDays(r * reminderDays);
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
    public List<long[]> deadlineRanges(Collection<LeadTimes> profiles, LocalDate from, LocalDate to,
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
        int step = reminderDays;
        if (hi - lo + 1 >= step) {
            // a window of a whole reminder interval or more: every deadline old enough has a reminder in it
            ranges.add(new long[] {earliest, hi - 1 - step});
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
