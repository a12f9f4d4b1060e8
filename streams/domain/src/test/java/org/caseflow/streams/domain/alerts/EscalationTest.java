package org.caseflow.streams.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.caseflow.events.AlertLevel;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.JudgeId;
import org.junit.jupiter.api.Test;

/**
 * The supervision chain of DESIGN.md section 5 (judge → division chief → court president → higher court), with the
 * courts as ids: the role references read the raw codes as before.
 */
class EscalationTest {
    private static final CourtId TIANYUAN = new CourtId("湘0211");
    private static final CourtId ZHUZHOU = new CourtId("湘02");
    private static final JudgeId JUDGE = new JudgeId("J-湘0211-07");
    private final Escalation escalation = new Escalation(30);

    private static AlertThresholds.Step step(AlertLevel level) {
        return new AlertThresholds.Step(level, 0, Instant.parse("2025-06-01T00:00:00Z"));
    }

    @Test
    void shouldReachTheHigherCourtOnlyOnceACaseIsOverdueLongEnough() {
        assertThat(escalation.targets(step(AlertLevel.OVERDUE), 30, JUDGE, "民一庭", TIANYUAN, ZHUZHOU)).containsExactly(
                "judge:J-湘0211-07", "division-chief:湘0211/民一庭", "president:湘0211", "higher-court:湘02");
        assertThat(escalation.targets(step(AlertLevel.OVERDUE), 29, JUDGE, "民一庭", TIANYUAN, ZHUZHOU))
                .doesNotContain("higher-court:湘02");
    }

    @Test
    void shouldStopAtThePresidentWhenTheCourtHasNoHigherCourtInScope() {
        assertThat(escalation.targets(step(AlertLevel.OVERDUE), 90, null, null, ZHUZHOU, null)).containsExactly(
                "judge:unassigned@湘02", "division-chief:湘02", "president:湘02");
        assertThat(escalation.targets(step(AlertLevel.WARNING), 0, JUDGE, null, TIANYUAN, ZHUZHOU))
                .containsExactly("judge:J-湘0211-07");
    }
}
