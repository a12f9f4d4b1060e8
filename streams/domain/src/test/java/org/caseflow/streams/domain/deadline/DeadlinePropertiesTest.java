package org.caseflow.streams.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.events.SuspensionReason;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.deadline.DeadlineInput.Exclusion;
import org.caseflow.streams.domain.rules.ExclusionReason;
import org.caseflow.streams.domain.rules.RuleTable;
import org.caseflow.streams.domain.seeds.TestSeeds;

/** Invariants of the calculator over random procedures, filing days and exclusions (real seeds). */
class DeadlinePropertiesTest {
    static final RuleTable RULES = RuleTable.load(Path.of("seeds/rules/trial-limits.yaml"), TestSeeds.DISK);
    static final WorkCalendar CN = WorkCalendar.load(Path.of("seeds/calendars/cn-mainland.yaml"), TestSeeds.DISK);
    static final DeadlineCalculator CALC = new DeadlineCalculator(RULES, CN);
    static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    @Provide
    Arbitrary<Procedure> procedures() {
        return Arbitraries.of(Procedure.values());
    }

    @Provide
    Arbitrary<List<Exclusion>> exclusions() {
        Arbitrary<Exclusion> one = Combinators.combine(
                Arbitraries.of(SuspensionReason.values()).map(Enum::name),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 90))
                .as((reason, start, len) -> new Exclusion(ExclusionReason.valueOf(reason),
                        new DateInterval(BASE.plusDays(start), BASE.plusDays(start + len))));
        return one.list().ofMaxSize(5);
    }

    private static DeadlineInput input(Procedure procedure, int filedOffset, List<Exclusion> exclusions) {
        return DeadlineInput.filed(procedure, BASE.plusDays(filedOffset)).withExclusions(exclusions);
    }

    @Property
    void moreExcludedDaysNeverMakeADeadlineEarlier(@ForAll("procedures") Procedure procedure,
            @ForAll @IntRange(min = 0, max = 900) int filedOffset, @ForAll("exclusions") List<Exclusion> exclusions,
            @ForAll("exclusions") List<Exclusion> more) {
        Deadline before = CALC.compute(input(procedure, filedOffset, exclusions));
        List<Exclusion> all = new ArrayList<>(exclusions);
        all.addAll(more);
        Deadline after = CALC.compute(input(procedure, filedOffset, all));

        assertThat(after.excludedDays()).isGreaterThanOrEqualTo(before.excludedDays());
        assertThat(after.date()).isAfterOrEqualTo(before.date());
    }

    @Property
    void aDeadlineNeverLiesInsideACountedExclusion(@ForAll("procedures") Procedure procedure,
            @ForAll @IntRange(min = 0, max = 900) int filedOffset, @ForAll("exclusions") List<Exclusion> exclusions) {
        // DOMAIN §3: a limit cannot run out while its clock stands still (issue 13: order of exclusion and
        // roll-forward). Every excluded day counted lies before the deadline.
        Deadline dl = CALC.compute(input(procedure, filedOffset, exclusions));
        if (dl.date() == null || dl.excludedDays() == 0) {
            return;
        }
        for (Exclusion x : exclusions) {
            DateInterval iv = x.interval();
            boolean inside = !dl.date().isBefore(iv.from()) && dl.date().isBefore(iv.until());
            assertThat(inside && RULES.rule(procedure).excludes(x.reason()))
                    .as("deadline %s inside %s %s..%s", dl.date(), x.reason(), iv.from(), iv.until()).isFalse();
        }
    }

    @Property
    void aRolledDeadlineIsAWorkingDay(@ForAll("procedures") Procedure procedure,
            @ForAll @IntRange(min = 0, max = 900) int filedOffset, @ForAll("exclusions") List<Exclusion> exclusions) {
        Deadline dl = CALC.compute(input(procedure, filedOffset, exclusions));

        assertThat(CN.isRestDay(dl.date())).as("%s is a rest day", dl.date()).isFalse();
        assertThat(dl.date()).isAfterOrEqualTo(dl.unrolledDate());
        assertThat(dl.rolledForward()).isEqualTo(!dl.date().equals(dl.unrolledDate()));
    }

    @Property
    void aDeadlineIsAlwaysAfterFiling(@ForAll("procedures") Procedure procedure,
            @ForAll @IntRange(min = 0, max = 1400) int filedOffset, @ForAll("exclusions") List<Exclusion> exclusions,
            @ForAll @IntRange(min = 0, max = 60) int restartAfter, @ForAll boolean restart) {
        LocalDate filed = BASE.plusDays(filedOffset);
        DeadlineInput in = new DeadlineInput(procedure, filed, false, List.of(),
                restart ? List.of(filed.plusDays(restartAfter)) : List.of(), List.of(), exclusions);
        Deadline dl = CALC.compute(in);

        assertThat(dl.date()).isAfter(filed);
        assertThat(dl.date()).isAfter(dl.clockStart());
    }
}
