package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.caseflow.streams.runtime.http.auth.HttpAuth;
import org.caseflow.streams.runtime.report.MonthlyReport;
import org.caseflow.streams.runtime.report.PdfPrinter;
import org.caseflow.streams.runtime.report.ReportCourt;
import org.caseflow.streams.runtime.report.ReportHtml;
import org.caseflow.streams.topology.ClockMode;

/**
 * The board's reads (issue 10), built on {@link QueryRouter}'s distributed reads so a multi-instance deployment
 * answers them too: the clock, the indicator definitions, a page of the court tree's at-risk list, the courts ×
 * indicators heat map and the 12-month trend. Each court is checked against the caller's courts; the numbers are
 * the indicator topology's (the same calculator over the same ledgers), only selected and arranged here.
 */
final class BoardRoutes {
    static final int MAX_TREND_MONTHS = 24;

    private final QueryRouter router;
    private final ObjectMapper mapper;
    private final ClockMode clockMode;
    /** The board's "today" and months: the engine's default court zone ({@code caseflow.engine.default.zone}). */
    private final ZoneId courtZone;

    BoardRoutes(QueryRouter router, ObjectMapper mapper, ClockMode clockMode, ZoneId courtZone) {
        this.router = router;
        this.mapper = mapper;
        this.clockMode = clockMode;
        this.courtZone = courtZone;
    }

    void register(Javalin app) {
        app.get("/api/v1/clock", this::clock);
        app.get("/api/v1/indicator-definitions", ctx -> ctx.json(router.indicatorDefinitions()));
        app.get("/api/v1/courts/{court}/at-risk/page", this::atRiskPage);
        app.get("/api/v1/courts/{court}/heatmap", this::heatMap);
        app.get("/api/v1/courts/{court}/trend", this::trend);
        app.get("/api/v1/courts/{court}/lineage", ctx -> ctx.json(router.lineage(checkedCourt(ctx),
                request(ctx, "/api/v1/courts/" + encode(ctx.pathParam("court")) + "/lineage"))));
        app.get("/api/v1/courts/{court}/report", this::report);
    }

