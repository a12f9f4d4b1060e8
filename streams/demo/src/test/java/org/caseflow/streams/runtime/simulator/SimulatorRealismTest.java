package org.caseflow.streams.runtime.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.ClockSuspended;
import org.caseflow.events.Disposition;
import org.caseflow.events.EnforcementPayment;
import org.caseflow.events.Procedure;
import org.caseflow.events.ProcedureChanged;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proportions of one simulated year at scale 0.1 (about 15,000 cases) against the brief's bounds. */
class SimulatorRealismTest {
    private static final LocalDate HORIZON = LocalDate.of(2026, 1, 1);
    private static final Set<Procedure> APPEALABLE = EnumSet.of(Procedure.CIVIL_FIRST_SUMMARY,
            Procedure.CIVIL_FIRST_ORDINARY, Procedure.CRIMINAL_FIRST, Procedure.CRIMINAL_SUMMARY,
            Procedure.CRIMINAL_SPEEDY, Procedure.ADMIN_FIRST);
    private static CaseHistories year;

    @BeforeAll
    static void simulateAYear() {
        List<CaseEvent> events = SimulatorTest.simulate(42, 365, 0.1);
        year = CaseHistories.of(events);
        assertThat(year.cases).hasSizeGreaterThan(5_000);
    }

    private static List<CaseHistories.History> cases() {
        return List.copyOf(year.cases.values());
    }

    @Test
    void shouldFileMostCivilFirstInstanceCasesAsSummaryProcedure() {
        long civilFirst = cases().stream().filter(h -> h.filed.getProcedure().name().startsWith("CIVIL_FIRST")
                || h.filed.getProcedure() == Procedure.CIVIL_SMALL_CLAIMS).count();
        long summary = cases().stream().filter(h -> h.filed.getProcedure() == Procedure.CIVIL_FIRST_SUMMARY).count();
        assertThat((double) summary / civilFirst).isBetween(0.5, 0.8);
    }

    @Test
    void shouldCloseTwoToEightPercentAfterTheDeadline() {
        List<CaseHistories.History> closed = cases().stream()
                .filter(h -> h.closed != null && !h.filed.getForeignRelated()).toList();
        long late = closed.stream().filter(CaseHistories.History::late).count();
        assertThat((double) late / closed.size()).isBetween(0.02, 0.08);
    }

    @Test
    void shouldLeaveSomeOverdueCasesOpenAtTheHorizon() {
        long overdueOpen = cases().stream()
                .filter(h -> h.closed == null && !h.filed.getForeignRelated() && h.deadline().isBefore(HORIZON))
                .count();
        assertThat(overdueOpen).isPositive();
    }

    @Test
    void shouldSuspendAboutOneCaseInTen() {
        List<CaseHistories.History> closed = cases().stream().filter(h -> h.closed != null).toList();
        long suspended = closed.stream()
                .filter(h -> h.events.stream().anyMatch(e -> e.getPayload() instanceof ClockSuspended)).count();
        assertThat((double) suspended / closed.size()).isBetween(0.05, 0.15);
    }

    @Test
    void shouldConvertAFewSummaryCasesToOrdinary() {
        List<CaseHistories.History> summary =
                cases().stream().filter(h -> h.filed.getProcedure() == Procedure.CIVIL_FIRST_SUMMARY).toList();
        long changed = summary.stream()
                .filter(h -> h.events.stream().anyMatch(e -> e.getPayload() instanceof ProcedureChanged)).count();
        assertThat((double) changed / summary.size()).isBetween(0.02, 0.08);
    }

    @Test
    void shouldAppealEightToFifteenPercentOfFirstInstanceJudgments() {
        // Judgments closed early enough for an appeal (filed within 45 days) to fall inside the year.
        LocalDate cutOff = HORIZON.minusDays(60);
        Set<String> judged = new java.util.HashSet<>();
        cases().stream()
                .filter(h -> APPEALABLE.contains(h.filed.getProcedure()) && h.closed != null
                        && h.closed.getDisposition() == Disposition.JUDGMENT
                        && h.closed.getClosedOn().isBefore(cutOff)
                        && !h.events.get(0).getCourt().equals("湘02"))
                .forEach(h -> judged.add(h.events.get(0).getCaseId()));
        Set<Procedure> appeals = EnumSet.of(Procedure.CIVIL_SECOND_JUDGMENT, Procedure.CRIMINAL_SECOND,
                Procedure.ADMIN_SECOND);
        long appealed = cases().stream()
                .filter(h -> appeals.contains(h.filed.getProcedure()) && judged.contains(h.filed.getOriginCaseId()))
                .count();
        assertThat((double) appealed / judged.size()).isBetween(0.08, 0.15);
    }

    @Test
    void shouldAffirmMostAppeals() {
        List<CaseHistories.History> decided = cases().stream()
                .filter(h -> h.filed.getProcedure() == Procedure.CIVIL_SECOND_JUDGMENT && h.closed != null).toList();
        long affirmed = decided.stream().filter(h -> h.closed.getDisposition() == Disposition.AFFIRMED).count();
        long remanded = decided.stream().filter(h -> h.closed.getDisposition() == Disposition.REMANDED).count();
        assertThat((double) affirmed / decided.size()).isBetween(0.7, 0.9);
        assertThat(remanded).isPositive();
    }

    @Test
    void shouldLinkRetrialReviewsAndEnforcementWithPayments() {
        assertThat(cases()).anySatisfy(h -> assertThat(h.filed.getProcedure()).isEqualTo(Procedure.CIVIL_RETRIAL_REVIEW));
        List<CaseHistories.History> completed = cases().stream()
                .filter(h -> h.closed != null && h.closed.getDisposition() == Disposition.ENFORCEMENT_COMPLETED).toList();
        assertThat(completed).isNotEmpty().allSatisfy(h -> {
            assertThat(h.filed.getOriginCaseId()).isNotNull();
            assertThat(h.paid).isEqualByComparingTo(h.filed.getClaimAmount());
        });
        assertThat(cases()).anySatisfy(h -> assertThat(h.events)
                .anySatisfy(e -> assertThat(e.getPayload()).isInstanceOf(EnforcementPayment.class)));
    }
}
