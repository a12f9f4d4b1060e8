package org.caseflow.streams.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of {@link TopicNames#digestFeed()}: a compact binary form (a format byte, then the fields in order, strings
 * length-prefixed, null marked). A midnight storm puts every crossing through it once per recipient: JSON took a fifth
 * of the stream thread there. Records written as JSON by the first digest build (they start with <code>{</code>) are
 * still read.
 */
final class DigestFeedSerde implements Serde<DigestFeed> {
    /** Format 1 of the binary form; JSON records start with '{' (0x7b), which is not a format byte. */
    static final byte FORMAT = 1;
    private static final String[] TYPES = {DigestFeed.BATCH, DigestFeed.ALERT, DigestFeed.ACK, DigestFeed.CLOCK};
    private static final int NO_DAY = Integer.MIN_VALUE;
    private final JsonSerde<DigestFeed> json = new JsonSerde<>(DigestFeed.class);

    @Override
    public Serializer<DigestFeed> serializer() {
        return (topic, feed) -> feed == null ? null : write(feed);
    }

    @Override
    public Deserializer<DigestFeed> deserializer() {
        Deserializer<DigestFeed> old = json.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return old.deserialize(topic, bytes);
            }
            return read(bytes);
        };
    }

    static byte[] write(DigestFeed feed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            write(out, feed);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static DigestFeed read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("digest feed record in unknown format " + format);
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed digest feed record: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, DigestFeed f) throws IOException {
        out.writeByte(typeCode(f.type()));
        string(out, f.recipient());
        string(out, f.alertId());
        string(out, f.caseId());
        string(out, f.court());
        string(out, f.procedure());
        string(out, f.level());
        string(out, f.status());
        out.writeInt(f.deadline() == null ? NO_DAY : (int) f.deadline().toEpochDay());
        out.writeLong(f.at());
        out.writeInt(f.source());
        if (f.items() == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(f.items().size());
            for (DigestFeed item : f.items()) {
                write(out, item);
            }
        }
    }

    private static DigestFeed read(DataInputStream in) throws IOException {
        int code = in.readByte();
        if (code < 0 || code >= TYPES.length) {
            throw new IOException("unknown type code " + code);
        }
        String recipient = string(in);
        String alertId = string(in);
        String caseId = string(in);
        String court = string(in);
        String procedure = string(in);
        String level = string(in);
        String status = string(in);
        int day = in.readInt();
        long at = in.readLong();
        int source = in.readInt();
        int n = in.readInt();
        List<DigestFeed> items = null;
        if (n >= 0) {
            items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(read(in));
            }
        }
        return new DigestFeed(TYPES[code], recipient, alertId, caseId, court, procedure, level, status,
                day == NO_DAY ? null : LocalDate.ofEpochDay(day), at, source, items);
    }

    private static int typeCode(String type) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException("digest feed record of unknown type " + type);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
