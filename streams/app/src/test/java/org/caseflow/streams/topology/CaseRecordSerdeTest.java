package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.caseflow.CaseflowException;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.AvroCodec;
import org.caseflow.schemas.ReleasedSchemas;
import org.caseflow.state.StoredCase;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.InMemoryEventLog;
import org.caseflow.streams.domain.input.TestChecks;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.junit.jupiter.api.Test;

/** The case store's value format (Avro StoredCase): every record reads back equal; older formats are refused clearly. */
class CaseRecordSerdeTest {
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));
    final CaseRecordSerde serde = new CaseRecordSerde();

    @Test
    void shouldReadBackEveryStateOfEveryCaseOfTheStatutoryScenarios() throws Exception {
        CaseEngine engine = new CaseEngine(SEEDS, CaseEngine.Settings.defaults());
        InMemoryEventLog log = new InMemoryEventLog();
        Map<String, CaseState> states = new HashMap<>();
        int checked = 0;
        for (Path file : List.of(Path.of("seeds/scenarios/valid-all-types.jsonl"),
                Path.of("seeds/scenarios/statutory/03-roll-forward.jsonl"))) {
            List<CaseEvent> events = new ArrayList<>();
            new EventFileReader(TestChecks.SEEDED).read(file.toString(), line -> {
                if (line instanceof ParsedLine.Valid valid) {
                    events.add(valid.event());
                }
            });
            for (CaseEvent event : events) {
                CaseState after = engine.onEvent(log, states.get(event.getCaseId()), event, event.getOccurredAt())
                        .state();
                if (after == null) {
                    continue;
                }
                states.put(event.getCaseId(), after);
                EventTail tail = new EventTail(List.of(new byte[] {1, 2, 3}, new byte[0]),
                        ByteBuffer.allocate(16).putLong(7).putLong(-9).array(), checked % 3);
                CaseRecord back = serde.read(serde.write(new CaseRecord(after, tail)));
                assertThat(back.state()).isEqualTo(after);
                assertThat(back.events().recent()).containsExactly(new byte[] {1, 2, 3}, new byte[0]);
                assertThat(back.events().idHashes()).isEqualTo(tail.idHashes());
                assertThat(back.events().chunks()).isEqualTo(checked % 3);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void shouldReadFormatThreeWithEveryEventMarkedReEncoded() {
        // Format 3 kept each event re-encoded from its decoded form; format 4 keeps the bytes it arrived as.
        byte[] format3 = new AvroCodec<>(StoredCase.getClassSchema()).encode(StoredCase.newBuilder().setFormat(3)
                .setCaseId("c").setFirstSeenAt(0).setFold(null)
                .setRecentEvents(List.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2})))
                .setEventIdHashes(ByteBuffer.wrap(ByteBuffer.allocate(80).array())).setArchivedChunks(1).build());

        EventTail tail = serde.read(format3).events();
        assertThat(tail.count()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(EventTail.isSet(tail.reEncoded(), i)).as("event %d", i).isTrue();
        }
        assertThat(EventTail.isSet(tail.reEncoded(), 10)).isFalse();

        CaseRecord written = new CaseRecord(serde.read(format3).state(), new EventTail(tail.recent(), tail.idHashes(),
                tail.chunks(), EventTail.set(new byte[0], 9)));
        assertThat(serde.read(serde.write(written)).events().reEncoded()).isEqualTo(EventTail.set(new byte[0], 9));
    }

    /**
     * A case record written before firing alerts kept where they were escalated to (released v2 of StoredCase) is
     * still read: its firing alert has no recipients kept, so its RESOLVED goes to the alert's own escalateTo.
     */
    @Test
    void shouldReadAFiringAlertOfReleasedVersionTwoWithNoRecipientsKept() throws Exception {
        Schema v2 = ReleasedSchemas.of("StoredCase").get(1);
        Schema alertSchema = v2.getField("firing").schema().getElementType();
        GenericRecord alert = new GenericRecordBuilder(alertSchema).set("alertId", "c/v1/NOTICE")
                .set("level", new GenericData.EnumSymbol(alertSchema.getField("level").schema(), "NOTICE"))
                .set("reminder", 0).set("rank", 0).set("version", 1).set("deadline", 20_000).build();
        GenericRecord stored = new GenericRecordBuilder(v2).set("format", 4).set("caseId", "c").set("firstSeenAt", 0L)
                .set("firing", List.of(alert)).build();
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v2).encode(stored).array();

        CaseState state = serde.read(bytes).state();
        assertThat(state.firing()).singleElement().satisfies(f -> {
            assertThat(f.alertId()).isEqualTo("c/v1/NOTICE");
            assertThat(f.escalatedTo()).isEmpty();
        });
    }

    @Test
    void shouldRefuseTheOldHandWrittenFormatWithWhatToDo() {
        byte[] format1 = {1, 0, 3, 'a', 'b', 'c'};
        assertThatThrownBy(() -> serde.read(format1)).isInstanceOf(CaseflowException.class)
                .hasMessageContaining("format 1").hasMessageContaining("reset");
    }

    @Test
    void shouldRefuseFormatTwoWhoseEventsLiveElsewhereWithWhatToDo() {
        byte[] format2 = new AvroCodec<>(StoredCase.getClassSchema()).encode(StoredCase.newBuilder().setFormat(2)
                .setCaseId("c").setFirstSeenAt(0).setFold(null).build());
        assertThatThrownBy(() -> serde.read(format2)).isInstanceOf(CaseflowException.class)
                .hasMessageContaining("format 2").hasMessageContaining("reset");
    }
}
