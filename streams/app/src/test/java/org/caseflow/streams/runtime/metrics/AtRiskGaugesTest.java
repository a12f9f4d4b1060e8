package org.caseflow.streams.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.caseflow.streams.runtime.http.AtRiskCase;
import org.caseflow.streams.runtime.http.CaseDetail;
import org.caseflow.streams.runtime.http.IndicatorAnswer;
import org.caseflow.streams.runtime.http.LocalQueries;
import org.junit.jupiter.api.Test;

/** caseflow_cases_at_risk: counted from the local at-risk list by days left, 0 before the first count. */
class AtRiskGaugesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AtRiskCase> cases = new ArrayList<>();
    private boolean rebalancing;

    private final LocalQueries queries = new LocalQueries() {
        @Override
        public Optional<CaseDetail> caseById(String caseId) {
            return Optional.empty();
        }

        @Override
        public List<AtRiskCase> atRisk(String court, int withinDays) {
            if (rebalancing) {
                throw new InvalidStateStoreException("rebalancing");
            }
            assertThat(withinDays).isEqualTo(AtRiskGauges.HORIZON_DAYS);
            return cases.stream().filter(c -> c.court().equals(court)).toList();
        }

        @Override
        public List<IndicatorAnswer> indicators(String court, String window) {
            return List.of();
        }
    };

    private double gauge(String court, String due) {
        return registry.get("caseflow.cases.at.risk").tags("court", court, "due", due).gauge().value();
    }

    private void add(String court, int daysLeft) {
        cases.add(new AtRiskCase("c" + cases.size(), court, "CIVIL_FIRST_SUMMARY", LocalDate.of(2025, 3, 3),
                daysLeft, null, null, LocalDate.of(2024, 12, 3)));
    }

    @Test
    void shouldCountEachCourtsCasesByDaysLeft() {
        AtRiskGauges gauges = new AtRiskGauges(registry, List.of("湘0211", "湘0202"), queries);
        assertThat(gauge("湘0202", "0-3d")).as("registered at 0").isZero();
        for (int days : new int[] {-30, -1, 0, 3, 4, 7, 8, 15}) {
            add("湘0211", days);
        }
        add("湘0202", 5);

        gauges.refresh();

        assertThat(gauge("湘0211", "overdue")).isEqualTo(2);
        assertThat(gauge("湘0211", "0-3d")).isEqualTo(2);
        assertThat(gauge("湘0211", "4-7d")).isEqualTo(2);
        assertThat(gauge("湘0211", "8-15d")).isEqualTo(2);
        assertThat(gauge("湘0202", "4-7d")).isEqualTo(1);
        assertThat(gauge("湘0202", "overdue")).isZero();
    }

    @Test
    void shouldKeepTheLastCountsWhileTheStoresCannotBeRead() {
        AtRiskGauges gauges = new AtRiskGauges(registry, List.of("湘0211"), queries);
        add("湘0211", 1);
        gauges.refresh();
        rebalancing = true;
        cases.clear();

        gauges.refresh();

        assertThat(gauge("湘0211", "0-3d")).isEqualTo(1);
    }
}
