package org.caseflow.streams.domain.calendar;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.caseflow.CaseflowException;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.SeedFiles;

/** All work calendars of {@code seeds/calendars}, one file per jurisdiction. */
public final class CalendarRegistry {
    private final Map<String, WorkCalendar> calendars;

    public CalendarRegistry(Collection<WorkCalendar> calendars) {
        Map<String, WorkCalendar> map = new TreeMap<>();
        for (WorkCalendar c : calendars) {
            if (map.putIfAbsent(c.jurisdiction(), c) != null) {
                throw new CaseflowException("two calendars for jurisdiction " + c.jurisdiction());
            }
        }
        this.calendars = Collections.unmodifiableMap(map);
    }

    /** Loads every *.yaml of the folder; two files for one jurisdiction are an error. */
    public static CalendarRegistry load(Path dir, SeedFiles files) {
        Map<String, WorkCalendar> map = new TreeMap<>();
        for (Path file : files.yamlFiles(dir)) {
            WorkCalendar c = WorkCalendar.load(file, files);
            if (map.putIfAbsent(c.jurisdiction(), c) != null) {
                throw SeedException.of(file, "calendar " + c.jurisdiction(), "jurisdiction already defined by another file");
            }
        }
        return new CalendarRegistry(map.values());
    }

    /** The calendar of a jurisdiction; an unknown id is a configuration error. */
    public WorkCalendar forJurisdiction(String id) {
        WorkCalendar c = calendars.get(id);
        if (c == null) {
            throw new CaseflowException("no work calendar for jurisdiction '" + id + "' (have " + calendars.keySet() + ")");
        }
        return c;
    }

    public Optional<WorkCalendar> find(String id) {
        return Optional.ofNullable(calendars.get(id));
    }

    public Collection<WorkCalendar> all() {
        return calendars.values();
    }
}
