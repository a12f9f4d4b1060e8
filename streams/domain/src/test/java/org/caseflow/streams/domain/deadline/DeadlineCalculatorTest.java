package org.caseflow.streams.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.deadline.DeadlineInput.Conversion;
import org.caseflow.streams.domain.deadline.DeadlineInput.Exclusion;
import org.caseflow.streams.domain.deadline.DeadlineInput.Extension;
import org.caseflow.streams.domain.rules.Approver;
import org.caseflow.streams.domain.rules.ExclusionReason;
import org.caseflow.streams.domain.rules.RuleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.seeds.TestSeeds;

/** Hand-computed deadlines against the real seeds; each case names the article it checks. */
class DeadlineCalculatorTest {
    static final RuleTable RULES = RuleTable.load(Path.of("seeds/rules/trial-limits.yaml"), TestSeeds.DISK);
    static final WorkCalendar CN = WorkCalendar.load(Path.of("seeds/calendars/cn-mainland.yaml"), TestSeeds.DISK);
    static final DeadlineCalculator CALC = new DeadlineCalculator(RULES, CN);

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static Deadline compute(Procedure procedure, String filedOn) {
        return CALC.compute(DeadlineInput.filed(procedure, d(filedOn)));
    }

    // All filed on Monday 2025-03-03; the start day is not counted (CPL 85). Holidays: 2025-05-01..05-05.
    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource({
        "CIVIL_FIRST_ORDINARY,         2025-09-03, 2025-09-03, CPL 152",
        "CIVIL_FIRST_SUMMARY,          2025-06-03, 2025-06-03, CPL 164; CPL Interp. 258",
        "CIVIL_SMALL_CLAIMS,           2025-05-03, 2025-05-06, CPL 168",
        "CIVIL_SECOND_JUDGMENT,        2025-06-03, 2025-06-03, CPL 183",
        "CIVIL_SECOND_RULING,          2025-04-02, 2025-04-02, CPL 183; CPL Interp. 339",
        "CIVIL_SPECIAL,                2025-04-02, 2025-04-02, CPL 187; CPL 189",
        "CIVIL_RETRIAL_REVIEW,         2025-06-03, 2025-06-03, CPL 215; CPL Interp. 129",
        "CIVIL_RETRIAL_FIRST,          2025-09-03, 2025-09-03, CPL 218; CPL 152; CPL Interp. 128",
        "CIVIL_RETRIAL_SECOND,         2025-06-03, 2025-06-03, CPL 218; CPL 183; CPL Interp. 128",
        "CRIMINAL_FIRST,               2025-05-03, 2025-05-06, CrPL 208",
        "CRIMINAL_SUMMARY,             2025-03-23, 2025-03-24, CrPL 220",
        "CRIMINAL_SPEEDY,              2025-03-13, 2025-03-13, CrPL 225",
        "CRIMINAL_SECOND,              2025-05-03, 2025-05-06, CrPL 243",
        "CRIMINAL_PRIVATE_NOT_DETAINED, 2025-09-03, 2025-09-03, CrPL 212",
        "CRIMINAL_RETRIAL,             2025-06-03, 2025-06-03, CrPL 258",
        "ADMIN_FIRST,                  2025-09-03, 2025-09-03, ALL 81",
        "ADMIN_SUMMARY,                2025-04-17, 2025-04-17, ALL 83",
        "ADMIN_SECOND,                 2025-06-03, 2025-06-03, ALL 88",
        "ENFORCEMENT,                  2025-09-03, 2025-09-03, 法释〔2000〕29号 art. 5; 执行工作规定 item 63",
        "ENFORCEMENT_NON_LITIGATION,   2025-06-03, 2025-06-03, 法释〔2000〕29号 art. 5",
        "ENFORCEMENT_OBJECTION,        2025-03-18, 2025-03-18, CPL 236",
        "ENFORCEMENT_RECONSIDERATION,  2025-04-02, 2025-04-02, enforcement Interp. art. 8",
    })
    void shouldComputeEveryBaseLimitFromTheDayAfterFiling(Procedure procedure, String unrolled, String deadline, String article) {
        Deadline dl = compute(procedure, "2025-03-03");

        assertThat(dl.kind()).isEqualTo(Deadline.Kind.RUNNING);
        assertThat(dl.clockStart()).isEqualTo(d("2025-03-03"));
        assertThat(dl.unrolledDate()).isEqualTo(d(unrolled));
        assertThat(dl.date()).isEqualTo(d(deadline));
        assertThat(dl.explanation().get(0)).startsWith(article + ": ");
        assertThat(dl.flags()).isEmpty();
        assertThat(dl.policy()).isEqualTo("roll-forward:CN");
    }

