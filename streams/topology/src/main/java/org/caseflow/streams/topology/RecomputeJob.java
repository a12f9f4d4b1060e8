package org.caseflow.streams.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.domain.seeds.Seeds;

/**
 * Where a task's recomputation after a reference-data change stands (issue 15): the data it brings the task's cases
 * to ({@code target}, the versions in force), which deadline-index entries can depend on what changed, and the last
 * deadline-index key handled. Persisted in the due store next to the threshold progress, in the same transaction as
 * the alerts and snapshots of the cases handled, so a restart or a failover resumes after {@code after} instead of
 * starting over.
 *
 * @param target     the versions the task is brought to ({@link #signature})
 * @param all        every open case with a deadline (the data before is not known: the task restarted, or was down
 *                   while the change was published)
 * @param years      per calendar jurisdiction, the years whose rest days changed: a deadline day in one of them may move
 * @param procedures procedure codes whose rule changed: their cases' deadlines may move
 * @param after      the last deadline-index key handled, null before the first
 */
record RecomputeJob(String target, boolean all, Map<String, Set<Integer>> years, Set<Procedure> procedures,
        String after) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** By code, as the progress record and the log have always listed them. */
    private static final Comparator<Procedure> BY_CODE = Comparator.comparing(Procedure::name);

    /** The versions in force under {@code data}, as one comparable string. */
    static String signature(ReferenceData data) {
        return data.caseVersions().toString();
    }

    /** Every case of the task: what changed is not known. */
    static RecomputeJob everything(ReferenceData target) {
        return new RecomputeJob(signature(target), true, Map.of(), Set.of(), null);
    }

    /** The cases whose deadline can depend on what differs between {@code before} and {@code target}. */
    static RecomputeJob between(ReferenceData before, ReferenceData target) {
        Map<String, Set<Integer>> years = new TreeMap<>();
        Set<Procedure> procedures = new TreeSet<>(BY_CODE);
        // Every selection a case can be computed with (the current one and those of new-cases chains) on both sides.
        for (LocalDate day : probeDays(before, target)) {
            diff(before.forFiling(day), target.forFiling(day), years, procedures);
        }
        return new RecomputeJob(signature(target), false, years, procedures, null);
    }

    /** This job widened to what differs between {@code before} and {@code target} too, from the start again. */
    RecomputeJob widen(RecomputeJob other) {
        Map<String, Set<Integer>> y = new TreeMap<>(years);
        other.years.forEach((j, set) -> y.computeIfAbsent(j, k -> new TreeSet<>()).addAll(set));
        Set<Procedure> p = new TreeSet<>(BY_CODE);
        p.addAll(procedures);
        p.addAll(other.procedures);
        return new RecomputeJob(other.target, all || other.all, y, p, null);
    }

    RecomputeJob handled(String key) {
        return new RecomputeJob(target, all, years, procedures, key);
    }

    boolean empty() {
        return !all && years.isEmpty() && procedures.isEmpty();
    }

    /**
     * Whether the deadline-index entry {@code key} ({@code court|epochDay|caseId}) may have to move, from the key
     * alone; {@link #byProcedure} cases need their record read.
     */
    boolean candidate(CourtId court, LocalDate deadline, Function<CourtId, WorkCalendar> calendarOf) {
        if (all || !procedures.isEmpty()) {
            return true;
        }
        Set<Integer> changed = years.get(calendarOf.apply(court).jurisdiction());
        return changed != null && changed.contains(deadline.getYear());
    }

    /**
     * Whether a case whose clock stands still can be moved: its deadline is unknown, so any calendar year changed in
     * its jurisdiction may decide whether the exclusion holding the clock began before the limit ran out.
     */
    boolean stoppedCandidate(CourtId court, Procedure procedure, Function<CourtId, WorkCalendar> calendarOf) {
        if (all || procedures.contains(procedure)) {
            return true;
        }
        Set<Integer> changed = years.get(calendarOf.apply(court).jurisdiction());
        return changed != null && !changed.isEmpty();
    }

    /** Whether a candidate is one because of a calendar change (no need to look at its procedure). */
    boolean byCalendar(CourtId court, LocalDate deadline, Function<CourtId, WorkCalendar> calendarOf) {
        if (all) {
            return true;
        }
        Set<Integer> changed = years.get(calendarOf.apply(court).jurisdiction());
        return changed != null && changed.contains(deadline.getYear());
    }

    boolean byProcedure(Procedure procedure) {
        return all || procedures.contains(procedure);
    }

    String encode() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static RecomputeJob decode(String value) {
        try {
            return JSON.readValue(value, RecomputeJob.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable recompute progress: " + value, e);
        }
    }

    private static Set<LocalDate> probeDays(ReferenceData before, ReferenceData target) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.MAX); // a case filed from now on: the current data
        for (ReferenceData data : new ReferenceData[] {before, target}) {
            data.chains().values().forEach(chain -> chain.forEach(p -> {
                if (p.effectiveFrom() != null) {
                    days.add(p.effectiveFrom());
                    days.add(p.effectiveFrom().minusDays(1));
                }
            }));
        }
        return days;
    }

    private static void diff(Seeds a, Seeds b, Map<String, Set<Integer>> years, Set<Procedure> procedures) {
        if (a.rules() != b.rules()) {
            procedures.addAll(a.rules().proceduresChangedFrom(b.rules()));
        }
        for (WorkCalendar calendar : b.calendars().all()) {
            WorkCalendar old = a.calendars().forJurisdiction(calendar.jurisdiction());
            if (old != calendar) {
                Set<Integer> changed = calendar.yearsChangedFrom(old);
                if (!changed.isEmpty() || !old.version().equals(calendar.version())) {
                    // A new version that moves no day still changes what the deadlines cite: the covered years.
                    years.computeIfAbsent(calendar.jurisdiction(), k -> new TreeSet<>()).addAll(
                            changed.isEmpty() ? calendar.years() : changed);
                }
            }
        }
    }
}
