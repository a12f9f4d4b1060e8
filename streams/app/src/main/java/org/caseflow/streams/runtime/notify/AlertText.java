package org.caseflow.streams.runtime.notify;

import java.util.ArrayList;
import java.util.List;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.rules.RuleTable;
import org.caseflow.streams.domain.cases.AvroVocabulary;

/**
 * The human part of a notification: a one-line summary and the case's deadline explanation. Since DeadlineAlert v2 the
 * alert carries it, the lines of the case's snapshot when the alert was raised (the rule and its articles, extensions,
 * excluded periods, holiday roll-forward). An alert written before v2 has none: it gets the procedure's statutory limit
 * with its articles from {@code seeds/rules} and a pointer to the case view, {@code GET /api/v1/cases/{id}}.
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
        // Concatenation, not String.format: made for every alert delivered (the profile showed the Formatter).
        return resolved + a.getLevel() + " " + a.getCaseId() + " at " + a.getCourt() + ": deadline " + a.getDeadline()
                + ", " + when;
    }

    List<String> explanation(DeadlineAlert a) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(a));
        if (!a.getExplanation().isEmpty()) {
            lines.addAll(a.getExplanation());
            return lines;
        }
        ProcedureRule rule = rules.find(AvroVocabulary.procedure(a.getProcedure())).orElse(null);
        if (rule != null) {
            lines.add(rule.limit().map(span -> a.getProcedure() + ": statutory limit " + span)
                    .orElse(a.getProcedure() + ": no statutory limit") + " (" + rule.citation() + ")");
        }
        lines.add("deadline version " + a.getDeadlineVersion() + "; extensions and excluded days: see the case view");
        return lines;
    }
}
