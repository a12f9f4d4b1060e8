package org.caseflow.streams.runtime.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.EventType;
import org.caseflow.streams.domain.input.TestChecks;
import org.junit.jupiter.api.Test;

class EventJsonRoundTripTest {
    private static final Path VALID = Path.of("seeds/scenarios/valid-all-types.jsonl");

    /**
     * Canonical lines: UTC instants, optional fields present only when set, booleans written. Each is recorded on
     * or after the day it is about (an event dated after it was recorded is refused).
     */
    private static final List<String> CANONICAL = List.of(
            "{\"eventId\":\"e1\",\"type\":\"CASE_FILED\",\"caseId\":\"(2025)湘0211民初1234号\",\"court\":\"湘0211\","
                    + "\"occurredAt\":\"2025-03-03T01:15:00Z\",\"procedure\":\"CIVIL_FIRST_SUMMARY\",\"filedOn\":\"2025-03-03\","
                    + "\"division\":\"民一庭\",\"judge\":\"J-0211-017\",\"originCaseId\":\"(2024)湘0211民初88号\","
                    + "\"claimAmount\":\"86500.50\",\"foreignRelated\":true}",
            "{\"eventId\":\"e2\",\"type\":\"JUDGE_ASSIGNED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-03-03T01:15:00.123Z\",\"judge\":\"J-1\"}",
            "{\"eventId\":\"e3\",\"type\":\"PROCEDURE_CHANGED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"procedure\":\"CIVIL_FIRST_ORDINARY\",\"changedOn\":\"2025-05-20\"}",
            "{\"eventId\":\"e4\",\"type\":\"HEARING_SCHEDULED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"hearingId\":\"H-1\",\"scheduledFor\":\"2025-04-08T01:00:00Z\"}",
            "{\"eventId\":\"e5\",\"type\":\"HEARING_HELD\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"hearingId\":\"H-1\",\"heldOn\":\"2025-04-08\"}",
            "{\"eventId\":\"e6\",\"type\":\"HEARING_POSTPONED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"hearingId\":\"H-1\",\"reasonCode\":\"NEW_EVIDENCE\",\"note\":\"被告申请重新鉴定\"}",
            // Written before reasons were codes (CaseEvent v1): the free text is still read and written back.
            "{\"eventId\":\"e6b\",\"type\":\"HEARING_POSTPONED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"hearingId\":\"H-1\",\"reason\":\"被告申请鉴定\"}",
            "{\"eventId\":\"e7\",\"type\":\"CLOCK_SUSPENDED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"reason\":\"PUBLIC_NOTICE\",\"suspendedFrom\":\"2025-04-07\"}",
            "{\"eventId\":\"e8\",\"type\":\"CLOCK_RESUMED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"reason\":\"PUBLIC_NOTICE\",\"resumedOn\":\"2025-05-19\"}",
            "{\"eventId\":\"e9\",\"type\":\"CLOCK_RESTARTED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"restartedOn\":\"2025-06-03\",\"reasonCode\":\"SUPPLEMENTARY_INVESTIGATION\",\"note\":\"第一次退回补充侦查\"}",
            "{\"eventId\":\"e9b\",\"type\":\"CLOCK_RESTARTED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"restartedOn\":\"2025-06-03\",\"reason\":\"补充侦查\"}",
            "{\"eventId\":\"e10\",\"type\":\"EXTENSION_GRANTED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"months\":1,\"days\":15,\"approvedBy\":\"SUPREME_COURT\",\"grantedOn\":\"2025-08-15\"}",
            "{\"eventId\":\"e11\",\"type\":\"CASE_CLOSED\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"closedOn\":\"2025-09-26\",\"disposition\":\"ENFORCEMENT_TERMINATED_THIS_ROUND\"}",
            "{\"eventId\":\"e12\",\"type\":\"JUDGMENT_EFFECTIVE\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"effectiveOn\":\"2025-10-20\",\"monetary\":false}",
            "{\"eventId\":\"e13\",\"type\":\"ENFORCEMENT_ACTION\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"action\":\"CREDIT_BLACKLIST\"}",
            "{\"eventId\":\"e14\",\"type\":\"ENFORCEMENT_PAYMENT\",\"caseId\":\"c\",\"court\":\"湘02\",\"occurredAt\":\"2025-12-10T01:15:00Z\",\"amount\":\"0.01\",\"paidOn\":\"2025-12-09\"}");

    private final Serde<CaseEvent> serde = CaseflowSerdes.caseEvent();

    @Test
    void shouldRoundTripEveryCanonicalLineThroughAvroBytesToTheSameText() {
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        for (String line : CANONICAL) {
            CaseEvent event = valid(line);
            seen.add(EventType.of(event));
            CaseEvent decoded = throughAvro(event);
            assertThat(decoded).isEqualTo(event);
            assertThat(EventJson.toJson(decoded)).isEqualTo(line);
        }
        assertThat(seen).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void shouldRoundTripEveryEventOfTheValidScenarioFile() throws IOException {
        List<CaseEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(VALID, StandardCharsets.UTF_8)) {
            events.add(valid(line));
        }
        assertThat(events).extracting(EventType::of).containsAll(EnumSet.allOf(EventType.class));
        for (CaseEvent event : events) {
            CaseEvent decoded = throughAvro(event);
            assertThat(decoded).isEqualTo(event);
            assertThat(valid(EventJson.toJson(decoded))).isEqualTo(event);
        }
    }

    @Test
    void shouldNormaliseOffsetInstantsToUtcAndAmountsToTwoDecimals() {
        CaseEvent event = valid("{\"eventId\":\"e\",\"type\":\"CASE_FILED\",\"caseId\":\"c\",\"court\":\"湘0211\","
                + "\"occurredAt\":\"2025-03-03T09:15:00+08:00\",\"procedure\":\"CIVIL_FIRST_ORDINARY\","
                + "\"filedOn\":\"2025-03-03\",\"claimAmount\":12000}");
        assertThat(EventJson.toJson(event)).contains("\"occurredAt\":\"2025-03-03T01:15:00Z\"")
                .contains("\"claimAmount\":\"12000.00\"").endsWith("\"foreignRelated\":false}");
    }

    private CaseEvent throughAvro(CaseEvent event) {
        byte[] bytes = serde.serializer().serialize("courts.case-filings", event);
        return serde.deserializer().deserialize("courts.case-filings", bytes);
    }

    private static CaseEvent valid(String line) {
        ParsedLine parsed = EventLineParser.parse(line, 1, TestChecks.SEEDED);
        assertThat(parsed).as(line).isInstanceOf(ParsedLine.Valid.class);
        ParsedLine.Valid ok = (ParsedLine.Valid) parsed;
        // Only the free-text reasons of files written before reason codes (e6b, e9b) are warned about.
        assertThat(ok.warnings()).as(line).allMatch(w -> w.endsWith("reason: free text is deprecated, write reasonCode (and note) instead"));
        return ok.event();
    }
}
