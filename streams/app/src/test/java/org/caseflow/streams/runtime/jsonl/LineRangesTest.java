package org.caseflow.streams.runtime.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineRangesTest {
    static LineRanges of(long... lines) {
        LineRanges ranges = new LineRanges();
        for (long line : lines) {
            ranges.add(line);
        }
        return ranges;
    }

    @Test
    void shouldMergeNeighboursInAnyOrderAndCountEachLineOnce() {
        LineRanges ranges = of(3, 1, 2, 9, 7, 8, 8, 12);
        assertThat(ranges).hasToString("1–3, 7–9, 12");
        assertThat(ranges.count()).isEqualTo(7);
        assertThat(ranges.contains(8)).isTrue();
        assertThat(ranges.contains(10)).isFalse();
    }

    @Test
    void shouldJoinTwoRangesWhenTheGapBetweenThemIsFilled() {
        LineRanges ranges = of(1, 2, 4, 5);
        ranges.add(3);
        assertThat(ranges).hasToString("1–5");
    }

    @Test
    void shouldSubtractOtherSets() {
        assertThat(of(1, 2, 3, 4, 5, 6).without(of(2), of(5, 6))).hasToString("1, 3–4");
    }

    @Test
    void shouldSaySingularOrPlural() {
        assertThat(of(8).describe()).isEqualTo("line 8");
        assertThat(of(8, 9).describe()).isEqualTo("lines 8–9");
    }
}
