package org.caseflow.streams.runtime.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A case at the moment it is filed (working minute and exact instant), with its lineage (origin
 * case, first-instance court).
 */
record Filing(String caseId, String court, SimulatedProcedure procedure, LocalDate filedOn, int minute, long filedAt,
        String originCaseId, BigDecimal claim, String rootCourt) {
}
