package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseflow.streams.domain.digest.DigestKind;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.caseflow.streams.runtime.http.auth.HttpAuth;
import org.caseflow.streams.runtime.http.auth.Principal;

/**
 * The {@code /api/v1} routes: parameter checks (400), court limits of the caller's token (403), then
 * {@link QueryRouter} for the distributed read.
 */
final class ApiRoutes {
    static final int DEFAULT_WITHIN_DAYS = 15;
    static final int MAX_WITHIN_DAYS = 3650;
    static final List<String> WINDOWS = List.of("MONTH", "YEAR_TO_DATE", "ROLLING_12M");

    private final QueryRouter router;
    private final AlertBroadcaster alerts;
    private final int indicatorLimit;
    private final boolean digests;

    ApiRoutes(QueryRouter router, AlertBroadcaster alerts, int indicatorLimit, boolean digests) {
        this.router = router;
        this.alerts = alerts;
        this.indicatorLimit = indicatorLimit;
        this.digests = digests;
    }

    void register(Javalin app) {
        app.get("/api/v1/courts", ctx -> ctx.json(router.courts().stream()
                .filter(c -> ApiTokens.allows(courts(ctx), c.path("code").asText())).toList()));
        app.get("/api/v1/cases/{caseId}", this::caseById);
        app.get("/api/v1/courts/{court}/at-risk", this::atRisk);
        app.get("/api/v1/courts/{court}/indicators", this::indicators);
        app.get("/api/v1/digests/{recipient}", this::digest);
        app.sse("/api/v1/alerts/stream", client -> alerts.register(client, courts(client.ctx())));
    }

    /**
     * {@code ?notes=true} keeps the notes of postponements and restarts in the history: for a caller with a token
     * (its courts are checked below as for any case), never when {@code caseflow.http.auth=none} leaves the API open
     * (docs/security.md, "Personal data").
     */
    private void caseById(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        boolean withNotes = "true".equals(ctx.queryParam("notes"));
        if (withNotes && HttpAuth.principal(ctx) == Principal.ANYONE) { // the one principal of an open API
            throw new ApiException(403, "notes are given only to a caller with a token for the case's court"
                    + " (caseflow.http.auth=none gives none)");
        }
        QueryRouter.CaseAnswer<CaseDetail> answer = router.caseById(caseId, withNotes, request(ctx));
        if (answer instanceof QueryRouter.RemoteAnswer<CaseDetail> remote) {
            // The owner already applied the token's court limits.
            HttpApi.relay(ctx, remote.status(), remote.body());
            return;
        }
        CaseDetail value = ((QueryRouter.LocalCase<CaseDetail>) answer).value();
        if (!ApiTokens.allows(courts(ctx), value.court())) {
            // Not 403: a token limited to some courts must not learn which case numbers exist elsewhere.
            throw new ApiException(404, "unknown case " + caseId);
        }
        ctx.json(value);
    }

    /**
     * {@code GET /api/v1/digests/{recipient}?period=day|week|month[&date=YYYY-MM-DD]}: the digest of that period (the
     * latest without a date). A recipient that names its court ({@code court:}, {@code president:},
     * {@code division-chief:}, {@code higher-court:}, {@code judge:unassigned@}) is checked against the token first
     * (403); a judge's id does not name one, so the digest's court is checked and a digest of another court is a 404,
     * as for cases.
     */
    private void digest(Context ctx) {
        if (!digests) {
            throw new ApiException(404, "digests are turned off on this instance (caseflow.digests.enabled=false)");
        }
        String recipient = ctx.pathParam("recipient");
        String kind = ctx.queryParam("period");
        if (kind == null || DigestKind.parse(kind).isEmpty()) {
            throw new ApiException(400, "period must be day, week or month, got '" + kind + "'");
        }
        LocalDate date = null;
        if (ctx.queryParam("date") != null) {
            try {
                date = LocalDate.parse(ctx.queryParam("date").trim());
            } catch (DateTimeParseException e) {
                throw new ApiException(400, "date must be YYYY-MM-DD, got '" + ctx.queryParam("date") + "'");
            }
        }
        String named = courtOf(recipient);
        if (named != null) {
            requireCourt(ctx, named);
            requireKnownCourt(named);
        }
        QueryRouter.CaseAnswer<ObjectNode> answer = router.digest(recipient, kind, date, request(ctx));
        if (answer instanceof QueryRouter.RemoteAnswer<ObjectNode> remote) {
            HttpApi.relay(ctx, remote.status(), remote.body());
            return;
        }
        ObjectNode value = ((QueryRouter.LocalCase<ObjectNode>) answer).value();
        if (named == null && !ApiTokens.allows(courts(ctx), value.path("court").asText(""))) {
            throw new ApiException(404, "no " + kind + " digest of " + recipient);
        }
        ctx.json(value);
    }

