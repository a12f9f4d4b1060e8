package org.caseflow.streams.topology;

import java.time.Instant;
import org.caseflow.events.IndicatorValue;
import org.caseflow.streams.domain.indicators.IndicatorResult;
import org.caseflow.streams.domain.indicators.ScopeKey;

/** The Avro form and the compacted-topic key of one computed indicator (topic {@link TopicNames#indicators()}). */
public final class IndicatorValues {
    private IndicatorValues() {
    }

    /** {@code scope|includesSubordinates|category|indicator|window|period}, e.g. {@code 湘02|true|ALL|FILINGS|MONTH|2025-03}. */
    public static String key(IndicatorValue v) {
        return v.getScope() + "|" + v.getIncludesSubordinates() + "|" + v.getCategory() + "|" + v.getIndicator()
                + "|" + v.getWindow() + "|" + v.getPeriod();
    }

    public static IndicatorValue of(ScopeKey scope, IndicatorResult r, Instant computedAt) {
        return IndicatorValue.newBuilder()
                .setScope(scope.court().value())
                .setIncludesSubordinates(scope.includesSubordinates())
                .setCategory(scope.category())
                .setIndicator(r.indicator())
                .setWindow(r.window().name())
                .setPeriod(r.period())
                .setValue(r.value())
                .setNumerator(r.numerator())
                .setDenominator(r.denominator())
                .setPreviousYearValue(r.previousYearValue())
                .setBand(r.band().name())
                .setComputedAt(computedAt)
                .build();
    }
}
