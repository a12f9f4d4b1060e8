package org.caseflow.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.caseflow.CaseflowException;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.Disposition;
import org.junit.jupiter.api.Test;

class EventTypeTest {
    @Test
    void shouldMapEveryPayloadClassToExactlyOneType() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::payloadClass).distinct())
                .hasSize(EventType.values().length);
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromCode(type.code())).contains(type);
        }
    }

    @Test
    void shouldCoverEveryBranchOfThePayloadUnion() {
        assertThat(CaseEvent.getClassSchema().getField("payload").schema().getTypes())
                .extracting(Schema::getName)
                .containsExactly(Arrays.stream(EventType.values()).map(t -> t.payloadClass().getSimpleName()).toArray(String[]::new));
    }

    @Test
    void shouldTellTheTypeOfAnEventFromItsPayload() {
        CaseEvent closed = new CaseEvent("e", "c", "湘0211", Instant.EPOCH,
                new CaseClosed(LocalDate.parse("2025-09-26"), Disposition.JUDGMENT));
        assertThat(EventType.of(closed)).isEqualTo(EventType.CASE_CLOSED);
    }

    @Test
    void shouldRejectUnknownCodesAndPayloads() {
        assertThat(EventType.fromCode("case_filed")).isEmpty();
        assertThatThrownBy(() -> EventType.ofPayload("not a payload")).isInstanceOf(CaseflowException.class);
    }

    @Test
    void shouldReadEachTypesOwnDateFromItsPayloadField() throws Exception {
        LocalDate own = LocalDate.parse("2025-03-04");
        Instant occurred = Instant.parse("2025-03-10T17:00:00Z"); // 2025-03-11 in Asia/Shanghai
        for (EventType type : EventType.values()) {
            SpecificRecord payload = (SpecificRecord) type.payloadClass().getDeclaredConstructor().newInstance();
            type.ownDateField().ifPresent(field -> {
                Schema.Field f = payload.getSchema().getField(field);
                assertThat(f).as(type + "." + field).isNotNull();
                assertThat(f.schema().getLogicalType()).as(type + "." + field).isEqualTo(LogicalTypes.date());
                payload.put(f.pos(), own);
            });
            CaseEvent event = new CaseEvent("e", "c", "湘0211", occurred, payload);
            assertThat(EventType.dayOf(event, ZoneId.of("Asia/Shanghai"))).as(type.code())
                    .isEqualTo(type.ownDateField().isPresent() ? own : LocalDate.parse("2025-03-11"));
        }
        assertThat(Arrays.stream(EventType.values()).filter(t -> t.ownDateField().isEmpty()))
                .containsExactly(EventType.JUDGE_ASSIGNED, EventType.HEARING_SCHEDULED, EventType.HEARING_POSTPONED,
                        EventType.ENFORCEMENT_ACTION);
    }

    @Test
    void shouldSayWhichTypesMoveTheClockAndWhichIsTheFiling() {
        assertThat(Arrays.stream(EventType.values()).filter(EventType::changesTheClock))
                .containsExactly(EventType.PROCEDURE_CHANGED, EventType.CLOCK_SUSPENDED, EventType.CLOCK_RESUMED,
                        EventType.CLOCK_RESTARTED, EventType.EXTENSION_GRANTED, EventType.CASE_CLOSED);
        assertThat(Arrays.stream(EventType.values()).filter(EventType::isFiling)).containsExactly(EventType.CASE_FILED);
    }

    @Test
    void shouldRouteEachTypeToTheInputTopicOfDesignSection4() {
        assertThat(Arrays.stream(EventType.values()).filter(t -> t.input() == EventType.Input.FILINGS))
                .containsExactly(EventType.CASE_FILED, EventType.JUDGE_ASSIGNED, EventType.PROCEDURE_CHANGED,
                        EventType.CASE_CLOSED, EventType.JUDGMENT_EFFECTIVE);
        assertThat(Arrays.stream(EventType.values()).filter(t -> t.input() == EventType.Input.ENFORCEMENT))
                .containsExactly(EventType.ENFORCEMENT_ACTION, EventType.ENFORCEMENT_PAYMENT);
        assertThat(Arrays.stream(EventType.values()).filter(t -> t.input() == EventType.Input.HEARINGS)).hasSize(7);
    }
}
