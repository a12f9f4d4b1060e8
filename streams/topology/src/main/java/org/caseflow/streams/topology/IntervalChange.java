package org.caseflow.streams.topology;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which indicator periods a change of the published reference-interval versions can re-band (issue 15): compares two
 * {@link org.caseflow.streams.domain.seeds.ReferenceData#indicatorSignature() signatures} ({@code version@effectiveFrom}
 * lines) and gives the earliest effective month among the versions in one but not the other. A version applies to
 * windows ending on or after its effectiveFrom, so no period ending before that month can change.
 */
final class IntervalChange {
    private IntervalChange() {
    }

    /** The earliest month a period can change in; empty when the two signatures name the same versions. */
    static Optional<YearMonth> earliest(String before, String after) {
        Set<String> a = entries(before);
        Set<String> b = entries(after);
        Set<String> changed = new HashSet<>(a);
        changed.addAll(b);
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        changed.removeAll(common);
        return changed.stream().map(e -> YearMonth.from(LocalDate.parse(e.substring(e.lastIndexOf('@') + 1))))
                .min(YearMonth::compareTo);
    }

    private static Set<String> entries(String signature) {
        Set<String> out = new HashSet<>();
        for (String e : signature.split("\n")) {
            if (!e.isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }
}