    @Test
    void shouldExplainTheBaseRuleWithItsArticle() {
        // CPL 152: six months from filing
        Deadline dl = compute(Procedure.CIVIL_FIRST_ORDINARY, "2025-03-01");
        assertThat(dl.explanation().get(0)).isEqualTo("CPL 152: 6 months from 2025-03-01 → 2025-09-01");
    }

    @Test
    void shouldEndCivilMonthsOnTheLastDayWhenThereIsNoCorrespondingDay() {
        // Civil Code 202: 2024-08-31 + 6 months = 2025-02-28 (CPL 152)
        Deadline dl = compute(Procedure.CIVIL_FIRST_ORDINARY, "2024-08-31");
        assertThat(dl.date()).isEqualTo(d("2025-02-28"));
        assertThat(dl.explanation().get(0)).contains("Civil Code 202");
    }

    @Test
    void shouldEndCivilMonthsOnLeapDay() {
        // Civil Code 202: 2023-08-31 + 6 months = 2024-02-29 (leap year; CPL 152)
        assertThat(compute(Procedure.CIVIL_FIRST_ORDINARY, "2023-08-31").date()).isEqualTo(d("2024-02-29"));
    }

    @Test
    void shouldEndCriminalPeriodStartingOnMonthEndOnMonthEnd() {
        // CrPL Interp. 202: 2025-02-28 (month end) + 2 months = 2025-04-30, not 04-28 (CrPL 243)
        Deadline dl = compute(Procedure.CRIMINAL_SECOND, "2025-02-28");
        assertThat(dl.date()).isEqualTo(d("2025-04-30"));
        assertThat(dl.explanation().get(0)).contains("CrPL Interp. 202");
        // CrPL Interp. 202 on a leap day: 2024-02-29 + 2 months = 2024-04-30 (civil would give 04-29)
        assertThat(compute(Procedure.CRIMINAL_SECOND, "2024-02-29").date()).isEqualTo(d("2024-04-30"));
    }

    @Test
    void shouldApplyTheTwoMonthRulesToTheDomainExample() {
        // CrPL Interp. 202: 2025-04-30 + 1 month = 2025-05-31; Civil Code 202: 2025-05-30
        var oneMonth = new org.caseflow.streams.domain.rules.Span(1, 0);
        assertThat(PeriodMath.end(d("2025-04-30"), oneMonth, org.caseflow.streams.domain.rules.MonthRule.CRIMINAL))
                .isEqualTo(d("2025-05-31"));
        assertThat(PeriodMath.end(d("2025-04-30"), oneMonth, org.caseflow.streams.domain.rules.MonthRule.CIVIL))
                .isEqualTo(d("2025-05-30"));
    }

    @Test
    void shouldRollDeadlineOverWeekend() {
        // CrPL 220: 20 days from 2025-03-03 = Sunday 2025-03-23 → Monday (CrPL 105)
        Deadline dl = compute(Procedure.CRIMINAL_SUMMARY, "2025-03-03");
        assertThat(dl.rolledForward()).isTrue();
        assertThat(dl.explanation()).contains("2025-03-23 is a rest day (Sunday); rolled forward to 2025-03-24 (CrPL 105)");
    }

    @Test
    void shouldRollDeadlineOverNationalDay() {
        // CPL 183: 30 days from 2025-09-04 = 2025-10-04, inside National Day 10-01..10-08 → 10-09 (CPL 85)
        Deadline dl = compute(Procedure.CIVIL_SECOND_RULING, "2025-09-04");
        assertThat(dl.unrolledDate()).isEqualTo(d("2025-10-04"));
        assertThat(dl.date()).isEqualTo(d("2025-10-09"));
        assertThat(dl.calendarComplete()).isTrue();
        assertThat(dl.explanation()).contains("2025-10-04 is a rest day (National Day); rolled forward to 2025-10-09 (CPL 85)");
    }

