package org.caseflow.streams.runtime.simulator;

import java.util.Comparator;

/**
 * An entry of the simulator's time-ordered queue: either a case that will be filed ({@link Spawn})
 * or an open case waiting to emit its next event ({@link CaseRun}). At equal instants spawns come
 * first, then events by eventId, so the output is sorted by (occurredAt, eventId).
 */
abstract class Pending {
    static final Comparator<Pending> ORDER = Comparator.<Pending>comparingLong(p -> p.at)
            .thenComparingInt(Pending::rank)
            .thenComparing(Pending::tie)
            .thenComparingLong(p -> p.sequence);

    long at;
    long sequence;

    abstract int rank();

    abstract String tie();
}
