package org.caseflow.streams.domain.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caseflow.streams.domain.seeds.SeedFiles;

/**
 * The indicator definitions of {@code seeds/indicators/indicators.yaml}: names, formula text, source, direction,
 * unit and (illustrative) reference interval per code. Loading validates every entry and that the file defines
 * exactly the codes {@link IndicatorCalculator} computes.
 */
public final class IndicatorDefinitions {
    public static final String SEED_PATH = "indicators/indicators.yaml";
    private static final Set<String> UNITS = Set.of("COUNT", "RATIO", "DAYS", "X");
    private static final Set<String> FIELDS = Set.of("code", "nameZh", "nameEn", "formula", "source", "direction",
            "unit", "pointInTime", "interval");

    private final Map<String, IndicatorDefinition> byCode;

    private final org.caseflow.streams.domain.seeds.ReferenceVersion version;

    private IndicatorDefinitions(Map<String, IndicatorDefinition> byCode,
            org.caseflow.streams.domain.seeds.ReferenceVersion version) {
        this.byCode = byCode;
        this.version = version;
    }

    /** The definitions' version as the file states it (the reference intervals change with it). */
    public org.caseflow.streams.domain.seeds.ReferenceVersion version() {
        return version;
    }

    /** Loads {@code <seeds>/indicators/indicators.yaml}. */
    public static IndicatorDefinitions fromSeeds(Path seedsDir, SeedFiles files) {
        return load(seedsDir.resolve(SEED_PATH), files);
    }

    /** Loads an indicators file; one that cannot be read fails as an invalid definition (as every other failure). */
    public static IndicatorDefinitions load(Path file, SeedFiles files) {
        byte[] content;
        try {
            content = files.bytes(file);
        } catch (IOException e) {
            throw new IndicatorDefinitionException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file, content);
    }

