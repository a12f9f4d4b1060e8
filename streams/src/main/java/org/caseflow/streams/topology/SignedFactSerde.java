package org.caseflow.streams.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.caseflow.streams.domain.indicators.SignedFact;

/**
 * JSON serde of {@link SignedFact} for the internal facts topic. Facts are small and internal to
 * Caseflow, so a readable form wins over compactness (they are easy to inspect with a console consumer).
 */
public final class SignedFactSerde implements Serde<SignedFact> {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public Serializer<SignedFact> serializer() {
        return (topic, fact) -> {
            if (fact == null) {
                return null;
            }
            try {
                return JSON.writeValueAsBytes(fact);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public Deserializer<SignedFact> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return JSON.readValue(bytes, SignedFact.class);
            } catch (IOException e) {
                throw new UncheckedIOException("malformed fact", e);
            }
        };
    }
}
