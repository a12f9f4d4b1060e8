package org.caseflow.streams.topology;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;

/**
 * The case processor's dead letters, to {@link Names#DEAD_LETTER_SINK} with the {@link DeadLetters} header set
 * (docs/operations.md, "Dead letters"). DESIGN.md section 4 asks for the original key and bytes:
 * <ul>
 * <li>an event refused on arrival goes out under its record's own key, with the bytes it arrived as
 *     ({@link ArrivedEvent}) and the partition and offset it was read from;</li>
 * <li>an event the engine refuses later (a rejected transition, a case never filed) comes from the case's stored
 *     history, which keeps each event's arrival bytes: it goes out under its caseId (the key it arrived with, since a
 *     record whose key differs is refused on arrival) with those bytes. Only an event stored by a version that kept
 *     no arrival bytes goes out re-encoded, marked {@code re-encoded} ({@link EventTail#reEncoded()}). Where it was
 *     read is not kept with the event: the source topic is the one its type is routed to, where a re-published copy
 *     belongs.</li>
 * </ul>
 */
final class CaseDeadLetters {
    private final ProcessorContext<String, Object> context;
    private final TopicNames topics;
    private final ProcessingMetrics metrics;
    private final AvroCodec<CaseEvent> codec;

    CaseDeadLetters(ProcessorContext<String, Object> context, TopicNames topics, ProcessingMetrics metrics,
            AvroCodec<CaseEvent> codec) {
        this.context = context;
        this.topics = topics;
        this.metrics = metrics;
        this.codec = codec;
    }

    /** An input record refused on arrival: its own key, the bytes it arrived as, where it was read. */
    void refusedOnArrival(InputRecord input, String reason, String detail) {
        ArrivedEvent value = input.value();
        context.forward(new Record<String, Object>(input.key(), value.bytes(), input.timestamp(),
                DeadLetters.headers(context, reason, detail, input.source(), input.timestamp(),
                        value.event().getEventId(), value.form())), Names.DEAD_LETTER_SINK);
        metrics.deadLetter(reason);
    }

    /**
     * An event the engine refused: the record being applied ({@code input}, null for a timer) when it is that one,
     * else an event of the case's history, with the bytes {@code log} keeps for it.
     */
    void refused(CaseEvent event, InputRecord input, CaseEventLog log, String reason, String detail) {
        if (input != null && input.event() != null && input.event().getEventId().equals(event.getEventId())) {
            refusedOnArrival(input, reason, detail);
            return;
        }
        CaseEventLog.StoredEvent stored = log.stored(event);
        byte[] bytes = stored == null ? codec.encode(event) : stored.bytes();
        DeadLetters.ValueForm form = stored == null ? DeadLetters.ValueForm.RE_ENCODED : stored.form();
        // The record's own timestamp is not kept either: occurredAt is what producers stamp (EventPublisher).
        long timestamp = event.getOccurredAt().toEpochMilli();
        context.forward(new Record<String, Object>(event.getCaseId(), bytes, timestamp,
                DeadLetters.headers(context, reason, detail, DeadLetters.Source.topic(EventRouting.topicFor(event,
                        topics)), timestamp, event.getEventId(), form)), Names.DEAD_LETTER_SINK);
        metrics.deadLetter(reason);
    }
}
