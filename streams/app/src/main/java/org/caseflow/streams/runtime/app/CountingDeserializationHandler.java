package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Undecodable input (a key that is not UTF-8, a value that is not a CaseEvent, junk after one): skip it, send the
 * original key and bytes with Kafka's error headers (the KIP-1034 record, built by the parent class) and the
 * {@code caseflow.dlq.*} set to the dead-letter topic, and count {@code reason=deserialization}.
 */
public final class CountingDeserializationHandler extends LogAndContinueExceptionHandler {
    static final String REASON = "deserialization";
    private MeterRegistry registry;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        registry = DeadLetterHandlers.registry(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        DeadLetterHandlers.count(registry, REASON, context.topic(), context.partition(), context.offset(), exception);
        Response response = super.handleError(context, record, exception);
        DeadLetterHandlers.labelled(response.deadLetterQueueRecords(), context, REASON, exception, null);
        return response;
    }
}
