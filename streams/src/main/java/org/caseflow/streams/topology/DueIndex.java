package org.caseflow.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The time-indexed store of what is due: key {@code "%016d|caseId"} (due epoch millis, zero padded
 * so byte order is time order). A tick reads a range from the start up to now, so its cost follows
 * what is due, never the number of open cases.
 */
final class DueIndex {
    /** One due entry. */
    record Due(Instant at, String caseId, String key) {
    }

    private final KeyValueStore<String, String> store;

    DueIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    static String key(Instant at, String caseId) {
        return String.format("%016d|%s", at.toEpochMilli(), caseId);
    }

    void put(Instant at, String caseId) {
        store.put(key(at, caseId), "");
    }

    void remove(Instant at, String caseId) {
        store.delete(key(at, caseId));
    }

    void remove(Due due) {
        store.delete(due.key());
    }

    /** Up to {@code limit} entries due at or before {@code now}, earliest first. */
    List<Due> dueBy(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        String upper = String.format("%016d", now.toEpochMilli() + 1);
        try (KeyValueIterator<String, String> it = store.range("0", upper)) {
            while (it.hasNext() && due.size() < limit) {
                KeyValue<String, String> kv = it.next();
                int bar = kv.key.indexOf('|');
                due.add(new Due(Instant.ofEpochMilli(Long.parseLong(kv.key.substring(0, bar))),
                        kv.key.substring(bar + 1), kv.key));
            }
        }
        return due;
    }
}
