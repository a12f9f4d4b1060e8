package org.caseflow.streams.domain.cases;

import java.util.List;
import org.caseflow.events.CaseEvent;

/**
 * Where the engine keeps every accepted event of every case: looked up by (case, eventId) to recognise
 * duplicates, read whole only when an event arrives out of canonical order (or a case is dropped), so the
 * cost of an event does not grow with the length of its case's history. A Kafka Streams store live, a map in
 * tests.
 */
public interface EventLog {
    /** Whether the case already has an event with this id. */
    boolean contains(String caseId, String eventId);

    /** Every event of the case, in any order. */
    List<CaseEvent> events(String caseId);

    void append(CaseEvent event);

    /** Forgets every event of the case. */
    void removeAll(String caseId);
}
