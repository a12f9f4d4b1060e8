package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.event;
import static org.caseflow.streams.domain.cases.TestEvents.filed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.EnforcementPayment;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.AvroCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case's events: the recent ones live in its own record, the rest in chunks of {@link CaseEventLog#CHUNK}, and
 * every id is recognised whether it is recent or archived. An enforcement case with 500 payments keeps a record of a
 * bounded number of events.
 */
class CaseEventLogTest {
    static final String CASE = "(2025)湘0211执9号";
    final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());
    KeyValueStore<String, byte[]> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.CASE_EVENTS), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    static CaseEvent payment(int i) {
        LocalDate day = LocalDate.of(2025, 1, 7).plusDays(i % 150);
        return event("p" + i, CASE, day, EnforcementPayment.newBuilder().setAmount(new BigDecimal("1.00"))
                .setPaidOn(day).build());
    }

    @Test
    void shouldArchiveEveryChunkAndStillKnowEveryEvent() {
        EventTail tail = EventTail.EMPTY;
        List<CaseEvent> all = new ArrayList<>();
        CaseEvent filing = filed("f", CASE, Procedure.ENFORCEMENT, LocalDate.of(2025, 1, 6));
        all.add(filing);
        for (int i = 0; i < 500; i++) {
            all.add(payment(i));
        }
        int largestRecent = 0;
        for (CaseEvent e : all) {
            // A new log per event, as the processor builds one per step from the stored tail.
            CaseEventLog log = new CaseEventLog(CASE, tail, store, codec);
            assertThat(log.contains(CASE, e.getEventId())).isFalse();
            log.append(e);
            assertThat(log.changed()).isTrue();
            tail = log.tail();
            largestRecent = Math.max(largestRecent, tail.recent().size());
        }
        assertThat(tail.count()).isEqualTo(501);
        assertThat(largestRecent).isLessThan(CaseEventLog.CHUNK);
        assertThat(tail.chunks()).isEqualTo(501 / CaseEventLog.CHUNK);
        assertThat(keys()).hasSize(501 / CaseEventLog.CHUNK)
                .allSatisfy(k -> assertThat(k).startsWith(CASE + "|"));

        CaseEventLog log = new CaseEventLog(CASE, tail, store, codec);
        assertThat(log.events(CASE)).containsExactlyElementsOf(all);
        assertThat(log.contains(CASE, "f")).as("archived in the first chunk").isTrue();
        assertThat(log.contains(CASE, "p499")).as("recent").isTrue();
        assertThat(log.contains(CASE, "p500")).isFalse();
        assertThat(log.changed()).isFalse();
    }

    @Test
    void shouldForgetEveryChunkOfACaseAndNoOtherCase() {
        CaseEventLog other = new CaseEventLog("(2025)湘0211执10号", EventTail.EMPTY, store, codec);
        for (int i = 0; i < CaseEventLog.CHUNK; i++) {
            other.append(event("o" + i, "(2025)湘0211执10号", LocalDate.of(2025, 2, 1),
                    EnforcementPayment.newBuilder().setAmount(BigDecimal.ONE).setPaidOn(LocalDate.of(2025, 2, 1))
                            .build()));
        }
        CaseEventLog log = new CaseEventLog(CASE, EventTail.EMPTY, store, codec);
        for (int i = 0; i < 3 * CaseEventLog.CHUNK + 2; i++) {
            log.append(payment(i));
        }
        log.removeAll(CASE);

        assertThat(log.tail().count()).isZero();
        assertThat(log.events(CASE)).isEmpty();
        assertThat(keys()).containsExactly(CaseEventLog.chunkKey("(2025)湘0211执10号", 0));
    }

    @Test
    void shouldTellAHashCollisionFromADuplicate() {
        CaseEventLog log = new CaseEventLog(CASE, EventTail.EMPTY, store, codec);
        log.append(payment(1));
        EventTail forged = new EventTail(log.tail().recent(),
                java.nio.ByteBuffer.allocate(16).put(log.tail().idHashes()).putLong(EventTail.hash("p2")).array(), 0);
        // The hash of p2 is known, but no event p2 is: not a duplicate.
        assertThat(new CaseEventLog(CASE, forged, store, codec).contains(CASE, "p2")).isFalse();
    }

    @Test
    void shouldKeepEachEventAsItArrivedAndKnowWhichAreReEncodedAcrossChunks() {
        EventTail tail = EventTail.EMPTY;
        List<byte[]> arrived = new ArrayList<>();
        int reEncodedAt = 3; // held by an older version: only its re-encoding is left
        for (int i = 0; i < 2 * CaseEventLog.CHUNK + 1; i++) {
            CaseEvent e = payment(i);
            byte[] bytes = i == reEncodedAt ? codec.encode(e) : ArrivalBytes.overlong(codec.encode(e));
            arrived.add(bytes);
            CaseEventLog log = new CaseEventLog(CASE, tail, store, codec).arriving(new ArrivedEvent(e, bytes,
                    i == reEncodedAt ? DeadLetters.ValueForm.RE_ENCODED : DeadLetters.ValueForm.ORIGINAL));
            log.append(e);
            tail = log.tail();
        }
        assertThat(tail.chunks()).isEqualTo(2);

        CaseEventLog log = new CaseEventLog(CASE, tail, store, codec);
        List<CaseEvent> events = log.events(CASE);
        for (int i = 0; i < events.size(); i++) {
            CaseEventLog.StoredEvent stored = log.stored(events.get(i));
            assertThat(stored.bytes()).as("event %d", i).isEqualTo(arrived.get(i));
            assertThat(stored.form()).as("event %d", i).isEqualTo(i == reEncodedAt
                    ? DeadLetters.ValueForm.RE_ENCODED : DeadLetters.ValueForm.ORIGINAL);
        }
        log.removeAll(CASE);
        assertThat(log.tail().reEncoded()).isEmpty();
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
