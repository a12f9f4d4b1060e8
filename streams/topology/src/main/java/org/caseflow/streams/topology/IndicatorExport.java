package org.caseflow.streams.topology;

import java.util.EnumSet;
import java.util.Set;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.CourtLevel;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.indicators.Window;

/**
 * Which current-period indicator values become Prometheus series ({@code caseflow_indicator} and
 * {@code caseflow_indicator_previous_year}): the rest of the indicators still go to the indicators topic and the
 * JSON API. Every exported (scope, category, indicator, window) costs two series, so this is the knob of the
 * metrics budget (docs/operations.md, "Metrics budget").
 *
 * @param courts    courts exported (alone and with their subordinates)
 * @param levels    courts of these levels are exported too; with {@code courts} both empty every court is
 * @param windows   windows exported; never empty
 * @param maxSeries at most this many indicator series (both names together); past it no new one is registered and
 *                  a warning is logged once
 */
public record IndicatorExport(Set<CourtId> courts, Set<CourtLevel> levels, Set<Window> windows, int maxSeries) {
    public IndicatorExport {
        courts = Set.copyOf(courts);
        levels = levels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(levels));
        windows = Set.copyOf(windows);
        if (windows.isEmpty() || maxSeries < 0) {
            throw new IllegalArgumentException("indicator export needs a window and a non-negative limit");
        }
    }

    /** Every court and window, up to {@code maxSeries}: what a topology test wants to look at. */
    public static IndicatorExport everything(int maxSeries) {
        return new IndicatorExport(Set.of(), Set.of(), EnumSet.allOf(Window.class), maxSeries);
    }

    public boolean exportsWindow(Window window) {
        return windows.contains(window);
    }

    /** Whether the scopes of {@code court} (alone and with subordinates) are exported. */
    public boolean exportsCourt(CourtId court, CourtRegistry registry) {
        if (courts.isEmpty() && levels.isEmpty()) {
            return true;
        }
        return courts.contains(court)
                || registry.find(court).map(c -> levels.contains(c.level())).orElse(false);
    }
}
