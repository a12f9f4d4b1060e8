package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Undecodable input: skip it, send the original bytes with the error headers to the dead-letter topic
 * (Kafka's KIP-1034 record, built by the parent class) and count {@code reason=deserialization}.
 */
public final class CountingDeserializationHandler extends LogAndContinueExceptionHandler {
    private MeterRegistry registry;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        registry = DeadLetterHandlers.registry(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        DeadLetterHandlers.count(registry, "deserialization", context.topic(), context.partition(), context.offset(), exception);
        return super.handleError(context, record, exception);
    }
}
