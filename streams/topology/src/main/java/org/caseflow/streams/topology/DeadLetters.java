package org.caseflow.streams.topology;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The header set of every record on the dead-letter topic (docs/operations.md, "Dead letters"), whichever path wrote
 * it: the topology's own refusals, and Kafka Streams' deserialization, processing and production handlers (which
 * also write their {@code __streams.errors.*} headers). A consumer reads this one scheme; {@link DeadLetterHeaders}
 * writes and reads it.
 */
public final class DeadLetters {
    /** Short machine-readable reason, also the {@code reason} label of {@code caseflow_dead_letters_total}. Always. */
    public static final String REASON = "caseflow.dlq.reason";
    /** The reason in words. Always. */
    public static final String DETAIL = "caseflow.dlq.detail";
    /** The topic the record was read from, or where it belongs (re-publishing sends it there). When known. */
    public static final String SOURCE_TOPIC = "caseflow.dlq.source.topic";
    /** Partition of the source record, when known. */
    public static final String SOURCE_PARTITION = "caseflow.dlq.source.partition";
    /** Offset of the source record, when known. */
    public static final String SOURCE_OFFSET = "caseflow.dlq.source.offset";
    /**
     * Timestamp (epoch ms) of the source record, the one a re-published copy carries; for an event refused from the
     * case's stored history, its occurredAt (what {@code caseflow produce} stamps). When known.
     */
    public static final String SOURCE_TIMESTAMP = "caseflow.dlq.source.timestamp";
    /** The event's eventId, when the value is a case event that could be read. */
    public static final String EVENT_ID = "caseflow.dlq.event.id";
    /** When the record was dead-lettered (ISO-8601 instant; the stream time source of the app). Always. */
    public static final String TIME = "caseflow.dlq.time";
    /** How the value relates to what arrived: {@link ValueForm}. Always. */
    public static final String VALUE_FORM = "caseflow.dlq.value.form";
    /**
     * Not on dead letters: on a record {@code caseflow dead-letters --republish} wrote to a source topic, naming the
     * dead letter it copies ({@code <partition>:<offset>} of the dead-letter topic).
     */
    public static final String REPUBLISHED_FROM = "caseflow.dlq.republished-from";

    /** Headers present on every dead letter. */
    public static final List<String> ALWAYS = List.of(REASON, DETAIL, TIME, VALUE_FORM);
    /** Every header of the set. */
    public static final List<String> ALL = List.of(REASON, DETAIL, SOURCE_TOPIC, SOURCE_PARTITION, SOURCE_OFFSET,
            SOURCE_TIMESTAMP, EVENT_ID, TIME, VALUE_FORM);

    private DeadLetters() {
    }

    /** How a dead letter's value relates to the record that arrived. */
    public enum ValueForm {
        /** The key and value bytes exactly as they were read from the source topic. */
        ORIGINAL,
        /**
         * The event decoded and encoded again with the current schema (key: its caseId), because the bytes it came
         * as were not kept: an event stored by a version before the event log kept arrival bytes, or a link.
         */
        RE_ENCODED,
        /** Made inside the app (an indicator fact, a store value); never an input record as such. */
        INTERNAL;

        /** The header value: {@code original}, {@code re-encoded}, {@code internal}. */
        public String header() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The form named by a header value, or null. */
        public static ValueForm ofHeader(String value) {
            for (ValueForm form : values()) {
                if (form.header().equals(value)) {
                    return form;
                }
            }
            return null;
        }
    }

    /**
     * Where a dead letter's record came from.
     *
     * @param topic     null when unknown
     * @param partition -1 when unknown
     * @param offset    -1 when unknown
     */
    public record Source(String topic, int partition, long offset) {
        public static final Source UNKNOWN = new Source(null, -1, -1);

        /** A topic alone: partition and offset unknown. */
        public static Source topic(String topic) {
            return new Source(topic, -1, -1);
        }
    }

    /**
     * Where the processor's current record was read, if it was read from {@code topic}; else {@code topic} alone (a
     * record forwarded in-process, or a punctuation, has no partition and offset of that topic).
     */
    static Source sourceOf(ProcessorContext<?, ?> context, String topic) {
        RecordMetadata metadata = context.recordMetadata().orElse(null);
        if (topic != null && metadata != null && topic.equals(metadata.topic()) && metadata.offset() >= 0) {
            return new Source(topic, metadata.partition(), metadata.offset());
        }
        return Source.topic(topic);
    }

    /** The header set for a processor's dead letter, stamped with the processor's wall clock. */
    static Headers headers(ProcessorContext<?, ?> context, String reason, String detail, Source source,
            long sourceTimestamp, String eventId, ValueForm form) {
        return new DeadLetterHeaders(reason, detail, source, sourceTimestamp, eventId, form,
                Instant.ofEpochMilli(context.currentSystemTimeMs())).toHeaders();
    }
}
