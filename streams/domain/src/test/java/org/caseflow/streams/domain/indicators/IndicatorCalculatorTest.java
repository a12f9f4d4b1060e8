package org.caseflow.streams.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.caseflow.streams.domain.indicators.Facts.closed;
import static org.caseflow.streams.domain.indicators.Facts.d;
import static org.caseflow.streams.domain.indicators.Facts.decided;
import static org.caseflow.streams.domain.indicators.Facts.enforcementClosed;
import static org.caseflow.streams.domain.indicators.Facts.filed;
import static org.caseflow.streams.domain.indicators.Facts.of;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.cases.Disposition;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed values of every indicator for 湘0211 in March 2025 (scenario below), each citing its formula.
 *
 * <pre>
 * CIVIL cases of 湘0211:
 *   A filed 2024-01-10 (案), open; overdue since 2024-07-11
 *   B filed 2024-03-05 (案), closed 2025-03-10 late, 365 days; overdue 2024-09-06 .. 2025-03-10; appealed 2025-03-28
 *   C filed 2025-01-15 (案), closed 2025-03-20 on time, 64 days
 *   D filed 2025-03-02 (案), closed 2025-03-25 on time, 23 days
 *   E filed 2025-03-03 (a remand: not originating), open
 *   F filed 2025-03-04 (案), open
 *   March 2025 also: one appeal decided REVERSED and one AFFIRMED, one retrial petition, one retrial closed REMANDED,
 *   3 performance observations (2 voluntary), 4 hearings (3 on their first date).
 * ENFORCEMENT cases of 湘0211:
 *   G filed 2025-01-05 closed 2025-03-15 ENFORCEMENT_COMPLETED, claim 10000.00 paid 10000.00
 *   H filed 2025-02-01 closed 2025-03-20 ENFORCEMENT_TERMINATED_THIS_ROUND, claim 30000.50 paid 2000.25
 * </pre>
 */
class IndicatorCalculatorTest {
    private static final String COURT = "湘0211";
    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final LocalDate AS_OF = d("2025-03-31");

    private final InMemoryLedgers store = new InMemoryLedgers();
    private IndicatorCalculator calculator;

    @BeforeEach
    void setUp() {
        calculator = new IndicatorCalculator(IndicatorDefinitions.load(Path.of("seeds/indicators/indicators.yaml"), TestSeeds.DISK));
        List<CaseFact> facts = List.of(
                filed("A", COURT, "CIVIL", "2024-01-10", true),
                of(FactKind.OVERDUE_STARTED, "A", COURT, "2024-07-11", false),
                filed("B", COURT, "CIVIL", "2024-03-05", true),
                of(FactKind.OVERDUE_STARTED, "B", COURT, "2024-09-06", false),
                closed("B", COURT, "CIVIL", "FIRST", "2024-03-05", "2025-03-10", "JUDGMENT", false, 365),
                of(FactKind.OVERDUE_ENDED, "B", COURT, "2025-03-10", false),
                of(FactKind.APPEALED, "B", COURT, "2025-03-28", false),
                filed("C", COURT, "CIVIL", "2025-01-15", true),
                closed("C", COURT, "CIVIL", "FIRST", "2025-01-15", "2025-03-20", "MEDIATION", true, 64),
                filed("D", COURT, "CIVIL", "2025-03-02", true),
                closed("D", COURT, "CIVIL", "FIRST", "2025-03-02", "2025-03-25", "WITHDRAWN", true, 23),
                filed("E", COURT, "CIVIL", "2025-03-03", false),
                filed("F", COURT, "CIVIL", "2025-03-04", true),
                decided(FactKind.APPEAL_DECIDED, "X1", COURT, "2025-03-05", "REVERSED"),
                decided(FactKind.APPEAL_DECIDED, "X2", COURT, "2025-03-06", "AFFIRMED"),
                of(FactKind.RETRIAL_PETITIONED, "X3", COURT, "2025-03-07", false),
                decided(FactKind.RETRIAL_DECIDED, "X4", COURT, "2025-03-08", "REMANDED"),
                of(FactKind.PERFORMANCE_OBSERVED, "P1", COURT, "2025-03-01", true),
                of(FactKind.PERFORMANCE_OBSERVED, "P2", COURT, "2025-03-02", true),
                of(FactKind.PERFORMANCE_OBSERVED, "P3", COURT, "2025-03-03", false),
                of(FactKind.HEARING_HELD, "A", COURT, "2025-03-11", true),
                of(FactKind.HEARING_HELD, "E", COURT, "2025-03-12", true),
                of(FactKind.HEARING_HELD, "F", COURT, "2025-03-13", true),
                of(FactKind.HEARING_HELD, "F", COURT, "2025-03-14", false),
                new CaseFact(FactKind.FILED, "G", COURT, Category.ENFORCEMENT, Instance.ENFORCEMENT, d("2025-01-05"), null, null,
                        null, null, null, null, false),
                enforcementClosed("G", COURT, "2025-01-05", "2025-03-15", "ENFORCEMENT_COMPLETED", "10000.00",
                        "10000.00"),
                new CaseFact(FactKind.FILED, "H", COURT, Category.ENFORCEMENT, Instance.ENFORCEMENT, d("2025-02-01"), null, null,
                        null, null, null, null, false),
                enforcementClosed("H", COURT, "2025-02-01", "2025-03-20", "ENFORCEMENT_TERMINATED_THIS_ROUND",
                        "30000.50", "2000.25"));
        facts.forEach(f -> LedgerUpdates.apply(f, 1, Facts.ANCESTORS, store));
    }

