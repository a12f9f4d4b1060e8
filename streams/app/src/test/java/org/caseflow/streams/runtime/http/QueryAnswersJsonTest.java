package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.caseflow.events.IndicatorValue;
import org.caseflow.streams.runtime.jsonl.OutputJson;
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
}
