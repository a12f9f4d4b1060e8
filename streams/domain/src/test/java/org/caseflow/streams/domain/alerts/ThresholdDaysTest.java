package org.caseflow.streams.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.caseflow.streams.domain.rules.LeadTimes;
import org.junit.jupiter.api.Test;

/**
 * The days a deadline's thresholds fall on (DESIGN §5: NOTICE 15, WARNING 7, CRITICAL 3 days left, BREACHED from
 * 00:00 of the day after the deadline, OVERDUE every 7 days after that) must be exactly the days on which
 * {@link AlertThresholds} moves to a new step: the processor finds the cases to wake at a midnight from these days
 * alone, so a day missed here is an alert that never fires.
 */
class ThresholdDaysTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DEADLINE = LocalDate.of(2025, 6, 30);

    @Test
    void shouldPutEveryThresholdOfTheDefaultLeadTimesOnItsDay() {
        List<LocalDate> days = ThresholdDays.crossedOn(DEADLINE, LeadTimes.DEFAULT, LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 7, 31));

        assertThat(days).containsExactly(
                LocalDate.of(2025, 6, 15), // NOTICE: 15 days left
                LocalDate.of(2025, 6, 23), // WARNING: 7 days left
                LocalDate.of(2025, 6, 27), // CRITICAL: 3 days left
                LocalDate.of(2025, 7, 1), // BREACHED: the day after the deadline (DESIGN §5 rule 5)
                LocalDate.of(2025, 7, 8), // OVERDUE reminders every 7 days
                LocalDate.of(2025, 7, 15),
                LocalDate.of(2025, 7, 22),
                LocalDate.of(2025, 7, 29));
    }

    @Test
    void shouldFindNothingInAWindowBetweenThresholds() {
        assertThat(ThresholdDays.crossedOn(DEADLINE, LeadTimes.DEFAULT, LocalDate.of(2025, 6, 16),
                LocalDate.of(2025, 6, 22))).isEmpty();
    }

    @Property(tries = 300)
    void shouldMatchTheDaysOnWhichTheAlertStepChanges(@ForAll @IntRange(min = 0, max = 400) int deadlineOffset,
            @ForAll @IntRange(min = 0, max = 60) int windowStart, @ForAll @IntRange(min = 0, max = 40) int windowLength,
            @ForAll @IntRange(min = 0, max = 5) int critical, @ForAll @IntRange(min = 0, max = 10) int warningExtra,
            @ForAll @IntRange(min = 0, max = 20) int noticeExtra) {
        LeadTimes lead = new LeadTimes(critical + warningExtra + noticeExtra, critical + warningExtra, critical);
        LocalDate deadline = LocalDate.of(2025, 1, 1).plusDays(deadlineOffset);
        LocalDate from = LocalDate.of(2025, 1, 1).plusDays(deadlineOffset - 30L + windowStart);
        LocalDate to = from.plusDays(windowLength);
        AlertThresholds thresholds = new AlertThresholds(deadline, ZONE, lead.noticeDays(), lead.warningDays(),
                lead.criticalDays());

        List<LocalDate> expected = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Optional<AlertThresholds.Step> now = thresholds.current(midnight(day));
            Optional<AlertThresholds.Step> before = thresholds.current(midnight(day.minusDays(1)));
            if (now.isPresent() && !now.map(AlertThresholds.Step::key).equals(before.map(AlertThresholds.Step::key))) {
                expected.add(day);
            }
        }

        assertThat(ThresholdDays.crossedOn(deadline, lead, from, to)).containsExactlyElementsOf(expected);
    }

    @Property(tries = 300)
    void shouldCoverEveryDeadlineWithAThresholdInTheWindow(@ForAll @IntRange(min = 0, max = 40) int windowLength,
            @ForAll @IntRange(min = -200, max = 200) int deadlineOffset,
            @ForAll @IntRange(min = 0, max = 120) int earliestBack) {
        LocalDate from = LocalDate.of(2025, 5, 19);
        LocalDate to = from.plusDays(windowLength);
        LocalDate deadline = from.plusDays(deadlineOffset);
        LocalDate earliest = deadline.minusDays(earliestBack);
        Set<LeadTimes> profiles = Set.of(LeadTimes.DEFAULT, new LeadTimes(5, 3, 1));

        List<long[]> ranges = ThresholdDays.deadlineRanges(profiles, from, to, earliest);
        boolean covered = ranges.stream().anyMatch(r -> r[0] <= deadline.toEpochDay() && deadline.toEpochDay() <= r[1]);

        for (LeadTimes lead : profiles) {
            if (!ThresholdDays.crossedOn(deadline, lead, from, to).isEmpty()) {
                assertThat(covered).as("deadline %s (%s) crosses in [%s, %s]", deadline, lead, from, to).isTrue();
            }
        }
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i)[0]).as("ranges ascending and disjoint").isGreaterThan(ranges.get(i - 1)[1] + 1);
        }
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
