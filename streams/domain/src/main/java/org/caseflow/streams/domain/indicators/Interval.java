package org.caseflow.streams.domain.indicators;

import java.util.Set;

/**
 * A reference interval [low, high], inclusive. {@code illustrative} marks defaults that are not official values (the
 * SPC's intervals are not public). {@code windows} restricts the windows it applies to (e.g. a closure rate is only
 * comparable over 12 months); other windows get {@link Band#NO_INTERVAL}.
 */
public record Interval(double low, double high, boolean illustrative, Set<Window> windows) {
    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval low " + low + " > high " + high);
        }
        windows = Set.copyOf(windows);
    }

    public boolean appliesTo(Window window) {
        return windows.contains(window);
    }
}
