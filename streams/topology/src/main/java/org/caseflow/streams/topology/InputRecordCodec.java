package org.caseflow.streams.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;

/**
 * An input record as a store value, for the records the case processor keeps waiting ({@link HeldEvents},
 * {@link OrderBarrier}): its source topic, partition and offset, timestamp, key and the bytes it arrived as, so a
 * record refused when it is finally applied is dead-lettered as it came. Format 2; format 1 (held records written
 * by an older version) has only the topic and the re-encoded event.
 */
final class InputRecordCodec {
    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT = 2;
    private final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());

    static byte[] encode(InputRecord input) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(input.topic());
            out.writeInt(input.source().partition());
            out.writeLong(input.source().offset());
            out.writeLong(input.timestamp());
            out.writeBoolean(input.key() != null);
            if (input.key() != null) {
                out.writeUTF(input.key());
            }
            ArrivedEvent value = input.value();
            out.writeBoolean(value != null && value.form() == DeadLetters.ValueForm.ORIGINAL);
            byte[] data = value == null ? new byte[0] : value.bytes();
            out.writeInt(data.length);
            out.write(data);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record stored under {@code key} (named in the error when the bytes cannot be read). */
    InputRecord decode(String key, byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT && format != FORMAT_1) {
                throw new IOException("unknown held-record format " + format);
            }
            String topic = in.readUTF();
            int partition = format == FORMAT ? in.readInt() : -1;
            long offset = format == FORMAT ? in.readLong() : -1;
            long timestamp = in.readLong();
            String recordKey = in.readBoolean() ? in.readUTF() : null;
            boolean original = format == FORMAT && in.readBoolean();
            byte[] value = new byte[in.readInt()];
            in.readFully(value);
            ArrivedEvent event = value.length == 0 ? null : new ArrivedEvent(codec.decode(value), value,
                    original ? DeadLetters.ValueForm.ORIGINAL : DeadLetters.ValueForm.RE_ENCODED);
            return new InputRecord(new DeadLetters.Source(topic, partition, offset), timestamp, recordKey, event);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt held record " + key, e);
        }
    }
}
