package org.caseflow.streams.runtime.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.CourtLevel;
import org.caseflow.streams.domain.indicators.Window;
import org.caseflow.streams.topology.IndicatorExport;

/**
 * Reads and writes the {@code caseflow.indicators.export.*} keys: which indicators become Prometheus series.
 * Scopes are a comma-separated list of court codes and {@code level:LEVEL} entries ({@code level:INTERMEDIATE}: every
 * intermediate court, i.e. each city's court); {@code *} or nothing = every court. Windows are a comma-separated
 * list of {@link Window} names.
 */
final class IndicatorExportSetting {
    static final String LEVEL_PREFIX = "level:";
    static final String EVERY_COURT = "*";

    private IndicatorExportSetting() {
    }

    static IndicatorExport parse(String scopes, String windows, int maxSeries, List<String> problems) {
        Set<CourtId> courts = new LinkedHashSet<>();
        Set<CourtLevel> levels = EnumSet.noneOf(CourtLevel.class);
        boolean every = false;
        for (String entry : entries(scopes)) {
            if (entry.equals(EVERY_COURT)) {
                every = true;
            } else if (entry.startsWith(LEVEL_PREFIX)) {
                String level = entry.substring(LEVEL_PREFIX.length()).trim().toUpperCase(Locale.ROOT);
                try {
                    levels.add(CourtLevel.valueOf(level));
                } catch (IllegalArgumentException e) {
                    problems.add(ConfigKeys.INDICATORS_EXPORT_SCOPES + ": unknown court level '" + level
                            + "' (allowed: " + List.of(CourtLevel.values()) + ")");
                }
            } else {
                courts.add(new CourtId(entry));
            }
        }
        if (every) {
            courts.clear();
            levels.clear();
        }
        Set<Window> exported = EnumSet.noneOf(Window.class);
        for (String entry : entries(windows)) {
            try {
                exported.add(Window.valueOf(entry.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(ConfigKeys.INDICATORS_EXPORT_WINDOWS + ": unknown window '" + entry + "' (allowed: "
                        + List.of(Window.values()) + ")");
            }
        }
        if (exported.isEmpty()) {
            if (entries(windows).isEmpty()) {
                problems.add(ConfigKeys.INDICATORS_EXPORT_WINDOWS + ": name at least one of " + List.of(Window.values()));
            }
            exported = EnumSet.of(Window.ROLLING_12M); // only reached with a problem recorded
        }
        return new IndicatorExport(courts, levels, exported, maxSeries);
    }

    /** The scopes value that {@link #parse} reads back to the same export. */
    static String scopesText(IndicatorExport export) {
        if (export.courts().isEmpty() && export.levels().isEmpty()) {
            return EVERY_COURT;
        }
        List<String> out = new ArrayList<>(new TreeSet<>(export.courts()).stream().map(CourtId::value).toList());
        export.levels().stream().sorted().forEach(l -> out.add(LEVEL_PREFIX + l.name()));
        return String.join(",", out);
    }

    static String windowsText(IndicatorExport export) {
        return String.join(",", export.windows().stream().sorted().map(Enum::name).toList());
    }

    private static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
