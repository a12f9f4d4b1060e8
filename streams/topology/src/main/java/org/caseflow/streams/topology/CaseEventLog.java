package org.caseflow.streams.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.CaseflowException;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;
import org.caseflow.streams.domain.cases.EventLog;
import org.caseflow.streams.topology.StoreKeys.EventChunkKey;

/**
 * The domain's {@link EventLog} for one case: its {@link EventTail} (recent events and the hash of every event id,
 * kept in the case's own record) over the chunks archived in {@link StoreNames#CASE_EVENTS}
 * ({@code caseId|%06d} → up to {@link #CHUNK} encoded events). A duplicate check reads no store unless the id's hash
 * was seen; an append writes nothing but the case record, except every {@link #CHUNK}th, which archives a chunk; the
 * history is read only for an event out of canonical order, an orphan or the API. Mutable, one per case and step.
 *
 * <p>The event being applied is appended as the bytes it arrived as ({@link #arriving}); {@link #stored} gives the
 * bytes kept for an event read from the log, so an event the engine refuses from the history is dead-lettered as it
 * came (or, for one kept by an older version, marked re-encoded: {@link EventTail#reEncoded()}).
 */
final class CaseEventLog implements EventLog {
    /** Events per archived chunk: the case record carries at most this many encoded events. */
    static final int CHUNK = 8;
    private static final byte CHUNK_FORMAT = 1;

    private final String caseId;
    private final ReadOnlyKeyValueStore<String, byte[]> reads;
    private final KeyValueStore<String, byte[]> writes;
    private final AvroCodec<CaseEvent> codec;
    private final List<byte[]> recent;
    private ByteBuffer hashes;
    private int chunks;
    private byte[] reEncoded;
    private boolean changed;
    private ArrivedEvent arriving;
    /** What {@link #events} read, by eventId: the bytes kept for each and whether they are the arrival bytes. */
    private final Map<String, StoredEvent> read = new HashMap<>();

    /** The bytes kept for one event of the log and how they relate to what arrived. */
    record StoredEvent(byte[] bytes, DeadLetters.ValueForm form) {
    }

    CaseEventLog(String caseId, EventTail tail, KeyValueStore<String, byte[]> store, AvroCodec<CaseEvent> codec) {
        this(caseId, tail, store, store, codec);
    }

    private CaseEventLog(String caseId, EventTail tail, ReadOnlyKeyValueStore<String, byte[]> reads,
            KeyValueStore<String, byte[]> writes, AvroCodec<CaseEvent> codec) {
        this.caseId = caseId;
        this.reads = reads;
        this.writes = writes;
        this.codec = codec;
        this.recent = new ArrayList<>(tail.recent());
        this.hashes = ByteBuffer.wrap(tail.idHashes());
        this.hashes.position(tail.idHashes().length);
        this.chunks = tail.chunks();
        this.reEncoded = tail.reEncoded();
    }

    /**
     * The input event about to be applied: when the engine appends it, its arrival bytes are kept instead of a new
     * encoding of the decoded event.
     */
    CaseEventLog arriving(ArrivedEvent event) {
        this.arriving = event;
        return this;
    }

    /** The bytes kept for an event this log returned from {@link #events} (or appended this step), or null. */
    StoredEvent stored(CaseEvent event) {
        if (arriving != null && arriving.event() == event) {
            return new StoredEvent(arriving.bytes(), arriving.form());
        }
        return read.get(event.getEventId());
    }

    /** A read-only log (interactive queries): appending or removing throws. */
    static CaseEventLog readOnly(String caseId, EventTail tail, ReadOnlyKeyValueStore<String, byte[]> store,
            AvroCodec<CaseEvent> codec) {
        return new CaseEventLog(caseId, tail, store, null, codec);
    }

    /** The key of one archived chunk; case ids never contain '|' (the event format refuses them). */
    static String chunkKey(String caseId, int chunk) {
        return new EventChunkKey(caseId, chunk).encode();
    }

