package org.caseflow.streams.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;
import org.caseflow.streams.domain.cases.EventLog;

/**
 * The domain's {@link EventLog} over {@link StoreNames#CASE_EVENTS}: key {@code caseId|eventId}, value the
 * event in Avro single-object encoding (any released schema version reads). A duplicate check is one point
 * read; the history of a case is one prefix scan, needed only for an event out of canonical order.
 */
final class StoreEventLog implements EventLog {
    private static final StringSerializer KEYS = new StringSerializer();
    private final ReadOnlyKeyValueStore<String, byte[]> reads;
    private final KeyValueStore<String, byte[]> writes;
    private final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());

    StoreEventLog(KeyValueStore<String, byte[]> store) {
        this.reads = store;
        this.writes = store;
    }

    private StoreEventLog(ReadOnlyKeyValueStore<String, byte[]> store) {
        this.reads = store;
        this.writes = null;
    }

    /** A read-only log (interactive queries); writing throws. */
    static EventLog readOnly(ReadOnlyKeyValueStore<String, byte[]> store) {
        return new StoreEventLog(store);
    }

    /** The key of one event; case ids never contain '|' (the event format refuses them). */
    static String key(String caseId, String eventId) {
        return caseId + "|" + eventId;
    }

    @Override
    public boolean contains(String caseId, String eventId) {
        return reads.get(key(caseId, eventId)) != null;
    }

    @Override
    public List<CaseEvent> events(String caseId) {
        List<CaseEvent> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = reads.prefixScan(caseId + "|", KEYS)) {
            while (it.hasNext()) {
                out.add(codec.decode(it.next().value));
            }
        }
        return out;
    }

    @Override
    public void append(CaseEvent event) {
        writable().put(key(event.getCaseId(), event.getEventId()), codec.encode(event));
    }

    @Override
    public void removeAll(String caseId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = reads.prefixScan(caseId + "|", KEYS)) {
            while (it.hasNext()) {
                keys.add(it.next().key);
            }
        }
        keys.forEach(writable()::delete);
    }

    private KeyValueStore<String, byte[]> writable() {
        if (writes == null) {
            throw new UnsupportedOperationException("read-only event log");
        }
        return writes;
    }
}
