package org.caseflow.streams.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.caseflow.streams.domain.cases.AvroVocabulary;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.Test;

/**
 * The procedure vocabulary is closed: every code the event contract can carry has its domain constant, its rule in the
 * seeded table (with a limit, or "no limit" stated with the article that says so) and its case-number type, so no
 * code can arrive that the deadline calculator does not know.
 */
class ProcedureVocabularyTest {
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));

    @Test
    void shouldMapEveryAvroProcedureToItsNamesakeAndBack() {
        for (org.caseflow.events.Procedure avro : org.caseflow.events.Procedure.values()) {
            Procedure domain = AvroVocabulary.procedure(avro);
            assertThat(domain.name()).isEqualTo(avro.name());
            assertThat(AvroVocabulary.avro(domain)).isSameAs(avro);
        }
        assertThat(Procedure.values()).hasSameSizeAs(org.caseflow.events.Procedure.values());
        assertThat(AvroVocabulary.procedure(null)).isNull();
        assertThat(AvroVocabulary.avro((Procedure) null)).isNull();
    }

    @Test
    void shouldHaveASeededRuleWithALimitOrACitedAbsenceOfOneForEveryProcedure() {
        for (Procedure procedure : Procedure.values()) {
            ProcedureRule rule = SEEDS.rules().rule(procedure);
            assertThat(rule.code()).isSameAs(procedure);
            // A procedure without a limit (DESIGN §5 rule 6) must still cite the article that sets none.
            assertThat(rule.hasLimit() || !rule.citation().isBlank()).as(procedure.name()).isTrue();
            assertThat(rule.sources()).as(procedure.name()).isNotEmpty();
        }
        assertThat(SEEDS.rules().all()).extracting(ProcedureRule::code).containsExactlyInAnyOrder(Procedure.values());
    }

    @Test
    void shouldNumberTheNewCasesOfEveryProcedureWithATypeCodeOfTheSameCategory() {
        // SPC 《关于人民法院案件案号的若干规定》 (法〔2015〕137号): every case gets a number of its type.
        for (Procedure procedure : Procedure.values()) {
            var type = SEEDS.caseNumbers().typeOf(procedure);
            assertThat(type).as(procedure.name()).isPresent();
            assertThat(type.orElseThrow().category()).as(procedure.name())
                    .isEqualTo(SEEDS.rules().rule(procedure).category());
        }
    }
}
