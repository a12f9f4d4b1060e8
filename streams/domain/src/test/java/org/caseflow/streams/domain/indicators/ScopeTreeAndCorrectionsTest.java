package org.caseflow.streams.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.cases.Disposition;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.Test;

/** Fan-out to the court tree, a tree's total = the sum of its parts, negated facts undo, ledger bytes round-trip. */
class ScopeTreeAndCorrectionsTest {
    private static final List<String> COUNTS = List.of("FILINGS", "CLOSURES", "PENDING", "OVERDUE_PENDING",
            "PENDING_AGE_0_1M", "PENDING_AGE_1_3M", "PENDING_AGE_3_6M", "PENDING_AGE_6_12M", "PENDING_AGE_12_18M",
            "PENDING_AGE_18_36M", "PENDING_AGE_36M_PLUS");
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private final IndicatorCalculator calculator =
            new IndicatorCalculator(IndicatorDefinitions.load(Path.of("seeds/indicators/indicators.yaml"), TestSeeds.DISK));

    @Test
    void shouldFanOutABasicCourtToItselfAndEveryAncestorTreeForItsCategoryAndAll() {
        List<ScopeKey> keys = Scopes.fanOut(new CourtId("湘0211"), "CIVIL", Facts.ANCESTORS);
        assertThat(keys).containsExactly(
                new ScopeKey(new CourtId("湘0211"), false, "CIVIL"), new ScopeKey(new CourtId("湘0211"), true, "CIVIL"),
                new ScopeKey(new CourtId("湘02"), true, "CIVIL"), new ScopeKey(new CourtId("湘"), true, "CIVIL"),
                new ScopeKey(new CourtId("湘0211"), false, "ALL"), new ScopeKey(new CourtId("湘0211"), true, "ALL"),
                new ScopeKey(new CourtId("湘02"), true, "ALL"), new ScopeKey(new CourtId("湘"), true, "ALL"));
        assertThat(ScopeKey.parse(keys.get(2).monthKey(YearMonth.of(2025, 3)))).isEqualTo(keys.get(2));
    }

    @Test
    void shouldMakeTheCityTreeEqualTheSumOfItsNineBasicCourtsAndTheIntermediateCourtAlone() {
        InMemoryLedgers store = new InMemoryLedgers();
        randomFacts(new Random(42), 3000).forEach(f -> LedgerUpdates.apply(f, 1, Facts.ANCESTORS, store));
        List<String> parts = new ArrayList<>(Facts.BASIC);
        parts.add("湘02");
        for (Window window : Window.values()) {
            for (String code : COUNTS) {
                YearMonth period = YearMonth.of(2025, 6);
                double tree = value(store, new ScopeKey(new CourtId("湘02"), true, ScopeKey.ALL), code, window, period);
                double sum = 0;
                for (String court : parts) {
                    sum += value(store, new ScopeKey(new CourtId(court), false, ScopeKey.ALL), code, window, period);
                }
                assertThat(tree).as(code + " " + window).isEqualTo(sum);
                if (code.equals("FILINGS") || code.equals("PENDING")) {
                    assertThat(tree).as(code + " non-trivial").isPositive();
                }
            }
        }
    }

    @Test
    void shouldUndoEveryFactWhenItsNegationArrivesInAnyOrder() {
        InMemoryLedgers store = new InMemoryLedgers();
        List<CaseFact> facts = randomFacts(new Random(7), 500);
        facts.forEach(f -> LedgerUpdates.apply(f, 1, Facts.ANCESTORS, store));
        assertThat(store.size()).isPositive();
        List<CaseFact> reversed = new ArrayList<>(facts);
        Collections.shuffle(reversed, new Random(8));
        reversed.forEach(f -> LedgerUpdates.apply(f, -1, Facts.ANCESTORS, store));
        assertThat(store.size()).isZero();
    }

    @Test
    void shouldRestoreIndicatorsWhenADuplicateClosureIsNegated() {
        InMemoryLedgers store = new InMemoryLedgers();
        CaseFact filing = Facts.filed("c1", "湘0281", "CIVIL", "2025-01-02", true);
        CaseFact closure = Facts.closed("c1", "湘0281", "CIVIL", "FIRST", "2025-01-02", "2025-02-10", "JUDGMENT",
                true, 39);
        LedgerUpdates.apply(filing, 1, Facts.ANCESTORS, store);
        LedgerUpdates.apply(closure, 1, Facts.ANCESTORS, store);
        ScopeKey scope = new ScopeKey(new CourtId("湘02"), true, "CIVIL");
        assertThat(value(store, scope, "PENDING", Window.MONTH, YearMonth.of(2025, 2))).isEqualTo(0.0);
        // the closure later found to be a duplicate: applied with sign −1, the case is pending again
        LedgerUpdates.apply(closure, -1, Facts.ANCESTORS, store);
        assertThat(value(store, scope, "PENDING", Window.MONTH, YearMonth.of(2025, 2))).isEqualTo(1.0);
        assertThat(value(store, scope, "CLOSURES", Window.MONTH, YearMonth.of(2025, 2))).isEqualTo(0.0);
    }

