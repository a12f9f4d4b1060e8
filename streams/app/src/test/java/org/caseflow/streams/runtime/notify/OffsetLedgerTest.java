package org.caseflow.streams.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Offsets move only over an unbroken run of finished records, whatever order deliveries end in. */
class OffsetLedgerTest {
    private static final TopicPartition P0 = new TopicPartition("alerts", 0);
    private static final TopicPartition P1 = new TopicPartition("alerts", 1);

    @Test
    void shouldCommitOnlyUpToTheFirstRecordStillBeingDelivered() {
        OffsetLedger ledger = new OffsetLedger();
        OffsetLedger.Pending a = ledger.read(P0, 10);
        OffsetLedger.Pending b = ledger.read(P0, 11);
        OffsetLedger.Pending c = ledger.read(P0, 12);
        OffsetLedger.Pending other = ledger.read(P1, 4);
        assertThat(ledger.inFlight()).isEqualTo(4);
        // Nothing done yet: the first offsets read, where the group stands already.
        assertThat(ledger.committable()).containsExactlyInAnyOrderEntriesOf(Map.of(P0, new OffsetAndMetadata(10),
                P1, new OffsetAndMetadata(4)));

        b.done();
        c.done();
        other.done();
        // 11 and 12 are delivered, 10 is not: partition 0 stays at 10, partition 1 moves past 4.
        assertThat(ledger.committable()).containsExactlyInAnyOrderEntriesOf(Map.of(P0, new OffsetAndMetadata(10),
                P1, new OffsetAndMetadata(5)));
        assertThat(ledger.inFlight()).isEqualTo(1);

        a.done();
        Map<TopicPartition, OffsetAndMetadata> all = ledger.committable();
        assertThat(all).containsEntry(P0, new OffsetAndMetadata(13));
        ledger.committedUpTo(all);
        assertThat(ledger.committable()).isEmpty(); // nothing new since
        assertThat(ledger.inFlight()).isZero();
    }

    @Test
    void shouldSkipOffsetGapsAndForgetRevokedPartitions() {
        OffsetLedger ledger = new OffsetLedger();
        ledger.read(P0, 3).done();
        OffsetLedger.Pending afterGap = ledger.read(P0, 7); // 4..6: transaction markers or compacted away
        assertThat(ledger.committable()).containsEntry(P0, new OffsetAndMetadata(7));

        ledger.forget(List.of(P0));
        assertThat(ledger.inFlight()).isZero();
        afterGap.done(); // its delivery ends after the partition went elsewhere: counted once, committed never
        assertThat(ledger.inFlight()).isZero();
        assertThat(ledger.committable()).isEmpty();
    }
}
