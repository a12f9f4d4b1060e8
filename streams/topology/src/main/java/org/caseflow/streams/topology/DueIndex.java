package org.caseflow.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.topology.StoreKeys.DueKey;

/**
 * The time-indexed store of the timers that are not deadline thresholds (waiting for a filing, voluntary
 * performance, purge, retry): key {@code "%016d|caseId"} (due epoch millis, zero padded so byte order is time
 * order). A tick reads a range from the start up to now, so its cost follows what is due, never the number of open
 * cases. Thresholds are found from the deadline index ({@link ThresholdScan}). Also keeps the event clock and where
 * the threshold scan stands, under keys that sort after every due key.
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
    /**
     * The earliest due time that may be in the index, or {@link #UNKNOWN}: a check for due work before every
     * event (event time) or every tick then costs no store read while nothing is due. Derived from the store,
     * kept in memory, so it starts unknown after every (re)initialisation of the task.
     */
    private long earliest = UNKNOWN;
    private static final long UNKNOWN = Long.MIN_VALUE;
    /** Sorts after every due key and before {@link #CLOCK_KEY}. */
    private static final String END = "9999999999999999}";

    DueIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Where the event-time clock is kept: sorts after every due key, so no range ever reads it. */
    static final String CLOCK_KEY = "~event-clock";

    /** Where the case task's event clock is kept (decimal epoch millis): see {@link TaskClock}. */
    TaskClock.Slot clockSlot() {
        return TaskClock.Slot.text(store, CLOCK_KEY);
    }

    /** Where the threshold scan stands ({@link ThresholdProgress}), or null. Sorts after every due key. */
    String thresholdProgress() {
        return store.get(PROGRESS_KEY);
    }

    void saveThresholdProgress(String progress) {
        store.put(PROGRESS_KEY, progress);
    }

    static final String PROGRESS_KEY = "~thresholds";

    static String key(Instant at, String caseId) {
        return new DueKey(at, caseId).encode();
    }

    /** True when the index certainly has nothing due at or before {@code now} (no store read). */
    boolean nothingDueBy(Instant now) {
        return earliest != UNKNOWN && now.toEpochMilli() < earliest;
    }

    void put(Instant at, String caseId) {
        if (earliest != UNKNOWN && at.toEpochMilli() < earliest) {
            earliest = at.toEpochMilli();
        }
        String key = key(at, caseId);
        if (key.compareTo(lowerBound) < 0) {
            lowerBound = key;
        }
        store.put(key, "");
    }

    void remove(Instant at, String caseId) {
        BlindDelete.from(store, key(at, caseId));
    }

    void remove(Due due) {
        BlindDelete.from(store, due.key());
    }

    /** Up to {@code limit} entries due at or before {@code now}, earliest first. */
    List<Due> dueBy(Instant now, int limit) {
        if (nothingDueBy(now)) {
            return List.of();
        }
        List<Due> due = new ArrayList<>();
        long nowMillis = now.toEpochMilli();
        long next = Long.MAX_VALUE; // nothing left at all, unless an entry is seen below
        try (KeyValueIterator<String, String> it = store.range(lowerBound, END)) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                DueKey entry = DueKey.decode(kv.key);
                long at = entry.due().toEpochMilli();
                if (at > nowMillis || due.size() >= limit) {
                    next = at; // the first entry not returned: the earliest that can still be due
                    break;
                }
                due.add(new Due(entry.due(), entry.caseId(), kv.key));
            }
        }
        earliest = next;
        // Entries before the first one returned are gone; with none returned, all up to now are.
        lowerBound = due.isEmpty() ? DueKey.millis(nowMillis + 1) : due.get(0).key();
        return due;
    }
}
