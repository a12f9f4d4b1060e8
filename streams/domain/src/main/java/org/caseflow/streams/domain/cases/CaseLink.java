package org.caseflow.streams.domain.cases;

import java.time.LocalDate;
import org.caseflow.streams.domain.rules.Instance;

/**
 * A derived case (appeal, retrial review, retrial, enforcement, remand) telling its origin case
 * that it was filed or closed. Travels keyed by {@code originCaseId} so the origin's partition can
 * attribute the fact to the origin's court and category. {@code sign} −1 takes a link back.
 */
public record CaseLink(Kind kind, String originCaseId, String derivedCaseId, String derivedCourt,
        Instance derivedInstance, LocalDate date, Disposition disposition, int sign) {

    /** What happened to the derived case. */
    public enum Kind { FILED, CLOSED }

    public CaseLink negate() {
        return new CaseLink(kind, originCaseId, derivedCaseId, derivedCourt, derivedInstance, date, disposition, -sign);
    }
}