    private IndicatorResult civil(String code) {
        return calculator.compute(code, Window.MONTH, MARCH, AS_OF, store.view(new ScopeKey(new CourtId(COURT), false, "CIVIL")));
    }

    private IndicatorResult enforcement(String code) {
        return calculator.compute(code, Window.MONTH, MARCH, AS_OF,
                store.view(new ScopeKey(new CourtId(COURT), false, "ENFORCEMENT")));
    }

    @Test
    void shouldCountFlowsAndStocks() {
        // DOMAIN §4 FILINGS: cases filed in the window (D, E, F)
        assertThat(civil("FILINGS").value()).isEqualTo(3.0);
        // CLOSURES: cases closed in the window (B, C, D)
        assertThat(civil("CLOSURES").value()).isEqualTo(3.0);
        // PENDING: filings − closures up to the evaluation month (A, E, F)
        assertThat(civil("PENDING").value()).isEqualTo(3.0);
        // OVERDUE_PENDING: overdue started − ended, cumulative (A only; B ended when it closed)
        assertThat(civil("OVERDUE_PENDING").value()).isEqualTo(1.0);
        assertThat(civil("OVERDUE_PENDING").previousYearValue()).isEqualTo(0.0);
    }

    @Test
    void shouldComputeThroughputRates() {
        // DOMAIN §4 CLEARANCE_RATE: closures / filings in the window = 3 / 3
        assertRatio(civil("CLEARANCE_RATE"), 3, 3);
        // DOMAIN §4 CLOSURE_RATE: closures / (pending at window start + filings) = 3 / (3 [A,B,C at end Feb] + 3)
        assertRatio(civil("CLOSURE_RATE"), 3, 6);
        // DOMAIN §4 ON_TIME_CLOSURE_RATE: on time / closures with a deadline = 2 / 3 (B was late)
        assertRatio(civil("ON_TIME_CLOSURE_RATE"), 2, 3);
        // DOMAIN §4 DISPOSITION_TIME_DAYS: 365 × pending at end / closures of the last 12 months = 365 × 3 / 3
        assertRatio(civil("DISPOSITION_TIME_DAYS"), 365 * 3, 3);
    }

    @Test
    void shouldComputeDurations() {
        // DOMAIN §4 AVG_DURATION_DAYS: mean of (closed − filed − excluded days) = (365 + 64 + 23) / 3
        assertRatio(civil("AVG_DURATION_DAYS"), 452, 3);
        // CourTools 3 percentiles, nearest rank over 10-day buckets reported at the bucket's upper edge:
        // sorted 23, 64, 365; P50 rank ⌈1.5⌉ = 2 → 64 in [60, 69] → 69; P90 rank ⌈2.7⌉ = 3 → 365 in [360, 369] → 369
        assertThat(civil("DURATION_P50_DAYS").value()).isEqualTo(69.0);
        assertThat(civil("DURATION_P50_DAYS").denominator()).isEqualTo(3.0);
        assertThat(civil("DURATION_P90_DAYS").value()).isEqualTo(369.0);
    }

    @Test
    void shouldComputeAgeOfPendingCaseload() {
        // CourTools 4 / DOMAIN §4 PENDING_OVER_12M: open aged ≥ 12 months / open. Ages at 2025-03: A 14, E 0, F 0
        assertRatio(civil("PENDING_OVER_12M"), 1, 3);
        assertRatio(civil("PENDING_OVER_18M"), 0, 3);
        assertRatio(civil("PENDING_OVER_36M"), 0, 3);
        assertThat(civil("PENDING_AGE_0_1M").value()).isEqualTo(2.0);
        assertThat(civil("PENDING_AGE_12_18M").value()).isEqualTo(1.0);
        for (String empty : List.of("PENDING_AGE_1_3M", "PENDING_AGE_3_6M", "PENDING_AGE_6_12M", "PENDING_AGE_18_36M",
                "PENDING_AGE_36M_PLUS")) {
            assertThat(civil(empty).value()).as(empty).isEqualTo(0.0);
        }
    }

