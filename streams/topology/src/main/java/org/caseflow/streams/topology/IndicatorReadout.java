package org.caseflow.streams.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.IndicatorValue;
import org.caseflow.streams.domain.indicators.IndicatorCalculator;
import org.caseflow.streams.domain.indicators.IndicatorResult;
import org.caseflow.streams.domain.indicators.LedgerUpdates;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.indicators.Window;

/**
 * Every indicator of every period, computed from a whole ledger store (replay output, DESIGN.md section 7). For each
 * court scope present in the store (alone or with subordinates) and every category: MONTH and ROLLING_12M for every
 * month from the first month with data to asOf's month, YEAR_TO_DATE for each year (ending in December, or asOf's
 * month in asOf's year). Ordered by scope, includesSubordinates, category, indicator, window, period.
 */
public final class IndicatorReadout {
    private static final Comparator<IndicatorValue> ORDER = Comparator
            .comparing(IndicatorValue::getScope)
            .thenComparing(IndicatorValue::getIncludesSubordinates)
            .thenComparing(IndicatorValue::getCategory)
            .thenComparing(IndicatorValue::getIndicator)
            .thenComparing(v -> Window.valueOf(v.getWindow()))
            .thenComparing(IndicatorValue::getPeriod);

    private IndicatorReadout() {
    }

    public static List<IndicatorValue> everyPeriod(ReadOnlyKeyValueStore<String, byte[]> store,
                                                   IndicatorCalculator calculator, Instant asOf, ZoneId zone) {
        TreeSet<String> courtScopes = new TreeSet<>();
        YearMonth first = null;
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                ScopeKey scope = ScopeKey.parse(kv.key);
                courtScopes.add(scope.court().value() + "|" + scope.includesSubordinates());
                YearMonth m = LedgerUpdates.monthOf(kv.key);
                if (m != null && (first == null || m.isBefore(first))) {
                    first = m;
                }
            }
        }
        LocalDate day = LocalDate.ofInstant(asOf, zone);
        YearMonth now = YearMonth.from(day);
        List<IndicatorValue> out = new ArrayList<>();
        if (first == null || first.isAfter(now)) {
            return out;
        }
        KeyValueLedgerStore ledgers = KeyValueLedgerStore.readOnly(store);
        for (String courtScope : courtScopes) {
            String[] parts = courtScope.split("\\|");
            for (String category : new TreeSet<>(ScopeKey.CATEGORIES)) {
                ScopeKey scope = new ScopeKey(new CourtId(parts[0]), Boolean.parseBoolean(parts[1]), category);
                for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
                    add(out, scope, calculator, Window.MONTH, m, day, ledgers, asOf);
                    add(out, scope, calculator, Window.ROLLING_12M, m, day, ledgers, asOf);
                    if (m.getMonthValue() == 12 || m.equals(now)) {
                        add(out, scope, calculator, Window.YEAR_TO_DATE, m, day, ledgers, asOf);
                    }
                }
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static void add(List<IndicatorValue> out, ScopeKey scope, IndicatorCalculator calculator, Window window,
                            YearMonth period, LocalDate day, KeyValueLedgerStore ledgers, Instant asOf) {
        for (IndicatorResult r : calculator.computeAll(window, period, day, ledgers.view(scope))) {
            out.add(IndicatorValues.of(scope, r, asOf));
        }
    }
}
