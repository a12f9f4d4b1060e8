package org.caseflow.streams.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleTableTest {
    static final Path REAL = Path.of("seeds/rules/trial-limits.yaml");

    @TempDir
    Path dir;

    private Path broken(String from, String to) throws IOException {
        String text = Files.readString(REAL, StandardCharsets.UTF_8);
        assertThat(text).as("fixture text to replace").contains(from);
        Path file = dir.resolve("trial-limits.yaml");
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldLoadOneRulePerProcedureCode() {
        RuleTable table = RuleTable.load(REAL, TestSeeds.DISK);
        assertThat(table.all()).extracting(ProcedureRule::code)
                .containsExactlyInAnyOrder(Procedure.values());
        ProcedureRule summary = table.rule(Procedure.CIVIL_FIRST_SUMMARY);
        // CPL 164; Interp. 258: 3 months, the president may extend to a total of 4 months
        assertThat(summary.limit()).contains(new Span(3, 0));
        assertThat(summary.extensions()).containsExactly(new ExtensionStep(Approver.PRESIDENT, new Span(1, 0), new Span(4, 0)));
        assertThat(summary.onConversion()).isEqualTo(ConversionRule.KEEP_FILING_DATE);
        // CrPL Interp. 368: criminal conversions count from the conversion day
        assertThat(table.rule(Procedure.CRIMINAL_FIRST).onConversion()).isEqualTo(ConversionRule.FROM_CONVERSION);
        assertThat(table.rule(Procedure.CRIMINAL_FIRST).restartable()).isTrue();
        assertThat(table.rule(Procedure.CRIMINAL_SPEEDY).leadTimes()).isEqualTo(new LeadTimes(3, 2, 1));
    }

    @Test
    void shouldRejectNonPositiveBaseLimitNamingFileEntryAndReason() throws IOException {
        Path file = broken("limit: {amount: 2, unit: MONTHS}", "limit: {amount: 0, unit: MONTHS}");
        assertThatThrownBy(() -> RuleTable.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": procedure CIVIL_SMALL_CLAIMS: base limit: must be positive");
    }

    @Test
    void shouldRejectDuplicateProcedureCode() throws IOException {
        Path file = broken("code: ENFORCEMENT_OBJECTION", "code: ENFORCEMENT_RECONSIDERATION");
        assertThatThrownBy(() -> RuleTable.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": procedure ENFORCEMENT_RECONSIDERATION: duplicate procedure code");
    }

    @Test
    void shouldRejectUnknownProcedureCode() throws IOException {
        Path file = broken("code: CIVIL_SPECIAL", "code: CIVIL_SPECIALS");
        assertThatThrownBy(() -> RuleTable.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageStartingWith(file + ": procedure CIVIL_SPECIALS: code: unknown value 'CIVIL_SPECIALS'");
    }

    @Test
    void shouldRejectMissingProcedure() throws IOException {
        String text = Files.readString(REAL, StandardCharsets.UTF_8);
        int cut = text.indexOf("  - code: ENFORCEMENT_RECONSIDERATION");
        Path file = dir.resolve("short.yaml");
        Files.writeString(file, text.substring(0, cut), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RuleTable.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": rules: missing procedures ENFORCEMENT_RECONSIDERATION");
    }

    @Test
    void shouldRejectUnknownSuspensionReason() throws IOException {
        Path file = broken("excludedReasons: [PUBLIC_NOTICE, SETTLEMENT]", "excludedReasons: [PUBLIC_NOTICE, HOLIDAY]");
        assertThatThrownBy(() -> RuleTable.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageStartingWith(file + ": procedure CIVIL_RETRIAL_REVIEW: excludedReasons: unknown value 'HOLIDAY'");
    }

    @Test
    void shouldRejectMisspeltField() throws IOException {
        Path file = broken("monthRule: CRIMINAL", "monthRul: CRIMINAL");
        assertThatThrownBy(() -> RuleTable.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageStartingWith(file + ": rules[9].monthRul: unknown field 'monthRul' (line ");
    }

    @Test
    void shouldRejectCapNotAboveBaseLimit() throws IOException {
        Path file = broken("cap: {months: 4}", "cap: {months: 3}");
        assertThatThrownBy(() -> RuleTable.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": procedure CIVIL_FIRST_SUMMARY: extensions[0]: cap: 3 months must exceed 3 months");
    }

    @Test
    void shouldRejectLeadTimesOutOfOrder() throws IOException {
        Path file = broken("leadTimes: {notice: 3, warning: 2, critical: 1}", "leadTimes: {notice: 3, warning: 5, critical: 1}");
        assertThatThrownBy(() -> RuleTable.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": procedure CRIMINAL_SPEEDY: leadTimes: must satisfy notice > warning > critical >= 0, got 3/5/1");
    }

    @Test
    void shouldRejectInvalidYaml() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "rules: [ {code: CIVIL_SPECIAL\n");
        assertThatThrownBy(() -> RuleTable.load(file, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageStartingWith(file + ": ");
    }
}
