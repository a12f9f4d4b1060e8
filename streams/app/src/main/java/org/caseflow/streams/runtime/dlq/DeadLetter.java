package org.caseflow.streams.runtime.dlq;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caseflow.streams.topology.DeadLetterHeaders;

/**
 * One record of the dead-letter topic: where it sits there, its key and value as stored (the original ones, or as
 * its {@code caseflow.dlq.value.form} header says) and its {@link DeadLetterHeaders}. The arrays are never modified.
 *
 * @param key   null when the record had none
 * @param value null when the record had none
 */
public record DeadLetter(int partition, long offset, byte[] key, byte[] value, long timestamp,
        DeadLetterHeaders headers) {

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record.partition(), record.offset(), record.key(), record.value(), record.timestamp(),
                DeadLetterHeaders.read(record.headers()));
    }

    /** {@code <partition>:<offset>} in the dead-letter topic: how the command names it. */
    public String id() {
        return partition + ":" + offset;
    }

    /** The key as text (UTF-8; bytes that are not show as replacement characters), or null. */
    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }
}
