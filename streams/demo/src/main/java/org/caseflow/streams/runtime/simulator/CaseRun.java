package org.caseflow.streams.runtime.simulator;

import java.time.Instant;
import org.caseflow.events.CaseEvent;

/**
 * The planned, time-ordered events of one open case. Only the next event's instant and id take part
 * in the queue order; the case leaves the queue after its last event, so memory follows open cases.
 */
final class CaseRun extends Pending {
    private final String caseId;
    private final String court;
    private final long[] times;
    private final Object[] payloads;
    private int index;
    private String eventId;

    CaseRun(String caseId, String court, long[] times, Object[] payloads) {
        this.caseId = caseId;
        this.court = court;
        this.times = times;
        this.payloads = payloads;
        position();
    }

    /** The current event; then moves on. Returns whether more events remain. */
    CaseEvent emit() {
        CaseEvent event = new CaseEvent(eventId, caseId, court, Instant.ofEpochMilli(at), payloads[index]);
        payloads[index] = null;
        index++;
        if (index < times.length) {
            position();
        }
        return event;
    }

    boolean hasMore() {
        return index < times.length;
    }

    private void position() {
        at = times[index];
        int n = index + 1;
        eventId = caseId + (n < 10 ? "#0" : "#") + n; // "#01".."#99": sorts like the emission order
    }

    @Override
    int rank() {
        return 1;
    }

    @Override
    String tie() {
        return eventId;
    }
}
