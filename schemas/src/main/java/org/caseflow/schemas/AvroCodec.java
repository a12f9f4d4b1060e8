package org.caseflow.schemas;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
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

    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    /** A codec that reads every released version of {@code schema}'s record. */
    public AvroCodec(Schema schema) {
        this(schema, ReleasedSchemas.of(schema.getName()));
    }

    /** A codec that reads data written with {@code schema} or any of {@code writerSchemas}. */
    public AvroCodec(Schema schema, Collection<Schema> writerSchemas) {
        this.schema = schema;
        SpecificData model = SpecificData.getForSchema(schema);
        // Records without logical types (the case store's StoredCase) have generated coders several times faster
        // than Avro's reflective writer; records that have none fall back to it whatever this flag says.
        model.setCustomCoders(true);
        if (!hasLogicalTypes(schema, new java.util.HashSet<>())) {
            // Avro's "fast reader" would take precedence over the generated decoder, which is faster still and
            // resolves older writers itself (customDecode reads the field order of a differing writer).
            model.setFastReaderEnabled(false);
        }
        SchemaStore.Cache store = new SchemaStore.Cache();
        for (Schema writer : writerSchemas) {
            store.addSchema(writer);
        }
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, store);
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
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + schema.getName(), e);
        }
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
        // Avro's message decoder reads through a direct (unbuffered) binary decoder, so what the stream has left
        // after the record is exactly what follows it.
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        T record;
        try {
            record = decoder.decode(in, null);
        } catch (MissingSchemaException e) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.UNKNOWN_FINGERPRINT,
                    "no known " + schema.getName() + " schema has the writer's fingerprint", e);
        } catch (BadHeaderException e) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.BAD_HEADER,
                    "not an Avro single-object encoded " + schema.getName(), e);
        } catch (EOFException e) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.CORRUPT,
                    "truncated " + schema.getName(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException
                | ClassCastException | IllegalArgumentException e) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.CORRUPT,
                    "malformed " + schema.getName() + ": " + e.getMessage(), e);
        }
        int left = in.available();
        if (left > 0) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.TRAILING_BYTES, left + " byte(s) after a complete "
                    + schema.getName() + " (" + (bytes.length - left) + " of " + bytes.length + " bytes used)", null);
        }
        return record;
    }
}
