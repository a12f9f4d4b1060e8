package org.caseflow.streams.domain.cases;

import java.time.LocalDate;
import org.caseflow.events.AlertLevel;

/** An alert that is FIRING for a case, remembered so it can be RESOLVED later with the same id. */
public record FiringAlert(String alertId, AlertLevel level, int reminder, int rank, int version, LocalDate deadline) {
}
