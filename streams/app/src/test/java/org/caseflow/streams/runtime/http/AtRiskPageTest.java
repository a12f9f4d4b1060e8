package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board's at-risk page: filters, sorts and pages on the server, so the browser gets 50 rows of 10,000. */
class AtRiskPageTest {
    private static final AtRiskPage.Filter ANY = new AtRiskPage.Filter(null, null, null, null);

    private static List<AtRiskCase> cases(int n) {
        List<String> levels = java.util.Arrays.asList(null, "WARNING", "CRITICAL", "OVERDUE");
        List<AtRiskCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int days = i % 40 - 20;
            out.add(new AtRiskCase(String.format("(2025)湘0211民初%05d号", i), i % 2 == 0 ? "湘0211" : "湘0281",
                    i % 3 == 0 ? "CIVIL_FIRST_SUMMARY" : "CIVIL_FIRST_ORDINARY", LocalDate.of(2025, 6, 1).plusDays(days), days,
                    levels.get(i % 4), "judge-" + (i % 7), LocalDate.of(2025, 1, 1).plusDays(i % 100)));
        }
        return out;
    }

    @Test
    void shouldServeOnePageOfTenThousandCasesSortedWithTheFilterChoices() {
        AtRiskPage page = AtRiskPage.of(cases(10_000), ANY, "daysRemaining", false, 100, 50);
        assertThat(page.total()).isEqualTo(10_000);
        assertThat(page.rows()).hasSize(50);
        assertThat(page.rows()).allMatch(c -> c.daysRemaining() == -20);
        assertThat(page.facets().get("court")).containsExactly("湘0211", "湘0281");
        assertThat(page.facets().get("level")).containsExactly("CRITICAL", "NONE", "OVERDUE", "WARNING");
        assertThat(page.facets().get("judge")).hasSize(7);
    }

    @Test
    void shouldFilterByLevelProcedureJudgeAndCourt() {
        AtRiskPage page = AtRiskPage.of(cases(10_000), new AtRiskPage.Filter("OVERDUE", null, "judge-3", "湘0281"),
                "caseId", false, 0, 500);
        assertThat(page.rows()).isNotEmpty().allMatch(c -> "OVERDUE".equals(c.level()) && "judge-3".equals(c.judge())
                && "湘0281".equals(c.court()));
        assertThat(page.total()).isEqualTo((int) cases(10_000).stream().filter(c -> "OVERDUE".equals(c.level())
                && "judge-3".equals(c.judge()) && "湘0281".equals(c.court())).count());
        AtRiskPage none = AtRiskPage.of(cases(100), new AtRiskPage.Filter("NONE", "CIVIL_FIRST_SUMMARY", null, null),
                "deadline", false, 0, 50);
        assertThat(none.rows()).allMatch(c -> c.level() == null && c.procedure().equals("CIVIL_FIRST_SUMMARY"));
    }

    @Test
    void shouldPutTheWorstAlertFirstWhenSortedByLevelDescending() {
        AtRiskPage page = AtRiskPage.of(cases(8), ANY, "level", true, 0, 8);
        assertThat(page.rows().get(0).level()).isEqualTo("OVERDUE");
        assertThat(page.rows().get(page.rows().size() - 1).level()).isNull();
    }

    @Test
    void shouldRefuseAnUnknownSortAndAnOversizedPage() {
        assertThatThrownBy(() -> AtRiskPage.of(cases(3), ANY, "colour", false, 0, 50)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> AtRiskPage.of(cases(3), ANY, "deadline", false, 0, 5000)).isInstanceOf(ApiException.class);
        assertThat(AtRiskPage.of(cases(3), ANY, "deadline", false, 10, 50).rows()).isEmpty();
    }
}
