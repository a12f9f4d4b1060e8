package org.caseflow.streams.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AvroVocabularyTest {

    @Test
    void shouldMapEveryAvroDispositionToItsNamesakeAndBack() {
        for (org.caseflow.events.Disposition avro : org.caseflow.events.Disposition.values()) {
            Disposition domain = AvroVocabulary.disposition(avro);
            assertThat(domain.name()).isEqualTo(avro.name());
            assertThat(AvroVocabulary.avro(domain)).isSameAs(avro);
        }
        assertThat(Disposition.values()).hasSameSizeAs(org.caseflow.events.Disposition.values());
    }

    @Test
    void shouldKeepNullForAnOpenCase() {
        assertThat(AvroVocabulary.disposition(null)).isNull();
        assertThat(AvroVocabulary.avro((Disposition) null)).isNull();
    }

    @Test
    void shouldRefuseAConstantWithoutANamesake() {
        assertThatThrownBy(() -> AvroVocabulary.byName(Disposition.class, org.caseflow.events.CaseStatus.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JUDGMENT has no namesake");
    }

    @Test
    void shouldCountOnlyReversalsAndRemandsAsUndoingTheJudgment() {
        assertThat(Arrays.stream(Disposition.values()).filter(Disposition::reversedOrRemanded))
                .containsExactly(Disposition.REVERSED, Disposition.REMANDED);
    }
}
