package org.caseflow.streams.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The monthly review pack as one self-contained HTML document (its style inline, its charts inline SVG, no script),
 * so the same file opens from disk, prints to PDF in headless Chromium, and is served by the API under a CSP that
 * allows exactly its style block ({@link #STYLE_HASH}). Labels in Chinese with the English name beside them.
 * Every value cell carries {@code data-scope} and {@code data-indicator} so tests and tools can read it back.
 */
public final class ReportHtml {
    static final String STYLE = "body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",system-ui,sans-serif;"
            + "color:#1d2733;margin:1.5rem;font-size:13px}h1{font-size:1.5rem;margin:0}h2{font-size:1.1rem;"
            + "border-bottom:2px solid #1d3557;padding-bottom:.2rem;margin-top:1.6rem}table{border-collapse:collapse;"
            + "width:100%;margin:.4rem 0}th,td{border-bottom:1px solid #e1e4e8;padding:.25rem .45rem;text-align:left}"
            + "td.num{text-align:right;font-variant-numeric:tabular-nums}.en{color:#6b7785;font-size:.85em}"
            + ".BETTER{background:#d4efdf}.IN_RANGE{background:#eaf1f8}.WORSE{background:#f5c6cb}.muted{color:#6b7785}"
            + ".charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{border:1px solid #e1e4e8;padding:.3rem}"
            + ".line{fill:none;stroke:#1d3557;stroke-width:1.5}.bar{fill:#5d8aa8}text{font-size:10px;fill:#44505c}"
            + "@media print{h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}";
    /** The ranking table's columns (the rank itself counts every indicator's band). */
    static final List<String> RANKING_COLUMNS = List.of("FILINGS", "CLOSURES", "PENDING", "OVERDUE_PENDING", "CLEARANCE_RATE",
            "ON_TIME_CLOSURE_RATE", "AVG_DURATION_DAYS", "PENDING_OVER_12M", "APPEAL_RATE", "APPEAL_REVERSED_REMANDED_RATE",
            "CASE_MATTER_RATIO", "ENFORCEMENT_COMPLETION_RATE");
    /** For the API's Content-Security-Policy: {@code style-src 'sha256-…'} admits this block and nothing else. */
    public static final String STYLE_HASH = "sha256-" + sha256(STYLE);

    private final MonthlyReport r;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private ReportHtml(MonthlyReport report) {
        this.r = report;
    }

    public static String render(MonthlyReport report) {
        return new ReportHtml(report).document();
    }

    private String document() {
        String scope = r.court().code() + "|" + (r.subordinates() ? "tree" : "court");
        out.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(r.court().name() + " " + r.month() + " 月度审判质效讲评")).append("</title><style>")
                .append(STYLE).append("</style></head><body>");
        out.append("<h1>").append(esc(r.court().name())).append(" · ").append(r.month()).append(" 月度审判质效讲评</h1>")
                .append("<p class=\"en\">").append(esc(r.court().nameEn())).append(" — monthly review, ")
                .append(r.month()).append(r.subordinates() ? ", with subordinate courts" : "")
                .append("; window ").append(esc(r.window())).append("; as of ").append(r.asOf())
                .append(". Values are those of the indicator topology; intervals are illustrative defaults until a court "
                        + "configures its own.</p>");

        section("一、主要指标（最弱在前）", "Headline indicators, weakest first");
        out.append("<table><tr><th>指标 <span class=\"en\">indicator</span></th><th>本期 <span class=\"en\">value</span></th>"
                + "<th>合理区间 <span class=\"en\">interval</span></th><th>评价 <span class=\"en\">band</span></th>"
                + "<th>去年同期 <span class=\"en\">a year earlier</span></th><th>同比 <span class=\"en\">change</span></th></tr>");
        for (MonthlyReport.Headline h : r.headline()) {
            JsonNode v = h.now();
            // Blank, not 0, when the scope has no data a year earlier.
            Double previous = v != null && !v.path("yearEarlierData").asBoolean(true) ? null
                    : MonthlyReport.number(v, "previousYearValue");
            out.append("<tr><td>").append(name(h.indicator())).append("</td>")
                    .append(cell(scope, h.indicator(), h.value(), h.band()))
                    .append("<td>").append(interval(h.indicator())).append("</td><td>").append(band(h.band())).append("</td>")
                    .append("<td class=\"num\" data-previous-year=\"").append(esc(h.indicator())).append("\">")
                    .append(previous == null ? "" : format(previous, h.indicator())).append("</td>")
                    .append("<td class=\"num\">").append(change(h.value(), previous, h.indicator())).append("</td></tr>");
        }
        out.append("</table>");

        section("二、各法院排名", "Courts ranked (fewest indicators worse than the interval first; each court alone)");
        List<String> columns = RANKING_COLUMNS.stream().filter(r.definitions()::containsKey).toList();
        out.append("<table><tr><th>#</th><th>法院 <span class=\"en\">court</span></th><th>劣于区间 <span class=\"en\">worse</span></th>");
        columns.forEach(code -> out.append("<th>").append(name(code)).append("</th>"));
        out.append("</tr>");
        for (MonthlyReport.CourtRow row : r.ranking()) {
            out.append("<tr data-court=\"").append(esc(row.court().code())).append("\"><td class=\"num\">").append(row.rank())
                    .append("</td><td>").append(esc(row.court().name())).append("</td><td class=\"num\">").append(row.worse())
                    .append("</td>");
            for (String code : columns) {
                JsonNode v = row.values().get(code);
                out.append(cell(row.court().code() + "|court", code, MonthlyReport.number(v, "value"),
                        v == null ? "NO_INTERVAL" : v.path("band").asText()));
            }
            out.append("</tr>");
        }
        out.append("</table>");

        section("三、走势与未结案件账龄", "12-month trend and age of pending cases");
        out.append("<div class=\"charts\">");
        r.trend().forEach((code, values) -> out.append("<div class=\"chart\"><div>").append(name(code)).append("</div>")
                .append(lineChart(values, code)).append("</div>"));
        out.append("<div class=\"chart\"><div>未结案件账龄 <span class=\"en\">age of pending</span></div>").append(ageChart())
                .append("</div></div>");

        section("四、长期未结与超审限案件", "Longest pending and most overdue open cases");
        out.append("<h3>未结时间最长 <span class=\"en\">longest pending</span></h3>");
        caseTable(r.longestPending(), "longest-pending");
        out.append("<h3>超审限最久 <span class=\"en\">most overdue</span></h3>");
        caseTable(r.mostOverdue(), "most-overdue");

        section("五、案-件比：衍生案件最多的纠纷", "Disputes with the most case numbers (案-件比 lineage)");
        if (r.lineage().isEmpty()) {
            out.append("<p class=\"muted\">无 — none recorded.</p>");
        } else {
            out.append("<table><tr><th>原案 <span class=\"en\">root case</span></th><th>案号数 <span class=\"en\">case numbers</span></th></tr>");
            r.lineage().forEach(l -> out.append("<tr><td>").append(esc(l.rootCaseId())).append("</td><td class=\"num\">")
                    .append(l.caseNumbers()).append("</td></tr>"));
            out.append("</table>");
        }

        section("六、审限执行情况", "Deadline compliance: on-time closures by category, open cases past their deadline by procedure");
        out.append("<table><tr><th>类别 <span class=\"en\">category</span></th><th>审限内结案率 <span class=\"en\">on-time closure rate</span></th></tr>");
        r.onTimeByCategory().forEach((category, v) -> out.append("<tr><td>").append(esc(category)).append("</td>")
                .append(cell(r.court().code() + "|" + category, "ON_TIME_CLOSURE_RATE", MonthlyReport.number(v, "value"),
                        v.path("band").asText())).append("</tr>"));
        out.append("</table><table><tr><th>程序 <span class=\"en\">procedure</span></th><th>未结 <span class=\"en\">open</span></th>"
                + "<th>超审限 <span class=\"en\">overdue</span></th><th>占比 <span class=\"en\">share</span></th></tr>");
        for (MonthlyReport.ProcedureRow p : r.compliance()) {
            out.append("<tr data-procedure=\"").append(esc(p.procedure())).append("\"><td>").append(esc(p.procedure()))
                    .append("</td><td class=\"num\">").append(p.open()).append("</td><td class=\"num\">").append(p.overdue())
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.1f %%", 100.0 * p.overdue() / p.open()))
                    .append("</td></tr>");
        }
        out.append("</table>");

        section("七、较上月变化", "What changed since last month");
        out.append("<table><tr><th>指标 <span class=\"en\">indicator</span></th><th>上月 <span class=\"en\">last month</span></th>"
                + "<th>本月 <span class=\"en\">this month</span></th><th>评价 <span class=\"en\">band</span></th></tr>");
        int changed = 0;
        for (MonthlyReport.Headline h : r.headline()) {
            if (h.changed()) {
                changed++;
                String before = h.lastMonth() == null ? "" : band(h.lastMonth().path("band").asText());
                out.append("<tr><td>").append(name(h.indicator())).append("</td><td class=\"num\">")
                        .append(format(h.lastMonthValue(), h.indicator())).append("</td><td class=\"num\">")
                        .append(format(h.value(), h.indicator())).append("</td><td>")
                        .append(before.equals(band(h.band())) ? band(h.band()) : before + " → " + band(h.band())).append("</td></tr>");
            }
        }
        out.append("</table>");
        if (changed == 0) {
            out.append("<p class=\"muted\">无变化 — nothing changed.</p>");
        }
        return out.append("</body></html>").toString();
    }

    private void section(String zh, String en) {
        out.append("<h2>").append(esc(zh)).append(" <span class=\"en\">").append(esc(en)).append("</span></h2>");
    }

    private void caseTable(List<MonthlyReport.OpenCaseRow> rows, String id) {
        out.append("<table id=\"").append(id).append("\"><tr><th>案号 <span class=\"en\">case</span></th><th>法院 <span class=\"en\">court</span>"
                + "</th><th>程序 <span class=\"en\">procedure</span></th><th>立案 <span class=\"en\">filed</span></th>"
                + "<th>审限届满 <span class=\"en\">deadline</span></th><th>剩余天数 <span class=\"en\">days left</span></th></tr>");
        for (MonthlyReport.OpenCaseRow row : rows) {
            ReportSource.OpenCase c = row.open();
            out.append("<tr data-case-id=\"").append(esc(c.caseId())).append("\"><td>").append(esc(c.caseId())).append("</td><td>")
                    .append(esc(row.courtName() == null ? c.court() : row.courtName())).append("</td><td>").append(esc(c.procedure()))
                    .append("</td><td>").append(c.filedOn()).append("</td><td>").append(c.deadline()).append("</td><td class=\"num\">")
                    .append(c.daysRemaining()).append("</td></tr>");
        }
        out.append("</table>");
        if (rows.isEmpty()) {
            out.append("<p class=\"muted\">无 — none.</p>");
        }
    }

    private String cell(String scope, String indicator, Double value, String band) {
        return "<td class=\"num " + esc(band) + "\" data-scope=\"" + esc(scope) + "\" data-indicator=\"" + esc(indicator) + "\">"
                + format(value, indicator) + "</td>";
    }

    private String name(String code) {
        JsonNode d = r.definitions().get(code);
        return d == null ? esc(code) : esc(d.path("nameZh").asText()) + " <span class=\"en\">" + esc(d.path("nameEn").asText()) + "</span>";
    }

    private String interval(String code) {
        JsonNode d = r.definitions().get(code);
        JsonNode interval = d == null ? null : d.get("interval");
        if (interval == null) {
            return "";
        }
        JsonNode windows = interval.path("windows");
        boolean applies = !windows.isArray() || windows.isEmpty() || windows.toString().contains("\"" + r.window() + "\"");
        return applies ? "[" + format(interval.path("low").asDouble(), code) + " – "
                + format(interval.path("high").asDouble(), code) + "]" : "";
    }

    private static String band(String band) {
        return switch (band) {
            case "WORSE" -> "劣于区间 <span class=\"en\">worse</span>";
            case "IN_RANGE" -> "区间内 <span class=\"en\">in range</span>";
            case "BETTER" -> "优于区间 <span class=\"en\">better</span>";
            default -> "";
        };
    }

    /** The change against a year earlier: percentage points for rates, plain difference otherwise. */
    private String change(Double now, Double before, String code) {
        if (now == null || before == null) {
            return "";
        }
        double d = now - before;
        String sign = d > 0 ? "+" : "";
        return "RATIO".equals(unit(code)) ? sign + String.format(Locale.ROOT, "%.1f pp", 100 * d) : sign + format(d, code);
    }

    String format(Double value, String code) {
        if (value == null) {
            return "—";
        }
        return switch (unit(code)) {
            case "RATIO" -> String.format(Locale.ROOT, "%.1f %%", 100 * value);
            case "X" -> String.format(Locale.ROOT, "1 : %.2f", value);
            default -> value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
        };
    }

    private String unit(String code) {
        JsonNode d = r.definitions().get(code);
        return d == null ? "COUNT" : d.path("unit").asText("COUNT");
    }

    private String lineChart(List<Double> values, String code) {
        int w = 220;
        int h = 80;
        double min = values.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder svg = new StringBuilder("<svg width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h
                + "\" role=\"img\"><polyline class=\"line\" points=\"");
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                double x = 5 + i * (w - 10.0) / Math.max(1, values.size() - 1);
                double y = h - 18 - (values.get(i) - min) / span * (h - 30);
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
        }
        svg.append("\"/><text x=\"2\" y=\"10\">").append(esc(format(max, code))).append("</text><text x=\"2\" y=\"")
                .append(h - 4).append("\">").append(esc(r.trendPeriods().get(0))).append(" · ").append(esc(format(min, code)))
                .append("</text><text x=\"").append(w - 50).append("\" y=\"").append(h - 4).append("\">")
                .append(esc(r.trendPeriods().get(r.trendPeriods().size() - 1))).append("</text></svg>");
        return svg.toString();
    }

    private String ageChart() {
        List<String> codes = List.of("PENDING_AGE_0_1M", "PENDING_AGE_1_3M", "PENDING_AGE_3_6M", "PENDING_AGE_6_12M",
                "PENDING_AGE_12_18M", "PENDING_AGE_18_36M", "PENDING_AGE_36M_PLUS");
        List<String> labels = List.of("<1m", "1-3m", "3-6m", "6-12m", "12-18m", "18-36m", ">36m");
        double max = 1;
        StringBuilder svg = new StringBuilder("<svg width=\"300\" height=\"110\" viewBox=\"0 0 300 110\" role=\"img\">");
        double[] v = new double[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            JsonNode node = r.current().get(codes.get(i));
            v[i] = node == null || !node.path("value").isNumber() ? 0 : node.path("value").asDouble();
            max = Math.max(max, v[i]);
        }
        for (int i = 0; i < codes.size(); i++) {
            double bh = v[i] / max * 70;
            double x = 5 + i * 41;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"30\" height=\"%.1f\"/>", x, 85 - bh, bh))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x, 82 - bh, format(v[i], "PENDING")))
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"100\">%s</text>", x, esc(labels.get(i))));
        }
        return svg.append("</svg>").toString();
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
