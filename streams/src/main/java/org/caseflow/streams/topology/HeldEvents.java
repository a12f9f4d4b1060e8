package org.caseflow.streams.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;

/**
 * The queue of input records held back on event time while a storm of due timers drains
 * ({@link StoreNames#HELD_EVENTS}: zero-padded sequence → record). A record is held when timers due before
 * it could not all fire within one bounded step, and every later record queues behind it, so records are
 * still applied in arrival order and every timer due before a record still fires before it. Persistent:
 * a held record's input offset is committed, so the record must survive a crash with the commit.
 */
final class HeldEvents {
    /** One held input record: its topic, timestamp, key and event (null for a clock tick). */
    record Held(String seqKey, String topic, long timestamp, String key, CaseEvent event) {
    }

    private static final byte FORMAT = 1;
    private final KeyValueStore<String, byte[]> store;
    private final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());
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
        return String.format("%019d", seq);
    }

    boolean isEmpty() {
        return size == 0;
    }

    long size() {
        return size;
    }

    void add(String topic, long timestamp, String key, CaseEvent event) {
        store.put(seqKey(nextSeq++), encode(topic, timestamp, key, event));
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
        store.delete(held.seqKey());
        head = seqKey(Long.parseLong(held.seqKey()) + 1);
        size--;
    }

    private byte[] encode(String topic, long timestamp, String key, CaseEvent event) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(topic);
            out.writeLong(timestamp);
            out.writeBoolean(key != null);
            if (key != null) {
                out.writeUTF(key);
            }
            byte[] value = event == null ? new byte[0] : codec.encode(event);
            out.writeInt(value.length);
            out.write(value);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Held decode(String seqKey, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IOException("unknown held-record format " + format);
            }
            String topic = in.readUTF();
            long timestamp = in.readLong();
            String key = in.readBoolean() ? in.readUTF() : null;
            byte[] value = new byte[in.readInt()];
            in.readFully(value);
            return new Held(seqKey, topic, timestamp, key, value.length == 0 ? null : codec.decode(value));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt held record " + seqKey, e);
        }
    }
}
