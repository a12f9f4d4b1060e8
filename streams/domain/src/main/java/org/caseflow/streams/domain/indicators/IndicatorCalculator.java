package org.caseflow.streams.domain.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Computes indicators for one scope from its ledgers (DOMAIN.md §4). Flow indicators sum the window's months; point-in-
 * time indicators are evaluated at the window's end month, or at asOf's month when the window contains asOf, so they
 * move with the clock. Reads at most the 48 months before the evaluation month (36 for the age buckets + 12 for 同比)
 * plus the months from there to asOf; cost is independent of the number of cases.
 */
public final class IndicatorCalculator {
    private final IndicatorDefinitions definitions;
    private final Function<YearMonth, IndicatorDefinitions> inForce;

    public IndicatorCalculator(IndicatorDefinitions definitions) {
        this(definitions, period -> definitions);
    }

    /**
     * Bands against the reference intervals in force for each period (issue 15): {@code inForce} gives the
     * definitions whose interval version applies to a window ending in that month; a published version differs
     * from {@code definitions} only in interval bounds ({@link IndicatorDefinitions#requireOnlyIntervalBoundsDiffer}).
     */
    public IndicatorCalculator(IndicatorDefinitions definitions, Function<YearMonth, IndicatorDefinitions> inForce) {
        this.definitions = definitions;
        this.inForce = inForce;
    }

    /** The codes this calculator computes; indicators.yaml must define exactly these. */
    public static Set<String> knownCodes() {
        return Formulas.ALL.keySet();
    }

    /**
     * @param period the window's end month (for YEAR_TO_DATE: January .. period)
     * @param asOf   the current day: point-in-time indicators of a window containing it are evaluated at its month,
     *               and no month after asOf's next month is read
     */
    public IndicatorResult compute(String indicator, Window window, YearMonth period, LocalDate asOf,
                                   LedgerView view) {
        IndicatorDefinition def = inForce.apply(period).get(indicator);
        Function<Frame, Measure> formula = Formulas.ALL.get(indicator);
        if (formula == null) {
            throw new IndicatorException("no formula for indicator " + indicator);
        }
        Frame frame = frame(window, period, asOf, view);
        Measure now = formula.apply(frame);
        Measure before = formula.apply(frame.previousYear());
        return new IndicatorResult(indicator, window, window.periodString(period), now.value(), now.numerator(),
                now.denominator(), before.value(), def.band(now.value(), window));
    }

    /** Every defined indicator for one window and period, reading each ledger once. */
    public List<IndicatorResult> computeAll(Window window, YearMonth period, LocalDate asOf, LedgerView view) {
        LedgerView cached = LedgerView.cached(view);
        List<IndicatorResult> out = new ArrayList<>();
        for (IndicatorDefinition def : definitions.all()) {
            out.add(compute(def.code(), window, period, asOf, cached));
        }
        return out;
    }

    static Frame frame(Window window, YearMonth period, LocalDate asOf, LedgerView view) {
        YearMonth from = window.firstMonth(period);
        YearMonth now = YearMonth.from(asOf);
        YearMonth eval = !now.isBefore(from) && !now.isAfter(period) ? now : period;
        YearMonth horizon = (now.isAfter(period) ? now : period).plusMonths(1);
        return new Frame(from, period, eval, horizon, view);
    }
}
