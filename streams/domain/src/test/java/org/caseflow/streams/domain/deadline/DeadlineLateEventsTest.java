package org.caseflow.streams.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.deadline.DeadlineInput.Exclusion;
import org.caseflow.streams.domain.deadline.DeadlineInput.Extension;
import org.caseflow.streams.domain.rules.Approver;
import org.caseflow.streams.domain.rules.ExclusionReason;
import org.caseflow.streams.domain.rules.RuleTable;
import org.junit.jupiter.api.Test;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.seeds.TestSeeds;

/**
 * Exclusions and extensions that arrive near the end of a limit: whether they come in time is judged
 * against the deadline as it stands that day, rolled forward over rest days (CPL 85, Civil Code 203).
 */
class DeadlineLateEventsTest {
    static final RuleTable RULES = RuleTable.load(Path.of("seeds/rules/trial-limits.yaml"), TestSeeds.DISK);
    static final WorkCalendar CN = WorkCalendar.load(Path.of("seeds/calendars/cn-mainland.yaml"), TestSeeds.DISK);
    static final DeadlineCalculator CALC = new DeadlineCalculator(RULES, CN);
    static final DeadlineCalculator NO_ROLL = new DeadlineCalculator(RULES,
            new WorkCalendar("CN", "no roll", false, CN.years(), Map.of(), Set.of()));

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** CPL 164: filed 2025-11-15, 3 months end 2026-02-15 (Sun, Spring Festival 02-15..02-23) → rolled 02-24. */
    static DeadlineInput summaryIntoSpringFestival() {
        return DeadlineInput.filed(Procedure.CIVIL_FIRST_SUMMARY, d("2025-11-15"));
    }

    static DeadlineInput withAppraisal(DeadlineInput in, String from, String resumedOn) {
        return in.withExclusions(List.of(new Exclusion(ExclusionReason.APPRAISAL, new DateInterval(d(from), d(resumedOn)))));
    }

    @Test
    void shouldCountSuspensionStartingDuringTheRollForwardDays() {
        // CPL 85 / Civil Code 203: on 02-20 the limit still runs (it ends 02-24), so CPL Interp. 243 excludes
        // the appraisal 02-20..03-19 = 28 days. It began after the last counted day 02-15, in the rest days
        // rolled over: no counted day was left, and the limit expires again on the day the clock resumes, 03-20
        // (Fri). (Adding the days to the unrolled end gave 03-16, inside the appraisal: a limit cannot run out
        // while its clock stands still, DOMAIN §3.)
        Deadline dl = CALC.compute(withAppraisal(summaryIntoSpringFestival(), "2026-02-20", "2026-03-20"));

        assertThat(dl.excludedDays()).isEqualTo(28);
        assertThat(dl.unrolledDate()).isEqualTo(d("2026-03-20"));
        assertThat(dl.date()).isEqualTo(d("2026-03-20"));
        assertThat(dl.flags()).isEmpty();
    }

    @Test
    void shouldCountSuspensionStartingOnTheRolledLastDay() {
        // CPL 85: 02-24 is the last day of the limit, still inside it; CPL Interp. 243: 02-24..03-09 = 14 days;
        // the clock stopped on the day of expiry: it expires again on the day the clock resumes, 03-10 (Tue)
        Deadline dl = CALC.compute(withAppraisal(summaryIntoSpringFestival(), "2026-02-24", "2026-03-10"));

        assertThat(dl.excludedDays()).isEqualTo(14);
        assertThat(dl.unrolledDate()).isEqualTo(d("2026-03-10"));
        assertThat(dl.date()).isEqualTo(d("2026-03-10"));
        assertThat(dl.flags()).isEmpty();
    }

    @Test
    void shouldIgnoreSuspensionStartingAfterTheRolledDeadline() {
        // CPL 164 + CPL 85: the limit ran out at the end of 02-24; an appraisal from 02-25 cannot revive it
        Deadline dl = CALC.compute(withAppraisal(summaryIntoSpringFestival(), "2026-02-25", "2026-03-20"));

        assertThat(dl.excludedDays()).isZero();
        assertThat(dl.date()).isEqualTo(d("2026-02-24"));
        assertThat(dl.flags()).singleElement().asString()
                .startsWith("EXCLUSION_AFTER_DEADLINE: APPRAISAL 2026-02-25..2026-03-19 starts after the deadline 2026-02-24");
    }

    @Test
    void shouldJudgeSuspensionAgainstTheUnrolledEndWhenThePolicyIsOff() {
        // DOMAIN §2: roll-forward is a policy flag; with it off the limit ends on 02-15, so 02-20 is too late
        Deadline dl = NO_ROLL.compute(withAppraisal(summaryIntoSpringFestival(), "2026-02-20", "2026-03-20"));

        assertThat(dl.excludedDays()).isZero();
        assertThat(dl.date()).isEqualTo(d("2026-02-15"));
        assertThat(dl.flags()).singleElement().asString().contains("starts after the deadline 2026-02-15");
    }

