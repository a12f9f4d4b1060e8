package org.caseflow.streams.domain.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.caseflow.events.AlertLevel;

/**
 * Where an open case stands against its deadline day (DESIGN.md section 5). All thresholds fall on
 * local midnight in the court's zone: NOTICE, WARNING and CRITICAL from the start of the day that
 * leaves that many days; BREACHED from 00:00 of the day after the deadline; then an OVERDUE reminder
 * every {@code reminderDays} days (7 by default, key {@code caseflow.engine.overdue.reminder.days}).
 *
 * @param deadline     the last day of the trial limit
 * @param zone         the court's time zone
 * @param noticeDays   lead days of NOTICE (15 by default, shorter for short procedures)
 * @param warningDays  lead days of WARNING
 * @param criticalDays lead days of CRITICAL
 * @param reminderDays days between OVERDUE reminders (at least 1): the reminder number in an alert id ({@code OVERDUE-n})
 *                     counts these intervals, so live and replay must use the same value
 */
public record AlertThresholds(LocalDate deadline, ZoneId zone, int noticeDays, int warningDays, int criticalDays,
        int reminderDays) {
    public AlertThresholds {
        if (reminderDays < 1) {
            throw new IllegalArgumentException("reminderDays must be at least 1, got " + reminderDays);
        }
    }

    /** A threshold crossed: the level and, for OVERDUE, the reminder number (1, 2, ...). */
    public record Step(AlertLevel level, int reminder, Instant at) {
        /** Stable suffix of the alert id, e.g. "WARNING" or "OVERDUE-2". */
        public String key() {
            return level == AlertLevel.OVERDUE ? "OVERDUE-" + reminder : level.name();
        }

        public int rank() {
            return level == AlertLevel.OVERDUE ? AlertLevel.OVERDUE.ordinal() + reminder : level.ordinal();
        }
    }

    /** Days from {@code today} to the deadline day: 0 on the deadline day, negative once breached. */
    public int daysRemaining(LocalDate today) {
        return (int) (deadline.toEpochDay() - today.toEpochDay());
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /** The highest threshold crossed at {@code now}, if any. */
    public Optional<Step> current(Instant now) {
        int left = daysRemaining(today(now));
        if (left < 0) {
            int overdueDays = -left;
            int reminder = (overdueDays - 1) / reminderDays;
            if (reminder == 0) {
                return Optional.of(new Step(AlertLevel.BREACHED, 0, startOf(deadline.plusDays(1))));
            }
            return Optional.of(new Step(AlertLevel.OVERDUE, reminder,
                    startOf(deadline.plusDays(1L + (long) reminder * reminderDays))));
        }
        if (left <= criticalDays) {
            return Optional.of(new Step(AlertLevel.CRITICAL, 0, startOf(deadline.minusDays(criticalDays))));
        }
        if (left <= warningDays) {
            return Optional.of(new Step(AlertLevel.WARNING, 0, startOf(deadline.minusDays(warningDays))));
        }
        if (left <= noticeDays) {
            return Optional.of(new Step(AlertLevel.NOTICE, 0, startOf(deadline.minusDays(noticeDays))));
        }
        return Optional.empty();
    }

    /** The BREACHED threshold: 00:00 of the day after the deadline. */
    public Step breached() {
        return new Step(AlertLevel.BREACHED, 0, startOf(deadline.plusDays(1)));
    }

    /** The first threshold strictly after {@code now}: when the case must be looked at again. */
    public Instant next(Instant now) {
        LocalDate today = today(now);
        int left = daysRemaining(today);
        LocalDate day;
        if (left > noticeDays) {
            day = deadline.minusDays(noticeDays);
        } else if (left > warningDays) {
            day = deadline.minusDays(warningDays);
        } else if (left > criticalDays) {
            day = deadline.minusDays(criticalDays);
        } else if (left >= 0) {
            day = deadline.plusDays(1);
        } else {
            int overdueDays = -left;
            int reminder = (overdueDays - 1) / reminderDays;
            day = deadline.plusDays(1L + (long) (reminder + 1) * reminderDays);
        }
        return startOf(day);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
