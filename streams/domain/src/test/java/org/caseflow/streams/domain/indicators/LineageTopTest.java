package org.caseflow.streams.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineageTopTest {
    @Test
    void shouldKeepTheExactTopNWhileCountsGrow() {
        // DOMAIN §4 CASE_MATTER_RATIO "by lineage": how many case numbers each dispute generated
        LineageTop top = new LineageTop(3);
        Map<String, Long> exact = new HashMap<>();
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            String root = "r" + (int) Math.abs(random.nextGaussian() * 30);
            long count = exact.merge(root, 1L, Long::sum);
            top.update(root, count);
        }
        List<LineageTop.Entry> expected = exact.entrySet().stream()
                .map(e -> new LineageTop.Entry(e.getKey(), e.getValue()))
                .sorted((a, b) -> a.caseNumbers() != b.caseNumbers()
                        ? Long.compare(b.caseNumbers(), a.caseNumbers()) : a.rootId().compareTo(b.rootId()))
                .limit(3).toList();
        assertThat(top.top()).isEqualTo(expected);
    }

    @Test
    void shouldRemoveARootCorrectedToZeroAndRoundTripBytes() {
        LineageTop top = new LineageTop(2);
        top.update("a", 5);
        top.update("b", 3);
        top.update("c", 1);
        assertThat(top.top()).extracting(LineageTop.Entry::rootId).containsExactly("a", "b");
        top.update("a", 0);
        assertThat(top.top()).extracting(LineageTop.Entry::rootId).containsExactly("b");
        assertThat(LineageTop.fromBytes(top.toBytes()).top()).isEqualTo(top.top());
    }

    @Test
    void shouldMergePartitionTopsIntoTheGlobalTop() {
        LineageTop p1 = new LineageTop(2);
        p1.update("a", 9);
        p1.update("b", 2);
        LineageTop p2 = new LineageTop(2);
        p2.update("c", 7);
        p2.update("d", 4);
        assertThat(LineageTop.merge(2, List.of(p1, p2)).top())
                .containsExactly(new LineageTop.Entry("a", 9), new LineageTop.Entry("c", 7));
    }
}
