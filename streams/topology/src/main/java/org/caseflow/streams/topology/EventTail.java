package org.caseflow.streams.topology;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The events of one case that live with its state in {@link StoreNames#CASES}: the most recent accepted events (not yet
 * archived, each Avro single-object encoded) and a 64-bit hash of every accepted event id. An event in order then costs
 * one write of the case's own record, not a record of its own; every {@link CaseEventLog#CHUNK} events move to
 * {@link StoreNames#CASE_EVENTS} as one chunk, so the record stays small however long the history grows.
 *
 * <p>Each event is kept as the bytes it arrived as, so an event refused later from the history is dead-lettered as it
 * came. Events accepted by a version that re-encoded them (before case-store format 4) are marked in
 * {@code reEncoded}: their bytes are the decoded event encoded again, and their dead letters say so.
 *
 * @param recent    accepted events not yet archived, encoded, in arrival order
 * @param idHashes  {@link #hash} of every accepted event id, 8 bytes each, in arrival order
 * @param chunks    how many chunks are archived (keys {@code caseId|000000} up to {@code chunks - 1})
 * @param reEncoded bitmap over every accepted event in arrival order (archived ones first): bit {@code i} (byte
 *                  {@code i / 8}, least significant bit first) set when event {@code i} is kept re-encoded; empty when
 *                  none is
 */
record EventTail(List<byte[]> recent, byte[] idHashes, int chunks, byte[] reEncoded) {
    static final EventTail EMPTY = new EventTail(List.of(), new byte[0], 0);

    EventTail {
        recent = List.copyOf(recent);
        reEncoded = reEncoded == null ? new byte[0] : reEncoded;
    }

    /** A tail whose events are all kept as they arrived. */
    EventTail(List<byte[]> recent, byte[] idHashes, int chunks) {
        this(recent, idHashes, chunks, new byte[0]);
    }

    /** How many events the case has accepted (archived ones included). */
    int count() {
        return idHashes.length / Long.BYTES;
    }

    /** Whether an event id with this hash was accepted (a hash match still has to be confirmed). */
    boolean mayContain(long hash) {
        return mayContain(idHashes, idHashes.length, hash);
    }

    /** Whether the first {@code length} bytes of packed hashes hold {@code hash}. */
    static boolean mayContain(byte[] packed, int length, long hash) {
        ByteBuffer ids = ByteBuffer.wrap(packed, 0, length);
        while (ids.remaining() >= Long.BYTES) {
            if (ids.getLong() == hash) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the id's UTF-16 code units: stable across JVMs (String.hashCode is only 32 bits). */
    static long hash(String eventId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < eventId.length(); i++) {
            h ^= eventId.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Whether bit {@code index} of a {@code reEncoded} bitmap is set. */
    static boolean isSet(byte[] bits, int index) {
        int at = index / Byte.SIZE;
        return at < bits.length && (bits[at] & (1 << (index % Byte.SIZE))) != 0;
    }

    /** A copy of {@code bits} with bit {@code index} set (grown as needed). */
    static byte[] set(byte[] bits, int index) {
        byte[] out = Arrays.copyOf(bits, Math.max(bits.length, index / Byte.SIZE + 1));
        out[index / Byte.SIZE] |= (byte) (1 << (index % Byte.SIZE));
        return out;
    }

    /** A bitmap with the first {@code count} bits set: every event of a case kept by a version that re-encoded. */
    static byte[] allSet(int count) {
        byte[] bits = new byte[(count + Byte.SIZE - 1) / Byte.SIZE];
        for (int i = 0; i < count; i++) {
            bits[i / Byte.SIZE] |= (byte) (1 << (i % Byte.SIZE));
        }
        return bits;
    }
}
