package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.filed;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.AvroCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A held record comes back as it was read: source partition and offset, and the bytes it arrived as. */
class HeldEventsTest {
    static final String CASE = "(2025)湘0211民初7号";
    final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());
    final CaseEvent filing = filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2025, 3, 3));
    KeyValueStore<String, byte[]> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.HELD_EVENTS), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void shouldGiveBackAHeldRecordAsItWasRead() {
        byte[] bytes = ArrivalBytes.overlong(codec.encode(filing));
        HeldEvents held = new HeldEvents(store);
        held.add(new InputRecord(new DeadLetters.Source("courts.case-filings", 2, 41), 1_000L, CASE,
                new ArrivedEvent(filing, bytes, DeadLetters.ValueForm.ORIGINAL)));
        held.add(new InputRecord(new DeadLetters.Source("courts.case-filings", 2, 42), 2_000L, null, null));

        HeldEvents reopened = new HeldEvents(store);
        HeldEvents.Held first = reopened.first();
        assertThat(first.input().source()).isEqualTo(new DeadLetters.Source("courts.case-filings", 2, 41));
        assertThat(first.input().timestamp()).isEqualTo(1_000L);
        assertThat(first.input().key()).isEqualTo(CASE);
        assertThat(first.input().event()).isEqualTo(filing);
        assertThat(first.input().value().bytes()).isEqualTo(bytes);
        assertThat(first.input().value().form()).isEqualTo(DeadLetters.ValueForm.ORIGINAL);
        reopened.remove(first);
        HeldEvents.Held tick = reopened.first();
        assertThat(tick.input().value()).isNull();
        assertThat(tick.input().source().offset()).isEqualTo(42);
    }

    @Test
    void shouldReadARecordHeldByTheOlderFormatAsReEncodedWithoutPartitionAndOffset() throws IOException {
        // Format 1 kept the topic, timestamp, key and the event encoded again from its decoded form.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("courts.case-filings");
            out.writeLong(1_000L);
            out.writeBoolean(true);
            out.writeUTF(CASE);
            byte[] value = codec.encode(filing);
            out.writeInt(value.length);
            out.write(value);
        }
        store.put(String.format("%019d", 0), bytes.toByteArray());

        HeldEvents.Held held = new HeldEvents(store).first();
        assertThat(held.input().source()).isEqualTo(DeadLetters.Source.topic("courts.case-filings"));
        assertThat(held.input().key()).isEqualTo(CASE);
        assertThat(held.input().event()).isEqualTo(filing);
        assertThat(held.input().value().form()).isEqualTo(DeadLetters.ValueForm.RE_ENCODED);
    }
}
