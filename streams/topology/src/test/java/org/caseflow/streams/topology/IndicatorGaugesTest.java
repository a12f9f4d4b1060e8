package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumSet;
import java.util.Set;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.domain.courts.CourtLevel;
import org.caseflow.streams.domain.indicators.Band;
import org.caseflow.streams.domain.indicators.IndicatorResult;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.indicators.Window;
import org.caseflow.streams.domain.rules.Category;
import org.junit.jupiter.api.Test;

/** What the indicator gauges export (the metrics budget's main knob) and what they read before any data. */
class IndicatorGaugesTest {
    private static final IndicatorExport CITY_COURTS_12M = new IndicatorExport(Set.of(),
            Set.of(CourtLevel.INTERMEDIATE), Set.of(Window.ROLLING_12M), 700);
    private static final ScopeKey CITY = new ScopeKey(new CourtId("湘02"), true, "ALL");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private IndicatorGauges gauges(IndicatorExport export) {
        return new IndicatorGauges(registry, export, IndicatorDriver.SEEDS.courts(), IndicatorDriver.SEEDS.indicators());
    }

    private static IndicatorResult result(String indicator, Window window, Double value, Double previousYear) {
        return new IndicatorResult(indicator, window, "2025-03", value, value, null, previousYear, Band.NO_INTERVAL);
    }

    private double indicator(String name, ScopeKey scope, String indicator, Window window) {
        return registry.get(name).tags("scope", scope.court().value(), "subordinates", Boolean.toString(scope
                .includesSubordinates()), "category", scope.category(), "indicator", indicator, "window",
                window.name()).gauge().value();
    }

    @Test
    void shouldReadZeroOpenAndOverdueCasesForEveryCourtOfTheSeedsBeforeAnyData() {
        gauges(CITY_COURTS_12M);
        for (Court court : IndicatorDriver.SEEDS.courts().all()) {
            for (String category : java.util.stream.Stream.of(Category.values()).map(Enum::name).toList()) {
                assertThat(registry.get(CaseGauges.OPEN).tags("court", court.code().value(), "category", category).gauge()
                        .value()).isZero();
                assertThat(registry.get(CaseGauges.OVERDUE).tags("court", court.code().value(), "category", category).gauge()
                        .value()).isZero();
            }
        }
    }

    @Test
    void shouldExportTheValueAndTheValueAYearEarlierOfTheExportedCourtsAndWindowsOnly() {
        IndicatorGauges gauges = gauges(CITY_COURTS_12M);
        gauges.update(CITY, result("FILINGS", Window.ROLLING_12M, 40.0, 30.0));
        gauges.update(CITY, result("APPEAL_RATE", Window.ROLLING_12M, 0.1, null));
        gauges.update(CITY, result("FILINGS", Window.MONTH, 4.0, 3.0));
        gauges.update(new ScopeKey(new CourtId("湘0211"), false, "ALL"), result("FILINGS", Window.ROLLING_12M, 9.0, 8.0));

        assertThat(indicator(IndicatorGauges.INDICATOR, CITY, "FILINGS", Window.ROLLING_12M)).isEqualTo(40.0);
        assertThat(indicator(IndicatorGauges.PREVIOUS_YEAR, CITY, "FILINGS", Window.ROLLING_12M)).isEqualTo(30.0);
        assertThat(indicator(IndicatorGauges.PREVIOUS_YEAR, CITY, "APPEAL_RATE", Window.ROLLING_12M)).isNaN();
        assertThat(registry.find(IndicatorGauges.INDICATOR).tag("window", "MONTH").gauges()).as("window").isEmpty();
        assertThat(registry.find(IndicatorGauges.INDICATOR).tag("scope", "湘0211").gauges()).as("basic court").isEmpty();
        assertThat(registry.find(IndicatorGauges.INDICATOR).gauges()).hasSize(2);
    }

    @Test
    void shouldExportTheReferenceIntervalsThatApplyToTheExportedWindows() {
        gauges(new IndicatorExport(Set.of(), Set.of(), Set.of(Window.MONTH), 700));
        assertThat(registry.get(IndicatorGauges.INTERVAL).tags("indicator", "CLEARANCE_RATE", "window", "MONTH",
                "bound", "low", "direction", "HIGHER_IS_BETTER").gauge().value()).isEqualTo(0.95);
        assertThat(registry.get(IndicatorGauges.INTERVAL).tags("indicator", "CLEARANCE_RATE", "bound", "high")
                .gauge().value()).isEqualTo(1.05);
        // The closure rate's interval holds for 12 months only (seeds/indicators).
        assertThat(registry.find(IndicatorGauges.INTERVAL).tag("indicator", "CLOSURE_RATE").gauges()).isEmpty();
        assertThat(registry.find(IndicatorGauges.INTERVAL).tag("indicator", "FILINGS").gauges()).isEmpty();
    }

    @Test
    void shouldStopAtTheSeriesLimitCountingBothNames() {
        IndicatorGauges gauges = gauges(new IndicatorExport(Set.of(), Set.of(), EnumSet.allOf(Window.class), 4));
        gauges.update(CITY, result("FILINGS", Window.ROLLING_12M, 40.0, 30.0));
        gauges.update(CITY, result("CLOSURES", Window.ROLLING_12M, 20.0, 10.0));
        gauges.update(CITY, result("PENDING", Window.ROLLING_12M, 20.0, 20.0));

        assertThat(registry.find(IndicatorGauges.INDICATOR).gauges()).hasSize(2);
        assertThat(registry.find(IndicatorGauges.PREVIOUS_YEAR).gauges()).hasSize(2);
        gauges.update(CITY, result("FILINGS", Window.ROLLING_12M, 41.0, 30.0));
        assertThat(indicator(IndicatorGauges.INDICATOR, CITY, "FILINGS", Window.ROLLING_12M))
                .as("registered series still move").isEqualTo(41.0);
    }

    @Test
    void shouldReadNaNAndZeroOnceTheScopeIsReleased() {
        IndicatorGauges gauges = gauges(CITY_COURTS_12M);
        ScopeKey civil = new ScopeKey(new CourtId("湘02"), false, "CIVIL");
        gauges.update(civil, result("PENDING", Window.ROLLING_12M, 12.0, 10.0));
        gauges.update(civil, result("OVERDUE_PENDING", Window.ROLLING_12M, 2.0, 1.0));
        assertThat(registry.get(CaseGauges.OPEN).tags("court", "湘02", "category", "CIVIL").gauge().value())
                .isEqualTo(12.0);

        gauges.release(civil);

        assertThat(indicator(IndicatorGauges.INDICATOR, civil, "PENDING", Window.ROLLING_12M)).isNaN();
        assertThat(indicator(IndicatorGauges.PREVIOUS_YEAR, civil, "PENDING", Window.ROLLING_12M)).isNaN();
        assertThat(registry.get(CaseGauges.OPEN).tags("court", "湘02", "category", "CIVIL").gauge().value()).isZero();
        assertThat(registry.get(CaseGauges.OVERDUE).tags("court", "湘02", "category", "CIVIL").gauge().value())
                .isZero();
    }
}
