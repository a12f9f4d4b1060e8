package org.caseflow.streams.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.at;
import static org.caseflow.streams.domain.cases.TestEvents.closed;
import static org.caseflow.streams.domain.cases.TestEvents.extended;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.judge;
import static org.caseflow.streams.domain.cases.TestEvents.midnight;
import static org.caseflow.streams.domain.cases.TestEvents.resumed;
import static org.caseflow.streams.domain.cases.TestEvents.suspended;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.Approver;
import org.caseflow.events.CaseStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.events.SuspensionReason;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.Test;

class CaseEngineTest {
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));
    static final String CASE = "(2025)湘0211民初1号";
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    // CPL 164: summary procedure, 3 months from filing: 2025-03-03 + 3 months = 2025-06-03 (a Tuesday).
    static final LocalDate DEADLINE = LocalDate.of(2025, 6, 3);

    final CaseEngine engine = new CaseEngine(SEEDS, CaseEngine.Settings.defaults());
    final EngineHarness cases = new EngineHarness(engine);

    CaseResult file() {
        return cases.onEvent(null, filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED), at(FILED));
    }

    @Test
    void shouldComputeSummaryDeadlineAndArmNoticeTimer() {
        CaseResult result = file();

        assertThat(result.snapshot().getDeadline()).isEqualTo(DEADLINE);
        assertThat(result.snapshot().getStatus()).isEqualTo(CaseStatus.OPEN);
        assertThat(result.alerts()).isEmpty();
        // NOTICE: 00:00 of the day that leaves 15 days, in the court's zone.
        assertThat(result.state().timerDue()).isEqualTo(midnight(DEADLINE.minusDays(15)));
    }

    @Test
    void shouldFireBreachedBeforeTheFirstOverdueReminderWhenOneEvaluationCrossesBoth() {
        // DESIGN §5: BREACHED at deadline + 1, OVERDUE-1 at deadline + 8. An instance that looks at the case only on
        // deadline + 10 (down for days, or a timer found late) crosses both at once: BREACHED still fires (issue 13),
        // first, so a consumer watching breaches never misses one; then OVERDUE-1 as the highest level.
        CaseState state = file().state();

        CaseResult late = cases.onTimer(state, midnight(DEADLINE.plusDays(10)));

        assertThat(late.alerts()).extracting(DeadlineAlert::getAlertId)
                .containsExactly(CASE + "/v1/BREACHED", CASE + "/v1/OVERDUE-1");
        assertThat(late.alerts()).extracting(DeadlineAlert::getStatus).containsOnly(AlertStatus.FIRING);
        assertThat(late.state().firing()).extracting(FiringAlert::level)
                .containsExactly(AlertLevel.BREACHED, AlertLevel.OVERDUE);

        // Once fired, BREACHED is not repeated by the next reminder.
        CaseResult next = cases.onTimer(late.state(), midnight(DEADLINE.plusDays(15)));
        assertThat(next.alerts()).extracting(DeadlineAlert::getAlertId).containsExactly(CASE + "/v1/OVERDUE-2");
    }

    @Test
    void shouldReportAnUnlawfulExtensionOnceAndNotMoveTheDeadline() {
        // CPL 164 + CPL Interp. 258: a summary case is extended by its president; a grant by the high court is no
        // extension of it (issue 13): flagged once (counted by the processor so operators can alert), not counted.
        CaseState state = file().state();

        CaseResult unlawful = cases.onEvent(state, extended("e2", CASE, 1, Approver.HIGH_COURT, FILED.plusDays(30)),
                at(FILED.plusDays(30)));
        assertThat(unlawful.newFlags()).containsExactly("EXTENSION_WRONG_APPROVER");
        assertThat(unlawful.snapshot().getDeadline()).isEqualTo(DEADLINE);

        CaseResult later = cases.onEvent(unlawful.state(), judge("e3", CASE, FILED.plusDays(31), "J-2"),
                at(FILED.plusDays(31)));
        assertThat(later.newFlags()).isEmpty();
    }

    @Test
    void shouldIgnoreRepeatedEventId() {
        CaseState state = file().state();

        CaseResult again = cases.onEvent(state, filed("e1", CASE, Procedure.CIVIL_FIRST_ORDINARY, FILED), at(FILED));

        assertThat(again.outcome()).isEqualTo(CaseResult.Outcome.DUPLICATE);
        assertThat(again.state()).isSameAs(state);
        assertThat(again.snapshot()).isNull();
    }

    @Test
    void shouldKeepEventsThatArriveBeforeTheFilingUntilItComes() {
        CaseResult waiting = cases.onEvent(null, judge("e2", CASE, FILED.plusDays(1), "J-9"), at(FILED.plusDays(1)));
        assertThat(waiting.outcome()).isEqualTo(CaseResult.Outcome.WAITING_FOR_FILING);
        assertThat(waiting.state().timerDue()).isEqualTo(at(FILED.plusDays(1)).plus(java.time.Duration.ofDays(7)));

        CaseResult filed = cases.onEvent(waiting.state(), filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED),
                at(FILED.plusDays(1)));

        assertThat(filed.snapshot().getJudge()).isEqualTo("J-9");
        assertThat(filed.state().timerDue()).isEqualTo(midnight(DEADLINE.minusDays(15)));
    }

    @Test
    void shouldDeadLetterEventsWhoseCaseIsNeverFiled() {
        CaseResult waiting = cases.onEvent(null, judge("e2", CASE, FILED, "J-9"), at(FILED));

        CaseResult expired = cases.onTimer(waiting.state(), waiting.state().timerDue());

        assertThat(expired.state()).isNull();
        assertThat(expired.outcome()).isEqualTo(CaseResult.Outcome.ORPHANED);
        assertThat(expired.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("case never filed"));
    }

    @Test
    void shouldRejectClosingAClosedCaseWithoutThrowing() {
        CaseState state = file().state();
        state = cases.onEvent(state, closed("c1", CASE, FILED.plusDays(30)), at(FILED.plusDays(30))).state();

        CaseResult second = cases.onEvent(state, closed("c2", CASE, FILED.plusDays(40)), at(FILED.plusDays(40)));

        assertThat(second.rejections()).singleElement().satisfies(r -> {
            assertThat(r.event().getEventId()).isEqualTo("c2");
            assertThat(r.reason()).contains("already closed on 2025-04-02");
        });
        assertThat(second.snapshot().getClosedOn()).isEqualTo(FILED.plusDays(30));
    }

    @Test
    void shouldRejectResumingWhatWasNotSuspended() {
        CaseResult result = cases.onEvent(file().state(),
                resumed("r1", CASE, SuspensionReason.APPRAISAL, FILED.plusDays(10)), at(FILED.plusDays(10)));

        assertThat(result.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("not suspended"));
        assertThat(result.snapshot().getDeadline()).isEqualTo(DEADLINE);
    }

    @Test
    void shouldRaiseEachLevelAtLocalMidnightThenResolveOnClosure() {
        CaseState state = file().state();
        List<AlertLevel> raised = new java.util.ArrayList<>();
        Instant until = midnight(DEADLINE.plusDays(9));
        while (state.timerDue() != null && !state.timerDue().isAfter(until)) {
            CaseResult r = cases.onTimer(state, state.timerDue());
            r.alerts().forEach(a -> raised.add(a.getLevel()));
            state = r.state();
        }
        // 15, 7 and 3 days before; 00:00 after the deadline day; a reminder 7 days later (DESIGN §5).
        assertThat(raised).containsExactly(AlertLevel.NOTICE, AlertLevel.WARNING, AlertLevel.CRITICAL,
                AlertLevel.BREACHED, AlertLevel.OVERDUE);

        CaseResult closing = cases.onEvent(state, closed("c1", CASE, DEADLINE.plusDays(9)), at(DEADLINE.plusDays(9)));

        assertThat(closing.alerts()).hasSize(5).allSatisfy(a -> assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED));
        assertThat(closing.snapshot().getOnTime()).isFalse();
        assertThat(closing.state().timerDue()).as("no alert timer; only the retention of the closed case")
                .isEqualTo(midnight(DEADLINE.plusDays(9).plusDays(731)));
    }

    @Test
    void shouldNotBreachOnTheDeadlineDayItself() {
        CaseState state = file().state();
        CaseResult r = cases.onTimer(state, midnight(DEADLINE).plusSeconds(23 * 3600 + 59 * 60));

        assertThat(r.alerts()).extracting(DeadlineAlert::getLevel).containsExactly(AlertLevel.CRITICAL);
        assertThat(r.state().timerDue()).isEqualTo(midnight(DEADLINE.plusDays(1)));
    }

    @Test
    void shouldGiveEachAlertTheCasesOwnExplanation() {
        // CPL 164: summary, 3 months from 2025-06-04 = 2025-09-04; + 1 month by the president (CPL 164; CPL Interp.
        // 258) = 2025-10-04, National Day: rolled forward to 2025-10-09 (CPL 85). NOTICE 15 days before.
        LocalDate filedOn = LocalDate.of(2025, 6, 4);
        CaseState state = cases.onEvent(null, filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, filedOn), at(filedOn)).state();
        CaseResult extended = cases.onEvent(state, extended("x1", CASE, 1, Approver.PRESIDENT, LocalDate.of(2025, 8, 20)),
                at(LocalDate.of(2025, 8, 20)));
        CaseResult notice = cases.onTimer(extended.state(), midnight(LocalDate.of(2025, 9, 24)));

        assertThat(notice.alerts()).singleElement().satisfies(a -> {
            assertThat(a.getLevel()).isEqualTo(AlertLevel.NOTICE);
            assertThat(a.getDeadline()).isEqualTo(LocalDate.of(2025, 10, 9));
            assertThat(a.getExplanation()).isEqualTo(extended.snapshot().getExplanation())
                    .contains("extended 1 month by PRESIDENT on 2025-08-20 (CPL 164; CPL Interp. 258)",
                            "2025-10-04 is a rest day (National Day); rolled forward to 2025-10-09 (CPL 85)");
        });
    }

    @Test
    void shouldResolveAndReArmWhenAnExtensionMovesTheDeadline() {
        // CPL 152: an ordinary case, 6 months; extended 6 months by the president.
        LocalDate filedOn = LocalDate.of(2025, 1, 6);
        CaseState state = cases.onEvent(null, filed("e1", CASE, Procedure.CIVIL_FIRST_ORDINARY, filedOn),
                at(filedOn)).state();
        LocalDate deadline = LocalDate.of(2025, 7, 7); // 2025-07-06 is a Sunday: rolled forward (CPL 85)
        CaseResult critical = cases.onTimer(state, midnight(deadline.minusDays(3)));
        assertThat(critical.alerts()).extracting(DeadlineAlert::getLevel).containsExactly(AlertLevel.CRITICAL);

        CaseResult extension = cases.onEvent(critical.state(),
                extended("x1", CASE, 6, Approver.PRESIDENT, deadline.minusDays(2)), at(deadline.minusDays(2)));

        assertThat(extension.alerts()).singleElement().satisfies(a -> {
            assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(a.getAlertId()).isEqualTo(CASE + "/v1/CRITICAL");
        });
        assertThat(extension.snapshot().getDeadline()).isEqualTo(LocalDate.of(2026, 1, 6));
        assertThat(extension.state().deadlineVersion()).isEqualTo(2);
        assertThat(extension.state().timerDue()).isEqualTo(midnight(LocalDate.of(2026, 1, 6).minusDays(15)));
    }

    @Test
    void shouldStopTheClockWhileSuspendedAndMoveTheDeadlineOnResumption() {
        CaseState state = file().state();
        state = cases.onEvent(state, suspended("s1", CASE, SuspensionReason.APPRAISAL, LocalDate.of(2025, 4, 1)),
                at(LocalDate.of(2025, 4, 1))).state();
        assertThat(state.timerDue()).as("no threshold passes while the clock stands still").isNull();

        // Interp. 243: appraisal excluded; resumedOn - suspendedFrom = 30 days.
        CaseResult resumed = cases.onEvent(state, resumed("s2", CASE, SuspensionReason.APPRAISAL,
                LocalDate.of(2025, 5, 1)), at(LocalDate.of(2025, 5, 1)));

        assertThat(resumed.snapshot().getExcludedDays()).isEqualTo(30);
        assertThat(resumed.snapshot().getDeadline()).isEqualTo(LocalDate.of(2025, 7, 3));
        assertThat(resumed.state().timerDue()).isEqualTo(midnight(LocalDate.of(2025, 7, 3).minusDays(15)));
    }

    @Test
    void shouldCountAClosureOnTheDeadlineDayAsOnTime() {
        CaseResult r = cases.onEvent(file().state(), closed("c1", CASE, DEADLINE), at(DEADLINE));

        assertThat(r.snapshot().getOnTime()).isTrue();
        assertThat(r.snapshot().getStatus()).isEqualTo(CaseStatus.CLOSED);
    }
}
