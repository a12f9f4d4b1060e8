package org.caseflow.streams.runtime.http;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One page of a court tree's at-risk list, filtered and sorted on the server so the board stays quick at 10,000
 * cases: the browser receives {@code limit} rows and the choices of its filters, never the whole list.
 *
 * @param total  rows after filtering
 * @param facets the values each filter may take (levels, procedures, judges, courts), from the unfiltered list
 */
record AtRiskPage(int total, int offset, int limit, String sort, boolean desc, List<AtRiskCase> rows,
        Map<String, List<String>> facets) {
    static final int MAX_LIMIT = 500;
    static final Map<String, Comparator<AtRiskCase>> SORTS = Map.of(
            "deadline", Comparator.comparing(AtRiskCase::deadline, Comparator.nullsLast(Comparator.naturalOrder())),
            "daysRemaining", Comparator.comparingInt(AtRiskCase::daysRemaining),
            "caseId", Comparator.comparing(AtRiskCase::caseId),
            "court", by(AtRiskCase::court),
            "procedure", by(AtRiskCase::procedure),
            "judge", by(AtRiskCase::judge),
            "level", Comparator.comparingInt(AtRiskPage::severity),
            "filedOn", Comparator.comparing(AtRiskCase::filedOn, Comparator.nullsLast(Comparator.naturalOrder())));

    /** The filters a request may set; null or blank = any. */
    record Filter(String level, String procedure, String judge, String court) {
        boolean accepts(AtRiskCase c) {
            return matches(level, c.level() == null ? "NONE" : c.level()) && matches(procedure, c.procedure())
                    && matches(judge, c.judge()) && matches(court, c.court());
        }

        private static boolean matches(String wanted, String actual) {
            return wanted == null || wanted.isBlank() || wanted.equals(actual);
        }
    }

    static AtRiskPage of(List<AtRiskCase> all, Filter filter, String sort, boolean desc, int offset, int limit) {
        Comparator<AtRiskCase> order = SORTS.get(sort);
        if (order == null) {
            throw new ApiException(400, "sort must be one of " + new TreeSet<>(SORTS.keySet()) + ", got '" + sort + "'");
        }
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(400, "offset must be >= 0 and limit 1.." + MAX_LIMIT);
        }
        order = desc ? order.reversed() : order;
        List<AtRiskCase> matching = all.stream().filter(filter::accepts)
                .sorted(order.thenComparing(AtRiskCase::caseId)).toList();
        List<AtRiskCase> rows = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        Map<String, List<String>> facets = Map.of(
                "level", values(all, c -> c.level() == null ? "NONE" : c.level()),
                "procedure", values(all, AtRiskCase::procedure),
                "judge", values(all, AtRiskCase::judge),
                "court", values(all, AtRiskCase::court));
        return new AtRiskPage(matching.size(), offset, limit, sort, desc, List.copyOf(rows), facets);
    }

    /** OVERDUE first when sorted descending: the alert ladder, not the alphabet. */
    static int severity(AtRiskCase c) {
        String level = c.level() == null ? "" : c.level().toUpperCase(Locale.ROOT);
        return switch (level) {
            case "OVERDUE" -> 5;
            case "BREACHED" -> 4;
            case "CRITICAL" -> 3;
            case "WARNING" -> 2;
            case "NOTICE" -> 1;
            default -> 0;
        };
    }

    private static Comparator<AtRiskCase> by(Function<AtRiskCase, String> field) {
        return Comparator.comparing(field, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static List<String> values(List<AtRiskCase> all, Function<AtRiskCase, String> field) {
        return all.stream().map(field).filter(Objects::nonNull).distinct().sorted().toList();
    }
}
