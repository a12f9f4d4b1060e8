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

    /** Every state of the statutory scenario the other tests walk through, in order. */
    private static List<CaseState> scenarioStates() throws Exception {
        CaseEngine engine = new CaseEngine(SEEDS, CaseEngine.Settings.defaults());
        InMemoryEventLog log = new InMemoryEventLog();
        Map<String, CaseState> states = new HashMap<>();
        List<CaseState> all = new ArrayList<>();
        new EventFileReader(TestChecks.SEEDED).read("seeds/scenarios/statutory/03-roll-forward.jsonl", line -> {
            if (line instanceof ParsedLine.Valid valid) {
                CaseEvent event = valid.event();
                CaseState after = engine.onEvent(log, states.get(event.getCaseId()), event, event.getOccurredAt())
                        .state();
                if (after != null) {
                    states.put(event.getCaseId(), after);
                    all.add(after);
                }
            }
        });
        return all;
    }

    /**
     * Format 5 keeps the fold as bytes: a record read and written back with its fold untouched (what a threshold
     * crossing does: only the alert bookkeeping changes) carries exactly the bytes a fresh encoding gives, and reads
     * back equal.
     */
    @Test
    void shouldWriteAnUntouchedFoldAsTheBytesAFreshEncodingGives() throws Exception {
        List<CaseState> states = scenarioStates();
        assertThat(states).hasSizeGreaterThan(3);
        for (CaseState state : states) {
            CaseRecord record = new CaseRecord(state, EventTail.EMPTY);
            CaseRecord read = serde.read(new CaseRecordSerde().write(record));
            CaseState crossed = new CaseState(read.state().caseId(), read.state().fold(), read.state().firstSeenAt(),
                    read.state().deadlineVersion() + 1, read.state().versionDeadline(), List.of(),
                    read.state().timerDue(), read.state().wakeUpDue(), read.state().reportedRejections(), true,
                    read.state().enforcementFiled(), read.state().performanceObserved(), read.state().atRisk());

            byte[] reused = serde.write(new CaseRecord(crossed, EventTail.EMPTY));
            byte[] fresh = new CaseRecordSerde().write(new CaseRecord(crossed, EventTail.EMPTY));

            assertThat(reused).isEqualTo(fresh);
            assertThat(serde.read(reused).state()).isEqualTo(crossed);
        }
    }

    /** The memo is by identity: the bytes read are reused for that very fold only, and an equal fold is encoded anew. */
    @Test
    void shouldReuseTheFoldBytesReadOnlyForTheSameFold() throws Exception {
        CaseState state = scenarioStates().get(2);
        FoldCodec codec = new FoldCodec();
        int[] conversions = {0};
        java.util.function.Function<org.caseflow.streams.domain.cases.FoldPoint, org.caseflow.state.StoredFold> stored =
                fold -> {
                    conversions[0]++;
                    return storedFold(state);
                };
        byte[] bytes = codec.encode(state.fold(), stored);
        assertThat(conversions[0]).isEqualTo(1);

        var read = codec.decode(bytes.clone(), f -> state.fold() == null ? null
                : new org.caseflow.streams.domain.cases.FoldPoint(state.view(), state.fold().firstScheduled(),
                        state.fold().last(), state.fold().events()));
        assertThat(codec.encode(read, stored)).as("the fold just read").isEqualTo(bytes);
        assertThat(conversions[0]).isEqualTo(1);

        var equal = new org.caseflow.streams.domain.cases.FoldPoint(read.view(), read.firstScheduled(), read.last(),
                read.events());
        assertThat(codec.encode(equal, stored)).isEqualTo(bytes);
        assertThat(conversions[0]).as("an equal fold built anew is converted again").isEqualTo(2);
    }

    /** The fold as format 5 stores it, decoded from what the serde writes. */
    private org.caseflow.state.StoredFold storedFold(CaseState state) {
        StoredCase stored = new AvroCodec<StoredCase>(StoredCase.getClassSchema())
                .decode(new CaseRecordSerde().write(new CaseRecord(state, EventTail.EMPTY)));
        try {
            return new org.apache.avro.specific.SpecificDatumReader<>(org.caseflow.state.StoredFold.class).read(null,
                    org.apache.avro.io.DecoderFactory.get().binaryDecoder(stored.getFoldBytes().array(), null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A record of format 4 (the fold nested, as the build before format 5 wrote every record) reads the same state. */
    @Test
    void shouldReadFormatFourWithItsFoldNested() throws Exception {
        for (CaseState state : scenarioStates()) {
            StoredCase stored = new AvroCodec<StoredCase>(StoredCase.getClassSchema())
                    .decode(serde.write(new CaseRecord(state, EventTail.EMPTY)));
            assertThat(stored.getFormat()).isEqualTo(5);
            assertThat(stored.getFold()).isNull();
            StoredCase format4 = StoredCase.newBuilder(stored).setFormat(4).setFold(storedFold(state))
                    .setFoldBytes(null).build();

            assertThat(serde.read(new AvroCodec<>(StoredCase.getClassSchema()).encode(format4)).state())
                    .isEqualTo(state);
        }
    }

    /**
     * The fold bytes are read with the current StoredFold schema: it must stay the one released with format 5 (v3).
     * Changing StoredFold needs a new format number whose reader decodes the old bytes with the old schema.
     */
    @Test
    void shouldKeepTheStoredFoldSchemaOfFormatFive() {
        Schema released = ReleasedSchemas.of("StoredCase").get(2).getField("fold").schema().getTypes().get(1);
        assertThat(org.apache.avro.SchemaNormalization.parsingFingerprint64(
                        org.caseflow.state.StoredFold.getClassSchema()))
                .as("StoredFold changed: add a case-record format that reads format 5's fold bytes with the old schema")
                .isEqualTo(org.apache.avro.SchemaNormalization.parsingFingerprint64(released));
    }
}
