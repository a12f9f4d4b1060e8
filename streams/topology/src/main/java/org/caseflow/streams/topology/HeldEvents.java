package org.caseflow.streams.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.topology.StoreKeys.SequenceKey;

/**
 * The queue of input records held back on event time while a storm of due timers drains
 * ({@link StoreNames#HELD_EVENTS}: zero-padded sequence → record). A record is held when timers due before
 * it could not all fire within one bounded step, and every later record queues behind it, so records are
 * still applied in arrival order and every timer due before a record still fires before it. Persistent:
 * a held record's input offset is committed, so the record must survive a crash with the commit
 * ({@link InputRecordCodec} keeps what a dead letter needs).
 */
final class HeldEvents {
    /** One held input record under its queue key. */
    record Held(String seqKey, InputRecord input) {
    }

    private final KeyValueStore<String, byte[]> store;
    private final InputRecordCodec records = new InputRecordCodec();
    private long nextSeq;
    private long size;
    /**
     * Every key below this has been applied and deleted: reads start here so RocksDB does not step over the
     * tombstones of every record held since the last compaction (as in {@link DueIndex}).
     */
    private String head = seqKey(0);

    /** Reads where the queue stands; the store may hold records from before a restart. */
    HeldEvents(KeyValueStore<String, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                String key = it.next().key;
                if (size == 0) {
                    head = key;
                }
                nextSeq = Long.parseLong(key) + 1;
                size++;
            }
        }
    }

    private static String seqKey(long seq) {
        return new SequenceKey(seq).encode();
    }

    boolean isEmpty() {
        return size == 0;
    }

    long size() {
        return size;
    }

    void add(InputRecord input) {
        store.put(seqKey(nextSeq++), InputRecordCodec.encode(input));
        size++;
    }

    /** The oldest held record, or null. */
    Held first() {
        if (size == 0) {
            return null;
        }
        try (KeyValueIterator<String, byte[]> it = store.range(head, seqKey(Long.MAX_VALUE))) {
            if (!it.hasNext()) {
                size = 0;
                return null;
            }
            KeyValue<String, byte[]> kv = it.next();
            return decode(kv.key, kv.value);
        }
    }

    void remove(Held held) {
        BlindDelete.from(store, held.seqKey());
        head = seqKey(SequenceKey.decode(held.seqKey()).sequence() + 1);
        size--;
    }

    private Held decode(String seqKey, byte[] data) {
        return new Held(seqKey, records.decode(seqKey, data));
    }
}
