package org.caseflow.streams.domain.courts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CourtAndJudgeIdTest {

    @Test
    void shouldPrintTheRawCodeSoKeysAndExplanationsReadAsBefore() {
        assertThat(new CourtId("湘0211")).hasToString("湘0211");
        assertThat(new JudgeId("J-0211-017")).hasToString("J-0211-017");
        assertThat("judge:" + new JudgeId("J-0211-017") + "@" + new CourtId("湘0211")).isEqualTo("judge:J-0211-017@湘0211");
    }

    @Test
    void shouldServeAsAMapKeyByValue() {
        Map<CourtId, Integer> byCourt = Map.of(new CourtId("湘02"), 1);
        assertThat(byCourt).containsKey(new CourtId("湘02"));
        assertThat(new JudgeId("J1")).isEqualTo(new JudgeId("J1")).hasSameHashCodeAs(new JudgeId("J1"));
    }

    @Test
    void shouldRefuseABlankOrMissingId() {
        assertThatThrownBy(() -> new CourtId(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("court id must not be blank");
        assertThatThrownBy(() -> new CourtId(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JudgeId("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("judge id must not be blank");
        assertThatThrownBy(() -> new JudgeId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepAnAbsentIdAbsentAtTheBoundary() {
        assertThat(CourtId.ofNullable(null)).isNull();
        assertThat(JudgeId.ofNullable(null)).isNull();
        assertThat(CourtId.raw(null)).isNull();
        assertThat(JudgeId.raw(JudgeId.ofNullable("J1"))).isEqualTo("J1");
        assertThat(CourtId.raw(CourtId.ofNullable("湘0211"))).isEqualTo("湘0211");
    }

    @Test
    void shouldNameNoCourtForAnAbsentOrBlankWireCodeAndOrderByTheRawCode() {
        assertThat(CourtId.ofUnchecked(null)).isNull();
        assertThat(CourtId.ofUnchecked(" ")).isNull();
        assertThat(CourtId.ofUnchecked("湘0211")).isEqualTo(new CourtId("湘0211"));
        assertThat(java.util.stream.Stream.of("湘0211", "湘", "湘02").map(CourtId::new).sorted().map(CourtId::value))
                .containsExactly("湘", "湘02", "湘0211");
    }
}
