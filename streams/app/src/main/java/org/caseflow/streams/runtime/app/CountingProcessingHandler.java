package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.caseflow.streams.topology.ArrivedEvent;

/**
 * A processor threw on one record: skip it, dead-letter its source key and bytes (with the {@code caseflow.dlq.*}
 * set, and the eventId when the record was a case event) and count {@code reason=processing}, so one bad case
 * cannot stop the stream thread for every other case.
 */
public final class CountingProcessingHandler extends LogAndContinueProcessingExceptionHandler {
    static final String REASON = "processing";
    private MeterRegistry registry;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        registry = DeadLetterHandlers.registry(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        DeadLetterHandlers.count(registry, REASON, context.topic(), context.partition(), context.offset(), exception);
        Response response = super.handleError(context, record, exception);
        String eventId = record.value() instanceof ArrivedEvent event ? event.event().getEventId() : null;
        DeadLetterHandlers.labelled(response.deadLetterQueueRecords(), context, REASON, exception, eventId);
        return response;
    }
}