    @Test
    void shouldAttributeAppealsAndRetrialsToTheOriginCourt() {
        // DOMAIN §4 APPEAL_RATE: appeals against the scope / first-instance closures = 1 (B) / 3 (B, C, D)
        assertRatio(civil("APPEAL_RATE"), 1, 3);
        // DOMAIN §4 APPEAL_REVERSED_REMANDED_RATE: appeal decisions REVERSED/REMANDED / first-instance closures = 1/3
        assertRatio(civil("APPEAL_REVERSED_REMANDED_RATE"), 1, 3);
        // DOMAIN §4 RETRIAL_PETITION_RATE: retrial petitions against the scope / closures = 1 / 3
        assertRatio(civil("RETRIAL_PETITION_RATE"), 1, 3);
        // DOMAIN §4 RETRIAL_REVERSED_REMANDED_RATE: retrial closures REVERSED/REMANDED / closures = 1 / 3
        assertRatio(civil("RETRIAL_REVERSED_REMANDED_RATE"), 1, 3);
    }

    @Test
    void shouldComputeEnforcementAndPerformance() {
        // DOMAIN §4 ENFORCEMENT_COMPLETION_RATE: closures ENFORCEMENT_COMPLETED / enforcement closures = 1 / 2
        assertRatio(enforcement("ENFORCEMENT_COMPLETION_RATE"), 1, 2);
        // DOMAIN §4 ENFORCEMENT_RECOVERY_RATE: paid / claimed of closed cases = 12000.25 / 40000.50 (exact cents)
        assertRatio(enforcement("ENFORCEMENT_RECOVERY_RATE"), 12000.25, 40000.50);
        // DOMAIN §4 VOLUNTARY_PERFORMANCE_RATE: performed voluntarily / observation periods ended = 2 / 3
        assertRatio(civil("VOLUNTARY_PERFORMANCE_RATE"), 2, 3);
        // CourTools 5 TRIAL_DATE_CERTAINTY: held on the first scheduled date / hearings held = 3 / 4
        assertRatio(civil("TRIAL_DATE_CERTAINTY"), 3, 4);
        // DOMAIN §4 CASE_MATTER_RATIO: all filings (件) / originating filings (案) = 3 (D, E, F) / 2 (D, F) → 1 : 1.5
        assertRatio(civil("CASE_MATTER_RATIO"), 3, 2);
        // enforcement rates have no denominator in the CIVIL scope: value null, never a division by zero
        assertThat(civil("ENFORCEMENT_COMPLETION_RATE").value()).isNull();
    }

    @Test
    void shouldLeaveAClosureWithoutAClaimOutOfTheRecoveryRate() {
        // I: closed with payments recorded but no claim amount (applied-for amount unknown, not zero)
        CaseFact noClaim = new CaseFact(FactKind.CLOSED, "I", COURT, Category.ENFORCEMENT, Instance.ENFORCEMENT, d("2025-03-22"),
                d("2025-02-10"), Disposition.ENFORCEMENT_COMPLETED, null, null, null, new BigDecimal("50000.00"), false);
        LedgerUpdates.apply(noClaim, 1, Facts.ANCESTORS, store);
        // DOMAIN §4 ENFORCEMENT_RECOVERY_RATE: amount paid / amount applied for, over the same closed enforcement
        // cases; I has no amount applied for, so neither its claim nor its 50000.00 paid counts (else 62000.25 /
        // 40000.50 > 1): still G + H = 12000.25 / 40000.50
        assertRatio(enforcement("ENFORCEMENT_RECOVERY_RATE"), 12000.25, 40000.50);
        // I is still an enforcement closure: DOMAIN §4 completion rate = completed (G, I) / closures (G, H, I) = 2 / 3
        assertRatio(enforcement("ENFORCEMENT_COMPLETION_RATE"), 2, 3);
        // and its negation takes back exactly what it added
        LedgerUpdates.apply(noClaim, -1, Facts.ANCESTORS, store);
        assertRatio(enforcement("ENFORCEMENT_COMPLETION_RATE"), 1, 2);
    }

    @Test
    void shouldSumCategoriesIntoAll() {
        IndicatorResult all = calculator.compute("CLOSURES", Window.MONTH, MARCH, AS_OF,
                store.view(new ScopeKey(new CourtId(COURT), false, ScopeKey.ALL)));
        // 3 civil + 2 enforcement closures
        assertThat(all.value()).isEqualTo(5.0);
    }

    @Test
    void shouldComputeEveryDefinedIndicator() {
        List<IndicatorResult> all = calculator.computeAll(Window.ROLLING_12M, MARCH, AS_OF,
                store.view(new ScopeKey(new CourtId(COURT), false, "CIVIL")));
        assertThat(all).extracting(IndicatorResult::indicator).containsExactlyInAnyOrderElementsOf(
                IndicatorCalculator.knownCodes());
        assertThat(all).allSatisfy(r -> assertThat(r.period()).isEqualTo("2025-03"));
    }

    private static void assertRatio(IndicatorResult r, double numerator, double denominator) {
        assertThat(r.numerator()).as(r.indicator() + " numerator").isCloseTo(numerator, within(1e-9));
        assertThat(r.denominator()).as(r.indicator() + " denominator").isCloseTo(denominator, within(1e-9));
        if (denominator == 0) {
            assertThat(r.value()).isNull();
        } else {
            assertThat(r.value()).as(r.indicator()).isCloseTo(numerator / denominator, within(1e-9));
        }
    }
}