    @Test
    void shouldRoundTripLedgerBytes() {
        MonthLedger ledger = new MonthLedger()
                .add(Counter.FILINGS, 0, 12)
                .add(Counter.OVERDUE_DELTA, 0, -3)
                .add(Counter.ENFORCEMENT_CLAIMED, 0, 4_000_050L)
                .add(Counter.DURATION_HISTOGRAM, 110, 2)
                .add(Counter.CLOSED_AT_AGE, 36, 1)
                .add(Counter.DURATION_SUM, 0, Long.MIN_VALUE + 1);
        byte[] bytes = ledger.toBytes();
        assertThat(MonthLedger.fromBytes(bytes)).isEqualTo(ledger);
        assertThat(new MonthLedger().toBytes()).hasSize(2);
        assertThatThrownBy(() -> MonthLedger.fromBytes(new byte[] {9})).isInstanceOf(IndicatorException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> MonthLedger.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IndicatorException.class).hasMessageContaining("truncated");
    }

    @Test
    void shouldRejectFactsThatCannotBeCounted() {
        assertThatThrownBy(() -> new CaseFact(FactKind.CLOSED, "x", "湘0211", Category.CIVIL, Instance.FIRST,
                LocalDate.of(2025, 1, 1), null, null, null, null, null, null, false))
                .isInstanceOf(InvalidFactException.class).hasMessageContaining("filedOn");
        assertThatThrownBy(() -> CaseFact.simple(FactKind.FILED, "x", "湘0211", null, Instance.FIRST,
                LocalDate.of(2025, 1, 1), true)).isInstanceOf(InvalidFactException.class)
                .hasMessageContaining("category");
        assertThatThrownBy(() -> new CaseFact(FactKind.CLOSED, "x", "湘0211", Category.ENFORCEMENT, Instance.ENFORCEMENT,
                LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1), null, null, null, new BigDecimal("1.005"), null,
                false)).isInstanceOf(InvalidFactException.class).hasMessageContaining("amount");
    }

    private double value(InMemoryLedgers store, ScopeKey scope, String code, Window window, YearMonth period) {
        return calculator.compute(code, window, period, AS_OF, store.view(scope)).value();
    }

    /** Filings over 2021..2025 at the ten courts of the city, about half closed, some overdue, some hearings. */
    static List<CaseFact> randomFacts(Random random, int cases) {
        List<String> courts = new ArrayList<>(Facts.BASIC);
        courts.add("湘02");
        String[] categories = {"CIVIL", "CRIMINAL", "ADMINISTRATIVE", "ENFORCEMENT"};
        List<CaseFact> facts = new ArrayList<>();
        LocalDate start = LocalDate.of(2021, 1, 1);
        for (int i = 0; i < cases; i++) {
            String id = "c" + i;
            String court = courts.get(random.nextInt(courts.size()));
            String category = categories[random.nextInt(categories.length)];
            LocalDate filedOn = start.plusDays(random.nextInt(1640));
            facts.add(new CaseFact(FactKind.FILED, id, court, Category.valueOf(category), Instance.FIRST, filedOn, filedOn, null,
                    null, null,
                    null, null, random.nextBoolean()));
            if (random.nextInt(3) == 0) {
                facts.add(new CaseFact(FactKind.OVERDUE_STARTED, id, court, Category.valueOf(category), Instance.FIRST,
                        filedOn.plusDays(181), filedOn, null, null, null, null, null, false));
            }
            if (random.nextBoolean()) {
                int days = random.nextInt(400);
                facts.add(new CaseFact(FactKind.CLOSED, id, court, Category.valueOf(category), Instance.FIRST,
                        filedOn.plusDays(days), filedOn,
                        Disposition.JUDGMENT, days < 180, days, null, null, false));
            }
            facts.add(new CaseFact(FactKind.HEARING_HELD, id, court, Category.valueOf(category), Instance.FIRST, filedOn.plusDays(20),
                    null, null, null, null, null, null, random.nextBoolean()));
        }
        return facts;
    }
}
