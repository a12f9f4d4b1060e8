package org.caseflow.streams.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;
import org.caseflow.streams.domain.seeds.SeedException;
import org.junit.jupiter.api.Test;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.seeds.TestSeeds;

class CaseNumbersTest {
    private static final CaseNumbers SEEDED = CaseNumbers.load(Path.of("seeds"), TestSeeds.DISK);
    private static final Path FILE = Path.of("seeds", CaseNumbers.FILE);

    private static CaseNumbers parse(String yaml) {
        return CaseNumbers.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadWhatACaseNumberSaysFromTheSeedTable() {
        assertThat(SEEDED.parse("(2025)湘0211民初1234号"))
                .contains(new CaseNumbers.Parsed(2025, "湘0211", Category.CIVIL, Instance.FIRST));
        assertThat(SEEDED.parse("（2024）湘02执复7号"))
                .contains(new CaseNumbers.Parsed(2024, "湘02", Category.ENFORCEMENT, Instance.ENFORCEMENT_REVIEW));
        assertThat(SEEDED.parse("(2025)湘0211刑赔5号")).as("a type code the table does not have").isEmpty();
        assertThat(SEEDED.parse("case-42")).isEmpty();
        assertThat(SEEDED.parse(null)).isEmpty();
    }

    @Test
    void shouldFormatTheOfficialFormThatItReads() {
        String number = CaseNumbers.format(2025, "湘0211", "民终", 12);
        assertThat(number).isEqualTo("(2025)湘0211民终12号");
        assertThat(SEEDED.parse(number)).contains(new CaseNumbers.Parsed(2025, "湘0211", Category.CIVIL, Instance.SECOND));
    }

    @Test
    void shouldTellTheTypeCodeOfEachProcedureItNumbers() {
        assertThat(SEEDED.typeOf(Procedure.CIVIL_FIRST_SUMMARY)).map(CaseNumbers.Type::code).contains("民初");
        assertThat(SEEDED.typeOf(Procedure.ENFORCEMENT)).map(CaseNumbers.Type::code).contains("执");
    }

    @Test
    void shouldReadAValidTable() {
        CaseNumbers table = parse("types:\n  - {code: 民初, category: CIVIL, instance: FIRST, procedures: [CIVIL_FIRST_ORDINARY]}\n");
        assertThat(table.types()).extracting(CaseNumbers.Type::code).containsExactly("民初");
        assertThat(table.parse("(2025)湘0211民初1号")).isPresent();
    }

    @Test
    void shouldRefuseABadEntryNamingFileEntryAndReason() {
        assertThatThrownBy(() -> parse("types:\n  - {code: 民初, category: CIVL, instance: FIRST}\n"))
                .isInstanceOf(SeedException.class)
                .hasMessageStartingWith(FILE + ": type 民初: category: unknown value 'CIVL'");
        assertThatThrownBy(() -> parse("types:\n  - {code: 民初, category: CIVIL, instance: FIRST, procedures: [CIVIL_FIRST]}\n"))
                .isInstanceOf(SeedException.class)
                .hasMessageStartingWith(FILE + ": type 民初: procedures: unknown value 'CIVIL_FIRST'");
        assertThatThrownBy(() -> parse("types:\n  - {code: MC, category: CIVIL, instance: FIRST}\n"))
                .isInstanceOf(SeedException.class).hasMessageStartingWith(FILE + ": types[0]: code: 'MC' is not a type code");
        assertThatThrownBy(() -> parse("""
                types:
                  - {code: 民初, category: CIVIL, instance: FIRST, procedures: [CIVIL_FIRST_ORDINARY]}
                  - {code: 民初, category: CIVIL, instance: FIRST}
                """)).isInstanceOf(SeedException.class).hasMessage(FILE + ": type 民初: code: listed twice");
        assertThatThrownBy(() -> parse("""
                types:
                  - {code: 民初, category: CIVIL, instance: FIRST, procedures: [CIVIL_FIRST_ORDINARY]}
                  - {code: 民特, category: CIVIL, instance: SPECIAL, procedures: [CIVIL_FIRST_ORDINARY]}
                """)).isInstanceOf(SeedException.class)
                .hasMessage(FILE + ": type 民特: procedures: CIVIL_FIRST_ORDINARY is already numbered with 民初");
        assertThatThrownBy(() -> parse("types: []\n")).isInstanceOf(SeedException.class)
                .hasMessage(FILE + ": types: missing or empty");
        assertThatThrownBy(() -> parse("types:\n  - {code: 民初, category: CIVIL, instance: FIRST, kind: x}\n"))
                .isInstanceOf(SeedException.class).hasMessageContaining("unknown field 'kind'");
    }
}
