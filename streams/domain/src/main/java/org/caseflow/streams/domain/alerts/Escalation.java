package org.caseflow.streams.domain.alerts;

import java.util.ArrayList;
import java.util.List;
import org.caseflow.events.AlertLevel;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.JudgeId;

/**
 * Who hears of an alert, following the court's supervision chain (DESIGN.md section 5): the judge
 * first, the division chief from CRITICAL, the court president from BREACHED, and the higher court
 * once a case is {@code higherCourtAfterDays} overdue (30 by default, key
 * {@code caseflow.engine.escalation.higher-court.days}). Targets are opaque role references, never personal data.
 */
public final class Escalation {
    private final int higherCourtAfterDays;

    /** @param higherCourtAfterDays days overdue from which OVERDUE reminders also reach the higher court (0 or more) */
    public Escalation(int higherCourtAfterDays) {
        if (higherCourtAfterDays < 0) {
            throw new IllegalArgumentException("higherCourtAfterDays must be 0 or more, got " + higherCourtAfterDays);
        }
        this.higherCourtAfterDays = higherCourtAfterDays;
    }

    public List<String> targets(AlertThresholds.Step step, int overdueDays, JudgeId judge, String division,
            CourtId court, CourtId higherCourt) {
        List<String> targets = new ArrayList<>();
        targets.add(judge == null ? "judge:unassigned@" + court : "judge:" + judge);
        AlertLevel level = step.level();
        if (level == AlertLevel.CRITICAL || level == AlertLevel.BREACHED || level == AlertLevel.OVERDUE) {
            targets.add("division-chief:" + court + (division == null ? "" : "/" + division));
        }
        if (level == AlertLevel.BREACHED || level == AlertLevel.OVERDUE) {
            targets.add("president:" + court);
        }
        if (level == AlertLevel.OVERDUE && overdueDays >= higherCourtAfterDays && higherCourt != null) {
            targets.add("higher-court:" + higherCourt);
        }
        return targets;
    }
}
