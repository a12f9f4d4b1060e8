package org.caseflow.streams.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.caseflow.streams.domain.rules.Category;

/**
 * The monthly review pack (月讲评会) of a court and its subordinate courts for one month: the headline indicators
 * against their reference interval and a year earlier, weakest first; every court of the tree ranked; the 12-month
 * trend and the age of pending cases; the longest-pending and most overdue cases; the disputes with the most case
 * numbers; deadline compliance by procedure; what changed since the month before. Every number is a value of the
 * indicator topology ({@link ReportSource}), only selected and ordered here; case lists come from the open cases.
 *
 * @param current the court's values this month (its own scope: with subordinate courts unless a basic court)
 */
public record MonthlyReport(ReportCourt court, boolean subordinates, YearMonth month, String window, LocalDate asOf,
        Map<String, JsonNode> definitions, Map<String, JsonNode> current, List<Headline> headline, List<CourtRow> ranking,
        List<String> trendPeriods,
        Map<String, List<Double>> trend, List<OpenCaseRow> longestPending, List<OpenCaseRow> mostOverdue,
        List<ReportSource.Lineage> lineage, List<ProcedureRow> compliance, Map<String, JsonNode> onTimeByCategory) {

    static final int CASES_LISTED = 10;
    static final List<String> TREND_INDICATORS = List.of("FILINGS", "CLOSURES", "PENDING", "CLEARANCE_RATE",
            "ON_TIME_CLOSURE_RATE", "OVERDUE_PENDING");

    /** One indicator of the court (tree scope): this month, the month before (for "what changed"). */
    public record Headline(String indicator, JsonNode now, JsonNode lastMonth) {
        public String band() {
            return now == null ? "NO_INTERVAL" : now.path("band").asText("NO_INTERVAL");
        }

        public Double value() {
            return number(now, "value");
        }

        public Double lastMonthValue() {
            return number(lastMonth, "value");
        }

        public boolean changed() {
            return !Objects.equals(value(), lastMonthValue())
                    || lastMonth != null && !band().equals(lastMonth.path("band").asText());
        }
    }

    /** A court of the tree, alone, with its values and its place. */
    public record CourtRow(ReportCourt court, Map<String, JsonNode> values, int worse, int better, int rank) {
    }

    /** An open case with the court's name. */
    public record OpenCaseRow(ReportSource.OpenCase open, String courtName) {
    }

    /** Open cases of one procedure and how many are past their deadline. */
    public record ProcedureRow(String procedure, int open, int overdue) {
    }

    public static MonthlyReport build(ReportSource source, List<ReportCourt> tree, List<JsonNode> definitionList,
            YearMonth month, String window, LocalDate asOf) {
        ReportCourt root = tree.get(0);
        boolean subordinates = !root.basic();
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        definitionList.forEach(d -> definitions.put(d.path("code").asText(), d));

        Map<String, JsonNode> now = select(source.indicators(root.code(), window, month), subordinates, "ALL");
        Map<String, JsonNode> before = select(source.indicators(root.code(), window, month.minusMonths(1)), subordinates, "ALL");
        List<Headline> headline = new ArrayList<>();
        for (String code : definitions.keySet()) {
            if (!code.startsWith("PENDING_AGE_")) {
                headline.add(new Headline(code, now.get(code), before.get(code)));
            }
        }
        headline.sort(Comparator.comparingInt((Headline h) -> bandOrder(h.band()))
                .thenComparing(Comparator.comparingDouble((Headline h) -> distance(h, definitions.get(h.indicator()))).reversed()));

        List<CourtRow> rows = new ArrayList<>();
        for (ReportCourt c : tree) {
            Map<String, JsonNode> values = c == root && !subordinates ? now
                    : select(source.indicators(c.code(), window, month), false, "ALL");
            int worse = (int) values.values().stream().filter(v -> "WORSE".equals(v.path("band").asText())).count();
            int better = (int) values.values().stream().filter(v -> "BETTER".equals(v.path("band").asText())).count();
            rows.add(new CourtRow(c, values, worse, better, 0));
        }
        // Courts with no value at all (nothing filed or pending) go last: an empty court is not a good one.
        rows.sort(Comparator.comparing((CourtRow r) -> r.values().values().stream().noneMatch(v -> v.path("value").isNumber()))
                .thenComparingInt(CourtRow::worse).thenComparing(Comparator.comparingInt(CourtRow::better).reversed())
                .thenComparing(r -> r.court().code()));
        List<CourtRow> ranking = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CourtRow r = rows.get(i);
            ranking.add(new CourtRow(r.court(), r.values(), r.worse(), r.better(), i + 1));
        }

        List<String> periods = new ArrayList<>();
        Map<String, List<Double>> trend = new LinkedHashMap<>();
        TREND_INDICATORS.forEach(code -> trend.put(code, new ArrayList<>()));
        for (YearMonth m = month.minusMonths(11); !m.isAfter(month); m = m.plusMonths(1)) {
            periods.add(m.toString());
            // The trend is monthly whatever the report's window.
            boolean monthly = "MONTH".equals(window);
            Map<String, JsonNode> values = monthly && m.equals(month) ? now : monthly && m.equals(month.minusMonths(1)) ? before
                    : select(source.indicators(root.code(), "MONTH", m), subordinates, "ALL");
            for (String code : TREND_INDICATORS) {
                trend.get(code).add(number(values.get(code), "value"));
            }
        }

        Map<String, String> names = new LinkedHashMap<>();
        tree.forEach(c -> names.put(c.code(), c.name()));
        List<ReportSource.OpenCase> open = source.openCases(tree.stream().map(ReportCourt::code).toList());
        List<OpenCaseRow> longest = open.stream().filter(o -> o.filedOn() != null)
                .sorted(Comparator.comparing(ReportSource.OpenCase::filedOn).thenComparing(ReportSource.OpenCase::caseId))
                .limit(CASES_LISTED).map(o -> new OpenCaseRow(o, names.get(o.court()))).toList();
        List<OpenCaseRow> overdue = open.stream().filter(o -> o.daysRemaining() < 0)
                .sorted(Comparator.comparingInt(ReportSource.OpenCase::daysRemaining).thenComparing(ReportSource.OpenCase::caseId))
                .limit(CASES_LISTED).map(o -> new OpenCaseRow(o, names.get(o.court()))).toList();
        Map<String, int[]> byProcedure = new TreeMap<>();
        for (ReportSource.OpenCase o : open) {
            int[] counts = byProcedure.computeIfAbsent(o.procedure(), p -> new int[2]);
            counts[0]++;
            counts[1] += o.daysRemaining() < 0 ? 1 : 0;
        }
        List<ProcedureRow> compliance = byProcedure.entrySet().stream()
                .map(e -> new ProcedureRow(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(ProcedureRow::overdue).reversed().thenComparing(ProcedureRow::procedure)).toList();
        Map<String, JsonNode> onTime = new LinkedHashMap<>();
        List<JsonNode> all = source.indicators(root.code(), window, month);
        for (String category : Stream.of(Category.values()).map(Enum::name).toList()) {
            JsonNode v = select(all, subordinates, category).get("ON_TIME_CLOSURE_RATE");
            if (v != null) {
                onTime.put(category, v);
            }
        }
        List<ReportSource.Lineage> lineage = source.lineage(root.code()).stream().limit(CASES_LISTED).toList();
        return new MonthlyReport(root, subordinates, month, window, asOf, definitions, now, headline, ranking, periods, trend,
                longest, overdue, lineage, compliance, onTime);
    }

    /** The values of one scope and category, by indicator. */
    static Map<String, JsonNode> select(List<JsonNode> values, boolean subordinates, String category) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode v : values) {
            if (v.path("includesSubordinates").asBoolean() == subordinates && category.equals(v.path("category").asText())) {
                out.put(v.path("indicator").asText(), v);
            }
        }
        return out;
    }

    /** Worse first, then in range, better, and last the indicators without an interval. */
    static int bandOrder(String band) {
        return switch (band) {
            case "WORSE" -> 0;
            case "IN_RANGE" -> 1;
            case "BETTER" -> 2;
            default -> 3;
        };
    }

    /** How far outside its interval a value lies, relative to the interval's width (0 inside or without one). */
    static double distance(Headline h, JsonNode definition) {
        Double value = h.value();
        JsonNode interval = definition == null ? null : definition.get("interval");
        if (value == null || interval == null) {
            return 0;
        }
        double low = interval.path("low").asDouble();
        double high = interval.path("high").asDouble();
        double width = Math.max(high - low, 1e-9);
        return value < low ? (low - value) / width : value > high ? (value - high) / width : 0;
    }

    static Double number(JsonNode node, String field) {
        return node == null || !node.path(field).isNumber() ? null : node.path(field).asDouble();
    }
}
