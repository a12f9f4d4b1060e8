package org.caseflow.streams.domain.indicators;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 varints and zig-zag signed values, as in {@link MonthLedger}'s binary form. */
final class Varints {
    private Varints() {
    }

    static void write(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    static void writeSigned(ByteArrayOutputStream out, long v) {
        write(out, (v << 1) ^ (v >> 63));
    }

    /** Reads at {@code pos[0]} and advances it; {@code what} names the structure in the error. */
    static long read(byte[] b, int[] pos, String what) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= b.length) {
                throw new IndicatorException("corrupt " + what + ": truncated");
            }
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IndicatorException("corrupt " + what + ": varint too long");
    }

    static long readSigned(byte[] b, int[] pos, String what) {
        long z = read(b, pos, what);
        return (z >>> 1) ^ -(z & 1);
    }
}
