package org.caseflow.streams.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InputLagTest {
    private static final TopicPartition FILINGS_0 = new TopicPartition("courts.case-filings", 0);
    private static final TopicPartition FILINGS_1 = new TopicPartition("courts.case-filings", 1);
    private static final TopicPartition HEARINGS_0 = new TopicPartition("courts.case-hearings", 0);

    @Test
    void shouldSumWhatIsLeftToReadOverTheInstancesPartitions() {
        long behind = InputLag.behind(Set.of(FILINGS_0, FILINGS_1),
                Map.of(FILINGS_0, 100L, FILINGS_1, 5L), Map.of(FILINGS_0, 150L, FILINGS_1, 5L));
        assertThat(behind).isEqualTo(50);
    }

    @Test
    void shouldIgnorePartitionsOfOtherInstances() {
        long behind = InputLag.behind(Set.of(FILINGS_0), Map.of(FILINGS_0, 10L, HEARINGS_0, 0L),
                Map.of(FILINGS_0, 10L, HEARINGS_0, 1_000_000L));
        assertThat(behind).isZero();
    }

    @Test
    void shouldNeverCountAPositionAheadOfTheEndAsNegative() {
        // The end offset is read_committed (the last stable offset): a commit can be past it for a moment.
        assertThat(InputLag.behind(Set.of(FILINGS_0), Map.of(FILINGS_0, 12L), Map.of(FILINGS_0, 10L))).isZero();
    }

    @Test
    void shouldCountFromZeroWithoutAPositionAndSkipAPartitionWithoutAnEnd() {
        assertThat(InputLag.behind(Set.of(FILINGS_0, FILINGS_1), Map.of(), Map.of(FILINGS_0, 7L))).isEqualTo(7);
    }
}
