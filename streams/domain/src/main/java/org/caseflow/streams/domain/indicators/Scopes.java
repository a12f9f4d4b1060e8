package org.caseflow.streams.domain.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.rules.Category;

/**
 * The scopes a fact attributed to one court counts in. A fact's attribution is its court alone for its category
 * ({@link #attribution}); every scope it counts in follows from that ({@link #fanOut}), so facts can be summed per
 * attribution first and fanned out once per batch ({@link #fanOutAll}).
 */
public final class Scopes {
    private Scopes() {
    }

    /**
     * The court alone, the court with its subordinates, and each ancestor with its subordinates, each for the fact's
     * category and for ALL: at most 2·(2 + ancestors) keys (8 for a basic court under a city under a province).
     *
     * @param ancestors the court registry's ancestors of a court, nearest first (湘0211 → [湘02, 湘])
     */
    public static List<ScopeKey> fanOut(CourtId court, Category category, Function<CourtId, List<CourtId>> ancestors) {
        return fanOut(court, category.name(), ancestors);
    }

    /** {@link #fanOut(CourtId, Category, Function)} from a scope key's category (a category name or ALL). */
    public static List<ScopeKey> fanOut(CourtId court, String category, Function<CourtId, List<CourtId>> ancestors) {
        Set<ScopeKey> keys = new LinkedHashSet<>();
        List<CourtId> up = ancestors.apply(court);
        for (String cat : new String[] {category, ScopeKey.ALL}) {
            keys.add(new ScopeKey(court, false, cat));
            keys.add(new ScopeKey(court, true, cat));
            if (up != null) {
                for (CourtId a : up) {
                    keys.add(new ScopeKey(a, true, cat));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * The court-alone scope of the fact's own court and category: what the fact's other scopes derive from. A fact
     * carries its court as the raw string (the fact topics' form); it becomes a court id here.
     */
    public static ScopeKey attribution(CaseFact fact) {
        return new ScopeKey(CourtId.ofUnchecked(fact.court()), false, fact.category().name());
    }

    /** {@link #fanOut(CourtId, Category, Function)} of a fact's own court and category. */
    public static List<ScopeKey> fanOut(CaseFact fact, Function<CourtId, List<CourtId>> ancestors) {
        return fanOut(CourtId.ofUnchecked(fact.court()), fact.category(), ancestors);
    }

    /**
     * Fans summed deltas, keyed by {@link #attribution}, out to every scope: each scope gets the sum of the deltas of
     * the attributions that count in it. Equal to fanning out each fact on its own, because ledgers only add.
     */
    public static Map<ScopeKey, LedgerDelta> fanOutAll(Map<ScopeKey, LedgerDelta> byAttribution,
                                                       Function<CourtId, List<CourtId>> ancestors) {
        Map<ScopeKey, LedgerDelta> byScope = new LinkedHashMap<>();
        byAttribution.forEach((attribution, delta) -> {
            for (ScopeKey scope : fanOut(attribution.court(), attribution.category(), ancestors)) {
                byScope.computeIfAbsent(scope, k -> new LedgerDelta()).addAll(delta);
            }
        });
        return byScope;
    }
}
