package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;

/**
 * Output that cannot be written. Retriable send errors are retried (the default); a record that can
 * never be written (too large, unserialisable) is dead-lettered with its source bytes and counted
 * ({@code reason=production} / {@code serialization}) instead of killing the thread.
 */
public final class CountingProductionHandler extends DefaultProductionExceptionHandler {
    private MeterRegistry registry;
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        registry = DeadLetterHandlers.registry(configs);
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : topic.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        DeadLetterHandlers.count(registry, "production", record.topic(), context.partition(), context.offset(), exception);
        return Response.resume(deadLetters(context, "production", exception));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        DeadLetterHandlers.count(registry, "serialization", record.topic(), context.partition(), context.offset(), exception);
        return Response.resume(deadLetters(context, "serialization", exception));
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetters(ErrorHandlerContext context, String reason,
            Exception exception) {
        return DeadLetterHandlers.labelled(ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(deadLetterTopic,
                context.sourceRawKey(), context.sourceRawValue(), context, exception), context, reason, exception, null);
    }
}