    /** Parses the text of an indicators file named {@code file} (a published version, issue 15). */
    public static IndicatorDefinitions parse(Path file, byte[] content) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(content);
        } catch (JsonProcessingException e) {
            throw new IndicatorDefinitionException(file + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""), e);
        } catch (IOException e) {
            throw new IndicatorDefinitionException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("indicators");
        if (list == null || !list.isArray()) {
            throw new IndicatorDefinitionException(file + ": expected a top-level list 'indicators'");
        }
        Map<String, IndicatorDefinition> byCode = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            IndicatorDefinition def = parse(file, i + 1, list.get(i));
            if (byCode.put(def.code(), def) != null) {
                throw new IndicatorDefinitionException(file + ": entry " + (i + 1) + " (" + def.code()
                        + "): duplicate code");
            }
        }
        Set<String> missing = new TreeSet<>(IndicatorCalculator.knownCodes());
        missing.removeAll(byCode.keySet());
        Set<String> unknown = new TreeSet<>(byCode.keySet());
        unknown.removeAll(IndicatorCalculator.knownCodes());
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IndicatorDefinitionException(file + ": codes must match the calculator's; missing " + missing
                    + ", unknown " + unknown);
        }
        return new IndicatorDefinitions(byCode, org.caseflow.streams.domain.seeds.ReferenceVersion.read(file,
                text(root.get("version")), text(root.get("effectiveFrom"))));
    }

    /**
     * Refuses (naming {@code file}, the entry and the reason) a published version that changes more than the bounds
     * of existing reference intervals: {@code low}, {@code high} and {@code illustrative} may change live; names,
     * formula, direction, unit, pointInTime, and whether an indicator has an interval and for which windows, take a
     * redeploy, because the gauges, the board's columns and the band's meaning were set up from them at start.
     */
    public void requireOnlyIntervalBoundsDiffer(IndicatorDefinitions base, Path file) {
        int n = 0;
        for (IndicatorDefinition mine : byCode.values()) {
            n++;
            IndicatorDefinition theirs = base.byCode.get(mine.code());
            String where = file + ": entry " + n + " (" + mine.code() + ")";
            if (theirs == null) {
                throw new IndicatorDefinitionException(where + ": not in the seeds (redeploy to add an indicator)");
            }
            IndicatorDefinition same = new IndicatorDefinition(mine.code(), mine.nameZh(), mine.nameEn(), mine.formula(),
                    mine.source(), mine.direction(), mine.unit(), mine.pointInTime(), theirs.interval());
            if (!same.equals(theirs)) {
                throw new IndicatorDefinitionException(where + ": only interval low, high and illustrative can be"
                        + " published live; names, formula, source, direction, unit and pointInTime differ from the"
                        + " seeds (redeploy for those)");
            }
            if ((mine.interval() == null) != (theirs.interval() == null)) {
                throw new IndicatorDefinitionException(where + ": interval " + (mine.interval() == null ? "removed"
                        : "added") + "; only an existing interval's bounds can be published live (redeploy for that)");
            }
            if (mine.interval() != null && !mine.interval().windows().equals(theirs.interval().windows())) {
                throw new IndicatorDefinitionException(where + ": interval windows " + new TreeSet<>(
                        mine.interval().windows()) + " differ from the seeds' " + new TreeSet<>(theirs.interval().windows())
                        + "; only the bounds can be published live (redeploy for that)");
            }
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    public IndicatorDefinition get(String code) {
        IndicatorDefinition def = byCode.get(code);
        if (def == null) {
            throw new IndicatorException("unknown indicator " + code);
        }
        return def;
    }

    public List<IndicatorDefinition> all() {
        return List.copyOf(byCode.values());
    }

    public Set<String> codes() {
        return byCode.keySet();
    }

    private static IndicatorDefinition parse(Path file, int n, JsonNode e) {
        String where = file + ": entry " + n;
        if (e == null || !e.isObject()) {
            throw new IndicatorDefinitionException(where + ": expected a mapping");
        }
        String code = text(where, e, "code");
        where = where + " (" + code + ")";
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IndicatorDefinitionException(where + ": code must be UPPER_SNAKE_CASE");
        }
        for (var it = e.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IndicatorDefinitionException(where + ": unknown field '" + f + "'");
            }
        }
        Direction direction = parseEnum(where, Direction.class, text(where, e, "direction"), "direction");
        String unit = text(where, e, "unit");
        if (!UNITS.contains(unit)) {
            throw new IndicatorDefinitionException(where + ": unit must be one of " + new TreeSet<>(UNITS));
        }
        JsonNode pit = e.get("pointInTime");
        if (pit == null || !pit.isBoolean()) {
            throw new IndicatorDefinitionException(where + ": pointInTime must be true or false");
        }
        Interval interval = interval(where, e.get("interval"));
        if (interval != null && direction == Direction.NEUTRAL) {
            throw new IndicatorDefinitionException(where + ": a NEUTRAL indicator has no interval");
        }
        return new IndicatorDefinition(code, text(where, e, "nameZh"), text(where, e, "nameEn"),
                text(where, e, "formula"), text(where, e, "source"), direction, unit, pit.booleanValue(), interval);
    }

    private static Interval interval(String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode low = node.get("low");
        JsonNode high = node.get("high");
        JsonNode illustrative = node.get("illustrative");
        if (low == null || !low.isNumber() || high == null || !high.isNumber()) {
            throw new IndicatorDefinitionException(where + ": interval needs numeric low and high");
        }
        if (low.doubleValue() > high.doubleValue()) {
            throw new IndicatorDefinitionException(where + ": interval low " + low + " is above high " + high);
        }
        if (illustrative == null || !illustrative.isBoolean()) {
            throw new IndicatorDefinitionException(where + ": interval must say illustrative: true|false");
        }
        Set<Window> windows = EnumSet.allOf(Window.class);
        JsonNode w = node.get("windows");
        if (w != null && !w.isNull()) {
            if (!w.isArray() || w.isEmpty()) {
                throw new IndicatorDefinitionException(where + ": interval windows must be a non-empty list");
            }
            List<Window> listed = new ArrayList<>();
            for (JsonNode x : w) {
                listed.add(parseEnum(where, Window.class, x.asText(), "interval window"));
            }
            windows = EnumSet.copyOf(listed);
        }
        return new Interval(low.doubleValue(), high.doubleValue(), illustrative.booleanValue(), windows);
    }

    private static String text(String where, JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IndicatorDefinitionException(where + ": missing or empty '" + field + "'");
        }
        return v.asText().trim();
    }

    private static <E extends Enum<E>> E parseEnum(String where, Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IndicatorDefinitionException(where + ": " + field + " '" + value + "' is not one of "
                    + EnumSet.allOf(type));
        }
    }
}
