package org.caseflow.streams.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.at;
import static org.caseflow.streams.domain.cases.TestEvents.closed;
import static org.caseflow.streams.domain.cases.TestEvents.event;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.midnight;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.events.SuspensionReason;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.indicators.SignedFact;
import org.junit.jupiter.api.Test;

/** Late and wrong input: corrections take back what they replace, bad input is refused with a reason. */
class CaseCorrectionsTest {
    static final String CASE = "(2025)湘0211民初21号";
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    // CPL 164: summary procedure, 3 months: 2025-03-03 → 2025-06-03.
    static final LocalDate DEADLINE = LocalDate.of(2025, 6, 3);
    final CaseEngine engine = new CaseEngine(CaseEngineTest.SEEDS, CaseEngine.Settings.defaults());
    final EngineHarness cases = new EngineHarness(engine);

    CaseState breached() {
        CaseState state = cases.onEvent(null, filed("f", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED), at(FILED)).state();
        CaseResult breach = cases.onTimer(state, midnight(DEADLINE.plusDays(1)));
        assertThat(breach.alerts()).extracting(DeadlineAlert::getLevel).containsExactly(AlertLevel.BREACHED);
        assertThat(breach.facts()).anySatisfy(f -> {
            assertThat(f.fact().kind()).isEqualTo(FactKind.OVERDUE_STARTED);
            assertThat(f.fact().date()).isEqualTo(DEADLINE.plusDays(1));
            assertThat(f.sign()).isEqualTo(1);
        });
        return breach.state();
    }