    /**
     * The monthly review pack as HTML ({@code ?month=YYYY-MM}, default this month; {@code &window=}). Its only style
     * is its own inline block, admitted by hash; it has no script.
     */
    private void report(Context ctx) {
        String court = checkedCourt(ctx);
        YearMonth month = ApiRoutes.period(ctx.queryParam("month"));
        LocalDate today = router.now().atZone(courtZone).toLocalDate();
        if (month == null) {
            month = YearMonth.from(today);
        }
        List<ReportCourt> tree = ReportCourt.tree(router.courts(),
                court).stream().filter(c -> ApiTokens.allows(ApiRoutes.courts(ctx), c.code())).toList();
        LiveReportSource source = new LiveReportSource(router, mapper, court, path -> request(ctx, path));
        MonthlyReport report = MonthlyReport.build(source, tree, router.indicatorDefinitions(), month, window(ctx), today);
        String html = ReportHtml.render(report);
        if ("pdf".equals(ctx.queryParam("format"))) {
            ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"report-" + month + ".pdf\"")
                    .result(pdf(html));
            return;
        }
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src '" + ReportHtml.STYLE_HASH + "'; img-src data:; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** Headless Chromium's print of the pack; 501 where the server has no Chromium. */
    private static byte[] pdf(String html) {
        if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of(PdfPrinter.DEFAULT_BINARY))) {
            throw new ApiException(501, "no Chromium on this server to print the report (" + PdfPrinter.DEFAULT_BINARY
                    + "): use caseflow report --pdf, or ask for the HTML");
        }
        java.nio.file.Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("caseflow-report");
            java.nio.file.Path file = dir.resolve("report.html");
            java.nio.file.Files.writeString(file, html, StandardCharsets.UTF_8);
            PdfPrinter.print(java.nio.file.Path.of(PdfPrinter.DEFAULT_BINARY), file, dir.resolve("report.pdf"));
            return java.nio.file.Files.readAllBytes(dir.resolve("report.pdf"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.notReady("interrupted while printing the report");
        } finally {
            if (dir != null) {
                try (var paths = java.nio.file.Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (java.io.IOException ignored) {
                    // a temp dir left behind is harmless
                }
            }
        }
    }

    /** The instant the reads take as now, its date in court time, and what moves the clock. */
    record Clock(Instant now, LocalDate date, String zone, String mode) {
    }

    private void clock(Context ctx) {
        Instant now = router.now();
        ctx.json(new Clock(now, now.atZone(courtZone).toLocalDate(), courtZone.getId(), clockMode.name()));
    }

    private void atRiskPage(Context ctx) {
        String court = checkedCourt(ctx);
        int withinDays = ApiRoutes.withinDays(ctx.queryParam("withinDays"));
        boolean subordinates = !"false".equals(ctx.queryParam("subordinates"));
        String path = "/api/v1/courts/" + encode(court) + "/at-risk?withinDays=" + withinDays
                + (subordinates ? "&subordinates=true" : "");
        List<String> courts = subordinates ? tree().withSubordinates(court).stream()
                .filter(c -> ApiTokens.allows(ApiRoutes.courts(ctx), c)).toList() : List.of(court);
        List<AtRiskCase> all = router.atRisk(courts, withinDays, request(ctx, path));
        AtRiskPage.Filter filter = new AtRiskPage.Filter(ctx.queryParam("level"), ctx.queryParam("procedure"),
                ctx.queryParam("judge"), ctx.queryParam("court"));
        String sort = ctx.queryParam("sort") == null ? "deadline" : ctx.queryParam("sort");
        ctx.json(AtRiskPage.of(all, filter, sort, "true".equals(ctx.queryParam("desc")),
                integer(ctx, "offset", 0), integer(ctx, "limit", 50)));
    }

    /** The courts × indicators heat map of one window and category. */
    record HeatMap(String court, String window, String category, List<HeatRow> rows) {
    }

    /** One court of the heat map, alone or with its subordinate courts; its cells keyed by indicator code. */
    record HeatRow(String court, boolean subordinates, String name, String nameEn, String level,
            Map<String, IndicatorAnswer> cells) {
    }

    /** The last months of every indicator of one scope: the periods, and per indicator one point per period. */
    record Trend(String court, String window, String category, boolean subordinates, List<String> periods,
            Map<String, List<TrendPoint>> series) {
    }

    /** One period's value of a trend's indicator. */
    record TrendPoint(String period, Double value) {
    }

    /**
     * One row per court of the tree, each court alone (so courts compare like with like), and first the chosen court
     * with its subordinate courts; one cell per indicator with value, band and the value a year earlier.
     */
    private void heatMap(Context ctx) {
        String court = checkedCourt(ctx);
        String window = window(ctx);
        String category = category(ctx);
        CourtTree tree = tree();
        List<HeatRow> rows = new ArrayList<>();
        for (String c : tree.withSubordinates(court)) {
            if (!ApiTokens.allows(ApiRoutes.courts(ctx), c)) {
                continue;
            }
            boolean total = c.equals(court) && !tree.isBasic(c);
            Boolean scopes = total ? null : Boolean.FALSE; // the court alone, and for the chosen court also its tree
            List<IndicatorAnswer> values = router.indicators(c, window, null, scopes, category,
                    request(ctx, indicatorsPath(c, window, null, scopes, category)));
            if (total) {
                rows.add(row(tree, c, true, values, category));
            }
            rows.add(row(tree, c, false, values, category));
        }
        ctx.json(new HeatMap(court, window, category, rows));
    }

    static HeatRow row(CourtTree tree, String court, boolean subordinates, List<IndicatorAnswer> values,
            String category) {
        JsonNode seed = tree.get(court);
        Map<String, IndicatorAnswer> cells = new LinkedHashMap<>();
        for (IndicatorAnswer value : values) {
            if (value.includesSubordinates() == subordinates && category.equals(value.category())) {
                cells.put(value.indicator(), value);
            }
        }
        return new HeatRow(court, subordinates, seed == null ? court : seed.path("name").asText(),
                seed == null ? court : seed.path("nameEn").asText(), seed == null ? null : seed.path("level").asText(), cells);
    }

    /** The last {@code months} periods (default 12) of every indicator of one scope, oldest first. */
    private void trend(Context ctx) {
        String court = checkedCourt(ctx);
        String window = window(ctx);
        String category = category(ctx);
        boolean subordinates = !"false".equals(ctx.queryParam("subordinates")) && !tree().isBasic(court);
        int months = integer(ctx, "months", 12);
        if (months < 1 || months > MAX_TREND_MONTHS) {
            throw new ApiException(400, "months must be 1.." + MAX_TREND_MONTHS);
        }
        YearMonth end = ApiRoutes.period(ctx.queryParam("period"));
        if (end == null) {
            end = YearMonth.from(router.now().atZone(courtZone));
        }
        List<String> periods = new ArrayList<>();
        Map<String, List<TrendPoint>> series = new LinkedHashMap<>();
        for (YearMonth m = end.minusMonths(months - 1L); !m.isAfter(end); m = m.plusMonths(1)) {
            periods.add(m.toString());
            for (IndicatorAnswer value : router.indicators(court, window, m, subordinates, category,
                    request(ctx, indicatorsPath(court, window, m, subordinates, category)))) {
                if (value.includesSubordinates() == subordinates && category.equals(value.category())) {
                    series.computeIfAbsent(value.indicator(), k -> new ArrayList<>()).add(new TrendPoint(m.toString(), value.value()));
                }
            }
        }
        ctx.json(new Trend(court, window, category, subordinates, periods, series));
    }

    private String checkedCourt(Context ctx) {
        String court = ctx.pathParam("court");
        ApiRoutes.requireCourt(ctx, court);
        if (tree().get(court) == null && !router.courts().isEmpty()) {
            throw new ApiException(404, "unknown court " + court);
        }
        return court;
    }

    private CourtTree tree() {
        return CourtTree.of(router.courts());
    }

    private static String window(Context ctx) {
        String window = ctx.queryParam("window") == null ? "MONTH" : ctx.queryParam("window").toUpperCase(Locale.ROOT);
        if (!ApiRoutes.WINDOWS.contains(window)) {
            throw new ApiException(400, "window must be one of " + ApiRoutes.WINDOWS + ", got '" + ctx.queryParam("window") + "'");
        }
        return window;
    }

    static final List<String> CATEGORIES = List.of("ALL", "CIVIL", "CRIMINAL", "ADMINISTRATIVE", "ENFORCEMENT");

    static String category(Context ctx) {
        String category = ctx.queryParam("category") == null ? "ALL" : ctx.queryParam("category").toUpperCase(Locale.ROOT);
        if (!CATEGORIES.contains(category)) {
            throw new ApiException(400, "category must be one of " + CATEGORIES + ", got '" + ctx.queryParam("category") + "'");
        }
        return category;
    }

    private static int integer(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, name + " must be an integer, got '" + text + "'");
        }
    }

    static String indicatorsPath(String court, String window, YearMonth period) {
        return indicatorsPath(court, window, period, null, null);
    }

    /** The plain indicators request a peer answers, narrowed as the local read is. */
    static String indicatorsPath(String court, String window, YearMonth period, Boolean subordinates, String category) {
        return "/api/v1/courts/" + encode(court) + "/indicators?window=" + window + (period == null ? "" : "&period=" + period)
                + (subordinates == null ? "" : "&subordinates=" + subordinates) + (category == null ? "" : "&category=" + category);
    }

    /** The request a peer is asked: the plain endpoint whose answers this route merges, with the caller's credentials. */
    private static QueryRouter.Request request(Context ctx, String path) {
        return new QueryRouter.Request(path, HttpAuth.forwardAuthorization(ctx), ctx.header(PeerClient.FORWARDED_HEADER) != null);
    }

    private static String encode(String court) {
        return URLEncoder.encode(court, StandardCharsets.UTF_8);
    }
}