    @Test
    void shouldNotLetExtensionGrantedAfterExpiryCureTheBreach() {
        // CPL 152: 2025-01-10 + 6 months = 07-10 (Thu). SPC 2019 rule on extensions: decided before expiry;
        // a grant on 08-01 comes after the limit ran out and is not counted
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_ORDINARY, d("2025-01-10"))
                .withExtensions(List.of(new Extension(6, 0, Approver.PRESIDENT, d("2025-08-01")))));

        assertThat(dl.date()).isEqualTo(d("2025-07-10"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ZERO);
        assertThat(dl.flags()).singleElement().asString()
                .startsWith("EXTENSION_AFTER_EXPIRY: extension of 6 months by PRESIDENT on 2025-08-01")
                .contains("deadline 2025-07-10", "SPC 2019 rule on extensions");
    }

    @Test
    void shouldCountExtensionGrantedOnTheLastDay() {
        // CPL 152: the limit still runs on 07-10; 6 + 6 months (president) = 2026-01-10 (Sat) → 01-12 (Mon)
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_ORDINARY, d("2025-01-10"))
                .withExtensions(List.of(new Extension(6, 0, Approver.PRESIDENT, d("2025-07-10")))));

        assertThat(dl.date()).isEqualTo(d("2026-01-12"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ofMonths(6));
        assertThat(dl.flags()).isEmpty();
    }

    @Test
    void shouldCountExtensionGrantedDuringTheRollForwardDays() {
        // CPL 85: the summary limit runs until 02-24; CPL Interp. 258: +1 month (president) on 02-20 counts:
        // 2025-11-15 + 4 months = 2026-03-15 (Sun) → 03-16 (Mon)
        Deadline dl = CALC.compute(summaryIntoSpringFestival()
                .withExtensions(List.of(new Extension(1, 0, Approver.PRESIDENT, d("2026-02-20")))));

        assertThat(dl.date()).isEqualTo(d("2026-03-16"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ofMonths(1));
        assertThat(dl.flags()).isEmpty();
    }

    @Test
    void shouldFlagExtensionDuringTheRestDaysWhenThePolicyIsOff() {
        // DOMAIN §2: without roll-forward the summary limit ends 02-15, so a grant on 02-20 is after expiry
        Deadline dl = NO_ROLL.compute(summaryIntoSpringFestival()
                .withExtensions(List.of(new Extension(1, 0, Approver.PRESIDENT, d("2026-02-20")))));

        assertThat(dl.date()).isEqualTo(d("2026-02-15"));
        assertThat(dl.flags()).singleElement().asString().startsWith("EXTENSION_AFTER_EXPIRY");
    }

    @Test
    void shouldJudgeExtensionAgainstTheDeadlineMovedByExclusions() {
        // CPL Interp. 243: appraisal 03-01..03-30 = 30 days: 07-10 + 30 = 08-09 (Sat) → 08-11, so a grant on
        // 08-01 is in time; CPL 152: 6 + 6 months = 2026-01-10, + 30 = 2026-02-09 (Mon)
        Deadline dl = CALC.compute(withAppraisal(DeadlineInput.filed(Procedure.CIVIL_FIRST_ORDINARY, d("2025-01-10")),
                "2025-03-01", "2025-03-31")
                .withExtensions(List.of(new Extension(6, 0, Approver.PRESIDENT, d("2025-08-01")))));

        assertThat(dl.date()).isEqualTo(d("2026-02-09"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ofMonths(6));
        assertThat(dl.flags()).isEmpty();
    }

    @Test
    void shouldCountExtensionGrantedWhileTheClockIsStopped() {
        // 法释〔2000〕29号 art. 9: a suspension from 07-01 (before the 07-10 end) still open holds the clock,
        // so no expiry has passed when the president extends on 08-01
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_ORDINARY, d("2025-01-10"))
                .withExclusions(List.of(new Exclusion(ExclusionReason.SUSPENSION, new DateInterval(d("2025-07-01"), null))))
                .withExtensions(List.of(new Extension(6, 0, Approver.PRESIDENT, d("2025-08-01")))));

        assertThat(dl.kind()).isEqualTo(Deadline.Kind.CLOCK_STOPPED);
        assertThat(dl.extendedBy()).isEqualTo(Period.ofMonths(6));
        assertThat(dl.flags()).isEmpty();
    }

    @Test
    void shouldJudgeEachExtensionAgainstTheEarlierOnesCounted() {
        // CPL 152: 2024-09-10 + 6 = 2025-03-10; president +6 on 03-01 → 09-10; the higher court's +3 on 08-20
        // is before 09-10 (counts: 2025-12-10), its second +3 on 2026-01-05 is after 12-10 (not counted)
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_ORDINARY, d("2024-09-10"))
                .withExtensions(List.of(
                        new Extension(6, 0, Approver.PRESIDENT, d("2025-03-01")),
                        new Extension(3, 0, Approver.HIGHER_COURT, d("2025-08-20")),
                        new Extension(3, 0, Approver.HIGHER_COURT, d("2026-01-05")))));

        assertThat(dl.date()).isEqualTo(d("2025-12-10"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ofMonths(9));
        assertThat(dl.flags()).singleElement().asString()
                .startsWith("EXTENSION_AFTER_EXPIRY: extension of 3 months by HIGHER_COURT on 2026-01-05")
                .contains("deadline 2025-12-10");
    }
}
