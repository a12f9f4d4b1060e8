package org.caseflow.streams.domain.cases;

import java.time.LocalDate;
import java.util.Objects;
import org.caseflow.streams.domain.courts.CourtId;

/**
 * Where an open case is listed among its court's open cases by deadline day (the deadline index that the at-risk list
 * and the threshold scan read). How the index spells its keys is the store's business ({@code StoreKeys.DeadlineKey}
 * in the topology), not the domain's.
 *
 * @param court    the court whose list holds the case
 * @param deadline the deadline day the case is listed under
 */
public record AtRiskListing(CourtId court, LocalDate deadline) {
    public AtRiskListing {
        Objects.requireNonNull(court, "court");
        Objects.requireNonNull(deadline, "deadline");
    }
}
