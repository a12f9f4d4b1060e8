package org.caseflow.streams.runtime.simulator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Case numbers in the official form {@code (2025)湘0211民初1234号}: a sequence per court, year and
 * kind, counted in filing order. Memory grows with courts × years × kinds only.
 */
final class CaseNumbers {
    private final Map<String, Integer> sequences = new HashMap<>();

    String next(String court, int year, String kind) {
        String key = court + '|' + year + '|' + kind;
        int n = sequences.merge(key, 1, Integer::sum);
        return String.format(Locale.ROOT, "(%d)%s%s%d号", year, court, kind, n);
    }
}
