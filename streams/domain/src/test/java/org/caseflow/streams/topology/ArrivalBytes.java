package org.caseflow.streams.topology;

/**
 * Test bytes that decode to an event but are not what encoding that event gives: a test can then tell the bytes an
 * event arrived as from a re-encoding of it. Avro reads an overlong varint (a length written in more bytes than
 * needed) as its value, so the event's first field (eventId) gets its length in two bytes instead of one.
 */
final class ArrivalBytes {
    /** After the single-object header: the 2-byte marker and the 8-byte schema fingerprint. */
    private static final int BODY = 10;

    private ArrivalBytes() {
    }

    static byte[] overlong(byte[] canonical) {
        byte length = canonical[BODY];
        if ((length & 0x80) != 0) {
            throw new IllegalArgumentException("eventId too long for a one-byte length");
        }
        byte[] out = new byte[canonical.length + 1];
        System.arraycopy(canonical, 0, out, 0, BODY);
        out[BODY] = (byte) (length | 0x80);
        out[BODY + 1] = 0;
        System.arraycopy(canonical, BODY + 1, out, BODY + 2, canonical.length - BODY - 1);
        return out;
    }
}
