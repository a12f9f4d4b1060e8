package org.caseflow.streams.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.caseflow.streams.topology.DeadLetters.Source;
import org.caseflow.streams.topology.DeadLetters.ValueForm;

/**
 * The values of one dead letter's {@link DeadLetters} headers. Written by every path that dead-letters; read by
 * {@code caseflow dead-letters}, which also understands dead letters written before this set existed.
 *
 * @param sourceTimestamp epoch ms, -1 when unknown
 * @param eventId         null when unknown
 * @param time            when it was dead-lettered; null only when read from an older dead letter
 */
public record DeadLetterHeaders(String reason, String detail, Source source, long sourceTimestamp, String eventId,
        ValueForm form, Instant time) {
    /** Kafka Streams' own dead-letter headers (KIP-1034), read when a dead letter has no {@code caseflow.dlq.*}. */
    static final String STREAMS_EXCEPTION = "__streams.errors.exception";
    static final String STREAMS_MESSAGE = "__streams.errors.message";
    static final String STREAMS_TOPIC = "__streams.errors.topic";
    static final String STREAMS_PARTITION = "__streams.errors.partition";
    static final String STREAMS_OFFSET = "__streams.errors.offset";

    public DeadLetterHeaders {
        reason = reason == null ? "unknown" : reason;
        detail = detail == null ? "" : detail;
        source = source == null ? Source.UNKNOWN : source;
    }

    public Headers toHeaders() {
        return addTo(new RecordHeaders());
    }

    /**
     * Adds the set to {@code headers}, replacing any {@code caseflow.dlq.*} value already there (one copied from the
     * source record), so every name has exactly one value.
     */
    public Headers addTo(Headers headers) {
        DeadLetters.ALL.forEach(headers::remove);
        put(headers, DeadLetters.REASON, reason);
        put(headers, DeadLetters.DETAIL, detail);
        put(headers, DeadLetters.SOURCE_TOPIC, source.topic());
        put(headers, DeadLetters.SOURCE_PARTITION, source.partition() < 0 ? null : String.valueOf(source.partition()));
        put(headers, DeadLetters.SOURCE_OFFSET, source.offset() < 0 ? null : String.valueOf(source.offset()));
        put(headers, DeadLetters.SOURCE_TIMESTAMP, sourceTimestamp < 0 ? null : String.valueOf(sourceTimestamp));
        put(headers, DeadLetters.EVENT_ID, eventId);
        put(headers, DeadLetters.TIME, (time == null ? Instant.EPOCH : time).toString());
        put(headers, DeadLetters.VALUE_FORM, form.header());
        return headers;
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Reads a dead letter's headers. One without {@code caseflow.dlq.reason} was written before the set existed: by
     * Kafka Streams' handlers (reason {@code streams-error}, source and detail from {@code __streams.errors.*}, value
     * as it arrived) or by the topology (value re-encoded).
     */
    public static DeadLetterHeaders read(Headers headers) {
        String reason = text(headers, DeadLetters.REASON);
        if (reason == null && text(headers, STREAMS_EXCEPTION) != null) {
            String message = text(headers, STREAMS_MESSAGE);
            return new DeadLetterHeaders("streams-error", text(headers, STREAMS_EXCEPTION)
                    + (message == null ? "" : ": " + message), new Source(text(headers, STREAMS_TOPIC),
                    (int) number(headers, STREAMS_PARTITION), number(headers, STREAMS_OFFSET)), -1, null,
                    ValueForm.ORIGINAL, null);
        }
        ValueForm form = ValueForm.ofHeader(text(headers, DeadLetters.VALUE_FORM));
        return new DeadLetterHeaders(reason, text(headers, DeadLetters.DETAIL),
                new Source(text(headers, DeadLetters.SOURCE_TOPIC), (int) number(headers, DeadLetters.SOURCE_PARTITION),
                        number(headers, DeadLetters.SOURCE_OFFSET)),
                number(headers, DeadLetters.SOURCE_TIMESTAMP), text(headers, DeadLetters.EVENT_ID),
                form == null ? ValueForm.RE_ENCODED : form, instant(text(headers, DeadLetters.TIME)));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long number(Headers headers, String name) {
        String text = text(headers, name);
        try {
            return text == null ? -1 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
