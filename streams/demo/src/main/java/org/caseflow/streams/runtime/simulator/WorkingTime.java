package org.caseflow.streams.runtime.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * Court working days and hours in Asia/Shanghai. A day's working time is counted in "working
 * minutes": 0–209 are 08:30–12:00 and 210–389 are 14:30–17:30; later minutes run on past 17:30
 * (overtime), so bumping an event by a minute never moves it to another date.
 */
final class WorkingTime {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MORNING_MINUTES = 210;
    static final int DAY_MINUTES = 390;
    /** Longer runs of rest days mean a broken calendar, not a holiday. */
    private static final int MAX_REST_RUN = 31;
    private static final LocalTime MORNING_START = LocalTime.of(8, 30);
    private static final LocalTime AFTERNOON_START = LocalTime.of(14, 30);

    private final Predicate<LocalDate> restDay;

    WorkingTime(Predicate<LocalDate> restDay) {
        this.restDay = restDay;
    }

    /** Weekends off, public holidays ignored: for a simulation without a calendar (the tests). */
    static final Predicate<LocalDate> WEEKEND =
            d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;

    boolean isWorkingDay(LocalDate date) {
        return !restDay.test(date);
    }

    LocalDate onOrAfter(LocalDate date) {
        return walk(date, 1);
    }

    LocalDate onOrBefore(LocalDate date) {
        return walk(date, -1);
    }

    private LocalDate walk(LocalDate date, int step) {
        LocalDate d = date;
        for (int i = 0; i < MAX_REST_RUN; i++) {
            if (isWorkingDay(d)) {
                return d;
            }
            d = d.plusDays(step);
        }
        throw new IllegalArgumentException("no working day within " + MAX_REST_RUN + " days of " + date);
    }

    /** The n-th working day after date (n ≥ 1), or date itself moved onto a working day for n = 0. */
    LocalDate plusWorkingDays(LocalDate date, int n) {
        LocalDate d = onOrAfter(date);
        for (int i = 0; i < n; i++) {
            d = onOrAfter(d.plusDays(1));
        }
        return d;
    }

    static long startOfDayMillis(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    /** Epoch millis of a working minute (plus seconds) on a date. */
    static long at(LocalDate date, int workingMinute, int second) {
        LocalTime time = workingMinute < MORNING_MINUTES
                ? MORNING_START.plusMinutes(workingMinute)
                : AFTERNOON_START.plusMinutes(workingMinute - MORNING_MINUTES);
        return date.atTime(time).atZone(ZONE).toInstant().toEpochMilli() + second * 1000L;
    }

    static Instant instant(LocalDate date, int workingMinute) {
        return Instant.ofEpochMilli(at(date, workingMinute, 0));
    }

    static LocalDate localDate(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate();
    }
}
