package org.caseflow.streams.domain.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.caseflow.streams.domain.courts.CourtId;
import org.junit.jupiter.api.Test;

/** The scope key holds a typed court; its key form (changelogs, the indicators topic) is the raw code as before. */
class ScopeKeyTest {
    private static final CourtId CITY = new CourtId("湘02");

    @Test
    void shouldWriteTheSameKeyFormAsTheRawCode() {
        ScopeKey tree = new ScopeKey(CITY, true, "CIVIL");
        assertThat(tree.encode()).isEqualTo("湘02|tree|CIVIL");
        assertThat(tree.monthKey(YearMonth.of(2025, 3))).isEqualTo("湘02|tree|CIVIL|2025-03");
        assertThat(new ScopeKey(new CourtId("湘0211"), false, ScopeKey.ALL).totalKey()).isEqualTo("湘0211|court|ALL|total");
    }

    @Test
    void shouldReadItsKeyFormBackToTheTypedCourt() {
        assertThat(ScopeKey.parse("湘0211|court|ALL|total")).isEqualTo(new ScopeKey(new CourtId("湘0211"), false, "ALL"));
        assertThat(ScopeKey.parse("湘02|tree|CIVIL|2025-03").court()).isEqualTo(CITY);
    }

    @Test
    void shouldRefuseAKeyWithoutACourt() {
        assertThatThrownBy(() -> ScopeKey.parse("|court|ALL")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad scope court code");
        assertThatThrownBy(() -> new ScopeKey(new CourtId("湘|02"), false, "ALL"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
