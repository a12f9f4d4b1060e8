package org.caseflow.streams.domain.cases;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.caseflow.streams.domain.alerts.AlertThresholds;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.domain.deadline.Deadline;
import org.caseflow.streams.domain.deadline.DateInterval;
import org.caseflow.streams.domain.deadline.DeadlineCalculator;
import org.caseflow.streams.domain.deadline.DeadlineInput;
import org.caseflow.streams.domain.rules.LeadTimes;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.courts.CourtId;

/**
 * Computes a case's deadline from the seeds: the court gives the time zone, the jurisdiction's
 * calendar and the higher court; the procedure's rule gives the limit and the alert lead times.
 * A court missing from the registry falls back to the configured default zone (key {@code caseflow.engine.default.zone})
 * and {@link #DEFAULT_JURISDICTION}.
 */
public final class CaseEvaluator {
    public static final String DEFAULT_JURISDICTION = "CN";

    /** A case's deadline with what is needed to alert on it. */
    public record Evaluation(Deadline deadline, AlertThresholds thresholds, ZoneId zone, CourtId higherCourt,
            Optional<ProcedureRule> rule) {
        /** Thresholds exist only while the deadline is running (not closed, not stopped, not none). */
        public boolean running() {
            return thresholds != null;
        }
    }

    private final Seeds seeds;
    private final ZoneId defaultZone;
    private final int reminderDays;
    private final Map<String, DeadlineCalculator> calculators = new ConcurrentHashMap<>();

    /**
     * @param defaultZone  the zone of a court the registry does not know
     * @param reminderDays days between OVERDUE reminders of the thresholds it computes
     */
    CaseEvaluator(Seeds seeds, ZoneId defaultZone, int reminderDays) {
        this.seeds = seeds;
        this.defaultZone = defaultZone;
        this.reminderDays = reminderDays;
    }

    /**
     * The calendar a court's deadlines are computed on (its jurisdiction's, or {@link #DEFAULT_JURISDICTION}'s for a
     * court the registry does not know).
     */
    public org.caseflow.streams.domain.calendar.WorkCalendar calendarOf(CourtId court) {
        return seeds.calendars().forJurisdiction(
                seeds.courts().find(court).map(Court::jurisdiction).orElse(DEFAULT_JURISDICTION));
    }

    /** The reference-data versions a court's deadlines are computed with (one map per jurisdiction, kept). */
    public Map<String, String> versionsOf(CourtId court) {
        String jurisdiction = seeds.courts().find(court).map(Court::jurisdiction).orElse(DEFAULT_JURISDICTION);
        return versions.computeIfAbsent(jurisdiction, j -> Map.copyOf(seeds.versionsFor(j)));
    }

    private final Map<String, Map<String, String>> versions = new ConcurrentHashMap<>();

    public ZoneId zoneOf(CourtId court) {
        return seeds.courts().find(court).map(Court::zone).orElse(defaultZone);
    }

    /**
     * Days the clock has stood still by {@code today}, open exclusions included: while a suspension
     * is open the deadline is undetermined, but the days already excluded are known (they run to
     * the day before {@code today}).
     */
    public int excludedDaysSoFar(CaseView view, java.time.LocalDate today) {
        var input = view.deadlineInput();
        var closedAtToday = input.exclusions().stream()
                .map(e -> e.interval().until() != null ? e
                        : new DeadlineInput.Exclusion(e.reason(),
                                new DateInterval(e.interval().from(),
                                        today.isBefore(e.interval().from()) ? e.interval().from() : today)))
                .toList();
        DeadlineInput asIfResumed = new DeadlineInput(input.procedure(), input.filedOn(), input.foreignRelated(),
                input.conversions(), input.restarts(), input.extensions(), closedAtToday);
        return calculator(seeds.courts().find(view.court())).compute(asIfResumed).excludedDays();
    }

    /** One calculator per jurisdiction: its calendar and roll-forward policy. */
    private DeadlineCalculator calculator(Optional<Court> court) {
        String jurisdiction = court.map(Court::jurisdiction).orElse(DEFAULT_JURISDICTION);
        return calculators.computeIfAbsent(jurisdiction,
                j -> new DeadlineCalculator(seeds.rules(), seeds.calendars().forJurisdiction(j)));
    }

    /** Recently computed deadlines, most recent last; bounded, shared by the stream threads. */
    private final Map<DeadlineKey, Deadline> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(RECENT_DEADLINES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<DeadlineKey, Deadline> eldest) {
                    return size() > RECENT_DEADLINES;
                }
            });
    /**
     * How many deadlines are remembered. The calculator is a pure function of (jurisdiction, input), and the
     * cases that cross a threshold at one midnight are mostly cases filed the same day under the same
     * procedure with nothing else on record: one input, computed once per storm instead of once per case.
     */
    static final int RECENT_DEADLINES = 4_096;

    private record DeadlineKey(String jurisdiction, DeadlineInput input) {
    }

    private Deadline deadline(Optional<Court> court, DeadlineInput input) {
        DeadlineKey key = new DeadlineKey(court.map(Court::jurisdiction).orElse(DEFAULT_JURISDICTION), input);
        Deadline known = recent.get(key);
        if (known != null) {
            return known;
        }
        Deadline computed = calculator(court).compute(input);
        recent.put(key, computed);
        return computed;
    }

    public Evaluation evaluate(CaseView view) {
        Optional<Court> court = seeds.courts().find(view.court());
        ZoneId zone = court.map(Court::zone).orElse(defaultZone);
        Deadline deadline = deadline(court, view.deadlineInput());
        Optional<ProcedureRule> rule = seeds.rules().find(view.procedure());
        AlertThresholds thresholds = null;
        if (deadline.date() != null && !view.closed()) {
            LeadTimes lead = rule.map(ProcedureRule::leadTimes).orElse(LeadTimes.DEFAULT);
            thresholds = new AlertThresholds(deadline.date(), zone, lead.noticeDays(), lead.warningDays(),
                    lead.criticalDays(), reminderDays);
        }
        return new Evaluation(deadline, thresholds, zone, court.map(Court::parent).orElse(null), rule);
    }
}
