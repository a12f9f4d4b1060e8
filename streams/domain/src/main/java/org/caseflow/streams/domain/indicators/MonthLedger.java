package org.caseflow.streams.domain.indicators;

import java.util.Arrays;

/**
 * The counters of one (scope, month), or of a scope's running total. Mutable; the topology keeps one per key
 * {@code ScopeKey|yyyy-MM} (and {@code ScopeKey|total}) in a key-value store, serialised with {@link #toBytes()}.
 *
 * <p>Binary form (version 1): a version byte, the number of non-zero slots, then for each one the counter ordinal,
 * the slot index and the value, all as varints (values zig-zag encoded). Sparse, so a typical month is tens of bytes.
 */
public final class MonthLedger {
    private static final byte VERSION = 1;
    private static final Counter[] COUNTERS = Counter.values();
    private static final int[] OFFSET = new int[COUNTERS.length + 1];

    static {
        for (int i = 0; i < COUNTERS.length; i++) {
            OFFSET[i + 1] = OFFSET[i] + COUNTERS[i].size();
        }
    }

    private final long[] slots = new long[OFFSET[COUNTERS.length]];

    public long get(Counter counter) {
        return slots[OFFSET[counter.ordinal()]];
    }

    public long get(Counter counter, int index) {
        checkIndex(counter, index);
        return slots[OFFSET[counter.ordinal()] + index];
    }

    /** A copy of an array counter's slots. */
    public long[] slots(Counter counter) {
        int from = OFFSET[counter.ordinal()];
        return Arrays.copyOfRange(slots, from, from + counter.size());
    }

    public MonthLedger add(Counter counter, int index, long delta) {
        checkIndex(counter, index);
        slots[OFFSET[counter.ordinal()] + index] += delta;
        return this;
    }

    public MonthLedger apply(Effect effect) {
        return add(effect.counter(), effect.index(), effect.delta());
    }

    /** Adds every slot of {@code other} into this ledger. */
    public MonthLedger addAll(MonthLedger other) {
        for (int i = 0; i < slots.length; i++) {
            slots[i] += other.slots[i];
        }
        return this;
    }

    /** True when every counter is zero (e.g. after a fact and its negation): the store may delete the key. */
    public boolean isEmpty() {
        for (long v : slots) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    public byte[] toBytes() {
        int nonZero = 0;
        for (long v : slots) {
            nonZero += v != 0 ? 1 : 0;
        }
        byte[] buf = new byte[1 + 5 + nonZero * 14];
        int pos = 0;
        buf[pos++] = VERSION;
        pos = writeVarLong(buf, pos, nonZero);
        for (int c = 0; c < COUNTERS.length; c++) {
            int base = OFFSET[c];
            for (int i = 0; i < COUNTERS[c].size(); i++) {
                long v = slots[base + i];
                if (v != 0) {
                    pos = writeVarLong(buf, pos, c);
                    pos = writeVarLong(buf, pos, i);
                    pos = writeVarLong(buf, pos, (v << 1) ^ (v >> 63));
                }
            }
        }
        return Arrays.copyOf(buf, pos);
    }

    public static MonthLedger fromBytes(byte[] bytes) {
        MonthLedger ledger = new MonthLedger();
        if (bytes == null || bytes.length == 0) {
            throw new IndicatorException("corrupt ledger: no bytes");
        }
        if (bytes[0] != VERSION) {
            throw new IndicatorException("corrupt ledger: unknown format version " + bytes[0]);
        }
        int[] pos = {1};
        long n = readVarLong(bytes, pos);
        for (long k = 0; k < n; k++) {
            long c = readVarLong(bytes, pos);
            long i = readVarLong(bytes, pos);
            long z = readVarLong(bytes, pos);
            if (c >= COUNTERS.length || i >= COUNTERS[(int) c].size()) {
                throw new IndicatorException("corrupt ledger: unknown counter slot " + c + "/" + i);
            }
            ledger.slots[OFFSET[(int) c] + (int) i] = (z >>> 1) ^ -(z & 1);
        }
        if (pos[0] != bytes.length) {
            throw new IndicatorException("corrupt ledger: " + (bytes.length - pos[0]) + " trailing bytes");
        }
        return ledger;
    }

    private static int writeVarLong(byte[] buf, int pos, long v) {
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
        return pos;
    }

    private static long readVarLong(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= b.length) {
                throw new IndicatorException("corrupt ledger: truncated");
            }
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IndicatorException("corrupt ledger: varint too long");
    }

    private static void checkIndex(Counter counter, int index) {
        if (index < 0 || index >= counter.size()) {
            throw new IllegalArgumentException(counter + " has no slot " + index);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonthLedger other && Arrays.equals(slots, other.slots);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(slots);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MonthLedger{");
        for (int c = 0; c < COUNTERS.length; c++) {
            for (int i = 0; i < COUNTERS[c].size(); i++) {
                long v = slots[OFFSET[c] + i];
                if (v != 0) {
                    s.append(COUNTERS[c]).append(COUNTERS[c].size() > 1 ? "[" + i + "]" : "").append('=').append(v)
                            .append(' ');
                }
            }
        }
        return s.append('}').toString();
    }
}
