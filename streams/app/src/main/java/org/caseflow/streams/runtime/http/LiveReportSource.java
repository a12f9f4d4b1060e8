package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.caseflow.streams.runtime.report.ReportSource;

/**
 * A report's numbers from the running topology, through the API's distributed reads (every instance asked, as the
 * board's endpoints do): the indicator values of the ledgers for any period, the open cases of the deadline index
 * (as of now), the lineage top of the court tree.
 *
 * @param request the request a peer is asked for a given plain API path (the caller's credentials)
 */
record LiveReportSource(QueryRouter router, ObjectMapper mapper, String root,
        Function<String, QueryRouter.Request> request) implements ReportSource {

    @Override
    public List<JsonNode> indicators(String court, String window, YearMonth period) {
        return router.indicators(court, window, period, request.apply(BoardRoutes.indicatorsPath(court, window, period)))
                .stream().map(v -> (JsonNode) mapper.valueToTree(v)).toList();
    }

    @Override
    public List<OpenCase> openCases(List<String> courts) {
        String path = "/api/v1/courts/" + encode(root) + "/at-risk?withinDays=" + ApiRoutes.MAX_WITHIN_DAYS + "&subordinates=true";
        return router.atRisk(courts, ApiRoutes.MAX_WITHIN_DAYS, request.apply(path)).stream()
                .map(c -> new OpenCase(c.caseId(), c.court(), c.procedure(), c.filedOn(), c.deadline(), c.daysRemaining()))
                .toList();
    }

    @Override
    public List<Lineage> lineage(String court) {
        return router.lineage(court, request.apply("/api/v1/courts/" + encode(court) + "/lineage")).stream()
                .map(v -> new Lineage(v.rootCaseId(), v.caseNumbers()))
                .sorted(java.util.Comparator.comparingLong(Lineage::caseNumbers).reversed().thenComparing(Lineage::rootCaseId))
                .toList();
    }

    private static String encode(String court) {
        return URLEncoder.encode(court, StandardCharsets.UTF_8);
    }
}
