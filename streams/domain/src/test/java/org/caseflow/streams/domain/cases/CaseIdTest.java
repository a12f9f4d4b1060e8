package org.caseflow.streams.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseIdTest {

    @Test
    void shouldPrintTheRawCaseNumber() {
        assertThat(new CaseId("(2025)湘0211民初1234号")).hasToString("(2025)湘0211民初1234号");
        assertThat(new CaseId("(2025)湘0211民初1234号").value()).isEqualTo("(2025)湘0211民初1234号");
    }

    @Test
    void shouldCompareByValue() {
        assertThat(new HashSet<>(List.of(new CaseId("C-1"), new CaseId("C-1"), new CaseId("C-2")))).hasSize(2);
    }

    @Test
    void shouldRefuseABlankOrMissingId() {
        assertThatThrownBy(() -> new CaseId("\t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("case id must not be blank");
        assertThatThrownBy(() -> new CaseId(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void shouldKeepAnAbsentIdAbsentAtTheBoundary() {
        assertThat(CaseId.ofNullable(null)).isNull();
        assertThat(CaseId.raw(null)).isNull();
        assertThat(CaseId.raw(CaseId.ofNullable("C-1"))).isEqualTo("C-1");
    }
}
