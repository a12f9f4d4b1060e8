package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The court hierarchy of the seeds as the API lists it ({@code code}, {@code parent}, names, level): a court with
 * its subordinate courts, for the president's views (at-risk list over the tree, heat map, report).
 */
record CourtTree(Map<String, JsonNode> courts) {
    static CourtTree of(List<JsonNode> listed) {
        Map<String, JsonNode> courts = new LinkedHashMap<>();
        for (JsonNode court : listed) {
            courts.put(court.path("code").asText(), court);
        }
        return new CourtTree(courts);
    }

    /** {@code court} first, then its subordinate courts depth first, each level in code order. */
    List<String> withSubordinates(String court) {
        List<String> out = new ArrayList<>();
        add(court, out);
        return out;
    }

    private void add(String court, List<String> out) {
        out.add(court);
        courts.values().stream().filter(c -> court.equals(c.path("parent").asText(null)))
                .map(c -> c.path("code").asText()).sorted().forEach(child -> add(child, out));
    }

    /** The court's seed entry, or null when unknown. */
    JsonNode get(String court) {
        return courts.get(court);
    }

    boolean isBasic(String court) {
        JsonNode node = courts.get(court);
        return node == null || "BASIC".equals(node.path("level").asText());
    }
}
