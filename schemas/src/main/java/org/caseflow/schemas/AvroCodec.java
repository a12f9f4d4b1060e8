package org.caseflow.schemas;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro single-object encoding (a 10-byte header with the writer schema's fingerprint, then the
 * binary body) for one generated record type. No registry is needed: the decoder knows the
 * current schema and every released one, and resolves older writers against the current reader.
 */
public final class AvroCodec<T extends SpecificRecord> {
    static {
        trustGeneratedClasses();
    }

    /** Avro single-object encoding: two marker bytes, then the writer schema's 8-byte fingerprint (little-endian). */
    public static final int HEADER = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final Schema schema;
    private final SpecificData model;
    private final SchemaStore.Cache writers = new SchemaStore.Cache();
    private final byte[] header;
    private final DatumWriter<T> writer;
    /** A reader per writer schema seen, by fingerprint (the current schema's is made up front). */
    private final Map<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();
    /**
     * Per thread: the output buffer and the encoder and decoder objects, reused. The single-object format is written
     * and read here rather than through Avro's message encoder and decoder, which go through an unbuffered
     * (direct) encoder and decoder and a synchronized byte stream, byte by byte: on the hot path that was most of
     * the cost of encoding an alert and of decoding a stored case.
     */
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    /** A codec that reads every released version of {@code schema}'s record. */
    public AvroCodec(Schema schema) {
        this(schema, ReleasedSchemas.of(schema.getName()));
    }

    /** A codec that reads data written with {@code schema} or any of {@code writerSchemas}. */
    public AvroCodec(Schema schema, Collection<Schema> writerSchemas) {
        this.schema = schema;
        SpecificData model = SpecificData.getForSchema(schema);
        this.model = model;
        // Records without logical types (the case store's StoredCase) have generated coders several times faster
        // than Avro's reflective writer; records that have none fall back to it whatever this flag says.
        model.setCustomCoders(true);
        if (!hasLogicalTypes(schema, new java.util.HashSet<>())) {
            // Avro's "fast reader" would take precedence over the generated decoder, which is faster still and
            // resolves older writers itself (customDecode reads the field order of a differing writer).
            model.setFastReaderEnabled(false);
        }
        writers.addSchema(schema);
        for (Schema writer : writerSchemas) {
            writers.addSchema(writer);
        }
        this.header = header(schema);
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        @SuppressWarnings("unchecked")
        DatumWriter<T> datumWriter = (DatumWriter<T>) model.createDatumWriter(schema);
        this.writer = datumWriter;
        readers.put(fingerprint, readerFor(schema));
    }

    /** The single-object header of records written with {@code writer}: the marker and the schema's fingerprint. */
    public static byte[] header(Schema writer) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(writer);
        byte[] header = new byte[HEADER];
        header[0] = MARKER_0;
        header[1] = MARKER_1;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    /** What a thread reuses from one record to the next. */
    private static final class Buffers {
        final Output out = new Output();
        BinaryEncoder encoder;
        BinaryDecoder decoder;
    }

    /** A growable byte buffer without ByteArrayOutputStream's locking. */
    private static final class Output extends OutputStream {
        byte[] bytes = new byte[512];
        int size;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> readerFor(Schema writerSchema) {
        return (DatumReader<T>) model.createDatumReader(writerSchema, schema);
    }

    /**
     * Avro 1.12 only instantiates classes it trusts; the generated classes of the contract are ours, so
     * trust their package (once, on top of whatever the JVM already trusts).
     */
    private static synchronized void trustGeneratedClasses() {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                clazz -> clazz.getName().startsWith(GENERATED_PACKAGE) || clazz.getName().startsWith(STATE_PACKAGE)));
    }

    /**
     * Whether a logical type appears anywhere in {@code schema}: Avro's compiler generates coders only for records
     * without them.
     */
    private static boolean hasLogicalTypes(Schema schema, java.util.Set<String> seen) {
        if (schema.getLogicalType() != null) {
            return true;
        }
        return switch (schema.getType()) {
            case RECORD -> seen.add(schema.getFullName())
                    && schema.getFields().stream().anyMatch(f -> hasLogicalTypes(f.schema(), seen));
            case ARRAY -> hasLogicalTypes(schema.getElementType(), seen);
            case MAP -> hasLogicalTypes(schema.getValueType(), seen);
            case UNION -> schema.getTypes().stream().anyMatch(t -> hasLogicalTypes(t, seen));
            default -> false;
        };
    }

    private static final String GENERATED_PACKAGE = "org.caseflow.events.";
    private static final String STATE_PACKAGE = "org.caseflow.state.";

    public Schema schema() {
        return schema;
    }

    public byte[] encode(T record) {
        Buffers b = buffers.get();
        Output out = b.out;
        out.size = 0;
        out.write(header, 0, HEADER);
        try {
            b.encoder = EncoderFactory.get().binaryEncoder(out, b.encoder);
            writer.write(record, b.encoder);
            b.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + schema.getName(), e);
        }
        byte[] bytes = Arrays.copyOf(out.bytes, out.size);
        if (out.bytes.length > 1 << 20) {
            out.bytes = new byte[512]; // one huge record must not pin its buffer to the thread for good
        }
        return bytes;
    }

    /**
     * Decodes bytes written by {@link #encode} with this or any released schema version. The record must fill the
     * bytes exactly: anything after a complete record is refused ({@link SchemaDecodeException.Kind#TRAILING_BYTES}),
     * since a value with junk appended was not written by a Caseflow encoder and its meaning is unknown.
     */
    public T decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.BAD_HEADER,
                    "empty value where a " + schema.getName() + " was expected", null);
        }
        if (bytes.length < HEADER || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.BAD_HEADER,
                    "not an Avro single-object encoded " + schema.getName(), null);
        }
        long fingerprint = 0;
        for (int i = 0; i < 8; i++) {
            fingerprint |= (bytes[2 + i] & 0xFFL) << (8 * i);
        }
        DatumReader<T> reader = readers.get(fingerprint);
        if (reader == null) {
            Schema writerSchema = writers.findByFingerprint(fingerprint);
            if (writerSchema == null) {
                throw new SchemaDecodeException(SchemaDecodeException.Kind.UNKNOWN_FINGERPRINT,
                        "no known " + schema.getName() + " schema has the writer's fingerprint", null);
            }
            reader = readers.computeIfAbsent(fingerprint, f -> readerFor(writerSchema));
        }
        Buffers b = buffers.get();
        T record;
        int left;
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER, bytes.length - HEADER, b.decoder);
            b.decoder = decoder;
            record = reader.read(null, decoder);
            left = decoder.isEnd() ? 0 : decoder.inputStream().available();
        } catch (EOFException e) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.CORRUPT,
                    "truncated " + schema.getName(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException
                | ClassCastException | IllegalArgumentException e) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.CORRUPT,
                    "malformed " + schema.getName() + ": " + e.getMessage(), e);
        }
        if (left > 0) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.TRAILING_BYTES, left + " byte(s) after a complete "
                    + schema.getName() + " (" + (bytes.length - left) + " of " + bytes.length + " bytes used)", null);
        }
        return record;
    }
}
