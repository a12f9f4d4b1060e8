package org.caseflow.streams.topology;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.indicators.Window;

/**
 * One (scope, window, period) whose indicators must be (re)published: the key of
 * {@link StoreNames#INDICATOR_DIRTY}, {@code scope|tree|CATEGORY|WINDOW|period}. {@code period} is the output form:
 * {@code YYYY-MM} for MONTH and ROLLING_12M (end month), {@code YYYY} for YEAR_TO_DATE, whose end month is resolved
 * against the clock when computed (December of a past year, the current month of the current year).
 */
record IndicatorPeriod(ScopeKey scope, Window window, String period) {
    /** Corrections older than this are stored but not republished (docs/indicators.md section 4). */
    static final int REPUBLISH_MONTHS = 24;

    String encode() {
        return scope.encode() + "|" + window + "|" + period;
    }

    static IndicatorPeriod parse(String key) {
        String[] parts = key.split("\\|");
        if (parts.length != 5) {
            throw new IllegalArgumentException("not an indicator period key: " + key);
        }
        return new IndicatorPeriod(ScopeKey.parse(key), Window.valueOf(parts[3]), parts[4]);
    }

    /** The window's end month when the clock is in month {@code now}. */
    YearMonth endMonth(YearMonth now) {
        if (window != Window.YEAR_TO_DATE) {
            return YearMonth.parse(period);
        }
        int year = Integer.parseInt(period);
        if (year == now.getYear()) {
            return now;
        }
        return year < now.getYear() ? YearMonth.of(year, 12) : YearMonth.of(year, 1);
    }

    /** True when this is the period containing {@code now} (what the gauges show). */
    boolean isCurrent(YearMonth now) {
        return window == Window.YEAR_TO_DATE ? Integer.parseInt(period) == now.getYear()
                : YearMonth.parse(period).equals(now);
    }

    /** The current period of each window. */
    static List<IndicatorPeriod> current(ScopeKey scope, YearMonth now) {
        return List.of(new IndicatorPeriod(scope, Window.MONTH, now.toString()),
                new IndicatorPeriod(scope, Window.YEAR_TO_DATE, Integer.toString(now.getYear())),
                new IndicatorPeriod(scope, Window.ROLLING_12M, now.toString()));
    }

    /**
     * The periods a fact dated in month {@code m} changes, seen in month {@code now}: every MONTH and ROLLING_12M
     * period ending from m to now (flows in windows containing m, their 同比 a year later, and the stocks at every
     * month end from m on) and YEAR_TO_DATE of each of those years, bounded to the last {@link #REPUBLISH_MONTHS}.
     * For the usual fact of the current month that is just the three current periods.
     */
    static List<IndicatorPeriod> touchedBy(ScopeKey scope, YearMonth m, YearMonth now) {
        YearMonth oldest = now.minusMonths(REPUBLISH_MONTHS - 1L);
        YearMonth from = m.isBefore(oldest) ? oldest : m;
        YearMonth to = m.isAfter(now) ? m : now;
        List<IndicatorPeriod> out = new ArrayList<>();
        for (YearMonth p = from; !p.isAfter(to); p = p.plusMonths(1)) {
            out.add(new IndicatorPeriod(scope, Window.MONTH, p.toString()));
            out.add(new IndicatorPeriod(scope, Window.ROLLING_12M, p.toString()));
            if (p.equals(from) || p.getMonthValue() == 1) {
                out.add(new IndicatorPeriod(scope, Window.YEAR_TO_DATE, Integer.toString(p.getYear())));
            }
        }
        return out;
    }
}
