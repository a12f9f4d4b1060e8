package org.caseflow.streams.runtime.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.caseflow.streams.topology.DeadLetterHeaders;
import org.caseflow.streams.topology.DeadLetters;
import org.junit.jupiter.api.Test;

/** A re-published copy lands where the producers of the inputs put its key: co-partitioned with its case. */
class RepublisherTest {
    static DeadLetter letter(String key, int sourcePartition) {
        return new DeadLetter(0, 0, key == null ? null : key.getBytes(StandardCharsets.UTF_8), new byte[] {1}, 0,
                new DeadLetterHeaders("key-mismatch", "", new DeadLetters.Source("courts.case-filings",
                        sourcePartition, 5), -1, null, DeadLetters.ValueForm.ORIGINAL, null));
    }

    @Test
    void shouldPutACopyInThePartitionTheDefaultPartitionerGivesItsKey() {
        for (String key : new String[] {"(2025)湘0211民初100号", "another-case", "k-1", ""}) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            for (int partitions : new int[] {1, 3, 12}) {
                assertThat(Republisher.partition(letter(key, 0), partitions)).as("%s of %d", key, partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(bytes, partitions));
            }
        }
    }

    @Test
    void shouldPutACopyWithoutKeyInThePartitionItCameFrom() {
        assertThat(Republisher.partition(letter(null, 2), 3)).isEqualTo(2);
        assertThat(Republisher.partition(letter(null, 5), 3)).as("no longer there").isZero();
        assertThat(Republisher.partition(letter(null, -1), 3)).isZero();
    }
}
