package org.caseflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;
import org.caseflow.events.ClockRestarted;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.HearingPostponed;
import org.caseflow.events.IndicatorValue;
import org.caseflow.events.PostponementReason;
import org.caseflow.events.Procedure;
import org.caseflow.events.RestartReason;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
    private static final Instant AT = Instant.parse("2025-03-03T01:15:00Z");

    static CaseEvent filing() {
        return CaseEvent.newBuilder()
                .setEventId("e-1")
                .setCaseId("(2025)湘0211民初1234号")
                .setCourt("湘0211")
                .setOccurredAt(AT)
                .setPayload(CaseFiled.newBuilder()
                        .setProcedure(Procedure.CIVIL_FIRST_SUMMARY)
                        .setFiledOn(LocalDate.of(2025, 3, 3))
                        .setClaimAmount(new BigDecimal("12500.50"))
                        .setJudge("J-湘0211-07")
                        .build())
                .build();
    }

    @Test
    void shouldRoundTripEveryTopLevelRecord() {
        CaseEvent event = filing();
        assertThat(CaseflowSerdes.caseEvent().codec().decode(CaseflowSerdes.caseEvent().codec().encode(event)))
                .isEqualTo(event);

        DeadlineAlert alert = DeadlineAlert.newBuilder().setAlertId("c/1/NOTICE").setCaseId("c").setCourt("湘0211")
                .setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setLevel(AlertLevel.NOTICE).setStatus(AlertStatus.FIRING)
                .setDeadline(LocalDate.of(2025, 6, 3)).setDeadlineVersion(1).setDaysRemaining(15).setRaisedAt(AT)
                .setEscalateTo(List.of("judge:J-1")).build();
        var alerts = CaseflowSerdes.deadlineAlert();
        assertThat(alerts.deserializer().deserialize("t", alerts.serializer().serialize("t", alert))).isEqualTo(alert);

        CaseSnapshot snapshot = CaseSnapshot.newBuilder().setCaseId("c").setCourt("湘0211")
                .setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setStatus(CaseStatus.OPEN)
                .setFiledOn(LocalDate.of(2025, 3, 3)).setUpdatedAt(AT).build();
        var snapshots = CaseflowSerdes.caseSnapshot();
        assertThat(snapshots.deserializer().deserialize("t", snapshots.serializer().serialize("t", snapshot)))
                .isEqualTo(snapshot);

        IndicatorValue value = IndicatorValue.newBuilder().setScope("湘02").setIncludesSubordinates(true)
                .setCategory("ALL").setIndicator("CLEARANCE_RATE").setWindow("MONTH").setPeriod("2025-03")
                .setValue(0.9).setNumerator(9.0).setDenominator(10.0).setBand("IN_RANGE").setComputedAt(AT).build();
        var values = CaseflowSerdes.indicatorValue();
        assertThat(values.deserializer().deserialize("t", values.serializer().serialize("t", value))).isEqualTo(value);
    }

    /**
     * The codec writes and reads Avro's single-object format itself (buffered, per thread): its bytes must be exactly
     * what Avro's message encoder writes, so any Avro consumer reads Caseflow's topics, and it must read what that
     * encoder writes.
     */
    @Test
    void shouldWriteAndReadExactlyAvrosSingleObjectEncoding() throws Exception {
        CaseEvent event = filing();
        AvroCodec<CaseEvent> codec = CaseflowSerdes.caseEvent().codec();
        ByteBuffer avro = new BinaryMessageEncoder<CaseEvent>(
                org.apache.avro.specific.SpecificData.getForSchema(CaseEvent.getClassSchema()),
                CaseEvent.getClassSchema()).encode(event);
        byte[] avroBytes = new byte[avro.remaining()];
        avro.get(avroBytes);

        assertThat(codec.encode(event)).isEqualTo(avroBytes);
        assertThat(codec.decode(avroBytes)).isEqualTo(event);
        assertThat(CaseEvent.getDecoder().decode(codec.encode(event))).isEqualTo(event);
    }

    @Test
    void shouldEncodeRecordsOfAnySizeOneAfterAnotherOnEachThread() throws Exception {
        AvroCodec<DeadlineAlert> codec = CaseflowSerdes.deadlineAlert().codec();
        java.util.function.IntFunction<DeadlineAlert> alert = n -> DeadlineAlert.newBuilder().setAlertId("c/1/NOTICE")
                .setCaseId("c").setCourt("湘0211").setProcedure(Procedure.CIVIL_FIRST_SUMMARY)
                .setLevel(AlertLevel.NOTICE).setStatus(AlertStatus.FIRING).setDeadline(LocalDate.of(2025, 6, 3))
                .setDeadlineVersion(1).setDaysRemaining(15).setRaisedAt(AT)
                .setEscalateTo(java.util.Collections.nCopies(n, "judge:J-湘0211-07")).build();
        // Big (past the reused buffer's growth cap), small after big, and from several threads at once.
        for (int n : new int[] {0, 3, 200_000, 1, 50}) {
            assertThat(codec.decode(codec.encode(alert.apply(n)))).isEqualTo(alert.apply(n));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int size = t * 7;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (!codec.decode(codec.encode(alert.apply(size))).equals(alert.apply(size))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldKeepNullsAsTombstones() {
        var serde = CaseflowSerdes.caseSnapshot();
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldReadRecordWrittenWithAnOlderSchema() throws Exception {
        // An older CaseSnapshot that had no "flags" and no "referenceVersions": the new reader fills in the defaults.
        Schema current = CaseSnapshot.getClassSchema();
        Schema older = withoutField(withoutField(current, "flags"), "referenceVersions");
        GenericRecord old = new GenericData.Record(older);
        old.put("caseId", "c-old");
        old.put("court", "湘0211");
        old.put("procedure", new GenericData.EnumSymbol(older.getField("procedure").schema(), "CIVIL_FIRST_ORDINARY"));
        old.put("status", new GenericData.EnumSymbol(older.getField("status").schema(), "OPEN"));
        old.put("filedOn", (int) LocalDate.of(2024, 5, 6).toEpochDay());
        old.put("deadlineVersion", 0);
        old.put("excludedDays", 0);
        old.put("extendedBy", "P0D");
        old.put("clockStopped", false);
        old.put("explanation", List.of());
        old.put("updatedAt", AT.toEpochMilli());
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);

        AvroCodec<CaseSnapshot> codec = new AvroCodec<>(current, List.of(current, older));
        CaseSnapshot read = codec.decode(raw);

        assertThat(read.getCaseId()).isEqualTo("c-old");
        assertThat(read.getFiledOn()).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThat(read.getFlags()).isEmpty();
        assertThat(read.getReferenceVersions()).isEmpty();
    }

    /**
     * Reasons became a code plus an optional note (CaseEvent v2). Events written by a v1 producer, whose reasons are
     * free text only, still decode: the text stays readable (deprecated), the code and the note are absent.
     */
    @Test
    void shouldReadFreeTextReasonsOfVersionOneEvents() throws Exception {
        Schema v1 = ReleasedSchemas.of("CaseEvent").get(0);
        assertThat(v1.toString()).doesNotContain("reasonCode");
        AvroCodec<CaseEvent> codec = CaseflowSerdes.caseEvent().codec();

        CaseEvent postponed = codec.decode(encode(v1, "HearingPostponed", payload -> {
            payload.put("hearingId", "H-1");
            payload.put("reason", "被告申请鉴定");
        }));
        HearingPostponed p = (HearingPostponed) postponed.getPayload();
        assertThat(p.getReason()).isEqualTo("被告申请鉴定");
        assertThat(p.getReasonCode()).isNull();
        assertThat(p.getNote()).isNull();

        CaseEvent restarted = codec.decode(encode(v1, "ClockRestarted", payload -> {
            payload.put("restartedOn", (int) LocalDate.of(2025, 6, 3).toEpochDay());
            payload.put("reason", "补充侦查后重新移送");
        }));
        ClockRestarted r = (ClockRestarted) restarted.getPayload();
        assertThat(r.getReason()).isEqualTo("补充侦查后重新移送");
        assertThat(r.getReasonCode()).isNull();
        assertThat(r.getNote()).isNull();
    }

    /** The reverse: a consumer still on v1 reads a v2 event, and a restart's reason is the code's name there. */
    @Test
    void shouldLetVersionOneReadersReadCodedReasons() throws Exception {
        Schema v1 = ReleasedSchemas.of("CaseEvent").get(0);
        CaseEvent restarted = CaseEvent.newBuilder(filing()).setPayload(ClockRestarted.newBuilder()
                .setRestartedOn(LocalDate.of(2025, 6, 3)).setReason(RestartReason.SUPPLEMENTARY_INVESTIGATION.name())
                .setReasonCode(RestartReason.SUPPLEMENTARY_INVESTIGATION).setNote("退回补充侦查一次").build()).build();
        CaseEvent postponed = CaseEvent.newBuilder(filing()).setPayload(HearingPostponed.newBuilder().setHearingId("H-1")
                .setReasonCode(PostponementReason.NEW_EVIDENCE).build()).build();
        var oldReader = new org.apache.avro.message.BinaryMessageDecoder<GenericRecord>(GenericData.get(), v1);
        oldReader.addSchema(CaseEvent.getClassSchema());

        GenericRecord r = (GenericRecord) oldReader.decode(CaseflowSerdes.caseEvent().codec().encode(restarted)).get("payload");
        assertThat(r.get("reason").toString()).isEqualTo("SUPPLEMENTARY_INVESTIGATION");
        assertThat(r.getSchema().getField("reasonCode")).isNull();
        GenericRecord p = (GenericRecord) oldReader.decode(CaseflowSerdes.caseEvent().codec().encode(postponed)).get("payload");
        assertThat(p.get("hearingId").toString()).isEqualTo("H-1");
        assertThat(p.get("reason")).isNull();
    }

    /**
     * DeadlineAlert v2 carries the case's explanation. A v1 alert (still on the topic after an upgrade) decodes with an
     * empty one, and a notification service still on v1 reads a v2 alert, the lines left out.
     */
    @Test
    void shouldReadVersionOneAlertsAndLetVersionOneReadersReadVersionTwo() throws Exception {
        Schema v1 = ReleasedSchemas.of("DeadlineAlert").get(0);
        assertThat(v1.getField("explanation")).isNull();
        GenericRecord old = new GenericData.Record(v1);
        old.put("alertId", "c/v1/NOTICE");
        old.put("caseId", "c");
        old.put("court", "湘0211");
        old.put("procedure", new GenericData.EnumSymbol(v1.getField("procedure").schema(), "CIVIL_FIRST_SUMMARY"));
        old.put("level", new GenericData.EnumSymbol(v1.getField("level").schema(), "NOTICE"));
        old.put("status", new GenericData.EnumSymbol(v1.getField("status").schema(), "FIRING"));
        old.put("deadline", (int) LocalDate.of(2025, 6, 3).toEpochDay());
        old.put("deadlineVersion", 1);
        old.put("daysRemaining", 15);
        old.put("raisedAt", AT.toEpochMilli());
        old.put("escalateTo", List.of("judge:J-1"));
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);

        DeadlineAlert read = CaseflowSerdes.deadlineAlert().codec().decode(raw);
        assertThat(read.getAlertId()).isEqualTo("c/v1/NOTICE");
        assertThat(read.getExplanation()).isEmpty();

        DeadlineAlert v2 = DeadlineAlert.newBuilder(read).setExplanation(List.of(
                "CPL 164: 3 months from 2025-06-04 → 2025-09-04")).build();
        var oldReader = new org.apache.avro.message.BinaryMessageDecoder<GenericRecord>(GenericData.get(), v1);
        oldReader.addSchema(DeadlineAlert.getClassSchema());
        GenericRecord seenByV1 = oldReader.decode(CaseflowSerdes.deadlineAlert().codec().encode(v2));
        assertThat(seenByV1.get("alertId").toString()).isEqualTo("c/v1/NOTICE");
        assertThat(seenByV1.getSchema().getField("explanation")).isNull();
    }

    private static byte[] encode(Schema caseEvent, String payloadName,
            java.util.function.Consumer<GenericRecord> fill) throws java.io.IOException {
        Schema payloadSchema = caseEvent.getField("payload").schema().getTypes().stream()
                .filter(t -> t.getName().equals(payloadName)).findFirst().orElseThrow();
        GenericRecord payload = new GenericData.Record(payloadSchema);
        fill.accept(payload);
        GenericRecord event = new GenericData.Record(caseEvent);
        event.put("eventId", "e-old");
        event.put("caseId", "(2025)湘02刑初15号");
        event.put("court", "湘02");
        event.put("occurredAt", AT.toEpochMilli());
        event.put("payload", payload);
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), caseEvent).encode(event);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        return raw;
    }

    @Test
    void shouldRejectUnknownWriterFingerprint() throws Exception {
        Schema stranger = withoutField(withoutField(CaseSnapshot.getClassSchema(), "flags"), "referenceVersions");
        GenericRecord record = new GenericData.Record(stranger);
        record.put("caseId", "c");
        record.put("court", "湘0211");
        record.put("procedure", new GenericData.EnumSymbol(stranger.getField("procedure").schema(), "CIVIL_SPECIAL"));
        record.put("status", new GenericData.EnumSymbol(stranger.getField("status").schema(), "OPEN"));
        record.put("filedOn", 20000);
        record.put("deadlineVersion", 0);
        record.put("excludedDays", 0);
        record.put("extendedBy", "P0D");
        record.put("clockStopped", false);
        record.put("explanation", List.of());
        record.put("updatedAt", 0L);
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), stranger).encode(record);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);

        assertThatThrownBy(() -> CaseflowSerdes.caseSnapshot().codec().decode(raw))
                .isInstanceOfSatisfying(SchemaDecodeException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchemaDecodeException.Kind.UNKNOWN_FINGERPRINT));
    }

    @Test
    void shouldRejectBytesWithoutTheAvroMarker() {
        assertThatThrownBy(() -> CaseflowSerdes.caseEvent().codec().decode("{\"json\":true}".getBytes()))
                .isInstanceOfSatisfying(SchemaDecodeException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchemaDecodeException.Kind.BAD_HEADER));
        assertThatThrownBy(() -> CaseflowSerdes.caseEvent().codec().decode(new byte[0]))
                .isInstanceOfSatisfying(SchemaDecodeException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchemaDecodeException.Kind.BAD_HEADER));
        // The marker, then fewer than the fingerprint's eight bytes.
        assertThatThrownBy(() -> CaseflowSerdes.caseEvent().codec().decode(new byte[] {(byte) 0xC3, 0x01, 5, 6}))
                .isInstanceOfSatisfying(SchemaDecodeException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchemaDecodeException.Kind.BAD_HEADER));
    }

    @Test
    void shouldRejectTruncatedBody() {
        byte[] good = CaseflowSerdes.caseEvent().codec().encode(filing());
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 7);
        assertThatThrownBy(() -> CaseflowSerdes.caseEvent().codec().decode(truncated))
                .isInstanceOfSatisfying(SchemaDecodeException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchemaDecodeException.Kind.CORRUPT));
    }

    @Test
    void shouldRejectJunkAfterACompleteRecord() {
        byte[] good = CaseflowSerdes.caseEvent().codec().encode(filing());
        byte[] padded = java.util.Arrays.copyOf(good, good.length + 3);
        padded[good.length] = 'j';

        assertThatThrownBy(() -> CaseflowSerdes.caseEvent().codec().decode(padded))
                .isInstanceOfSatisfying(SchemaDecodeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SchemaDecodeException.Kind.TRAILING_BYTES);
                    assertThat(e.getMessage()).startsWith("TRAILING_BYTES: 3 byte(s) after a complete CaseEvent");
                });
        assertThat(CaseflowSerdes.caseEvent().codec().decode(good)).isEqualTo(filing());
    }

    static Schema withoutField(Schema schema, String dropped) {
        List<Schema.Field> fields = schema.getFields().stream()
                .filter(f -> !f.name().equals(dropped))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
