package org.caseflow.streams.domain.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.caseflow.streams.domain.seeds.ReferenceVersion;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.SeedYaml;

/**
 * Reads one calendar file and validates it: each year once, ranges inside their year with
 * {@code to >= from}, no day off listed twice, every make-up working day a weekend day that is not
 * also a day off (State Council notices only ever move weekend days).
 */
final class CalendarReader {
    record CalendarFile(String jurisdiction, String name, String version, String effectiveFrom, Boolean rollForward,
            List<YearDto> years, String note) {}

    record YearDto(Integer year, String source, List<DayOffDto> daysOff, List<String> makeUpWorkingDays, String note) {}

    record DayOffDto(String name, String from, String to, String note) {}

    private CalendarReader() {
    }

    /** A calendar file that arrived as bytes; {@code file} is the name its errors cite. */
    static WorkCalendar read(Path file, byte[] content) {
        return validate(file, SeedYaml.read(file, content, CalendarFile.class));
    }

    private static WorkCalendar validate(Path file, CalendarFile raw) {
        if (raw.jurisdiction() == null || raw.jurisdiction().isBlank()) {
            throw SeedException.of(file, "calendar", "jurisdiction: missing");
        }
        String id = raw.jurisdiction().trim();
        String cal = "calendar " + id;
        if (raw.years() == null || raw.years().isEmpty()) {
            throw SeedException.of(file, cal, "years: missing or empty");
        }
        Set<Integer> years = new TreeSet<>();
        Map<LocalDate, String> daysOff = new HashMap<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (YearDto y : raw.years()) {
            if (y == null || y.year() == null) {
                throw SeedException.of(file, cal, "years: an entry has no year");
            }
            String entry = "year " + y.year();
            if (!years.add(y.year())) {
                throw SeedException.of(file, entry, "listed twice");
            }
            readDaysOff(file, entry, y, daysOff);
            readWorkdays(file, entry, y, daysOff, workdays);
        }
        boolean roll = raw.rollForward() == null || raw.rollForward();
        return new WorkCalendar(id, raw.name() == null ? id : raw.name(), roll, years, daysOff, workdays,
                ReferenceVersion.read(file, raw.version(), raw.effectiveFrom()));
    }

    private static void readDaysOff(Path file, String entry, YearDto y, Map<LocalDate, String> daysOff) {
        if (y.daysOff() == null) {
            return;
        }
        for (DayOffDto off : y.daysOff()) {
            if (off == null || off.name() == null || off.name().isBlank()) {
                throw SeedException.of(file, entry, "daysOff: an entry has no name");
            }
            String where = entry + ": " + off.name();
            LocalDate from = SeedYaml.date(file, where, "from", off.from());
            LocalDate to = off.to() == null ? from : SeedYaml.date(file, where, "to", off.to());
            if (to.isBefore(from)) {
                throw SeedException.of(file, where, "to " + to + " is before from " + from);
            }
            if (from.getYear() != y.year() || to.getYear() != y.year()) {
                throw SeedException.of(file, where, from + ".." + to + " is not inside " + y.year());
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                String before = daysOff.putIfAbsent(d, off.name().trim());
                if (before != null) {
                    throw SeedException.of(file, where, d + " is already a day off (" + before + ")");
                }
            }
        }
    }

    private static void readWorkdays(Path file, String entry, YearDto y, Map<LocalDate, String> daysOff,
            Set<LocalDate> workdays) {
        if (y.makeUpWorkingDays() == null) {
            return;
        }
        for (String text : y.makeUpWorkingDays()) {
            String where = entry + ": makeUpWorkingDays";
            LocalDate d = SeedYaml.date(file, where, "date", text);
            if (d.getYear() != y.year()) {
                throw SeedException.of(file, where, d + " is not inside " + y.year());
            }
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw SeedException.of(file, where, d + " is a " + d.getDayOfWeek() + ", not a weekend day");
            }
            if (daysOff.containsKey(d)) {
                throw SeedException.of(file, where, d + " is also a day off (" + daysOff.get(d) + ")");
            }
            if (!workdays.add(d)) {
                throw SeedException.of(file, where, d + " is listed twice");
            }
        }
    }
}
