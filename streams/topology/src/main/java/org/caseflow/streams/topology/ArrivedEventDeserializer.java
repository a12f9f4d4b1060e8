package org.caseflow.streams.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;

/**
 * Decodes an input record's value into an {@link ArrivedEvent} that keeps the bytes. Undecodable bytes throw
 * ({@link org.caseflow.schemas.SchemaDecodeException}), so they reach the dead-letter topic through the
 * deserialization exception handler; null stays null (a clock tick). Stateless: one instance serves every source.
 */
public final class ArrivedEventDeserializer implements Deserializer<ArrivedEvent> {
    private final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());

    @Override
    public ArrivedEvent deserialize(String topic, byte[] bytes) {
        return bytes == null ? null : new ArrivedEvent(codec.decode(bytes), bytes, DeadLetters.ValueForm.ORIGINAL);
    }
}
