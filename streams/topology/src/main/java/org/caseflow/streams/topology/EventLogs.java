package org.caseflow.streams.topology;

import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;

/** A case's accepted events for readers outside the topology (interactive queries, replay). */
public final class EventLogs {
    /** One codec for every query: building one parses every released schema of the event (AvroCodec is thread-safe). */
    private static final AvroCodec<CaseEvent> EVENTS = new AvroCodec<>(CaseEvent.getClassSchema());

    private EventLogs() {
    }

    /** Every event of the case (its record's recent events and the chunks archived in {@code chunks}), any order. */
    public static List<CaseEvent> events(String caseId, CaseRecord record, ReadOnlyKeyValueStore<String, byte[]> chunks) {
        return CaseEventLog.readOnly(caseId, record.events(), chunks, EVENTS)
                .events(caseId);
    }
}
