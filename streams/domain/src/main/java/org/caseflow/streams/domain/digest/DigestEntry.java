package org.caseflow.streams.domain.digest;

import java.time.LocalDate;
import org.caseflow.streams.domain.rules.Procedure;

/**
 * One alert of one case as a recipient's digest knows it. Times are the instants the alert was raised, resolved and
 * first acknowledged (epoch millis; {@code null} when not yet), so a digest can be computed as of any instant: the
 * entries of alerts raised after a period's end do not change that period's digest, whenever they arrive.
 */
public record DigestEntry(String caseId, String court, Procedure procedure, String level, LocalDate deadline,
        long raisedAt, Long resolvedAt, Long ackedAt) {
    /** Firing at {@code at}: raised before it and not resolved by then. */
    public boolean firingAt(long at) {
        return raisedAt < at && (resolvedAt == null || resolvedAt >= at);
    }

    public boolean acknowledgedBefore(long at) {
        return ackedAt != null && ackedAt < at;
    }

    public DigestEntry resolved(long at) {
        return new DigestEntry(caseId, court, procedure, level, deadline, raisedAt, at, ackedAt);
    }

    /** Fired (again): a new raising time, no resolution; an earlier acknowledgement stays. */
    public DigestEntry fired(DigestEntry fresh) {
        return new DigestEntry(fresh.caseId, fresh.court, fresh.procedure, fresh.level, fresh.deadline, fresh.raisedAt,
                null, ackedAt);
    }

    public DigestEntry acknowledged(long at) {
        return ackedAt != null && ackedAt <= at ? this
                : new DigestEntry(caseId, court, procedure, level, deadline, raisedAt, resolvedAt, at);
    }
}
