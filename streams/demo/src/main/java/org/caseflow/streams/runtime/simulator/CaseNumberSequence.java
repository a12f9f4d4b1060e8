package org.caseflow.streams.runtime.simulator;

import java.util.HashMap;
import java.util.Map;
import org.caseflow.streams.domain.cases.CaseNumbers;

/**
 * Numbers simulated cases in the official form ({@link CaseNumbers#format}, e.g. {@code (2025)湘0211民初1234号}): a
 * sequence per court, year and type code, counted in filing order. Memory grows with courts × years × types only.
 */
final class CaseNumberSequence {
    private final Map<String, Integer> sequences = new HashMap<>();

    String next(String court, int year, String typeCode) {
        String key = court + '|' + year + '|' + typeCode;
        int n = sequences.merge(key, 1, Integer::sum);
        return CaseNumbers.format(year, court, typeCode, n);
    }
}
