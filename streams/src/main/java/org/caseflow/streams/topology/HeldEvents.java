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
 * a held record's input offset is committed, so the record must survive a crash with the commit. A record keeps its
 * source partition and offset and the bytes it arrived as, so a held record refused when it is applied is
 * dead-lettered as it came (format 2; a format-1 record, held by an older version, has only its re-encoded event).
 */
final class HeldEvents {
    /** One held input record under its queue key. */
    record Held(String seqKey, InputRecord input) {
    }

    /** Format 1 kept the topic and the re-encoded event; format 2 also the partition, offset and arrival bytes. */
    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT = 2;
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

    void add(InputRecord input) {
        store.put(seqKey(nextSeq++), encode(input));
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

    private static byte[] encode(InputRecord input) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(input.topic());
            out.writeInt(input.source().partition());
            out.writeLong(input.source().offset());
            out.writeLong(input.timestamp());
            out.writeBoolean(input.key() != null);
            if (input.key() != null) {
                out.writeUTF(input.key());
            }
            ArrivedEvent value = input.value();
            out.writeBoolean(value != null && value.form() == DeadLetters.ValueForm.ORIGINAL);
            byte[] data = value == null ? new byte[0] : value.bytes();
            out.writeInt(data.length);
            out.write(data);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Held decode(String seqKey, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT && format != FORMAT_1) {
                throw new IOException("unknown held-record format " + format);
            }
            String topic = in.readUTF();
            int partition = format == FORMAT ? in.readInt() : -1;
            long offset = format == FORMAT ? in.readLong() : -1;
            long timestamp = in.readLong();
            String key = in.readBoolean() ? in.readUTF() : null;
            boolean original = format == FORMAT && in.readBoolean();
            byte[] value = new byte[in.readInt()];
            in.readFully(value);
            ArrivedEvent event = value.length == 0 ? null : new ArrivedEvent(codec.decode(value), value,
                    original ? DeadLetters.ValueForm.ORIGINAL : DeadLetters.ValueForm.RE_ENCODED);
            return new Held(seqKey, new InputRecord(new DeadLetters.Source(topic, partition, offset), timestamp, key,
                    event));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt held record " + seqKey, e);
        }
    }
}
