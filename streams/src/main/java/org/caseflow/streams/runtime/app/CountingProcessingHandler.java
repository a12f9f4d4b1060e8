package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A processor threw on one record: skip it, dead-letter its source bytes and count
 * {@code reason=processing}, so one bad case cannot stop the stream thread for every other case.
 */
public final class CountingProcessingHandler extends LogAndContinueProcessingExceptionHandler {
    private MeterRegistry registry;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        registry = DeadLetterHandlers.registry(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        DeadLetterHandlers.count(registry, "processing", context.topic(), context.partition(), context.offset(), exception);
        return super.handleError(context, record, exception);
    }
}
