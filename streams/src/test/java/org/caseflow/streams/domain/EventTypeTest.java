package org.caseflow.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.avro.Schema;
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
}
