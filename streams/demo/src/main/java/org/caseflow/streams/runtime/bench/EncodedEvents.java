package org.caseflow.streams.runtime.bench;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.CaseflowSerdes;

/**
 * The floor's and pipeline's events as the bench holds them between rounds: each one's Avro bytes, decoded again only
 * while it is published (before a timed window opens). Held decoded, 200,000 events are trees of small objects that live
 * through every round, and each of G1's concurrent marking cycles traces them: the bench's memory, not the app's.
 * Held as bytes, the collectors' CPU per event while the app caught up fell from 24-27 to 14-23 µs in three alternating
 * pairs (docs/performance.md, "Sixteenth session").
 */
final class EncodedEvents {
    private static final String TOPIC = "bench-events";
    private final byte[][] values;

    private EncodedEvents(byte[][] values) {
        this.values = values;
    }

    static EncodedEvents of(List<CaseEvent> events) {
        Serializer<CaseEvent> encode = CaseflowSerdes.caseEvent().serializer();
        byte[][] values = new byte[events.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = encode.serialize(TOPIC, events.get(i));
        }
        return new EncodedEvents(values);
    }

    int size() {
        return values.length;
    }

    /** Hands each event, decoded, to {@code sink} in order. */
    void forEach(Consumer<CaseEvent> sink) {
        Deserializer<CaseEvent> decode = CaseflowSerdes.caseEvent().deserializer();
        for (byte[] value : values) {
            sink.accept(decode.deserialize(TOPIC, value));
        }
    }
}
