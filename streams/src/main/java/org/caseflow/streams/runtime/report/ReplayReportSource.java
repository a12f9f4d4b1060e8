package org.caseflow.streams.runtime.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.CaseStatus;
import org.caseflow.events.IndicatorValue;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.runtime.jsonl.OutputJson;
import org.caseflow.streams.runtime.replay.Replayer;

/**
 * A report's numbers from a replay of the production topology ({@code caseflow report --events F}): the indicator
 * values {@link Replayer#indicators} reads from the topology's ledgers at the as-of instant, the open cases of its
 * case store, the lineage top of its indicator processor. Each value also says whether its scope had any data a year
 * before ({@code yearEarlierData}), as the API does, so a year-earlier 0 that only means "no data" is left blank.
 */
public final class ReplayReportSource implements ReportSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIVITY = Set.of("FILINGS", "CLOSURES", "PENDING");

    private final Map<String, List<JsonNode>> byCourtWindowPeriod = new HashMap<>();
    private final List<CaseSnapshot> cases;
    private final LocalDate today;
    private final Replayer replayer;

    public ReplayReportSource(Replayer replayer, Instant asOf, ZoneId zone) {
        this.replayer = replayer;
        this.today = LocalDate.ofInstant(asOf, zone);
        List<IndicatorValue> values = replayer.indicators(asOf);
        Map<String, YearMonth> firstActive = new HashMap<>();
        for (IndicatorValue v : values) {
            if ("MONTH".equals(v.getWindow()) && ACTIVITY.contains(v.getIndicator()) && v.getValue() != null
                    && v.getValue() != 0) {
                firstActive.merge(scope(v), YearMonth.parse(v.getPeriod()), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        for (IndicatorValue v : values) {
            ObjectNode node = (ObjectNode) parse(OutputJson.toJson(v));
            YearMonth first = firstActive.get(scope(v));
            YearMonth end = "YEAR_TO_DATE".equals(v.getWindow()) ? null : YearMonth.parse(v.getPeriod());
            node.put("yearEarlierData", first != null && end != null && !first.isAfter(end.minusMonths(12)));
            byCourtWindowPeriod.computeIfAbsent(v.getScope() + "|" + v.getWindow() + "|" + v.getPeriod(),
                    k -> new ArrayList<>()).add(node);
        }
        this.cases = replayer.cases(asOf);
    }

    private static String scope(IndicatorValue v) {
        return v.getScope() + "|" + v.getIncludesSubordinates() + "|" + v.getCategory();
    }

    @Override
    public List<JsonNode> indicators(String court, String window, YearMonth period) {
        String periodText = "YEAR_TO_DATE".equals(window) ? Integer.toString(period.getYear()) : period.toString();
        return byCourtWindowPeriod.getOrDefault(court + "|" + window + "|" + periodText, List.of());
    }

    @Override
    public List<OpenCase> openCases(List<String> courts) {
        Set<String> wanted = new HashSet<>(courts);
        List<OpenCase> out = new ArrayList<>();
        for (CaseSnapshot c : cases) {
            if (c.getStatus() == CaseStatus.OPEN && c.getDeadline() != null && wanted.contains(c.getCourt())) {
                out.add(new OpenCase(c.getCaseId(), c.getCourt(), c.getProcedure().name(), c.getFiledOn(), c.getDeadline(),
                        (int) (c.getDeadline().toEpochDay() - today.toEpochDay())));
            }
        }
        return out;
    }

    @Override
    public List<Lineage> lineage(String court) {
        return replayer.lineageTop(new ScopeKey(court, true, ScopeKey.ALL).encode()).stream()
                .map(e -> new Lineage(e.rootId(), e.caseNumbers())).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
