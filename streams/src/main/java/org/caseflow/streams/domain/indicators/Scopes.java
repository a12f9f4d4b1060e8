package org.caseflow.streams.domain.indicators;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The scopes a fact attributed to one court counts in. */
public final class Scopes {
    private Scopes() {
    }

    /**
     * The court alone, the court with its subordinates, and each ancestor with its subordinates, each for the fact's
     * category and for ALL: at most 2·(2 + ancestors) keys (8 for a basic court under a city under a province).
     *
     * @param ancestors the court registry's ancestors of a court, nearest first (湘0211 → [湘02, 湘])
     */
    public static List<ScopeKey> fanOut(String court, String category, Function<String, List<String>> ancestors) {
        Set<ScopeKey> keys = new LinkedHashSet<>();
        List<String> up = ancestors.apply(court);
        for (String cat : new String[] {category, ScopeKey.ALL}) {
            keys.add(new ScopeKey(court, false, cat));
            keys.add(new ScopeKey(court, true, cat));
            if (up != null) {
                for (String a : up) {
                    keys.add(new ScopeKey(a, true, cat));
                }
            }
        }
        return new ArrayList<>(keys);
    }
}