    @Test
    void shouldRollDeadlineOverSpringFestival() {
        // CPL 164: 3 months from 2025-11-16 = 2026-02-16, Spring Festival 02-15..02-23 → Tuesday 02-24
        Deadline dl = compute(Procedure.CIVIL_FIRST_SUMMARY, "2025-11-16");
        assertThat(dl.date()).isEqualTo(d("2026-02-24"));
        assertThat(dl.explanation()).anyMatch(l -> l.contains("(Spring Festival)"));
    }

    @Test
    void shouldKeepDeadlineOnMakeUpWorkingDay() {
        // Sunday 2025-09-28 is a make-up working day (调休): CPL 183, 30 days from 2025-08-29
        Deadline dl = compute(Procedure.CIVIL_SECOND_RULING, "2025-08-29");
        assertThat(dl.date()).isEqualTo(d("2025-09-28"));
        assertThat(dl.rolledForward()).isFalse();
    }

    @Test
    void shouldUseWeekendsOnlyInYearWithoutCalendar() {
        // CPL 152: 2026-07-03 + 6 months = Sunday 2027-01-03; no 2027 schedule → Monday, marked incomplete
        Deadline dl = compute(Procedure.CIVIL_FIRST_ORDINARY, "2026-07-03");
        assertThat(dl.date()).isEqualTo(d("2027-01-04"));
        assertThat(dl.calendarComplete()).isFalse();
        assertThat(dl.explanation()).contains("2027 is not covered by the CN calendar: rest days are weekends only");
        // a weekday in 2027 stays, still marked incomplete
        Deadline weekday = compute(Procedure.CIVIL_FIRST_ORDINARY, "2026-07-01");
        assertThat(weekday.date()).isEqualTo(d("2027-01-01"));
        assertThat(weekday.calendarComplete()).isFalse();
    }

    @Test
    void shouldNotRollWhenPolicyIsOff() {
        WorkCalendar off = new WorkCalendar("CN", "no roll", false, CN.years(), java.util.Map.of(), java.util.Set.of());
        Deadline dl = new DeadlineCalculator(RULES, off).compute(DeadlineInput.filed(Procedure.CRIMINAL_SUMMARY, d("2025-03-03")));
        assertThat(dl.date()).isEqualTo(d("2025-03-23"));
        assertThat(dl.policy()).isEqualTo("no-roll-forward");
        assertThat(dl.rolledForward()).isFalse();
    }

