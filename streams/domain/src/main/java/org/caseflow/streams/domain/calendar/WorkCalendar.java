package org.caseflow.streams.domain.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.caseflow.streams.domain.seeds.ReferenceVersion;
import org.caseflow.streams.domain.seeds.SeedFiles;

/**
 * Rest days of one jurisdiction, loaded from {@code seeds/calendars/<id>.yaml}: weekends plus the
 * published days off, minus the make-up working days (调休). For a year the file does not cover only
 * weekends are known; callers check {@link #covers(int)} and say so.
 */
public final class WorkCalendar {
    private final String jurisdiction;
    private final String name;
    private final boolean rollForward;
    private final Set<Integer> years;
    private final Map<LocalDate, String> daysOff;
    private final Set<LocalDate> makeUpWorkingDays;
    private final ReferenceVersion version;

    public WorkCalendar(String jurisdiction, String name, boolean rollForward, Set<Integer> years,
            Map<LocalDate, String> daysOff, Set<LocalDate> makeUpWorkingDays) {
        this(jurisdiction, name, rollForward, years, daysOff, makeUpWorkingDays, ReferenceVersion.UNVERSIONED);
    }

    public WorkCalendar(String jurisdiction, String name, boolean rollForward, Set<Integer> years,
            Map<LocalDate, String> daysOff, Set<LocalDate> makeUpWorkingDays, ReferenceVersion version) {
        this.version = version;
        this.jurisdiction = jurisdiction;
        this.name = name;
        this.rollForward = rollForward;
        this.years = Collections.unmodifiableSet(new TreeSet<>(years));
        this.daysOff = Collections.unmodifiableMap(new TreeMap<>(daysOff));
        this.makeUpWorkingDays = Collections.unmodifiableSet(new TreeSet<>(makeUpWorkingDays));
    }

    /** Loads and validates one calendar file; failures raise a {@code SeedException}. */
    public static WorkCalendar load(Path file, SeedFiles files) {
        return CalendarReader.read(file, files.read(file));
    }

    /** Validates a calendar file that arrived as bytes (a publication, issue 15); errors cite {@code file}. */
    public static WorkCalendar parse(Path file, byte[] content) {
        return CalendarReader.read(file, content);
    }

    /**
     * The years whose rest days differ between this calendar and {@code other}: a day off or make-up day added or
     * removed, or the year covered by one only. Every year of both when the roll-forward policy differs.
     */
    public Set<Integer> yearsChangedFrom(WorkCalendar other) {
        Set<Integer> all = new TreeSet<>(years);
        all.addAll(other.years);
        if (rollForward != other.rollForward) {
            return all;
        }
        Set<Integer> changed = new TreeSet<>();
        for (int year : all) {
            if (covers(year) != other.covers(year)) {
                changed.add(year);
                continue;
            }
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (isRestDay(d) != other.isRestDay(d)) {
                    changed.add(year);
                    break;
                }
            }
        }
        return changed;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    /** The calendar's version as its file states it (cited by every deadline computed on it). */
    public ReferenceVersion version() {
        return version;
    }

    public String name() {
        return name;
    }

    /** Whether a period ending on a rest day moves to the next working day (CPL 85); a policy flag. */
    public boolean rollForward() {
        return rollForward;
    }

    /** Whether the published holiday schedule of this year is loaded. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    public Set<Integer> years() {
        return years;
    }

    public boolean isRestDay(LocalDate d) {
        return restDayReason(d).isPresent();
    }

    /** Why a day is a rest day ("National Day", "Saturday"), or empty for a working day. */
    public Optional<String> restDayReason(LocalDate d) {
        if (makeUpWorkingDays.contains(d)) {
            return Optional.empty();
        }
        String holiday = daysOff.get(d);
        if (holiday != null) {
            return Optional.of(holiday);
        }
        DayOfWeek dow = d.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY) {
            return Optional.of("Saturday");
        }
        if (dow == DayOfWeek.SUNDAY) {
            return Optional.of("Sunday");
        }
        return Optional.empty();
    }

    public boolean isMakeUpWorkingDay(LocalDate d) {
        return makeUpWorkingDays.contains(d);
    }

    public LocalDate nextWorkingDayOnOrAfter(LocalDate d) {
        LocalDate day = d;
        while (isRestDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Override
    public String toString() {
        return "WorkCalendar[" + jurisdiction + ", years " + years + ", rollForward=" + rollForward + "]";
    }
}
