package org.caseflow.streams.runtime.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.IndicatorValue;
import org.caseflow.events.Procedure;
import org.junit.jupiter.api.Test;

class OutputJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CaseSnapshot openCase() {
        return CaseSnapshot.newBuilder()
                .setCaseId("(2025)湘0211民初1234号").setCourt("湘0211").setProcedure(Procedure.CIVIL_FIRST_ORDINARY)
                .setStatus(CaseStatus.OPEN).setFiledOn(LocalDate.parse("2025-03-03")).setDeadline(LocalDate.parse("2025-09-03"))
                .setExcludedDays(42).setExtendedBy("P0D").setFlags(List.of("ADJOURNMENT_CAP_EXCEEDED"))
                .setUpdatedAt(Instant.parse("2025-05-19T01:10:00Z")).build();
    }

    @Test
    void shouldWriteCaseFormInContractOrderWithNulls() {
        assertThat(OutputJson.toJson(openCase())).isEqualTo("{\"caseId\":\"(2025)湘0211民初1234号\",\"court\":\"湘0211\","
                + "\"procedure\":\"CIVIL_FIRST_ORDINARY\",\"status\":\"OPEN\",\"filedOn\":\"2025-03-03\",\"deadline\":\"2025-09-03\","
                + "\"excludedDays\":42,\"extendedBy\":\"P0D\",\"closedOn\":null,\"onTime\":null,"
                + "\"deadlineVersion\":0,\"clockStopped\":false,\"disposition\":null,\"judge\":null,\"division\":null,"
                + "\"originCaseId\":null,\"explanation\":[],\"flags\":[\"ADJOURNMENT_CAP_EXCEEDED\"],"
                + "\"updatedAt\":\"2025-05-19T01:10:00Z\"}");
    }

    @Test
    void shouldWriteAlertFormWithUtcInstantAndEscalationList() {
        DeadlineAlert alert = DeadlineAlert.newBuilder()
                .setAlertId("(2025)湘0211民初1234号/1/CRITICAL").setCaseId("(2025)湘0211民初1234号").setCourt("湘0211")
                .setProcedure(Procedure.CIVIL_FIRST_ORDINARY).setLevel(AlertLevel.CRITICAL).setStatus(AlertStatus.FIRING)
                .setDeadline(LocalDate.parse("2025-09-03")).setDeadlineVersion(1).setDaysRemaining(3)
                .setRaisedAt(Instant.parse("2025-08-31T16:00:00Z")).setEscalateTo(List.of("J-0211-017", "DIV-0211-CIVIL1"))
                .build();
        assertThat(fieldNames(OutputJson.toJson(alert))).startsWith(
                "alertId", "caseId", "court", "level", "status", "deadline", "daysRemaining", "raisedAt", "escalateTo");
        assertThat(OutputJson.toJson(alert)).contains("\"level\":\"CRITICAL\",\"status\":\"FIRING\",\"deadline\":\"2025-09-03\","
                + "\"daysRemaining\":3,\"raisedAt\":\"2025-08-31T16:00:00Z\",\"escalateTo\":[\"J-0211-017\",\"DIV-0211-CIVIL1\"]");
    }

    @Test
    void shouldWriteIndicatorFormWithNullForMissingAndNonFiniteValues() {
        IndicatorValue value = IndicatorValue.newBuilder()
                .setScope("湘02").setIncludesSubordinates(true).setCategory("CIVIL").setIndicator("CLEARANCE_RATE")
                .setWindow("MONTH").setPeriod("2025-03").setValue(0.925).setNumerator(37.0).setDenominator(40.0)
                .setPreviousYearValue(Double.NaN).setBand("IN_RANGE").setComputedAt(Instant.parse("2025-04-01T00:00:00Z"))
                .build();
        assertThat(OutputJson.toJson(value)).isEqualTo("{\"scope\":\"湘02\",\"includesSubordinates\":true,\"category\":\"CIVIL\","
                + "\"indicator\":\"CLEARANCE_RATE\",\"window\":\"MONTH\",\"period\":\"2025-03\",\"value\":0.925,"
                + "\"numerator\":37.0,\"denominator\":40.0,\"previousYearValue\":null,\"band\":\"IN_RANGE\","
                + "\"computedAt\":\"2025-04-01T00:00:00Z\"}");
    }

    @Test
    void shouldWriteByteIdenticalOutputForEqualRecords() {
        assertThat(OutputJson.toJson(openCase())).isEqualTo(OutputJson.toJson(openCase()));
    }

    private static List<String> fieldNames(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
