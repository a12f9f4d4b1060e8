package org.caseflow.streams.topology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.caseflow.CaseflowException;
import org.caseflow.state.StoredFold;
import org.caseflow.streams.domain.cases.FoldPoint;

/**
 * A case's fold in the case record (format 5, {@code StoredCase.foldBytes}): a {@link StoredFold} in Avro binary, and a
 * memo of the folds this thread read or wrote last. Most writes of a case record leave its fold alone: a threshold
 * crossing or a recomputation reads the record, changes its alert bookkeeping and writes it back with the very same
 * {@link FoldPoint} object. Those writes copy the bytes that were read instead of converting the whole view and
 * encoding it again (a third of a crossing's write, measured). The memo is by identity, so an equal fold built anew (an
 * event applied) is encoded afresh, and it is per thread because one serde serves every task's store.
 */
final class FoldCodec {
    /** Folds remembered per thread: a crossing reads one case and writes it back before the next is read. */
    private static final int SLOTS = 4;
    /**
     * The generated coders ({@code customEncode}/{@code customDecode}), as {@link org.caseflow.schemas.AvroCodec} uses
     * for the record around it. The class's own model ({@code StoredFold.MODEL$}, which the class-based constructors
     * take) reads through Avro's "fast reader", which was two thirds of a fold's read in a storm's profile
     * (docs/performance.md, "Twelfth session"). Its own instance, so no other record's model is changed.
     */
    private static final SpecificData MODEL = model();
    private final SpecificDatumWriter<StoredFold> writer = new SpecificDatumWriter<>(StoredFold.getClassSchema(), MODEL);
    private final SpecificDatumReader<StoredFold> reader = new SpecificDatumReader<>(StoredFold.getClassSchema(),
            StoredFold.getClassSchema(), MODEL);
    private final ThreadLocal<Memo> memo = ThreadLocal.withInitial(Memo::new);

    /** The fold's bytes: those it was read from or last written as on this thread, else {@code stored}'s encoding. */
    byte[] encode(FoldPoint fold, Function<FoldPoint, StoredFold> stored) {
        Memo m = memo.get();
        byte[] known = m.find(fold);
        if (known != null) {
            return known;
        }
        byte[] bytes = write(stored.apply(fold));
        m.remember(fold, bytes);
        return bytes;
    }

    /** The fold these bytes hold; remembered, so writing it back unchanged copies them. */
    FoldPoint decode(byte[] bytes, Function<StoredFold, FoldPoint> point) {
        FoldPoint fold = point.apply(read(bytes));
        memo.get().remember(fold, bytes);
        return fold;
    }

    private static SpecificData model() {
        SpecificData model = new SpecificData();
        model.setCustomCoders(true);
        model.setFastReaderEnabled(false);
        return model;
    }

    private byte[] write(StoredFold fold) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(fold, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a case's fold", e);
        }
        return out.toByteArray();
    }

    private StoredFold read(byte[] bytes) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        try {
            StoredFold fold = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new CaseflowException("case state's fold has bytes after a complete StoredFold");
            }
            return fold;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new CaseflowException("case state's fold is malformed: " + e.getMessage(), e);
        }
    }

    /** The last few folds and their bytes, compared by identity; the oldest slot is reused. */
    private static final class Memo {
        private final FoldPoint[] folds = new FoldPoint[SLOTS];
        private final byte[][] bytes = new byte[SLOTS][];
        private int next;

        byte[] find(FoldPoint fold) {
            for (int i = 0; i < SLOTS; i++) {
                if (folds[i] == fold) {
                    return bytes[i];
                }
            }
            return null;
        }

        void remember(FoldPoint fold, byte[] encoded) {
            folds[next] = fold;
            bytes[next] = encoded;
            next = (next + 1) % SLOTS;
        }
    }
}
