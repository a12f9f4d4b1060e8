package org.caseflow.streams.domain.indicators;

import org.caseflow.streams.domain.seeds.TestSeeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.indicators.Facts.closed;
import static org.caseflow.streams.domain.indicators.Facts.d;
import static org.caseflow.streams.domain.indicators.Facts.filed;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.stream.Stream;
import org.caseflow.streams.domain.courts.CourtId;
import org.junit.jupiter.api.Test;

/** Windows, 同比 across a year boundary, point-in-time indicators moving with the clock, and band status. */
class IndicatorWindowsTest {
    private static final String COURT = "湘0202";
    private static final ScopeKey SCOPE = new ScopeKey(new CourtId(COURT), false, "CIVIL");
    private final IndicatorCalculator calculator =
            new IndicatorCalculator(IndicatorDefinitions.load(Path.of("seeds/indicators/indicators.yaml"), TestSeeds.DISK));
    private final InMemoryLedgers store = new InMemoryLedgers();

    private void apply(CaseFact... facts) {
        Stream.of(facts).forEach(f -> LedgerUpdates.apply(f, 1, Facts.ANCESTORS, store));
    }

    private IndicatorResult at(String code, Window window, String period, String asOf) {
        return calculator.compute(code, window, YearMonth.parse(period), d(asOf), store.view(SCOPE));
    }

    @Test
    void shouldCompareWithTheSameWindowAYearEarlierAcrossTheYearBoundary() {
        apply(filed("a", COURT, "CIVIL", "2023-02-10", true),   // before both windows
                filed("b", COURT, "CIVIL", "2023-03-01", true),  // R12 ending 2024-02
                filed("c", COURT, "CIVIL", "2024-01-15", true),  // R12 ending 2024-02, YTD 2024-01
                filed("d", COURT, "CIVIL", "2024-01-20", true),  // R12 ending 2024-02, YTD 2024-01
                filed("e", COURT, "CIVIL", "2024-02-29", true),  // R12 ending 2024-02
                filed("f", COURT, "CIVIL", "2024-03-01", true),  // R12 ending 2025-02
                filed("g", COURT, "CIVIL", "2025-01-31", true),  // R12 ending 2025-02, YTD 2025-01
                filed("h", COURT, "CIVIL", "2025-02-28", true),  // R12 ending 2025-02
                filed("i", COURT, "CIVIL", "2025-03-01", true),  // after both
                closed("a", COURT, "CIVIL", "FIRST", "2023-02-10", "2025-01-20", "JUDGMENT", true, 700));

        // FILINGS, ROLLING_12M: 2024-03..2025-02 = f, g, h; 同比 2023-03..2024-02 = b, c, d, e
        IndicatorResult r12 = at("FILINGS", Window.ROLLING_12M, "2025-02", "2025-03-31");
        assertThat(r12.period()).isEqualTo("2025-02");
        assertThat(r12.value()).isEqualTo(3.0);
        assertThat(r12.previousYearValue()).isEqualTo(4.0);

        // FILINGS, YEAR_TO_DATE at 2025-01: g; 同比 2024-01: c, d
        IndicatorResult ytd = at("FILINGS", Window.YEAR_TO_DATE, "2025-01", "2025-03-31");
        assertThat(ytd.period()).isEqualTo("2025");
        assertThat(ytd.value()).isEqualTo(1.0);
        assertThat(ytd.previousYearValue()).isEqualTo(2.0);

        // DOMAIN §4 CLOSURE_RATE: closures / (pending at window start + filings in window).
        // YTD 2025-01: 1 (a) / (6 open at end 2024-12: a..f + 1 filed: g) = 1/7;
        // 同比 YTD 2024-01: 0 / (2 open at end 2023-12: a, b + 2 filed: c, d) = 0
        IndicatorResult closureRate = at("CLOSURE_RATE", Window.YEAR_TO_DATE, "2025-01", "2025-03-31");
        assertThat(closureRate.numerator()).isEqualTo(1.0);
        assertThat(closureRate.denominator()).isEqualTo(7.0);
        assertThat(closureRate.previousYearValue()).isEqualTo(0.0);

        // PENDING at the end of 2024-02 (window end, asOf later): a, b, c, d, e
        assertThat(at("PENDING", Window.MONTH, "2024-02", "2025-03-31").value()).isEqualTo(5.0);
        // DOMAIN §4 AVG_DURATION_DAYS 同比 with no closure a year earlier: null, not zero
        assertThat(at("AVG_DURATION_DAYS", Window.YEAR_TO_DATE, "2025-01", "2025-03-31").previousYearValue())
                .isNull();
    }