    /** The tail as it stands after this step's appends and removals. */
    EventTail tail() {
        byte[] ids = new byte[hashes.position()];
        System.arraycopy(hashes.array(), 0, ids, 0, ids.length);
        return new EventTail(recent, ids, chunks, reEncoded);
    }

    /** Whether an append or removal changed the tail. */
    boolean changed() {
        return changed;
    }

    @Override
    public boolean contains(String caseId, String eventId) {
        check(caseId);
        if (!EventTail.mayContain(hashes.array(), hashes.position(), EventTail.hash(eventId))) {
            return false;
        }
        for (CaseEvent e : events(caseId)) {
            if (e.getEventId().equals(eventId)) {
                return true;
            }
        }
        return false; // another id with the same hash
    }

    @Override
    public List<CaseEvent> events(String caseId) {
        check(caseId);
        List<CaseEvent> out = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            byte[] chunk = reads.get(chunkKey(caseId, i));
            if (chunk == null) {
                throw new CaseflowException("case " + caseId + " lost archived event chunk " + i);
            }
            for (byte[] encoded : unpack(chunk)) {
                out.add(decode(encoded, out.size()));
            }
        }
        for (byte[] encoded : recent) {
            out.add(decode(encoded, out.size()));
        }
        return out;
    }

    /** Decodes the event at {@code index} (arrival order) and remembers the bytes it is kept as. */
    private CaseEvent decode(byte[] encoded, int index) {
        CaseEvent event = codec.decode(encoded);
        read.put(event.getEventId(), new StoredEvent(encoded, EventTail.isSet(reEncoded, index)
                ? DeadLetters.ValueForm.RE_ENCODED : DeadLetters.ValueForm.ORIGINAL));
        return event;
    }

    @Override
    public void append(CaseEvent event) {
        check(event.getCaseId());
        if (writes == null) {
            throw new UnsupportedOperationException("read-only event log");
        }
        int index = hashes.position() / Long.BYTES;
        if (arriving != null && arriving.event() == event) {
            recent.add(arriving.bytes());
            if (arriving.form() != DeadLetters.ValueForm.ORIGINAL) {
                reEncoded = EventTail.set(reEncoded, index);
            }
        } else {
            // Not the record being applied (the engine appends nothing else): only its decoded form is at hand.
            recent.add(codec.encode(event));
            reEncoded = EventTail.set(reEncoded, index);
        }
        if (hashes.remaining() < Long.BYTES) {
            ByteBuffer grown = ByteBuffer.allocate(Math.max(4 * Long.BYTES, hashes.capacity() * 2));
            grown.put(hashes.array(), 0, hashes.position());
            hashes = grown;
        }
        hashes.putLong(EventTail.hash(event.getEventId()));
        if (recent.size() >= CHUNK) {
            writes.put(chunkKey(caseId, chunks), pack(recent));
            chunks++;
            recent.clear();
        }
        changed = true;
    }

    @Override
    public void removeAll(String caseId) {
        check(caseId);
        if (writes == null) {
            throw new UnsupportedOperationException("read-only event log");
        }
        for (int i = 0; i < chunks; i++) {
            BlindDelete.from(writes, chunkKey(caseId, i));
        }
        chunks = 0;
        recent.clear();
        hashes = ByteBuffer.allocate(0);
        reEncoded = new byte[0];
        changed = true;
    }

    private void check(String id) {
        if (!caseId.equals(id)) {
            throw new IllegalArgumentException("the event log of " + caseId + " was asked about " + id);
        }
    }

    private static byte[] pack(List<byte[]> events) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 128);
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(CHUNK_FORMAT);
            out.writeInt(events.size());
            for (byte[] e : events) {
                out.writeInt(e.length);
                out.write(e);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<byte[]> unpack(byte[] chunk) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(chunk))) {
            if (in.readByte() != CHUNK_FORMAT) {
                throw new IOException("unknown event chunk format");
            }
            int n = in.readInt();
            List<byte[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] e = new byte[in.readInt()];
                in.readFully(e);
                out.add(e);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt event chunk", e);
        }
    }
}
