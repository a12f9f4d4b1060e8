package org.caseflow.streams.runtime.jsonl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.caseflow.streams.domain.input.EventChecks;

/**
 * Reads a JSON-lines event file as bytes, line by line, and hands every non-blank line to
 * {@link EventLineParser}: the one validation loop shared by {@code produce}, {@code replay} and
 * anything else that reads event files. Lines are split on LF (a trailing CR is dropped), decoded
 * with a strict UTF-8 decoder and limited in size; a UTF-8 byte-order mark at the start is ignored.
 * Only memory for one line (up to the limit) is held, whatever the file size.
 */
public final class EventFileReader {
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
    /** Field names used for rejections of the raw line rather than of a JSON field. */
    public static final String SIZE_FIELD = "size";
    public static final String ENCODING_FIELD = "encoding";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final int maxLineBytes;
    private final EventChecks checks;

    /** A reader whose events must pass {@code checks} (the courts of the seeds the app runs with). */
    public EventFileReader(EventChecks checks) {
        this(DEFAULT_MAX_LINE_BYTES, checks);
    }

    public EventFileReader(int maxLineBytes, EventChecks checks) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.checks = checks;
    }

    /** Counts of one read. */
    public record Summary(long valid, long invalid, long warnings) {
        /** The summary line of {@code caseflow produce}: {@code N valid, M invalid}. */
        @Override
        public String toString() {
            return valid + " valid, " + invalid + " invalid";
        }
    }

    /** Reads the file, or standard input when {@code file} is {@code -}; the sink sees lines in file order. */
    public Summary read(String file, Consumer<ParsedLine> sink) throws IOException {
        if ("-".equals(file)) {
            return read(System.in, sink);
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return read(in, sink);
        }
    }

    /** Reads the stream to its end (it is not closed); the sink sees lines in order. */
    public Summary read(InputStream in, Consumer<ParsedLine> sink) throws IOException {
        LineSplitter splitter = new LineSplitter(sink);
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) != -1) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    splitter.append(chunk, start, i - start);
                    splitter.endLine();
                    start = i + 1;
                }
            }
            splitter.append(chunk, start, n - start);
        }
        splitter.endOfInput();
        return new Summary(splitter.valid, splitter.invalid, splitter.warnings);
    }

    /** Collects the bytes of the current line (up to the limit) and emits it at the terminator. */
    private final class LineSplitter {
        private final Consumer<ParsedLine> sink;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long lineBytes;
        private byte lastByte;
        private long lineNumber = 1;
        private long valid;
        private long invalid;
        private long warnings;

        LineSplitter(Consumer<ParsedLine> sink) {
            this.sink = sink;
        }

        void append(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return;
            }
            // Keep one byte over the limit (plus the BOM) so a trailing CR can still be dropped.
            long room = (long) maxLineBytes + 1 + BOM.length - kept.size();
            kept.write(bytes, offset, (int) Math.max(0, Math.min(room, length)));
            lineBytes += length;
            lastByte = bytes[offset + length - 1];
        }

        void endOfInput() {
            if (lineBytes > 0) {
                endLine();
            }
        }

        void endLine() {
            byte[] bytes = kept.toByteArray();
            int start = lineNumber == 1 && startsWithBom(bytes) ? BOM.length : 0;
            long length = lineBytes - start - (lastByte == '\r' ? 1 : 0);
            if (length > maxLineBytes) {
                emit(new ParsedLine.Invalid(lineNumber, SIZE_FIELD,
                        "line is " + length + " bytes, over the limit of " + maxLineBytes + " bytes"));
            } else {
                String text = decode(bytes, start, (int) length);
                if (text != null && !text.isBlank()) {
                    emit(EventLineParser.parse(text, lineNumber, checks));
                }
            }
            kept.reset();
            lineBytes = 0;
            lastByte = 0;
            lineNumber++;
        }

        /** Strict UTF-8: malformed or truncated sequences reject the line with the byte offset. */
        private String decode(byte[] bytes, int start, int length) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer input = ByteBuffer.wrap(bytes, start, length);
            CharBuffer output = CharBuffer.allocate(length);
            CoderResult result = decoder.decode(input, output, true);
            if (!result.isError()) {
                result = decoder.flush(output);
            }
            if (result.isError()) {
                emit(new ParsedLine.Invalid(lineNumber, ENCODING_FIELD,
                        "invalid UTF-8 at byte " + (input.position() - start + 1) + " of the line"));
                return null;
            }
            return output.flip().toString();
        }

        private void emit(ParsedLine line) {
            if (line instanceof ParsedLine.Valid ok) {
                valid++;
                warnings += ok.warnings().size();
            } else {
                invalid++;
            }
            sink.accept(line);
        }

        private boolean startsWithBom(byte[] bytes) {
            return bytes.length >= BOM.length
                    && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        }
    }
}
