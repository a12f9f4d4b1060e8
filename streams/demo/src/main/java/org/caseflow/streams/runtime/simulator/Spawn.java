package org.caseflow.streams.runtime.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.caseflow.events.Procedure;

/**
 * A case to be filed at a given working minute: a fresh filing or one derived from an earlier case
 * (appeal, remand, retrial review, retrial, enforcement). The case number is drawn only when the
 * spawn comes due, so numbers follow filing order.
 */
final class Spawn extends Pending {
    final String court;
    final Procedure procedure;
    final LocalDate filedOn;
    final int minute;
    final String originCaseId;
    final BigDecimal claim;
    /** The first-instance court of the lineage: enforcement and remands go back there. */
    final String rootCourt;

    Spawn(String court, Procedure procedure, LocalDate filedOn, int minute, int second, String originCaseId,
            BigDecimal claim, String rootCourt) {
        this.court = court;
        this.procedure = procedure;
        this.filedOn = filedOn;
        this.minute = minute;
        this.originCaseId = originCaseId;
        this.claim = claim;
        this.rootCourt = rootCourt == null ? court : rootCourt;
        this.at = WorkingTime.at(filedOn, minute, second);
    }

    @Override
    int rank() {
        return 0;
    }

    @Override
    String tie() {
        return "";
    }
}
