package org.caseflow.streams.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A court of the seeds as the report names it; {@link #tree} orders a court and its subordinate courts. */
public record ReportCourt(String code, String name, String nameEn, String level, String parent) {
    static ReportCourt of(JsonNode node) {
        return new ReportCourt(node.path("code").asText(), node.path("name").asText(), node.path("nameEn").asText(),
                node.path("level").asText(), node.path("parent").isNull() ? null : node.path("parent").asText(null));
    }

    /** {@code root} first, then its subordinate courts depth first in code order; the list's courts only. */
    public static List<ReportCourt> tree(List<JsonNode> courts, String root) {
        List<ReportCourt> all = courts.stream().map(ReportCourt::of).toList();
        List<ReportCourt> out = new ArrayList<>();
        all.stream().filter(c -> c.code().equals(root)).findFirst().ifPresent(c -> add(c, all, out));
        return out;
    }

    private static void add(ReportCourt court, List<ReportCourt> all, List<ReportCourt> out) {
        out.add(court);
        all.stream().filter(c -> court.code().equals(c.parent())).sorted(java.util.Comparator.comparing(ReportCourt::code))
                .forEach(c -> add(c, all, out));
    }

    public boolean basic() {
        return "BASIC".equals(level);
    }
}
