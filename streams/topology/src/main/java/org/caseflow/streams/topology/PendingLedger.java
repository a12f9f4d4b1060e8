package org.caseflow.streams.topology;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.caseflow.streams.domain.indicators.IndicatorException;
import org.caseflow.streams.domain.indicators.MonthLedger;

/**
 * A value of {@link StoreNames#FACT_PENDING}: the summed deltas of one attribution's month (or running total) not yet
 * sent on; whether a fact had this month as the latest it wrote (its periods are republished); the latest record
 * timestamp among the facts (sent with the deltas: it drives the indicator processor's event clock). One key per
 * month rather than per attribution keeps a fact's cost at two or three small reads and writes however many months
 * are pending. Bytes: the timestamp (8 bytes big-endian), a flag byte (1 = marked), {@link MonthLedger#toBytes()}.
 */
record PendingLedger(long timestamp, boolean marked, MonthLedger ledger) {
    private static final int HEADER = Long.BYTES + 1;

    byte[] toBytes() {
        byte[] body = ledger.toBytes();
        return ByteBuffer.allocate(HEADER + body.length).putLong(timestamp).put((byte) (marked ? 1 : 0)).put(body)
                .array();
    }

    static PendingLedger fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER || (bytes[Long.BYTES] & ~1) != 0) {
            throw new IndicatorException("corrupt pending ledger: bad header");
        }
        return new PendingLedger(ByteBuffer.wrap(bytes).getLong(), bytes[Long.BYTES] == 1,
                MonthLedger.fromBytes(Arrays.copyOfRange(bytes, HEADER, bytes.length)));
    }

    /** This plus {@code other}: summed deltas, marked if either is, the later timestamp. */
    PendingLedger plus(PendingLedger other) {
        return new PendingLedger(Math.max(timestamp, other.timestamp), marked || other.marked,
                ledger.addAll(other.ledger));
    }
}
