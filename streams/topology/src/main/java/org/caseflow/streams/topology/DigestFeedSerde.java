package org.caseflow.streams.topology;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.caseflow.streams.domain.rules.Procedure;

/**
 * The serde of {@link TopicNames#digestFeed()}, and the form of a recipient's entry log ({@link DigestEntryLog}): a
 * compact binary form (a format byte, then the fields in order, strings as UTF-8 after their length, -1 for null). A
 * midnight storm puts every crossing through it once per recipient: JSON took a fifth of the stream thread there.
 * Records written as JSON by the first digest build (they start with <code>{</code>) are still read.
 *
 * <p>Format 2 writes what repeats once: an item of a batch names its recipient, court, procedure, level and status only
 * where they differ from the item before it (-2: the same), and its alert id as what follows the case id (-3: the case
 * id, then this suffix; the case id is written first). A storm's feed record holds hundreds of one court's crossings
 * whose case numbers are Chinese text: format 1 encoded each item's case id twice and its court once, UTF-16 to UTF-8,
 * which was most of the router's share of the stream thread. Format 1 records are still read.
 */
final class DigestFeedSerde implements Serde<DigestFeed> {
    /** Format 1 of the binary form; JSON records start with '{' (0x7b), which is not a format byte. */
    static final byte FORMAT_1 = 1;
    /** The format written: strings that repeat from the item before are written once. */
    static final byte FORMAT = 2;
    private static final int NULL = -1;
    private static final int SAME = -2;
    private static final int AFTER_CASE_ID = -3;
    /** Type codes by position: a new type is added at the end (the entry log's prune came last). */
    private static final String[] TYPES = {DigestFeed.BATCH, DigestFeed.ALERT, DigestFeed.ACK, DigestFeed.CLOCK,
        DigestFeed.PRUNE};
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
        Out out = new Out(feed.items() == null ? 128 : 128 * (feed.items().size() + 1));
        out.put(FORMAT);
        write2(out, feed, null);
        return out.bytes();
    }

    static DigestFeed read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte format = in.get();
            if (format == FORMAT) {
                return read2(in, null);
            }
            if (format != FORMAT_1) {
                throw new IllegalArgumentException("digest feed record in unknown format " + format);
            }
            return read(in);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("malformed digest feed record: it ends early", e);
        }
    }

    /** Format 2: {@code before} is the item written before this one in the same list, null for the first. */
    private static void write2(Out out, DigestFeed f, DigestFeed before) {
        out.put((byte) typeCode(f.type()));
        out.repeated(f, before, DigestFeed::recipient);
        out.string(f.caseId());
        if (f.alertId() != null && f.caseId() != null && f.alertId().startsWith(f.caseId())) {
            out.putInt(AFTER_CASE_ID);
            out.string(f.alertId().substring(f.caseId().length()));
        } else {
            out.string(f.alertId());
        }
        out.repeated(f, before, DigestFeed::court);
        out.repeated(f, before, DigestFeedSerde::procedureName);
        out.repeated(f, before, DigestFeed::level);
        out.repeated(f, before, DigestFeed::status);
        writeTimes(out, f);
        if (f.items() == null) {
            out.putInt(-1);
        } else {
            out.putInt(f.items().size());
            DigestFeed previous = null;
            for (DigestFeed item : f.items()) {
                write2(out, item, previous);
                previous = item;
            }
        }
    }

    private static DigestFeed read2(ByteBuffer in, DigestFeed before) {
        String type = type(in);
        String recipient = repeated(in, before, DigestFeed::recipient);
        String caseId = string(in);
        String alertId;
        int length = in.getInt();
        if (length == AFTER_CASE_ID) {
            if (caseId == null) {
                throw new IllegalArgumentException("malformed digest feed record: an alert id after no case id");
            }
            String suffix = string(in);
            alertId = suffix == null ? caseId : caseId + suffix;
        } else {
            alertId = string(in, length);
        }
        String court = repeated(in, before, DigestFeed::court);
        Procedure procedure = procedure(repeated(in, before, DigestFeedSerde::procedureName));
        String level = repeated(in, before, DigestFeed::level);
        String status = repeated(in, before, DigestFeed::status);
        Times times = Times.read(in);
        int n = in.getInt();
        List<DigestFeed> items = null;
        if (n >= 0) {
            items = new ArrayList<>(n);
            DigestFeed previous = null;
            for (int i = 0; i < n; i++) {
                previous = read2(in, previous);
                items.add(previous);
            }
        }
        return new DigestFeed(type, recipient, alertId, caseId, court, procedure, level, status, times.deadline(),
                times.at(), times.source(), items);
    }

    /** A field that may be "the same as in the item before" ({@code before}, null for the first item). */
    private static String repeated(ByteBuffer in, DigestFeed before, Function<DigestFeed, String> field) {
        int length = in.getInt();
        if (length == SAME) {
            if (before == null) {
                throw new IllegalArgumentException("malformed digest feed record: a repeat with no item before");
            }
            return field.apply(before);
        }
        return string(in, length);
    }

    private static String procedureName(DigestFeed f) {
        return f.procedure() == null ? null : f.procedure().name();
    }

    private static Procedure procedure(String name) {
        return name == null ? null : Procedure.valueOf(name);
    }

    private static String type(ByteBuffer in) {
        int code = in.get();
        if (code < 0 || code >= TYPES.length) {
            throw new IllegalArgumentException("malformed digest feed record: unknown type code " + code);
        }
        return TYPES[code];
    }

    /** The deadline day, the time and the source clock: alike in both formats. */
    private record Times(LocalDate deadline, long at, int source) {
        static Times read(ByteBuffer in) {
            int day = in.getInt();
            long at = in.getLong();
            int source = in.getInt();
            return new Times(day == NO_DAY ? null : LocalDate.ofEpochDay(day), at, source);
        }
    }

    private static void writeTimes(Out out, DigestFeed f) {
        out.putInt(f.deadline() == null ? NO_DAY : (int) f.deadline().toEpochDay());
        out.putLong(f.at());
        out.putInt(f.source());
    }

    /** Format 1, as the build before format 2 wrote it (tests show such records still read). */
    static byte[] writeFormat1(DigestFeed feed) {
        Out out = new Out(128);
        out.put(FORMAT_1);
        write(out, feed);
        return out.bytes();
    }

    private static void write(Out out, DigestFeed f) {
        out.put((byte) typeCode(f.type()));
        out.string(f.recipient());
        out.string(f.alertId());
        out.string(f.caseId());
        out.string(f.court());
        out.string(procedureName(f));
        out.string(f.level());
        out.string(f.status());
        writeTimes(out, f);
        if (f.items() == null) {
            out.putInt(-1);
        } else {
            out.putInt(f.items().size());
            for (DigestFeed item : f.items()) {
                write(out, item);
            }
        }
    }

    private static DigestFeed read(ByteBuffer in) {
        String type = type(in);
        String recipient = string(in);
        String alertId = string(in);
        String caseId = string(in);
        String court = string(in);
        Procedure procedure = procedure(string(in));
        String level = string(in);
        String status = string(in);
        Times times = Times.read(in);
        int n = in.getInt();
        List<DigestFeed> items = null;
        if (n >= 0) {
            items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(read(in));
            }
        }
        return new DigestFeed(type, recipient, alertId, caseId, court, procedure, level, status, times.deadline(),
                times.at(), times.source(), items);
    }

    private static String string(ByteBuffer in) {
        return string(in, in.getInt());
    }

    private static String string(ByteBuffer in, int length) {
        if (length == NULL) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("malformed digest feed record: a string of length " + length);
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /** A growable byte array: DataOutputStream over ByteArrayOutputStream writes byte by byte, each under a lock. */
    private static final class Out {
        private byte[] buf;
        private int pos;

        Out(int size) {
            buf = new byte[size];
        }

        void put(byte b) {
            room(1);
            buf[pos++] = b;
        }

        void putInt(int v) {
            room(4);
            ByteBuffer.wrap(buf, pos, 4).putInt(v);
            pos += 4;
        }

        void putLong(long v) {
            room(8);
            ByteBuffer.wrap(buf, pos, 8).putLong(v);
            pos += 8;
        }

        /** A field, or {@link #SAME} where there is an item before ({@code before}) and it had the same one. */
        void repeated(DigestFeed f, DigestFeed before, Function<DigestFeed, String> field) {
            String s = field.apply(f);
            if (before != null && java.util.Objects.equals(s, field.apply(before))) {
                putInt(SAME);
            } else {
                string(s);
            }
        }

        void string(String s) {
            if (s == null) {
                putInt(NULL);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, buf, pos, utf8.length);
            pos += utf8.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, pos);
        }

        private void room(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }
    }

    private static int typeCode(String type) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException("digest feed record of unknown type " + type);
    }
}
