package org.caseflow.streams.topology;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The events of one case that live with its state in {@link StoreNames#CASES}: the most recent accepted events (not yet
 * archived, each Avro-encoded) and a 64-bit hash of every accepted event id. An event in order then costs one write of
 * the case's own record, not a record of its own; every {@link CaseEventLog#CHUNK} events move to
 * {@link StoreNames#CASE_EVENTS} as one chunk, so the record stays small however long the history grows.
 *
 * @param recent   accepted events not yet archived, encoded, in arrival order
 * @param idHashes {@link #hash} of every accepted event id, 8 bytes each, in arrival order
 * @param chunks   how many chunks are archived (keys {@code caseId|000000} up to {@code chunks - 1})
 */
record EventTail(List<byte[]> recent, byte[] idHashes, int chunks) {
    static final EventTail EMPTY = new EventTail(List.of(), new byte[0], 0);

    EventTail {
        recent = List.copyOf(recent);
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
}
