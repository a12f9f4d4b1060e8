package org.caseflow.streams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPositionTest {
    @Test
    void shouldWriteAndReadTheNextOffsetOfEveryPartition() {
        StreamPosition position = StreamPosition.of(Map.of(2, 77L, 0, 120L, 1, 98L));
        assertThat(position.id()).isEqualTo("0:120,1:98,2:77");
        assertThat(StreamPosition.parse(position.id())).contains(position);
        assertThat(position.next(1)).isEqualTo(98);
        assertThat(position.next(5)).isZero();
    }

    @Test
    void shouldTreatAnythingElseAsNoPositionRatherThanFail() {
        for (String id : new String[] {null, "", " ", "abc", "0:", ":5", "0:1,0:2", "-1:5", "0:-5", "0:1;1:2",
            "9999999999:1", "0:" + "9".repeat(30), "0:1,".repeat(20_000)}) {
            assertThat(StreamPosition.parse(id)).as(id == null ? "null" : id.substring(0, Math.min(id.length(), 20)))
                    .isEmpty();
        }
    }
}
