package org.caseflow.streams.topology;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.streams.domain.cases.EventLog;

/** The event log of {@link StoreNames#CASE_EVENTS} for readers outside the topology (interactive queries). */
public final class EventLogs {
    private EventLogs() {
    }

    /** A read-only view of the case event store; writing through it throws. */
    public static EventLog readOnly(ReadOnlyKeyValueStore<String, byte[]> store) {
        return StoreEventLog.readOnly(store);
    }
}