    @Test
    void shouldAddExtensionWithinCap() {
        // CPL 164; Interp. 258: summary 3 months + 1 month by the president = 4 months → 2025-07-03
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_SUMMARY, d("2025-03-03"))
                .withExtensions(List.of(new Extension(1, 0, Approver.PRESIDENT, d("2025-05-20")))));
        assertThat(dl.date()).isEqualTo(d("2025-07-03"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ofMonths(1));
        assertThat(dl.flags()).isEmpty();
        assertThat(dl.explanation()).contains("extended 1 month by PRESIDENT on 2025-05-20 (CPL 164; CPL Interp. 258)");
    }

    @Test
    void shouldClampSummaryExtensionToFourMonths() {
        // CPL 164; Interp. 258: the summary total is at most 4 months
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_SUMMARY, d("2025-03-03"))
                .withExtensions(List.of(new Extension(2, 0, Approver.PRESIDENT, d("2025-05-20")))));
        assertThat(dl.date()).isEqualTo(d("2025-07-03"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ofMonths(1));
        assertThat(dl.flags()).singleElement().asString().startsWith("EXTENSION_CAP_EXCEEDED");
    }

    @Test
    void shouldIgnoreSecondExtensionOnceCapIsReached() {
        // CPL 164: a second president extension cannot pass 4 months
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_SUMMARY, d("2025-03-03"))
                .withExtensions(List.of(new Extension(1, 0, Approver.PRESIDENT, d("2025-05-20")),
                        new Extension(1, 0, Approver.PRESIDENT, d("2025-06-20")))));
        assertThat(dl.date()).isEqualTo(d("2025-07-03"));
        assertThat(dl.flags()).hasSize(1).allMatch(f -> f.startsWith("EXTENSION_CAP_EXCEEDED"));
    }

    @Test
    void shouldClimbTheOrdinaryLadderWithoutCap() {
        // CPL 152: +6 months by the president, then the higher court without statutory cap → 18 months
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_ORDINARY, d("2025-03-03"))
                .withExtensions(List.of(new Extension(6, 0, Approver.PRESIDENT, d("2025-08-20")),
                        new Extension(6, 0, Approver.HIGHER_COURT, d("2026-02-20")))));
        assertThat(dl.date()).isEqualTo(d("2026-09-03"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ofMonths(12));
        assertThat(dl.flags()).isEmpty();
    }

    @Test
    void shouldClampPresidentBeyondTwelveMonthsInOrdinaryProcedure() {
        // CPL 152: the president may extend by 6 months only; more needs the higher court
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_ORDINARY, d("2025-03-03"))
                .withExtensions(List.of(new Extension(6, 0, Approver.PRESIDENT, d("2025-08-20")),
                        new Extension(3, 0, Approver.PRESIDENT, d("2026-02-20")))));
        assertThat(dl.date()).isEqualTo(d("2026-03-03"));
        assertThat(dl.flags()).singleElement().asString().startsWith("EXTENSION_CAP_EXCEEDED");
    }

    @Test
    void shouldClampCriminalSummaryToOneAndAHalfMonths() {
        // CrPL 220: 20 days, at most 1.5 months (1 month 15 days): 2025-03-03 → 2025-04-18
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CRIMINAL_SUMMARY, d("2025-03-03"))
                .withExtensions(List.of(new Extension(0, 60, Approver.PRESIDENT, d("2025-03-15")))));
        assertThat(dl.date()).isEqualTo(d("2025-04-18"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ofDays(26));
        assertThat(dl.flags()).singleElement().asString().startsWith("EXTENSION_CAP_EXCEEDED");
    }

    @Test
    void shouldFlagAndNotCountAnExtensionByAnApproverTheLawDoesNotName() {
        // CrPL 243: a criminal second instance is extended by the provincial high court, not by its own president.
        // 2025-03-03 + 2 months = 05-03 (Labour Day holiday) → 05-06; the president's 2 months do not move it.
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CRIMINAL_SECOND, d("2025-03-03"))
                .withExtensions(List.of(new Extension(2, 0, Approver.PRESIDENT, d("2025-04-20")))));
        assertThat(dl.date()).isEqualTo(d("2025-05-06"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ZERO);
        assertThat(dl.flags()).singleElement().asString().startsWith("EXTENSION_WRONG_APPROVER").endsWith("not counted");
        assertThat(dl.explanation()).anyMatch(l -> l.contains("not counted: PRESIDENT may not extend CRIMINAL_SECOND"));

        // The same grant by the high court counts: 03-03 + 4 months = 07-03 (Thu).
        Deadline lawful = CALC.compute(DeadlineInput.filed(Procedure.CRIMINAL_SECOND, d("2025-03-03"))
                .withExtensions(List.of(new Extension(2, 0, Approver.HIGH_COURT, d("2025-04-20")))));
        assertThat(lawful.date()).isEqualTo(d("2025-07-03"));
        assertThat(lawful.flags()).isEmpty();
    }

    @Test
    void shouldNotCountAnAdministrativeFirstInstanceExtendedByItsOwnPresident() {
        // ALL 81: 6 months, extended by the high court (the Supreme Court for a high court's own cases).
        // 2025-03-03 + 6 months = 09-03 (Wed); the president's 3 months are flagged and not counted.
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.ADMIN_FIRST, d("2025-03-03"))
                .withExtensions(List.of(new Extension(3, 0, Approver.PRESIDENT, d("2025-08-20")))));
        assertThat(dl.date()).isEqualTo(d("2025-09-03"));
        assertThat(dl.flags()).singleElement().asString().startsWith("EXTENSION_WRONG_APPROVER");
    }

    @Test
    void shouldCountAWrongApproverOnlyWhenTheRuleTableSaysSoExplicitly(@TempDir Path dir) throws Exception {
        // The old behaviour as an explicit policy (policies.wrongApproverExtension: COUNTED): flagged and counted.
        Path rules = dir.resolve("trial-limits.yaml");
        Files.writeString(rules, Files.readString(Path.of("seeds/rules/trial-limits.yaml"))
                .replace("wrongApproverExtension: NOT_COUNTED", "wrongApproverExtension: COUNTED"));
        DeadlineCalculator counting = new DeadlineCalculator(RuleTable.load(rules, TestSeeds.DISK), CN);
        Deadline dl = counting.compute(DeadlineInput.filed(Procedure.ADMIN_FIRST, d("2025-03-03"))
                .withExtensions(List.of(new Extension(3, 0, Approver.PRESIDENT, d("2025-08-20")))));
        assertThat(dl.date()).isEqualTo(d("2025-12-03"));
        assertThat(dl.flags()).singleElement().asString().startsWith("EXTENSION_WRONG_APPROVER").contains("COUNTED");
    }

    @Test
    void shouldAddAnExclusionBegunOnTheRolledLastDayToTheRolledDay() {
        // CPL 164: 2025-06-13 + 3 months = 09-13 (Sat) → rolled to Mon 09-15 (CPL 85 ¶4). An appraisal 09-15..09-24
        // (resumed 09-25) begins on the day of expiry: the limit had not run out, and expires again on the day the
        // clock resumes, 09-25 — not 09-13 + 10 = 09-23, a day inside the appraisal (DOMAIN §3, CPL Interp. 243:
        // the appraisal period is not counted).
        Exclusion appraisal = new Exclusion(ExclusionReason.APPRAISAL, new DateInterval(d("2025-09-15"), d("2025-09-25")));
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_SUMMARY, d("2025-06-13"))
                .withExclusions(List.of(appraisal)));
        assertThat(dl.date()).isEqualTo(d("2025-09-25"));
        assertThat(dl.excludedDays()).isEqualTo(10);
        assertThat(dl.flags()).isEmpty();
    }

    @Test
    void shouldCountAnExtensionGrantedWhileTheClockStoodStillOnTheRolledDay() {
        // CPL 164 + CPL Interp. 258: the president's +1 month granted on 09-24, inside the appraisal that stopped the
        // clock on the rolled last day 09-15, is in time (no limit runs out while its clock stands still, DOMAIN §3):
        // 06-13 + 4 months = 10-13, + 10 excluded days = 10-23 (Thu).
        Exclusion appraisal = new Exclusion(ExclusionReason.APPRAISAL, new DateInterval(d("2025-09-15"), d("2025-09-25")));
        Extension president = new Extension(1, 0, Approver.PRESIDENT, d("2025-09-24"));
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_SUMMARY, d("2025-06-13"))
                .withExclusions(List.of(appraisal)).withExtensions(List.of(president)));
        assertThat(dl.date()).isEqualTo(d("2025-10-23"));
        assertThat(dl.flags()).isEmpty();

        // The same while the appraisal is still open on 09-24: the clock stands still, the extension is counted.
        Exclusion open = new Exclusion(ExclusionReason.APPRAISAL, new DateInterval(d("2025-09-15"), null));
        Deadline stopped = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_SUMMARY, d("2025-06-13"))
                .withExclusions(List.of(open)).withExtensions(List.of(president)));
        assertThat(stopped.kind()).isEqualTo(Deadline.Kind.CLOCK_STOPPED);
        assertThat(stopped.flags()).isEmpty();
        assertThat(stopped.extendedBy()).isEqualTo(Period.ofMonths(1));
    }

    @Test
    void shouldNeverPutTheDeadlineInsideAnExclusionBegunInTheSpringFestival() {
        // CrPL 208: 2 months; 2024-11-28 + 2 months = 2025-01-28, inside the Spring Festival holiday (01-28..02-04)
        // → expires Wed 02-05 (CPL 85 ¶4 applies to criminal periods too: CrPL 105). A psychiatric evaluation
        // (CrPL Interp. 211) from 02-03 to 02-12 (resumed 02-13) began in those rest days, after the last counted
        // day: the limit expires again on the day the clock resumes, Thu 02-13. Adding the days to the unrolled
        // 01-28 gave 02-07, inside the evaluation.
        Exclusion evaluation = new Exclusion(ExclusionReason.PSYCHIATRIC_EVALUATION,
                new DateInterval(d("2025-02-03"), d("2025-02-13")));
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CRIMINAL_FIRST, d("2024-11-28"))
                .withExclusions(List.of(evaluation)));
        assertThat(dl.date()).isEqualTo(d("2025-02-13"));
        assertThat(dl.date()).isAfterOrEqualTo(evaluation.interval().until());
    }

    @Test
    void shouldNotCountExtensionWhereTheLawAllowsNone() {
        // ALL 83: administrative summary procedure, 45 days, no extension
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.ADMIN_SUMMARY, d("2025-03-03"))
                .withExtensions(List.of(new Extension(1, 0, Approver.PRESIDENT, d("2025-04-01")))));
        assertThat(dl.date()).isEqualTo(d("2025-04-17"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ZERO);
        assertThat(dl.flags()).singleElement().asString().startsWith("EXTENSION_NOT_ALLOWED");
    }

    @Test
    void shouldCountOverlappingExclusionsOnce() {
        // CPL Interp. 243: appraisal and public notice not counted; 04-01..05-10 is 40 days, not 30 + 21
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_ORDINARY, d("2025-03-03")).withExclusions(List.of(
                new Exclusion(ExclusionReason.APPRAISAL, new DateInterval(d("2025-04-01"), d("2025-05-01"))),
                new Exclusion(ExclusionReason.PUBLIC_NOTICE, new DateInterval(d("2025-04-20"), d("2025-05-11"))))));
        assertThat(dl.excludedDays()).isEqualTo(40);
        assertThat(dl.date()).isEqualTo(d("2025-10-13"));
    }

    @Test
    void shouldExplainExcludedDays() {
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_ORDINARY, d("2025-03-03")).withExclusions(List.of(
                new Exclusion(ExclusionReason.APPRAISAL, new DateInterval(d("2025-04-01"), d("2025-05-01"))))));
        assertThat(dl.excludedDays()).isEqualTo(30);
        // CPL 152 + 30 excluded days: 2025-10-03, inside National Day → 2025-10-09
        assertThat(dl.unrolledDate()).isEqualTo(d("2025-10-03"));
        assertThat(dl.date()).isEqualTo(d("2025-10-09"));
        assertThat(dl.explanation()).contains("excluded 30 days (APPRAISAL 2025-04-01..2025-04-30)");
    }

    @Test
    void shouldFlagAndIgnoreExclusionTheRuleDoesNotAllow() {
        // CrPL 208: a settlement attempt does not stop a criminal first-instance clock
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CRIMINAL_FIRST, d("2025-03-03")).withExclusions(List.of(
                new Exclusion(ExclusionReason.SETTLEMENT, new DateInterval(d("2025-03-10"), d("2025-03-20"))))));
        assertThat(dl.excludedDays()).isZero();
        assertThat(dl.date()).isEqualTo(d("2025-05-06"));
        assertThat(dl.flags()).singleElement().asString().startsWith("EXCLUSION_NOT_ALLOWED");
    }

    @Test
    void shouldStopTheClockWhileExclusionIsOpen() {
        // CrPL Interp. 211: psychiatric evaluation not counted; still open → no deadline passes
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CRIMINAL_FIRST, d("2025-03-03")).withExclusions(List.of(
                new Exclusion(ExclusionReason.PSYCHIATRIC_EVALUATION, new DateInterval(d("2025-04-01"), null)))));
        assertThat(dl.kind()).isEqualTo(Deadline.Kind.CLOCK_STOPPED);
        assertThat(dl.date()).isNull();
        assertThat(dl.explanation()).anyMatch(l -> l.startsWith("clock stopped since 2025-04-01"));
    }

    @Test
    void shouldNotLetExclusionAfterTheDeadlineCureABreach() {
        // CrPL 225: 10 days from 2025-03-03 end 03-13; a suspension from 03-20 comes too late
        Deadline dl = CALC.compute(DeadlineInput.filed(Procedure.CRIMINAL_SPEEDY, d("2025-03-03")).withExclusions(List.of(
                new Exclusion(ExclusionReason.SUSPENSION, new DateInterval(d("2025-03-20"), d("2025-04-20"))))));
        assertThat(dl.date()).isEqualTo(d("2025-03-13"));
        assertThat(dl.flags()).singleElement().asString().startsWith("EXCLUSION_AFTER_DEADLINE");
    }

    @Test
    void shouldKeepFilingDateWhenCivilSummaryConvertsToOrdinary() {
        // CPL Interp. 258: summary → ordinary counts from the original filing
        Deadline dl = CALC.compute(new DeadlineInput(Procedure.CIVIL_FIRST_ORDINARY, d("2025-03-03"), false,
                List.of(new Conversion(Procedure.CIVIL_FIRST_SUMMARY, Procedure.CIVIL_FIRST_ORDINARY, d("2025-04-15"))),
                List.of(), List.of(), List.of()));
        assertThat(dl.clockStart()).isEqualTo(d("2025-03-03"));
        assertThat(dl.date()).isEqualTo(d("2025-09-03"));
        assertThat(dl.explanation()).anyMatch(l -> l.startsWith("CPL Interp. 258"));
    }

    @Test
    void shouldCountCriminalOrdinaryFromConversion() {
        // CrPL Interp. 368: summary → ordinary counts from the conversion decision; CrPL 208: 2 months
        Deadline dl = CALC.compute(new DeadlineInput(Procedure.CRIMINAL_FIRST, d("2025-03-03"), false,
                List.of(new Conversion(Procedure.CRIMINAL_SUMMARY, Procedure.CRIMINAL_FIRST, d("2025-03-15"))),
                List.of(), List.of(), List.of()));
        assertThat(dl.clockStart()).isEqualTo(d("2025-03-15"));
        assertThat(dl.date()).isEqualTo(d("2025-05-15"));
    }

    @Test
    void shouldNotCarrySummaryExtensionIntoOrdinaryProcedure() {
        // CPL Interp. 258: the ordinary limit runs from filing; the summary extension belonged to the summary limit
        Deadline dl = CALC.compute(new DeadlineInput(Procedure.CIVIL_FIRST_ORDINARY, d("2025-03-03"), false,
                List.of(new Conversion(Procedure.CIVIL_FIRST_SUMMARY, Procedure.CIVIL_FIRST_ORDINARY, d("2025-06-10"))),
                List.of(), List.of(new Extension(1, 0, Approver.PRESIDENT, d("2025-05-20"))), List.of()));
        assertThat(dl.date()).isEqualTo(d("2025-09-03"));
        assertThat(dl.extendedBy()).isEqualTo(Period.ZERO);
    }

    @Test
    void shouldStartNewCriminalClockOnRestart() {
        // CrPL 208 ¶3: after supplementary investigation the court counts anew: 2025-04-10 + 2 months
        Deadline dl = CALC.compute(new DeadlineInput(Procedure.CRIMINAL_FIRST, d("2025-03-03"), false, List.of(),
                List.of(d("2025-04-10")), List.of(), List.of()));
        assertThat(dl.clockStart()).isEqualTo(d("2025-04-10"));
        assertThat(dl.date()).isEqualTo(d("2025-06-10"));
    }

    @Test
    void shouldFlagRestartOfCivilCase() {
        Deadline dl = CALC.compute(new DeadlineInput(Procedure.CIVIL_FIRST_ORDINARY, d("2025-03-03"), false, List.of(),
                List.of(d("2025-04-10")), List.of(), List.of()));
        assertThat(dl.date()).isEqualTo(d("2025-09-03"));
        assertThat(dl.flags()).singleElement().asString().startsWith("RESTART_NOT_APPLICABLE");
    }

    @Test
    void shouldGiveForeignRelatedCivilCaseNoDeadline() {
        // CPL 287: no fixed limit for foreign-related civil cases
        Deadline dl = CALC.compute(new DeadlineInput(Procedure.CIVIL_FIRST_ORDINARY, d("2025-03-03"), true, List.of(),
                List.of(), List.of(), List.of()));
        assertThat(dl.kind()).isEqualTo(Deadline.Kind.NONE);
        assertThat(dl.date()).isNull();
        assertThat(dl.explanation()).hasSize(2).first().asString().startsWith("CPL 287");
        assertThat(dl.explanation()).last().asString().startsWith("reference data: rule table ");
    }

    @Test
    void shouldKeepDeadlineOfForeignRelatedCriminalCase() {
        Deadline dl = CALC.compute(new DeadlineInput(Procedure.CRIMINAL_SPEEDY, d("2025-03-03"), true, List.of(),
                List.of(), List.of(), List.of()));
        assertThat(dl.date()).isEqualTo(d("2025-03-13"));
    }
}
