package org.caseflow.streams.domain.digest;

import org.caseflow.events.DigestCounts;

/** The counts of a digest (the Avro {@code DigestCounts}), as a value with arithmetic for the change. */
public record DigestTally(int cases, int notice, int warning, int critical, int breached, int overdue,
        int newlyBreached, int dueWithin3, int dueWithin7, int dueWithin15, int overdueCases, int acknowledged) {
    public static final DigestTally ZERO = new DigestTally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Nothing firing and nothing newly breached: a digest not worth sending unless the previous one was not empty. */
    public boolean isEmpty() {
        return cases == 0 && newlyBreached == 0;
    }

    public DigestTally minus(DigestTally o) {
        return new DigestTally(cases - o.cases, notice - o.notice, warning - o.warning, critical - o.critical,
                breached - o.breached, overdue - o.overdue, newlyBreached - o.newlyBreached, dueWithin3 - o.dueWithin3,
                dueWithin7 - o.dueWithin7, dueWithin15 - o.dueWithin15, overdueCases - o.overdueCases,
                acknowledged - o.acknowledged);
    }

    public DigestCounts toAvro() {
        return DigestCounts.newBuilder().setCases(cases).setNotice(notice).setWarning(warning).setCritical(critical)
                .setBreached(breached).setOverdue(overdue).setNewlyBreached(newlyBreached).setDueWithin3(dueWithin3)
                .setDueWithin7(dueWithin7).setDueWithin15(dueWithin15).setOverdueCases(overdueCases)
                .setAcknowledged(acknowledged).build();
    }
}
