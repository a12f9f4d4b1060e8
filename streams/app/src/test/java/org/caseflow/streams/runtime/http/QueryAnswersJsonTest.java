package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;
import org.caseflow.events.Disposition;
import org.caseflow.events.IndicatorValue;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.FiringAlert;
import org.caseflow.streams.domain.input.TestChecks;
import org.caseflow.streams.domain.notify.AlertAck;
import org.caseflow.streams.runtime.jsonl.EventJson;
import org.caseflow.streams.runtime.jsonl.EventLineParser;
import org.caseflow.streams.runtime.jsonl.OutputJson;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.junit.jupiter.api.Test;

/**
 * The interactive-query answers are typed values serialised once by the API's mapper; for a fixed input each gives
 * the JSON the former Avro → JSON text → tree round trip gave, field for field and in the same order, and a peer's
 * answer reads back into the same value.
 */
class QueryAnswersJsonTest {
    private static final ObjectMapper API = HttpApi.mapper();

    private static IndicatorValue indicator(Double previousYear) {
        return IndicatorValue.newBuilder()
                .setScope("湘02").setIncludesSubordinates(true).setCategory("CIVIL").setIndicator("CLEARANCE_RATE")
                .setWindow("MONTH").setPeriod("2025-03").setValue(0.925).setNumerator(37.0).setDenominator(40.0)
                .setPreviousYearValue(previousYear).setBand("IN_RANGE").setComputedAt(Instant.parse("2025-04-01T00:00:00.120Z"))
                .build();
    }

    /** What the indicators endpoint answered before: the JSON-lines text parsed back, plus yearEarlierData. */
    private static String formerIndicator(IndicatorValue value, boolean yearEarlierData) throws Exception {
        ObjectNode node = (ObjectNode) API.readTree(OutputJson.toJson(value));
        return API.writeValueAsString(node.put("yearEarlierData", yearEarlierData));
    }

    @Test
    void shouldSerialiseAnIndicatorAnswerOnceAsTheFormerJson() throws Exception {
        for (Double previousYear : new Double[] {0.9, null, Double.NaN}) {
            IndicatorValue value = indicator(previousYear);
            assertThat(API.writeValueAsString(IndicatorAnswer.of(value, true)))
                    .as("previous year %s", previousYear).isEqualTo(formerIndicator(value, true));
            assertThat(API.writeValueAsString(IndicatorAnswer.of(value, false))).isEqualTo(formerIndicator(value, false));
        }
    }

    @Test
    void shouldReadAPeersIndicatorListIntoTheSameAnswers() throws Exception {
        List<IndicatorAnswer> answers = List.of(IndicatorAnswer.of(indicator(0.9), true), IndicatorAnswer.of(indicator(Double.NaN), false));
        assertThat(API.readValue(API.writeValueAsString(answers), new TypeReference<List<IndicatorAnswer>>() { }))
                .isEqualTo(answers);
    }

    @Test
    void shouldSerialiseALineageEntryAsTheFormerJson() throws Exception {
        LineageEntry entry = new LineageEntry("(2024)湘0211民初7号", 4);
        String former = API.writeValueAsString(API.createObjectNode().put("rootCaseId", "(2024)湘0211民初7号")
                .put("caseNumbers", 4L));
        assertThat(API.writeValueAsString(entry)).isEqualTo(former);
        assertThat(API.readValue(former, LineageEntry.class)).isEqualTo(entry);
    }

    private static final String CASE = "(2025)湘0211民初1234号";

    private static CaseSnapshot snapshot() {
        return CaseSnapshot.newBuilder()
                .setCaseId(CASE).setCourt("湘0211").setProcedure(Procedure.CIVIL_FIRST_ORDINARY)
                .setStatus(CaseStatus.CLOSED).setFiledOn(LocalDate.parse("2025-03-03")).setDeadline(LocalDate.parse("2025-09-03"))
                .setDeadlineVersion(2).setExcludedDays(42).setExtendedBy("P1M").setClosedOn(LocalDate.parse("2025-09-26"))
                .setDisposition(Disposition.JUDGMENT).setOnTime(false).setJudge("J-0211-017").setDivision("民一庭")
                .setExplanation(List.of("CPL 152: 6 months", "excluded 42 days")).setFlags(List.of("ADJOURNMENT_CAP_EXCEEDED"))
                .setUpdatedAt(Instant.parse("2025-09-26T01:10:00.250Z")).build();
    }

