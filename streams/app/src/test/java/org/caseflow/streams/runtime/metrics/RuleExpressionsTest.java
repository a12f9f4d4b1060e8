package org.caseflow.streams.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The splitter DashboardQueriesIT relies on to check the inside of rules whose condition is false. */
class RuleExpressionsTest {
    @Test
    void shouldSplitAtTopLevelComparisonsAndSetOperatorsOnly() {
        assertThat(RuleExpressions.operands(
                "sum by (x) (rate(a{b!=\"c > d\", e=~\"f|g\"}[5m])) > 0 and sum by (x) (delta(h[15m])) >= 1"))
                .containsExactly("sum by (x) (rate(a{b!=\"c > d\", e=~\"f|g\"}[5m]))", "sum by (x) (delta(h[15m]))");
    }

    @Test
    void shouldDropVectorMatchingModifiersAndKeepArithmetic() {
        assertThat(RuleExpressions.operands("a / b\n  > on (instance, job) group_left max by (instance) (c)"))
                .containsExactly("a / b", "max by (instance) (c)");
        assertThat(RuleExpressions.operands("up{job=~\"caseflow.*\"} == 0")).containsExactly("up{job=~\"caseflow.*\"}");
        assertThat(RuleExpressions.operands("vector(1)")).containsExactly("vector(1)");
    }
}
