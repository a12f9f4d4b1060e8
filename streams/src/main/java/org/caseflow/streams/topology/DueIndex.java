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
    /**
     * Every key below this has fired and been deleted. Ranges start here rather than at the start of
     * the key space: RocksDB would otherwise step over the tombstones of every timer ever fired on
     * each seek, and a tick would cost what has been due, not what is due. Kept in memory; after a
     * restart the first seek starts from the beginning once.
     */
    private String lowerBound = "0";

    DueIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Where the event-time clock is kept: sorts after every due key, so no range ever reads it. */
    static final String CLOCK_KEY = "~event-clock";

    /** The persisted event-time clock, or the epoch. */
    Instant clock() {
        String millis = store.get(CLOCK_KEY);
        return millis == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    void saveClock(Instant at) {
        store.put(CLOCK_KEY, Long.toString(at.toEpochMilli()));
    }

    static String key(Instant at, String caseId) {
        return String.format("%016d|%s", at.toEpochMilli(), caseId);
    }

    void put(Instant at, String caseId) {
        String key = key(at, caseId);
        if (key.compareTo(lowerBound) < 0) {
            lowerBound = key;
        }
        store.put(key, "");
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
        try (KeyValueIterator<String, String> it = store.range(lowerBound, upper)) {
            while (it.hasNext() && due.size() < limit) {
                KeyValue<String, String> kv = it.next();
                int bar = kv.key.indexOf('|');
                due.add(new Due(Instant.ofEpochMilli(Long.parseLong(kv.key.substring(0, bar))),
                        kv.key.substring(bar + 1), kv.key));
            }
        }
        // Entries before the first one returned are gone; with none returned, all up to now are.
        lowerBound = due.isEmpty() ? upper : due.get(0).key();
        return due;
    }
}
