package org.caseflow.streams.runtime.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.caseflow.schemas.AvroCodec;

/**
 * Reads a few fields of single-object-encoded Avro records (a projection of the record's current schema), for the
 * bench's counting consumers. They run in the measured process, on the same cores as the app and the embedded broker,
 * so they must cost little: records written with the current schema are read through a buffered decoder over their
 * bytes, where Avro's message decoder reads byte by byte through an input stream (on a million snapshots that took
 * about a quarter as much CPU as the stream thread being measured). The bench's app writes the current schema only,
 * so a record with any other header is refused. One instance per thread: it reuses its decoder and record.
 */
final class ProjectionReader {
    private static final int HEADER = AvroCodec.HEADER;
    private final byte[] header;
    private final GenericDatumReader<GenericRecord> reader;
    private BinaryDecoder decoder;
    private GenericRecord reuse;

    /** Reads {@code fields} of records written with {@code full}; each field keeps its schema and default. */
    ProjectionReader(Schema full, List<String> fields) {
        Schema projection = Schema.createRecord(full.getName(), null, full.getNamespace(), false, fields.stream()
                .map(name -> {
                    Schema.Field f = full.getField(name);
                    return new Schema.Field(name, f.schema(), null, f.defaultVal());
                }).toList());
        this.reader = new GenericDatumReader<>(full, projection);
        this.header = AvroCodec.header(full);
    }

    /** The projected fields of {@code value}; the record returned is reused by the next call. */
    GenericRecord read(byte[] value) {
        if (value.length <= HEADER || !Arrays.equals(value, 0, HEADER, header, 0, HEADER)) {
            throw new IllegalArgumentException("not a record of the current " + reader.getSchema().getName()
                    + " schema (" + value.length + " bytes)");
        }
        try {
            decoder = DecoderFactory.get().binaryDecoder(value, HEADER, value.length - HEADER, decoder);
            reuse = reader.read(reuse, decoder);
            return reuse;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
