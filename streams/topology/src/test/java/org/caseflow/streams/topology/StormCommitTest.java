package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A task asks for a commit when a storm of timer work has drained, and only then. */
class StormCommitTest {
    @Test
    void shouldCommitWhenAStormThatTookSeveralStepsDrains() {
        StormCommit storm = new StormCommit();
        assertThat(storm.afterTimerWork(20_000, false)).as("first step ran out").isFalse();
        assertThat(storm.afterTimerWork(20_000, false)).as("second step ran out").isFalse();
        assertThat(storm.afterTimerWork(12, true)).as("the last step drained it, however few were left").isTrue();
        assertThat(storm.afterTimerWork(0, true)).as("the next call, nothing due: over already").isFalse();
    }

    @Test
    void shouldCommitWhenOneCallFiresAStormByItself() {
        StormCommit storm = new StormCommit();
        assertThat(storm.afterTimerWork(StormCommit.STORM_UNITS, true)).isTrue();
        assertThat(storm.afterTimerWork(StormCommit.STORM_UNITS - 1, true)).as("a quiet midnight").isFalse();
    }

    @Test
    void shouldLeaveQuietTimerWorkToTheCommitInterval() {
        StormCommit storm = new StormCommit();
        for (int i = 0; i < 100; i++) {
            assertThat(storm.afterTimerWork(3, true)).isFalse();
        }
        assertThat(storm.afterTimerWork(0, true)).isFalse();
    }
}
