package org.caseflow.streams.runtime.simulator;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.seeds.Seeds;

/**
 * Seeded generator of realistic court activity (docs/simulator.md). Each filed case's whole life is
 * planned at filing and waits in a time-ordered queue (one entry per open case, plus cases still to
 * be filed); events are emitted day by day in (occurredAt, eventId) order. The same settings and
 * courts give the same events; memory follows the number of open cases, not the run length.
 */
public final class Simulator {
    private final SimulationSettings settings;
    private final SimulatedCourts courts;
    private final Predicate<LocalDate> restDay;
    private final SimulatedProcedures procedures;

    /**
     * The given courts, rest days and procedures: rest days e.g. {@code WorkCalendar::isRestDay} for public holidays
     * and make-up working days (cases are filed, heard and closed on working days only); procedures with their limits,
     * extensions and type codes from the loaded seeds ({@link SimulatedProcedures#from}).
     */
    public Simulator(SimulationSettings settings, SimulatedCourts courts, Predicate<LocalDate> restDay,
            SimulatedProcedures procedures) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.courts = Objects.requireNonNull(courts, "courts");
        this.restDay = Objects.requireNonNull(restDay, "restDay");
        this.procedures = Objects.requireNonNull(procedures, "procedures");
    }

    /**
     * The intermediate court {@code court} of the seeds with its basic courts, the rest days of its jurisdiction's
     * calendar, and the seeds' rule table and case-number table.
     *
     * @throws IllegalArgumentException when the court is not an intermediate court of the registry with basic courts,
     *                                  or the tables cannot serve a simulated procedure
     */
    public static Simulator ofSeeds(SimulationSettings settings, Seeds seeds, String court) {
        SimulatedCourts courts = SimulatedCourts.fromRegistry(seeds.courts(), court);
        String jurisdiction = seeds.courts().find(new CourtId(court)).orElseThrow().jurisdiction();
        return new Simulator(settings, courts, seeds.calendars().forJurisdiction(jurisdiction)::isRestDay,
                SimulatedProcedures.from(seeds));
    }

    public SimulationSettings settings() {
        return settings;
    }

    /** Emits events in occurredAt order until {@code days} simulated days have passed. */
    public void run(Consumer<CaseEvent> sink) {
        Iterator<CaseEvent> events = iterator();
        while (events.hasNext()) {
            sink.accept(events.next());
        }
    }

    /** A fresh, lazily generated run; every call starts over and yields the same sequence. */
    public Iterator<CaseEvent> iterator() {
        return new Run();
    }

    private final class Run implements Iterator<CaseEvent> {
        private final SplittableRandom random = new SplittableRandom(settings.seed());
        private final PriorityQueue<Pending> queue = new PriorityQueue<>(Pending.ORDER);
        private final CaseNumberSequence numbers = new CaseNumberSequence();
        private final DailyFilings filings = new DailyFilings(courts, settings.scale());
        private final WorkingTime time = new WorkingTime(restDay);
        private final CasePlanner planner;
        private long sequence;
        private int day = -1;
        private long dayEnd;
        private CaseEvent next;
        private boolean done;

        Run() {
            Map<String, CourtStaff> staff = new LinkedHashMap<>();
            staff.put(courts.intermediate(), CourtStaff.of(courts.intermediate(), true));
            courts.basic().forEach(c -> staff.put(c, CourtStaff.of(c, false)));
            planner = new CasePlanner(time, staff, procedures, new Aftermath(courts, time, this::push));
            nextDay();
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = advance();
                done = next == null;
            }
            return next != null;
        }

        @Override
        public CaseEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CaseEvent event = next;
            next = null;
            return event;
        }

        private CaseEvent advance() {
            while (true) {
                Pending head = queue.peek();
                if (head == null || head.at >= dayEnd) {
                    if (!nextDay()) {
                        return null;
                    }
                    continue;
                }
                queue.poll();
                if (head instanceof Spawn spawn) {
                    push(planner.plan(file(spawn), random));
                    continue;
                }
                CaseRun run = (CaseRun) head;
                CaseEvent event = run.emit();
                if (run.hasMore()) {
                    push(run);
                }
                return event;
            }
        }

        private Filing file(Spawn s) {
            SimulatedProcedure procedure = procedures.of(s.procedure);
            String caseId = numbers.next(s.court, s.filedOn.getYear(), procedure.law().kind());
            return new Filing(caseId, s.court, procedure, s.filedOn, s.minute, s.at, s.originCaseId, s.claim,
                    s.rootCourt);
        }

        private boolean nextDay() {
            day++;
            if (day >= settings.days()) {
                return false;
            }
            LocalDate date = settings.start().plusDays(day);
            dayEnd = WorkingTime.startOfDayMillis(date.plusDays(1));
            if (time.isWorkingDay(date)) {
                filings.file(date, random, this::push);
            }
            return true;
        }

        private void push(Pending pending) {
            pending.sequence = sequence++;
            queue.add(pending);
        }
    }
}