    @Test
    void shouldResolveTheBreachWhenASuspensionBeforeTheDeadlineIsReportedLate() {
        // Interp. 243: an appraisal from 05-20 stops the clock before the deadline; reported on 06-10.
        CaseEvent appraisal = TestEvents.event("s", CASE, LocalDate.of(2025, 6, 10),
                org.caseflow.events.ClockSuspended.newBuilder().setReason(SuspensionReason.APPRAISAL)
                        .setSuspendedFrom(LocalDate.of(2025, 5, 20)).build());

        CaseResult result = cases.onEvent(breached(), appraisal, at(LocalDate.of(2025, 6, 10)));

        assertThat(result.snapshot().getClockStopped()).isTrue();
        assertThat(result.alerts()).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.BREACHED);
            assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        });
        assertThat(result.state().overdue()).isFalse();
        assertThat(result.facts()).singleElement().satisfies(f -> {
            assertThat(f.fact().kind()).isEqualTo(FactKind.OVERDUE_STARTED);
            assertThat(f.sign()).as("the overdue period is taken back").isEqualTo(-1);
        });
    }

    @Test
    void shouldDateOverduePeriodsByTheDeadlineAndTheClosureNotByProcessingTime() {
        CaseResult closing = cases.onEvent(breached(), closed("c", CASE, LocalDate.of(2025, 7, 15)),
                at(LocalDate.of(2025, 8, 20)));

        List<SignedFact> overdue = closing.facts().stream()
                .filter(f -> f.fact().kind() == FactKind.OVERDUE_ENDED).toList();
        assertThat(overdue).singleElement().satisfies(f -> {
            assertThat(f.fact().date()).isEqualTo(LocalDate.of(2025, 7, 15));
            assertThat(f.sign()).isEqualTo(1);
        });
    }

    @Test
    void shouldTakeBackTheOverduePeriodWhenTheClosureTurnsOutToBeOnTime() {
        // Closed on 06-02 (on time), recorded only on 07-15: the breach seen meanwhile was not one.
        CaseResult closing = cases.onEvent(breached(), closed("c", CASE, LocalDate.of(2025, 6, 2)),
                at(LocalDate.of(2025, 7, 15)));

        assertThat(closing.snapshot().getOnTime()).isTrue();
        assertThat(closing.facts()).anySatisfy(f -> {
            assertThat(f.fact().kind()).isEqualTo(FactKind.OVERDUE_STARTED);
            assertThat(f.sign()).isEqualTo(-1);
        });
        assertThat(closing.facts()).noneMatch(f -> f.fact().kind() == FactKind.OVERDUE_ENDED);
    }

    @Test
    void shouldKeepTheFirstFilingRecordedWhenASecondClaimsAnEarlierDay() {
        CaseState state = cases.onEvent(null, filed("f1", CASE, Procedure.CIVIL_FIRST_ORDINARY,
                LocalDate.of(2025, 3, 10)), at(LocalDate.of(2025, 3, 10))).state();
        CaseEvent second = event("f2", CASE, LocalDate.of(2025, 3, 12), CaseFiled.newBuilder()
                .setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setFiledOn(LocalDate.of(2025, 3, 1)).build());

        CaseResult result = cases.onEvent(state, second, at(LocalDate.of(2025, 3, 12)));

        assertThat(result.snapshot().getProcedure()).isEqualTo(Procedure.CIVIL_FIRST_ORDINARY);
        assertThat(result.snapshot().getFiledOn()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(result.rejections()).singleElement()
                .satisfies(r -> assertThat(r.event().getEventId()).isEqualTo("f2"));
    }

    @Test
    void shouldRefuseAnEventDatedAfterTheDayItWasRecorded() {
        CaseState state = cases.onEvent(null, filed("f", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED), at(FILED))
                .state();
        CaseEvent typo = event("c", CASE, LocalDate.of(2025, 4, 1), org.caseflow.events.CaseClosed.newBuilder()
                .setClosedOn(LocalDate.of(2035, 2, 4)).setDisposition(org.caseflow.events.Disposition.JUDGMENT).build());
        CaseResult result = cases.onEvent(state, typo, at(LocalDate.of(2025, 4, 1)));

        assertThat(result.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("2035-02-04").contains("after the day it was recorded"));
        assertThat(result.snapshot().getClosedOn()).isNull();
    }

    @Test
    void shouldRefuseANegativeClaim() {
        CaseEvent filing = event("f", CASE, FILED, CaseFiled.newBuilder().setProcedure(Procedure.ENFORCEMENT)
                .setFiledOn(FILED).setClaimAmount(new BigDecimal("-10.00")).build());

        CaseResult result = cases.onEvent(null, filing, at(FILED));

        assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.WAITING_FOR_FILING);
        assertThat(cases.onTimer(result.state(), result.state().timerDue()).rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("never filed"));
    }

    @Test
    void shouldEndTheOnlyOpenPeriodWhenTheResumptionNamesAnotherReason() {
        CaseState state = cases.onEvent(null, filed("f", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED), at(FILED)).state();
        state = cases.onEvent(state, TestEvents.suspended("s", CASE, SuspensionReason.APPRAISAL,
                LocalDate.of(2025, 4, 1)), at(LocalDate.of(2025, 4, 1))).state();

        CaseResult resumed = cases.onEvent(state, TestEvents.resumed("r", CASE, SuspensionReason.OTHER,
                LocalDate.of(2025, 4, 11)), at(LocalDate.of(2025, 4, 11)));

        // Interp. 243: the 10 appraisal days are excluded: 2025-06-03 + 10 = 2025-06-13.
        assertThat(resumed.snapshot().getClockStopped()).isFalse();
        assertThat(resumed.snapshot().getExcludedDays()).isEqualTo(10);
        assertThat(resumed.snapshot().getDeadline()).isEqualTo(LocalDate.of(2025, 6, 13));
        assertThat(resumed.snapshot().getFlags()).anySatisfy(f -> assertThat(f).contains("gives reason OTHER"));
    }

    @Test
    void shouldDropAClosedCaseAfterItsRetention() {
        CaseState state = cases.onEvent(null, filed("f", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED), at(FILED)).state();
        CaseResult closing = cases.onEvent(state, closed("c", CASE, LocalDate.of(2025, 5, 1)), at(LocalDate.of(2025, 5, 1)));
        // Kept 730 days after the closing day, then dropped at 00:00 of the next day.
        assertThat(closing.state().timerDue()).isEqualTo(midnight(LocalDate.of(2025, 5, 1).plusDays(731)));

        CaseResult before = cases.onTimer(closing.state(), closing.state().timerDue().minusSeconds(1));
        assertThat(before.state()).isNotNull();
        CaseResult purged = cases.onTimer(closing.state(), closing.state().timerDue());
        assertThat(purged.outcome()).isEqualTo(CaseResult.Outcome.PURGED);
        assertThat(purged.state()).isNull();
        assertThat(purged.rejections()).isEmpty();
    }
}
