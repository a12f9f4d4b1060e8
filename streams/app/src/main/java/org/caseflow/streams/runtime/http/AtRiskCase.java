package org.caseflow.streams.runtime.http;

import java.time.LocalDate;

/** One row of a court's at-risk list; negative {@code daysRemaining} = overdue by that many days. */
public record AtRiskCase(String caseId, String court, String procedure, LocalDate deadline, int daysRemaining,
        String level, String judge, LocalDate filedOn) {
}
