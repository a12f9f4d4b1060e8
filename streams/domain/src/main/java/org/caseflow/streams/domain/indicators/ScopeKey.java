package org.caseflow.streams.domain.indicators;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.rules.Category;

/**
 * One indicator scope: a court alone or with all its subordinate courts, for one category (or ALL).
 * Its store key form is {@code court|tree|CATEGORY} or {@code court|court|CATEGORY}; month ledgers are keyed
 * {@code <scope key>|yyyy-MM} and the running total {@code <scope key>|total}, so one scope's keys are contiguous
 * and months sort in order. The court is typed; the key form (in changelogs and on the indicators topic) is its raw
 * string, written by {@link #encode()} and read by {@link #parse}, the only two places that spell it.
 */
public record ScopeKey(CourtId court, boolean includesSubordinates, String category) {
    public static final String ALL = "ALL";
    /** ALL and the name of every {@link Category}, in that order: the categories a scope can be for. */
    public static final Set<String> CATEGORIES = Stream.concat(Stream.of(ALL), Arrays.stream(Category.values()).map(Enum::name))
            .collect(Collectors.collectingAndThen(Collectors.toCollection(LinkedHashSet::new), Collections::unmodifiableSet));
    private static final String TREE = "tree";
    private static final String COURT = "court";

    public ScopeKey {
        if (court == null || court.value().contains("|")) {
            throw new IllegalArgumentException("bad scope court code: " + court);
        }
        if (category == null || !CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("bad category " + category + ", expected one of " + CATEGORIES);
        }
    }

    public String encode() {
        return court.value() + "|" + (includesSubordinates ? TREE : COURT) + "|" + category;
    }

    public String monthKey(YearMonth month) {
        return encode() + "|" + month;
    }

    public String totalKey() {
        return encode() + "|total";
    }

    /** Parses {@link #encode()}'s form (also accepts a month or total key and ignores the suffix). */
    public static ScopeKey parse(String key) {
        String[] parts = key.split("\\|");
        if (parts.length < 3 || !(TREE.equals(parts[1]) || COURT.equals(parts[1]))) {
            throw new IllegalArgumentException("not a scope key: " + key);
        }
        return new ScopeKey(CourtId.ofUnchecked(parts[0]), TREE.equals(parts[1]), parts[2]);
    }
}
