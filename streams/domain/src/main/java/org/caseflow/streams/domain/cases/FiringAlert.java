package org.caseflow.streams.domain.cases;

import java.time.LocalDate;
import java.util.List;
import org.caseflow.events.AlertLevel;

/**
 * An alert that is FIRING for a case, remembered so it can be RESOLVED later with the same id.
 *
 * @param escalatedTo the alert's {@code escalateTo} when it fired: its RESOLVED and its acknowledgements reach the
 *                    same digest recipients even if the judge or division changed in between (empty for alerts
 *                    stored before it was kept)
 */
public record FiringAlert(String alertId, AlertLevel level, int reminder, int rank, int version, LocalDate deadline,
        List<String> escalatedTo) {
    public FiringAlert {
        escalatedTo = escalatedTo == null ? List.of() : List.copyOf(escalatedTo);
    }
}