    @Test
    void shouldMovePendingOver12MonthsWithTheClockWithoutNewFacts() {
        apply(filed("old", COURT, "CIVIL", "2024-02-20", true),
                filed("new1", COURT, "CIVIL", "2024-12-01", true),
                filed("new2", COURT, "CIVIL", "2025-01-05", true),
                filed("new3", COURT, "CIVIL", "2025-01-06", true));

        // CourTools 4 PENDING_OVER_12M: open aged ≥ 12 months (evaluation month − filing month) / open.
        // The same query (YTD 2025), only asOf moves: at 2025-01 'old' is 11 months old, at 2025-02 it is 12.
        IndicatorResult january = at("PENDING_OVER_12M", Window.YEAR_TO_DATE, "2025-12", "2025-01-31");
        IndicatorResult february = at("PENDING_OVER_12M", Window.YEAR_TO_DATE, "2025-12", "2025-02-01");
        assertThat(january.numerator()).isEqualTo(0.0);
        assertThat(january.denominator()).isEqualTo(4.0);
        assertThat(february.numerator()).isEqualTo(1.0);
        assertThat(february.value()).isEqualTo(0.25);
        // and the age buckets move with it: in 2025-01 new2, new3 are aged 0 and new1 1; in 2025-02 all three are 1–2
        assertThat(at("PENDING_AGE_0_1M", Window.YEAR_TO_DATE, "2025-12", "2025-01-31").value()).isEqualTo(2.0);
        assertThat(at("PENDING_AGE_0_1M", Window.YEAR_TO_DATE, "2025-12", "2025-02-01").value()).isEqualTo(0.0);
        assertThat(at("PENDING_AGE_1_3M", Window.YEAR_TO_DATE, "2025-12", "2025-02-01").value()).isEqualTo(3.0);
        // a past period is evaluated at its own end, whatever asOf says
        assertThat(at("PENDING_OVER_12M", Window.MONTH, "2025-01", "2025-06-30").numerator()).isEqualTo(0.0);
    }

    @Test
    void shouldBandHigherIsBetterIndicatorsAgainstTheirInterval() {
        IndicatorDefinition clearance = definitions().get("CLEARANCE_RATE"); // [0.95, 1.05], higher better
        assertThat(clearance.band(1.2, Window.MONTH)).isEqualTo(Band.BETTER);
        assertThat(clearance.band(1.0, Window.MONTH)).isEqualTo(Band.IN_RANGE);
        assertThat(clearance.band(0.95, Window.MONTH)).isEqualTo(Band.IN_RANGE);
        assertThat(clearance.band(0.5, Window.MONTH)).isEqualTo(Band.WORSE);
        assertThat(clearance.band(null, Window.MONTH)).isEqualTo(Band.NO_INTERVAL);
    }

    @Test
    void shouldBandLowerIsBetterIndicatorsAgainstTheirInterval() {
        IndicatorDefinition appeal = definitions().get("APPEAL_RATE"); // [0.08, 0.15], lower better
        assertThat(appeal.band(0.05, Window.YEAR_TO_DATE)).isEqualTo(Band.BETTER);
        assertThat(appeal.band(0.10, Window.YEAR_TO_DATE)).isEqualTo(Band.IN_RANGE);
        assertThat(appeal.band(0.33, Window.YEAR_TO_DATE)).isEqualTo(Band.WORSE);
        // NEUTRAL counts and windows outside an interval's scope have no band
        assertThat(definitions().get("FILINGS").band(10.0, Window.MONTH)).isEqualTo(Band.NO_INTERVAL);
        assertThat(definitions().get("CLOSURE_RATE").band(0.1, Window.MONTH)).isEqualTo(Band.NO_INTERVAL);
        assertThat(definitions().get("CLOSURE_RATE").band(0.5, Window.ROLLING_12M)).isEqualTo(Band.WORSE);
    }

    @Test
    void shouldReportBandOfComputedValues() {
        // 2 filed, 1 closed in the month: DOMAIN §4 CLEARANCE_RATE = 1/2 → WORSE (below 0.95, higher is better)
        apply(filed("x", COURT, "CIVIL", "2025-05-02", true), filed("y", COURT, "CIVIL", "2025-05-03", true),
                closed("x", COURT, "CIVIL", "FIRST", "2025-05-02", "2025-05-20", "JUDGMENT", true, 18),
                Facts.of(FactKind.APPEALED, "x", COURT, "2025-05-30", false));
        assertThat(at("CLEARANCE_RATE", Window.MONTH, "2025-05", "2025-05-31").band()).isEqualTo(Band.WORSE);
        // DOMAIN §4 APPEAL_RATE = 1 appeal / 1 first-instance closure = 1.0 → WORSE (above 0.15, lower is better)
        assertThat(at("APPEAL_RATE", Window.MONTH, "2025-05", "2025-05-31").band()).isEqualTo(Band.WORSE);
        // DOMAIN §4 AVG_DURATION_DAYS = 18 → BETTER (below 45, lower is better)
        assertThat(at("AVG_DURATION_DAYS", Window.MONTH, "2025-05", "2025-05-31").band()).isEqualTo(Band.BETTER);
    }

    private static IndicatorDefinitions definitions() {
        return IndicatorDefinitions.load(Path.of("seeds/indicators/indicators.yaml"), TestSeeds.DISK);
    }
}