    /** The court a role reference names ({@code president:湘0211}, {@code division-chief:湘0211/民一庭}, ...), or null. */
    static String courtOf(String recipient) {
        int colon = recipient.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String kind = recipient.substring(0, colon);
        String rest = recipient.substring(colon + 1);
        return switch (kind) {
            case "court", "president", "higher-court" -> rest;
            case "division-chief" -> rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            case "judge" -> rest.startsWith("unassigned@") ? rest.substring("unassigned@".length()) : null;
            default -> null;
        };
    }

    private void atRisk(Context ctx) {
        String court = ctx.pathParam("court");
        requireCourt(ctx, court);
        requireKnownCourt(court);
        int withinDays = withinDays(ctx.queryParam("withinDays"));
        // subordinates=true: the court tree (a president's view); each court is still checked against the token.
        List<String> courts = "true".equals(ctx.queryParam("subordinates"))
                ? CourtTree.of(router.courts()).withSubordinates(court).stream()
                        .filter(c -> ApiTokens.allows(courts(ctx), c)).toList()
                : List.of(court);
        ctx.json(router.atRisk(courts, withinDays, request(ctx)));
    }

    private void indicators(Context ctx) {
        String court = ctx.pathParam("court");
        requireCourt(ctx, court);
        requireKnownCourt(court);
        String window = ctx.queryParam("window") == null ? "MONTH" : ctx.queryParam("window").toUpperCase(Locale.ROOT);
        if (!WINDOWS.contains(window)) {
            throw new ApiException(400, "window must be one of " + WINDOWS + ", got '" + ctx.queryParam("window") + "'");
        }
        // subordinates=true|false and category=C narrow the answer to the scopes asked for (the board's heat map and trend).
        Boolean subordinates = ctx.queryParam("subordinates") == null ? null : Boolean.valueOf(ctx.queryParam("subordinates"));
        String category = ctx.queryParam("category") == null ? null : BoardRoutes.category(ctx);
        List<IndicatorAnswer> indicators = router.indicators(court, window, period(ctx.queryParam("period")), subordinates, category,
                request(ctx));
        if (indicators.size() > indicatorLimit) {
            ctx.header("X-Caseflow-Truncated", "true");
            indicators = indicators.subList(0, indicatorLimit);
        }
        ctx.json(indicators);
    }

    /** {@code period=YYYY-MM}: the window ending in that month; absent: the current period. */
    static YearMonth period(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "period must be YYYY-MM, got '" + text + "'");
        }
    }

    static int withinDays(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_WITHIN_DAYS;
        }
        try {
            int days = Integer.parseInt(text.trim());
            if (days >= 0 && days <= MAX_WITHIN_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        throw new ApiException(400, "withinDays must be an integer 0.." + MAX_WITHIN_DAYS + ", got '" + text + "'");
    }

    /** A court the seeds do not know is a 404, not an empty list that looks like a quiet court. */
    void requireKnownCourt(String court) {
        List<JsonNode> known = router.courts();
        if (!known.isEmpty() && known.stream().noneMatch(c -> court.equals(c.path("code").asText()))) {
            throw new ApiException(404, "unknown court " + court);
        }
    }

    static void requireCourt(Context ctx, String court) {
        if (!ApiTokens.allows(courts(ctx), court)) {
            throw new ApiException(403, "this token may not read court " + court);
        }
    }

    static Set<String> courts(Context ctx) {
        Set<String> courts = ctx.attribute(HttpApi.COURTS_ATTRIBUTE);
        return courts == null ? Set.of() : courts;
    }

    static QueryRouter.Request request(Context ctx) {
        String query = ctx.queryString();
        String raw = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        return new QueryRouter.Request(raw, HttpAuth.forwardAuthorization(ctx), ctx.header(PeerClient.FORWARDED_HEADER) != null);
    }
}
