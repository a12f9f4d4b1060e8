package org.caseflow.streams.runtime.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.rules.RuleTable;

/**
 * The human part of a notification: a one-line summary and the deadline explanation (level, days, the procedure's
 * statutory limit with its articles from {@code seeds/rules}). The alert record carries no explanation of its own;
 * the full one (extensions, excluded days, roll-forward) is in the case view, {@code GET /api/v1/cases/{id}}.
 */
final class AlertText {
    private final RuleTable rules;

    AlertText(RuleTable rules) {
        this.rules = rules;
    }

    static String summary(DeadlineAlert a) {
        String when = a.getDaysRemaining() >= 0 ? a.getDaysRemaining() + " day(s) left"
                : -a.getDaysRemaining() + " day(s) overdue";
        String resolved = a.getStatus() == AlertStatus.RESOLVED ? "resolved: " : "";
        return String.format(Locale.ROOT, "%s%s %s at %s: deadline %s, %s", resolved, a.getLevel(), a.getCaseId(),
                a.getCourt(), a.getDeadline(), when);
    }

    List<String> explanation(DeadlineAlert a) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(a));
        ProcedureRule rule = rules.find(a.getProcedure().name()).orElse(null);
        if (rule != null) {
            lines.add(rule.limit().map(span -> a.getProcedure() + ": statutory limit " + span)
                    .orElse(a.getProcedure() + ": no statutory limit") + " (" + rule.citation() + ")");
        }
        lines.add("deadline version " + a.getDeadlineVersion() + "; extensions and excluded days: see the case view");
        return lines;
    }
}
