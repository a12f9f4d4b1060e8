package org.caseflow.streams.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.caseflow.streams.domain.rules.Approver;
import org.caseflow.streams.domain.rules.ExclusionReason;
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
    void shouldMapEveryAvroApproverAndSuspensionReasonToItsNamesakeAndBack() {
        for (org.caseflow.events.Approver avro : org.caseflow.events.Approver.values()) {
            Approver domain = AvroVocabulary.approver(avro);
            assertThat(domain.name()).isEqualTo(avro.name());
            assertThat(AvroVocabulary.avro(domain)).isSameAs(avro);
        }
        assertThat(Approver.values()).hasSameSizeAs(org.caseflow.events.Approver.values());
        for (org.caseflow.events.SuspensionReason avro : org.caseflow.events.SuspensionReason.values()) {
            ExclusionReason domain = AvroVocabulary.reason(avro);
            assertThat(domain.name()).isEqualTo(avro.name());
            assertThat(AvroVocabulary.avro(domain)).isSameAs(avro);
        }
        assertThat(ExclusionReason.values()).hasSameSizeAs(org.caseflow.events.SuspensionReason.values());
    }

    @Test
    void shouldKeepNullForAnOpenCase() {
        assertThat(AvroVocabulary.disposition(null)).isNull();
        assertThat(AvroVocabulary.avro((Disposition) null)).isNull();
        assertThat(AvroVocabulary.approver(null)).isNull();
        assertThat(AvroVocabulary.reason(null)).isNull();
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
