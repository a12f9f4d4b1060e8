package org.caseflow.streams.topology;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Input record keys as strings, refusing bytes that are not valid UTF-8. Kafka's StringDeserializer would replace
 * them, and a refused record would then reach the dead-letter topic under a key it did not have. So a key that is
 * read is exactly its bytes again when written, and one that cannot be read goes to the dead-letter topic through the
 * deserialization exception handler with its raw key and value.
 */
public final class Utf8KeyDeserializer implements Deserializer<String> {
    @Override
    public String deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new SerializationException("record key is not valid UTF-8 (" + data.length + " bytes)", e);
        }
    }
}
