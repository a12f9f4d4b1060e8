package org.caseflow.streams.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.caseflow.streams.domain.indicators.IndicatorException;
import org.caseflow.streams.domain.indicators.LedgerDelta;

/**
 * Values of {@link TopicNames#indicatorDeltas()} (key: the scope, {@code court|tree|CATEGORY}). Binary and versioned:
 * byte 0 is the format version (1), byte 1 the kind — {@code 'L'} summed ledger deltas ({@link LedgerDelta#toBytes()}
 * follows), {@code 'T'} a lineage top update (the root caseId in modified UTF-8 and its case-number count, as
 * {@link DataOutputStream} writes them). Compact because there is one record per scope per batch, not per fact.
 */
final class IndicatorDeltas {
    static final byte VERSION = 1;
    private static final byte LEDGER = 'L';
    private static final byte LINEAGE = 'T';

    /** One decoded value. */
    sealed interface Value permits Ledger, Lineage {
    }

    /** Summed ledger deltas of the key's scope. */
    record Ledger(LedgerDelta delta) implements Value {
    }

    /** The key's scope: root {@code rootId} now has {@code caseNumbers} case numbers (0 or less: none). */
    record Lineage(String rootId, long caseNumbers) implements Value {
    }

    private IndicatorDeltas() {
    }

    static byte[] ledger(LedgerDelta delta) {
        byte[] body = delta.toBytes();
        byte[] out = new byte[body.length + 2];
        out[0] = VERSION;
        out[1] = LEDGER;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    static byte[] lineage(String rootId, long caseNumbers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(LINEAGE);
            out.writeUTF(rootId);
            out.writeLong(caseNumbers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a value; throws {@link IndicatorException} for anything this version cannot read. */
    static Value decode(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw new IndicatorException("corrupt indicator delta: too short");
        }
        if (bytes[0] != VERSION) {
            throw new IndicatorException("corrupt indicator delta: unknown format version " + bytes[0]);
        }
        return switch (bytes[1]) {
            case LEDGER -> new Ledger(LedgerDelta.fromBytes(Arrays.copyOfRange(bytes, 2, bytes.length)));
            case LINEAGE -> lineage(bytes);
            default -> throw new IndicatorException("corrupt indicator delta: unknown kind " + bytes[1]);
        };
    }

    private static Lineage lineage(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 2, bytes.length - 2))) {
            Lineage value = new Lineage(in.readUTF(), in.readLong());
            if (in.available() > 0) {
                throw new IndicatorException("corrupt indicator delta: trailing bytes");
            }
            return value;
        } catch (IOException e) {
            throw new IndicatorException("corrupt indicator delta: " + e.getMessage(), e);
        }
    }
}
