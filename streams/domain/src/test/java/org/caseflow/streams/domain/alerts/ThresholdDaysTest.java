package org.caseflow.streams.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.caseflow.streams.domain.rules.LeadTimes;
import org.junit.jupiter.api.Test;

/**
 * The days a deadline's thresholds fall on (DESIGN §5: NOTICE 15, WARNING 7, CRITICAL 3 days left, BREACHED from
 * 00:00 of the day after the deadline, OVERDUE every 7 days after that) must be exactly the days on which
 * {@link AlertThresholds} moves to a new step: the processor finds the cases to wake at a midnight from these days
 * alone, so a day missed here is an alert that never fires. The OVERDUE interval is an engine setting
 * ({@code caseflow.engine.overdue.reminder.days}): both sides take it from the same value, for 7 and any other.
 */
class ThresholdDaysTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DEADLINE = LocalDate.of(2025, 6, 30);
    static final ThresholdDays WEEKLY = new ThresholdDays(7);

    @Test
    void shouldPutEveryThresholdOfTheDefaultLeadTimesOnItsDay() {
        List<LocalDate> days = WEEKLY.crossedOn(DEADLINE, LeadTimes.DEFAULT, LocalDate.of(2025, 6, 1),
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
        assertThat(WEEKLY.crossedOn(DEADLINE, LeadTimes.DEFAULT, LocalDate.of(2025, 6, 16),
                LocalDate.of(2025, 6, 22))).isEmpty();
    }

    @Test
    void shouldStepOverdueRemindersByTheConfiguredInterval() {
        LocalDate from = LocalDate.of(2025, 7, 1);
        LocalDate to = LocalDate.of(2025, 7, 31);

        // BREACHED on 1 July (the day after the deadline), then a reminder every 3 or every 10 days after it
        assertThat(new ThresholdDays(3).crossedOn(DEADLINE, LeadTimes.DEFAULT, from, to)).containsExactly(
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 4), LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 10),
                LocalDate.of(2025, 7, 13), LocalDate.of(2025, 7, 16), LocalDate.of(2025, 7, 19), LocalDate.of(2025, 7, 22),
                LocalDate.of(2025, 7, 25), LocalDate.of(2025, 7, 28), LocalDate.of(2025, 7, 31));
        assertThat(new ThresholdDays(10).crossedOn(DEADLINE, LeadTimes.DEFAULT, from, to)).containsExactly(
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 11), LocalDate.of(2025, 7, 21), LocalDate.of(2025, 7, 31));
    }

    @Test
    void shouldNumberOverdueRemindersByTheConfiguredInterval() {
        AlertThresholds every3 = new AlertThresholds(DEADLINE, ZONE, 15, 7, 3, 3);
        AlertThresholds every10 = new AlertThresholds(DEADLINE, ZONE, 15, 7, 3, 10);

        // 13 July is 13 days overdue: the fourth 3-day reminder falls on it, the first 10-day one fell on 11 July
        assertThat(every3.current(midnight(LocalDate.of(2025, 7, 13))).map(AlertThresholds.Step::key)).contains("OVERDUE-4");
        assertThat(every10.current(midnight(LocalDate.of(2025, 7, 13))).map(AlertThresholds.Step::key)).contains("OVERDUE-1");
        assertThat(every3.next(midnight(LocalDate.of(2025, 7, 13)))).isEqualTo(midnight(LocalDate.of(2025, 7, 16)));
        assertThat(every10.next(midnight(LocalDate.of(2025, 7, 13)))).isEqualTo(midnight(LocalDate.of(2025, 7, 21)));
    }

    @Property(tries = 300)
    void shouldMatchTheDaysOnWhichTheAlertStepChanges(@ForAll("reminderIntervals") int reminderDays,
            @ForAll @IntRange(min = 0, max = 400) int deadlineOffset,
            @ForAll @IntRange(min = 0, max = 60) int windowStart, @ForAll @IntRange(min = 0, max = 40) int windowLength,
            @ForAll @IntRange(min = 0, max = 5) int critical, @ForAll @IntRange(min = 0, max = 10) int warningExtra,
            @ForAll @IntRange(min = 0, max = 20) int noticeExtra) {
        LeadTimes lead = new LeadTimes(critical + warningExtra + noticeExtra, critical + warningExtra, critical);
        LocalDate deadline = LocalDate.of(2025, 1, 1).plusDays(deadlineOffset);
        LocalDate from = LocalDate.of(2025, 1, 1).plusDays(deadlineOffset - 30L + windowStart);
        LocalDate to = from.plusDays(windowLength);
        AlertThresholds thresholds = new AlertThresholds(deadline, ZONE, lead.noticeDays(), lead.warningDays(),
                lead.criticalDays(), reminderDays);

        List<LocalDate> expected = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Optional<AlertThresholds.Step> now = thresholds.current(midnight(day));
            Optional<AlertThresholds.Step> before = thresholds.current(midnight(day.minusDays(1)));
            if (now.isPresent() && !now.map(AlertThresholds.Step::key).equals(before.map(AlertThresholds.Step::key))) {
                expected.add(day);
            }
        }

        assertThat(new ThresholdDays(reminderDays).crossedOn(deadline, lead, from, to)).containsExactlyElementsOf(expected);
    }

    @Property(tries = 300)
    void shouldCoverEveryDeadlineWithAThresholdInTheWindow(@ForAll("reminderIntervals") int reminderDays,
            @ForAll @IntRange(min = 0, max = 40) int windowLength,
            @ForAll @IntRange(min = -200, max = 200) int deadlineOffset,
            @ForAll @IntRange(min = 0, max = 120) int earliestBack) {
        LocalDate from = LocalDate.of(2025, 5, 19);
        LocalDate to = from.plusDays(windowLength);
        LocalDate deadline = from.plusDays(deadlineOffset);
        LocalDate earliest = deadline.minusDays(earliestBack);
        Set<LeadTimes> profiles = Set.of(LeadTimes.DEFAULT, new LeadTimes(5, 3, 1));

        ThresholdDays thresholdDays = new ThresholdDays(reminderDays);
        List<long[]> ranges = thresholdDays.deadlineRanges(profiles, from, to, earliest);
        boolean covered = ranges.stream().anyMatch(r -> r[0] <= deadline.toEpochDay() && deadline.toEpochDay() <= r[1]);

        for (LeadTimes lead : profiles) {
            if (!thresholdDays.crossedOn(deadline, lead, from, to).isEmpty()) {
                assertThat(covered).as("deadline %s (%s) crosses in [%s, %s]", deadline, lead, from, to).isTrue();
            }
        }
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i)[0]).as("ranges ascending and disjoint").isGreaterThan(ranges.get(i - 1)[1] + 1);
        }
    }

    /** The default interval, the two the operations guide names (3 and 10), and a day-by-day one. */
    @Provide
    Arbitrary<Integer> reminderIntervals() {
        return Arbitraries.of(1, 3, 7, 10);
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
