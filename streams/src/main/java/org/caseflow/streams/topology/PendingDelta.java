package org.caseflow.streams.topology;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.caseflow.streams.domain.indicators.IndicatorException;
import org.caseflow.streams.domain.indicators.LedgerDelta;

/**
 * A value of {@link StoreNames#FACT_PENDING}: the summed deltas of the facts of one attribution not yet sent on, and
 * the latest record timestamp among them (the timestamp the deltas are sent with, which drives the indicator
 * processor's event clock). Bytes: the timestamp as 8 bytes big-endian, then {@link LedgerDelta#toBytes()}.
 */
record PendingDelta(long timestamp, LedgerDelta delta) {
    byte[] toBytes() {
        byte[] body = delta.toBytes();
        return ByteBuffer.allocate(Long.BYTES + body.length).putLong(timestamp).put(body).array();
    }

    static PendingDelta fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < Long.BYTES) {
            throw new IndicatorException("corrupt pending delta: too short");
        }
        return new PendingDelta(ByteBuffer.wrap(bytes).getLong(),
                LedgerDelta.fromBytes(Arrays.copyOfRange(bytes, Long.BYTES, bytes.length)));
    }

    /** This plus {@code other}, at the later of the two timestamps. */
    PendingDelta plus(PendingDelta other) {
        return new PendingDelta(Math.max(timestamp, other.timestamp), delta.addAll(other.delta));
    }
}
