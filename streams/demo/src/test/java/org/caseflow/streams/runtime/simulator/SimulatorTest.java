package org.caseflow.streams.runtime.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.ClockResumed;
import org.caseflow.events.ClockSuspended;
import org.caseflow.events.HearingHeld;
import org.caseflow.events.HearingScheduled;
import org.caseflow.events.JudgeAssigned;
import org.caseflow.events.JudgmentEffective;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.input.TestChecks;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Set<Procedure> APPEALS =
            Set.of(Procedure.CIVIL_SECOND_JUDGMENT, Procedure.CRIMINAL_SECOND, Procedure.ADMIN_SECOND);

    static List<CaseEvent> simulate(long seed, int days, double scale) {
        List<CaseEvent> events = new ArrayList<>();
        SeededSimulators.zhuzhou(new SimulationSettings(seed, LocalDate.of(2025, 1, 1), days, scale)).run(events::add);
        return events;
    }

    @Test
    void shouldReproduceTheSameEventsForTheSameSeed() {
        assertThat(simulate(7, 90, 0.05)).isNotEmpty().isEqualTo(simulate(7, 90, 0.05));
    }

    @Test
    void shouldProduceDifferentEventsForAnotherSeed() {
        assertThat(simulate(7, 30, 0.05)).isNotEqualTo(simulate(8, 30, 0.05));
    }

    @Test
    void shouldYieldTheSameSequenceLazilyFromTheIterator() {
        Simulator simulator = SeededSimulators.zhuzhou(new SimulationSettings(3, LocalDate.of(2025, 3, 1), 40, 0.05));
        List<CaseEvent> fromRun = new ArrayList<>();
        simulator.run(fromRun::add);
        List<CaseEvent> fromIterator = new ArrayList<>();
        simulator.iterator().forEachRemaining(fromIterator::add);
        assertThat(fromIterator).isEqualTo(fromRun);
    }

    @Test
    void shouldEmitSortedByOccurredAtThenEventIdWithUniqueIds() {
        List<CaseEvent> events = simulate(42, 200, 0.1);
        assertThat(events).isSortedAccordingTo(
                Comparator.comparing(CaseEvent::getOccurredAt).thenComparing(CaseEvent::getEventId));
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertThat(ids.add(e.getEventId())).as(e.getEventId()).isTrue());
    }

    @Test
    void shouldOnlyEmitEventsThatPassTheInputChecks() {
        // Issue 13: the app refuses what produce refuses (unknown courts, case numbers of another court, events
        // dated after they were recorded ...); a year of simulated events, appeals and enforcement included, has none.
        List<CaseEvent> events = simulate(42, 365, 0.1);
        assertThat(events).extracting(e -> TestChecks.CASE_NUMBERS.parse(e.getCaseId()).isPresent()).containsOnly(true);
        assertThat(events).allSatisfy(e -> assertThat(TestChecks.SEEDED.check(e)).as(e.toString()).isEmpty());
    }

    @Test
    void shouldStopAtTheHorizon() {
        List<CaseEvent> events = simulate(42, 10, 0.1);
        assertThat(events).allSatisfy(e -> assertThat(e.getOccurredAt())
                .isBefore(LocalDate.of(2025, 1, 11).atStartOfDay(SHANGHAI).toInstant()));
    }

    @Test
    void shouldFileOnWorkingDaysOnlyDuringWorkingHours() {
        LocalDate holiday = LocalDate.of(2025, 1, 1);
        Simulator simulator = new Simulator(new SimulationSettings(1, holiday, 60, 0.1), SimulatedCourts.zhuzhou(),
                d -> d.equals(holiday) || d.getDayOfWeek().getValue() >= 6, SeededSimulators.PROCEDURES);
        List<CaseEvent> events = new ArrayList<>();
        simulator.run(events::add);
        for (CaseEvent e : events) {
            ZonedDateTime local = e.getOccurredAt().atZone(SHANGHAI);
            assertThat(local.toLocalDate()).isNotEqualTo(holiday);
            assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local.toLocalTime()).isBetween(LocalTime.of(8, 30), LocalTime.of(20, 0));
        }
    }

    @Test
    void shouldScaleDownToAHandfulOfCasesADay() {
        long filings = simulate(42, 28, 0.01).stream().filter(e -> e.getPayload() instanceof CaseFiled).count();
        assertThat(filings / 20.0).as("filings per working day").isBetween(2.0, 15.0);
    }

    @Test
    void shouldKeepEveryCaseConsistent() {
        List<CaseEvent> events = simulate(11, 300, 0.1);
        CaseHistories seen = new CaseHistories();
        for (CaseEvent e : events) {
            checkAgainstEarlier(e, seen);
            seen.add(e);
        }
        for (CaseHistories.History h : seen.cases.values()) {
            checkCase(h);
        }
    }

    private static void checkAgainstEarlier(CaseEvent e, CaseHistories seen) {
        if (!(e.getPayload() instanceof CaseFiled f)) {
            assertThat(seen.cases).as("filed before %s", e.getEventId()).containsKey(e.getCaseId());
            return;
        }
        assertThat(seen.cases).doesNotContainKey(e.getCaseId());
        if (f.getOriginCaseId() == null) {
            return;
        }
        CaseHistories.History origin = seen.cases.get(f.getOriginCaseId());
        assertThat(origin).as("origin of %s", e.getCaseId()).isNotNull();
        assertThat(origin.closed).as("origin of %s closed before", e.getCaseId()).isNotNull();
        assertThat(origin.closed.getClosedOn()).isBefore(f.getFiledOn());
        if (APPEALS.contains(f.getProcedure())) {
            assertThat(e.getCourt()).isEqualTo("湘02");
            assertThat(origin.filed.getProcedure()).isIn(Procedure.CIVIL_FIRST_SUMMARY, Procedure.CIVIL_FIRST_ORDINARY,
                    Procedure.CRIMINAL_FIRST, Procedure.CRIMINAL_SUMMARY, Procedure.CRIMINAL_SPEEDY, Procedure.ADMIN_FIRST);
        }
        if (f.getProcedure() == Procedure.ENFORCEMENT) {
            assertThat(origin.events).anySatisfy(o -> assertThat(o.getPayload()).isInstanceOf(JudgmentEffective.class));
            assertThat(f.getClaimAmount()).isLessThanOrEqualTo(origin.filed.getClaimAmount());
        }
    }

    private static void checkCase(CaseHistories.History h) {
        CaseFiled filed = h.filed;
        LocalDate filedOn = filed.getFiledOn();
        assertThat(h.events.get(0).getPayload()).isSameAs(filed);
        ClockSuspended open = null;
        Set<String> scheduled = new HashSet<>();
        boolean closedBefore = false;
        for (CaseEvent e : h.events) {
            LocalDate recordedOn = e.getOccurredAt().atZone(SHANGHAI).toLocalDate();
            assertThat(recordedOn).isAfterOrEqualTo(filedOn);
            Object p = e.getPayload();
            if (p instanceof CaseFiled f) {
                assertThat(f.getFiledOn()).isEqualTo(recordedOn);
            } else if (p instanceof JudgeAssigned) {
                assertThat(ChronoUnit.DAYS.between(filedOn, recordedOn)).isBetween(1L, 5L);
            } else if (p instanceof ClockSuspended s) {
                assertThat(open).as("no nested suspension in %s", e.getCaseId()).isNull();
                assertThat(s.getSuspendedFrom()).isEqualTo(recordedOn);
                open = s;
            } else if (p instanceof ClockResumed r) {
                assertThat(open).isNotNull();
                assertThat(r.getReason()).isEqualTo(open.getReason());
                assertThat(r.getResumedOn()).isAfter(open.getSuspendedFrom()).isEqualTo(recordedOn);
                open = null;
            } else if (p instanceof HearingScheduled s) {
                scheduled.add(s.getHearingId());
            } else if (p instanceof HearingHeld held) {
                assertThat(scheduled).contains(held.getHearingId());
                assertThat(held.getHeldOn()).isEqualTo(recordedOn);
            } else if (p instanceof CaseClosed c) {
                assertThat(c.getClosedOn()).isAfterOrEqualTo(filedOn).isBeforeOrEqualTo(recordedOn);
                assertThat(ChronoUnit.DAYS.between(c.getClosedOn(), recordedOn)).isLessThanOrEqualTo(5);
                assertThat(open).as("closed while suspended: %s", e.getCaseId()).isNull();
            } else if (p instanceof JudgmentEffective j) {
                assertThat(h.closed).isNotNull();
                assertThat(j.getEffectiveOn()).isAfterOrEqualTo(h.closed.getClosedOn()).isBeforeOrEqualTo(recordedOn);
                assertThat(j.getPerformanceDueOn() == null).isEqualTo(!j.getMonetary());
            }
            if (closedBefore && !(p instanceof JudgmentEffective)) {
                throw new AssertionError(e.getEventId() + " after the closure");
            }
            closedBefore |= p instanceof CaseClosed;
        }
        if (filed.getClaimAmount() != null) {
            assertThat(h.paid).as("paid in %s", h.filed).isLessThanOrEqualTo(filed.getClaimAmount());
        }
    }

    @Test
    void shouldRejectSettingsOutOfRange() {
        assertThatThrownBy(() -> new SimulationSettings(1, LocalDate.of(2025, 1, 1), 0, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("days");
        assertThatThrownBy(() -> new SimulationSettings(1, LocalDate.of(2025, 1, 1), 10, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
    }

    @Test
    void shouldTakeTheBasicCourtsOfTheIntermediateCourtFromSeeds() {
        SimulatedCourts courts = SimulatedCourts.fromRegistry(
                CourtRegistry.load(java.nio.file.Path.of("seeds", "courts"), TestSeeds.DISK), "湘02");
        assertThat(courts).isEqualTo(SimulatedCourts.zhuzhou());
    }

    @Test
    void shouldStartLazily() {
        Iterator<CaseEvent> events =
                SeededSimulators.zhuzhou(new SimulationSettings(1, LocalDate.of(2025, 1, 1), 100_000, 1.0)).iterator();
        assertThat(events.next().getPayload()).isInstanceOf(CaseFiled.class);
    }
}
