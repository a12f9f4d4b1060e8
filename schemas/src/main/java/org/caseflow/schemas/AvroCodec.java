package org.caseflow.schemas;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (a 10-byte header with the writer schema's fingerprint, then the
 * binary body) for one generated record type. No registry is needed: the decoder knows the
 * current schema and every released one, and resolves older writers against the current reader.
 */
public final class AvroCodec<T extends SpecificRecord> {
    private final Schema schema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroCodec(Schema schema) {
        this.schema = schema;
        SpecificData model = SpecificData.getForSchema(schema);
        SchemaStore.Cache store = new SchemaStore.Cache();
        for (Schema released : ReleasedSchemas.of(schema.getName())) {
            store.addSchema(released);
        }
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, store);
    }

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

    /** Decodes bytes written by {@link #encode} with this or any released schema version. */
    public T decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new SchemaDecodeException(SchemaDecodeException.Kind.BAD_HEADER,
                    "empty value where a " + schema.getName() + " was expected", null);
        }
        try {
            return decoder.decode(bytes);
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
    }
}
