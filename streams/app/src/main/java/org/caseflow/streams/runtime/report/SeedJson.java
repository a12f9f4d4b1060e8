package org.caseflow.streams.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.indicators.IndicatorDefinition;
import org.caseflow.streams.domain.seeds.Seeds;

/** The seeds' courts and indicator definitions in the JSON form of the API ({@code /courts}, {@code /indicator-definitions}). */
public final class SeedJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedJson() {
    }

    /** Code, name, nameEn, level, parent; in code order. */
    public static List<JsonNode> courts(Seeds seeds) {
        return courts(seeds.courts());
    }

    /** The same for a court registry in force (courts added live included, issue 15). */
    public static List<JsonNode> courts(org.caseflow.streams.domain.courts.CourtRegistry registry) {
        return registry.all().stream().sorted(Comparator.comparing(c -> c.code())).map(c -> {
            ObjectNode court = JSON.createObjectNode().put("code", c.code().value()).put("name", c.name())
                    .put("nameEn", c.nameEn()).put("level", c.level().name());
            court.put("parent", CourtId.raw(c.parent()));
            return (JsonNode) court;
        }).toList();
    }

    /** Code, Chinese and English names, formula, direction, unit, pointInTime and the interval when there is one. */
    public static List<JsonNode> indicatorDefinitions(Seeds seeds) {
        return seeds.indicators().all().stream().map(SeedJson::definition).toList();
    }

    /** The same for definitions of a published interval version; each entry names the version it comes from. */
    public static List<JsonNode> indicatorDefinitions(org.caseflow.streams.domain.indicators.IndicatorDefinitions d) {
        String version = d.version().version();
        return d.all().stream().map(x -> (JsonNode) ((ObjectNode) definition(x)).put("version", version)).toList();
    }

    private static JsonNode definition(IndicatorDefinition d) {
        ObjectNode node = JSON.createObjectNode().put("code", d.code()).put("nameZh", d.nameZh())
                .put("nameEn", d.nameEn()).put("formula", d.formula()).put("direction", d.direction().name())
                .put("unit", d.unit()).put("pointInTime", d.pointInTime());
        if (d.interval() != null) {
            node.set("interval", JSON.valueToTree(d.interval()));
        }
        return node;
    }
}