    private static final List<FiringAlert> FIRING = List.of(
            new FiringAlert(CASE + "/v2/WARNING", AlertLevel.WARNING, 0, 2, 2, LocalDate.parse("2025-09-03"), List.of("judge:J-0211-017")),
            new FiringAlert(CASE + "/v2/BREACHED", AlertLevel.BREACHED, 0, 4, 2, LocalDate.parse("2025-09-03"), List.of()));

    private static final List<AlertAck> ACKS = List.of(
            new AlertAck(CASE + "/v2/WARNING", CASE, "湘0211", "J-0211-017", "已排期", Instant.parse("2025-08-28T02:00:00Z")),
            new AlertAck(CASE + "/v2/BREACHED", CASE, "湘0211", "庭长", null, Instant.parse("2025-09-05T02:00:00.5Z")));

    /** Every event type (the scenario file) and the postponements and restarts with notes and free-text reasons. */
    private static List<CaseEvent> history() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("seeds/scenarios/valid-all-types.jsonl"),
                StandardCharsets.UTF_8));
        lines.add("{\"eventId\":\"e6\",\"type\":\"HEARING_POSTPONED\",\"caseId\":\"c\",\"court\":\"湘02\","
                + "\"occurredAt\":\"2025-12-10T01:15:00Z\",\"hearingId\":\"H-1\",\"reasonCode\":\"NEW_EVIDENCE\",\"note\":\"被告申请重新鉴定\"}");
        lines.add("{\"eventId\":\"e6b\",\"type\":\"HEARING_POSTPONED\",\"caseId\":\"c\",\"court\":\"湘02\","
                + "\"occurredAt\":\"2025-12-10T01:15:00Z\",\"hearingId\":\"H-1\",\"reason\":\"被告申请鉴定\"}");
        lines.add("{\"eventId\":\"e9\",\"type\":\"CLOCK_RESTARTED\",\"caseId\":\"c\",\"court\":\"湘02\","
                + "\"occurredAt\":\"2025-12-10T01:15:00Z\",\"restartedOn\":\"2025-06-03\",\"reasonCode\":\"SUPPLEMENTARY_INVESTIGATION\","
                + "\"note\":\"第一次退回补充侦查\"}");
        List<CaseEvent> events = new ArrayList<>();
        for (String line : lines) {
            events.add(((ParsedLine.Valid) EventLineParser.parse(line, events.size() + 1, TestChecks.SEEDED)).event());
        }
        return events;
    }

    /** What the case endpoint answered before: the snapshot's JSON line parsed back, then the lists added to the tree. */
    private static String formerCase(CaseSnapshot snapshot, List<CaseEvent> history, boolean withNotes) throws Exception {
        ObjectNode body = (ObjectNode) API.readTree(OutputJson.toJson(snapshot));
        ArrayNode firing = body.putArray("firingAlerts");
        FIRING.forEach(f -> firing.addObject().put("alertId", f.alertId()).put("level", f.level().name())
                .put("deadline", f.deadline().toString()));
        ArrayNode acks = body.putArray("acknowledgements");
        ACKS.forEach(a -> acks.addObject().put("alertId", a.alertId()).put("by", a.by())
                .put("note", a.note()).put("ackedAt", a.ackedAt().toString()));
        ArrayNode lines = body.putArray("history");
        for (CaseEvent event : history) {
            ObjectNode line = (ObjectNode) API.readTree(EventJson.toJson(event));
            if (!withNotes) {
                line.remove("note");
                String type = line.path("type").asText();
                if (type.equals("HEARING_POSTPONED") || type.equals("CLOCK_RESTARTED")) {
                    line.remove("reason");
                }
            }
            lines.add(line);
        }
        return API.writeValueAsString(body);
    }

    @Test
    void shouldSerialiseACaseViewOnceAsTheFormerJson() throws Exception {
        List<CaseEvent> history = history();
        for (boolean withNotes : new boolean[] {false, true}) {
            CaseDetail detail = CaseDetail.of(snapshot(), FIRING, ACKS, history, withNotes);
            assertThat(API.writeValueAsString(detail)).as("with notes: %s", withNotes)
                    .isEqualTo(formerCase(snapshot(), history, withNotes));
        }
        assertThat(CaseDetail.of(snapshot(), FIRING, ACKS, history, false).history())
                .as("no note leaves the instance without a token asking").noneMatch(e -> e.has("note"))
                .noneMatch(e -> e.toString().contains("被告申请"));
        assertThat(CaseDetail.of(snapshot(), FIRING, ACKS, history, true).history()).anyMatch(e -> e.has("note"));
    }

    @Test
    void shouldSerialiseAnOpenCaseWithoutAlertsAsTheFormerJson() throws Exception {
        CaseSnapshot open = CaseSnapshot.newBuilder(snapshot()).setStatus(CaseStatus.OPEN).setClosedOn(null)
                .setDisposition(null).setOnTime(null).setJudge(null).setDivision(null).setDeadline(null)
                .setClockStopped(true).build();
        // The former code: the snapshot's JSON line parsed back, then the empty lists added.
        ObjectNode body = (ObjectNode) API.readTree(OutputJson.toJson(open));
        body.putArray("firingAlerts");
        body.putArray("acknowledgements");
        body.putArray("history");
        assertThat(API.writeValueAsString(CaseDetail.of(open, List.of(), List.of(), List.of(), false)))
                .isEqualTo(API.writeValueAsString(body));
    }

    @Test
    void shouldReadAPeersCaseViewIntoTheSameValue() throws Exception {
        CaseDetail detail = CaseDetail.of(snapshot(), FIRING, ACKS, history(), true);
        assertThat(API.readValue(API.writeValueAsString(detail), CaseDetail.class)).isEqualTo(detail);
    }

    @Test
    void shouldSerialiseAHeatMapRowOnceAsTheFormerJson() throws Exception {
        CourtTree tree = CourtTree.of(List.of(API.createObjectNode().put("code", "湘02").put("name", "株洲市中级人民法院")
                .put("nameEn", "Zhuzhou Intermediate").put("level", "INTERMEDIATE").putNull("parent")));
        List<IndicatorAnswer> values = List.of(IndicatorAnswer.of(indicator(0.9), true),
                IndicatorAnswer.of(IndicatorValue.newBuilder(indicator(null)).setIndicator("ON_TIME_RATE").build(), true),
                IndicatorAnswer.of(IndicatorValue.newBuilder(indicator(null)).setIncludesSubordinates(false).build(), false),
                IndicatorAnswer.of(IndicatorValue.newBuilder(indicator(null)).setCategory("ALL").build(), false));
        for (String court : new String[] {"湘02", "湘0211"}) {
            // The former row: a tree, each value the tree of the indicator's answer.
            var seed = tree.get(court);
            ObjectNode former = API.createObjectNode().put("court", court).put("subordinates", true)
                    .put("name", seed == null ? court : seed.path("name").asText())
                    .put("nameEn", seed == null ? court : seed.path("nameEn").asText())
                    .put("level", seed == null ? null : seed.path("level").asText());
            ObjectNode cells = former.putObject("cells");
            for (IndicatorAnswer v : values) {
                if (v.includesSubordinates() && "CIVIL".equals(v.category())) {
                    cells.set(v.indicator(), API.readTree(formerIndicator(IndicatorValue.newBuilder(indicator(null))
                            .setIndicator(v.indicator()).setPreviousYearValue(v.previousYearValue()).build(), true)));
                }
            }
            assertThat(API.writeValueAsString(BoardRoutes.row(tree, court, true, values, "CIVIL")))
                    .isEqualTo(API.writeValueAsString(former));
        }
    }
}
