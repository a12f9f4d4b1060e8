package org.caseflow.streams.domain.alerts;

import java.util.ArrayList;
import java.util.List;
import org.caseflow.events.AlertLevel;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.JudgeId;

/**
 * Who hears of an alert, following the court's supervision chain (DESIGN.md section 5): the judge
 * first, the division chief from CRITICAL, the court president from BREACHED, and the higher court
 * once a case is long overdue. Targets are opaque role references, never personal data.
 */
public final class Escalation {
    /** Days overdue from which reminders also reach the higher court. */
    public static final int HIGHER_COURT_AFTER_DAYS = 30;

    private Escalation() {
    }

    public static List<String> targets(AlertThresholds.Step step, int overdueDays, JudgeId judge, String division,
            CourtId court, String higherCourt) {
        List<String> targets = new ArrayList<>();
        targets.add(judge == null ? "judge:unassigned@" + court : "judge:" + judge);
        AlertLevel level = step.level();
        if (level == AlertLevel.CRITICAL || level == AlertLevel.BREACHED || level == AlertLevel.OVERDUE) {
            targets.add("division-chief:" + court + (division == null ? "" : "/" + division));
        }
        if (level == AlertLevel.BREACHED || level == AlertLevel.OVERDUE) {
            targets.add("president:" + court);
        }
        if (level == AlertLevel.OVERDUE && overdueDays >= HIGHER_COURT_AFTER_DAYS && higherCourt != null) {
            targets.add("higher-court:" + higherCourt);
        }
        return targets;
    }
}
