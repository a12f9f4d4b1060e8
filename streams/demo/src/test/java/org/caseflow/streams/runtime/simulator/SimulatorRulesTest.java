package org.caseflow.streams.runtime.simulator;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.ExtensionGranted;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.cases.AvroVocabulary;
import org.caseflow.streams.domain.cases.CaseNumbers;
import org.caseflow.streams.domain.rules.ProcedureRule;
import org.caseflow.streams.domain.rules.RuleTable;
import org.caseflow.streams.domain.rules.Span;
import org.junit.jupiter.api.Test;

/**
 * The simulator takes limits, extensions, approvers and case-number type codes from the loaded tables
 * ({@code seeds/rules/trial-limits.yaml}, {@code seeds/casenumbers/case-types.yaml}), not from a copy of its own.
 */
class SimulatorRulesTest {
    private static final Path RULES = Path.of("seeds", "rules", "trial-limits.yaml");
    private static final SimulationSettings HALF_YEAR = new SimulationSettings(42, LocalDate.of(2025, 1, 1), 240, 0.05);

    @Test
    void shouldNumberEachCaseWithTheTypeCodeTheTableGivesItsProcedure() {
        CaseNumbers table = SeededSimulators.SEEDS.caseNumbers();
        List<CaseEvent> events = simulate(HALF_YEAR, SeededSimulators.PROCEDURES);
        List<CaseEvent> filings = events.stream().filter(e -> e.getPayload() instanceof CaseFiled).toList();
        assertThat(filings).isNotEmpty().allSatisfy(e -> {
            Procedure procedure = ((CaseFiled) e.getPayload()).getProcedure();
            String code = table.typeOf(AvroVocabulary.procedure(procedure)).orElseThrow().code();
            assertThat(e.getCaseId()).as(procedure.name())
                    .matches("\\(\\d{4}\\)" + Pattern.quote(e.getCourt() + code) + "\\d+号");
        });
    }

    @Test
    void shouldGrantTheFirstExtensionOfTheProceduresLadder() {
        // The rule table's ladder, first step: CPL 152 the president's 6 months for the ordinary procedure, CrPL 208
        // the president's month for criminal first instance, CrPL 243 the high court's 2 months on appeal, ALL 81
        // the high court for administrative cases.
        RuleTable rules = SeededSimulators.SEEDS.rules();
        List<CaseEvent> events = simulate(new SimulationSettings(42, LocalDate.of(2025, 1, 1), 365, 0.1),
                SeededSimulators.PROCEDURES);
        CaseHistories histories = new CaseHistories();
        List<String> checked = new ArrayList<>();
        for (CaseEvent e : events) {
            histories.add(e);
            if (e.getPayload() instanceof ExtensionGranted x) {
                Procedure procedure = histories.cases.get(e.getCaseId()).procedure;
                ProcedureRule rule = rules.rule(AvroVocabulary.procedure(procedure));
                assertThat(x.getApprovedBy()).as(e.getEventId())
                        .isEqualTo(AvroVocabulary.avro(rule.extensions().get(0).approver()));
                checked.add(procedure.name());
            }
        }
        assertThat(checked).contains(Procedure.CIVIL_FIRST_ORDINARY.name(), Procedure.CRIMINAL_FIRST.name());
    }

    @Test
    void shouldDrawDurationsFromTheLoadedLimit() throws IOException {
        // What-if: the summary procedure cut from 3 months (CPL 164) to 2 in a copy of the rule table.
        RuleTable cut = altered("CIVIL_FIRST_SUMMARY", "limit: {amount: 3, unit: MONTHS}", "limit: {amount: 2, unit: MONTHS}");
        List<CaseEvent> seeded = simulate(HALF_YEAR, SeededSimulators.PROCEDURES);
        List<CaseEvent> shorter = simulate(HALF_YEAR, SimulatedProcedures.from(cut, SeededSimulators.SEEDS.caseNumbers()));

        double summaryRatio = meanDays(shorter, Procedure.CIVIL_FIRST_SUMMARY) / meanDays(seeded, Procedure.CIVIL_FIRST_SUMMARY);
        double ordinaryRatio = meanDays(shorter, Procedure.CIVIL_FIRST_ORDINARY) / meanDays(seeded, Procedure.CIVIL_FIRST_ORDINARY);
        assertThat(summaryRatio).as("summary cases, 2 months instead of 3").isBetween(0.55, 0.8);
        assertThat(ordinaryRatio).as("ordinary cases, limit unchanged").isBetween(0.9, 1.1);
    }

    @Test
    void shouldGrantTheExtensionLengthOfTheLoadedTable() throws IOException {
        // What-if: the president's extension of the summary procedure raised from 1 month (CPL 164) to 2, cap 5.
        RuleTable longer = altered("CIVIL_FIRST_SUMMARY", "{approver: PRESIDENT, amount: {months: 1}, cap: {months: 4}}",
                "{approver: PRESIDENT, amount: {months: 2}, cap: {months: 5}}");
        List<CaseEvent> events = simulate(new SimulationSettings(42, LocalDate.of(2025, 1, 1), 365, 0.1),
                SimulatedProcedures.from(longer, SeededSimulators.SEEDS.caseNumbers()));
        CaseHistories histories = new CaseHistories();
        List<ExtensionGranted> summary = new ArrayList<>();
        for (CaseEvent e : events) {
            histories.add(e);
            if (e.getPayload() instanceof ExtensionGranted x
                    && histories.cases.get(e.getCaseId()).procedure == Procedure.CIVIL_FIRST_SUMMARY) {
                summary.add(x);
            }
        }
        assertThat(summary).isNotEmpty().allSatisfy(x -> {
            assertThat(x.getMonths()).isEqualTo(2);
            assertThat(x.getDays()).isNull();
        });
    }

    @Test
    void shouldGrantAllTheCapAllowsWhenTheRuleStatesNoAmount() {
        // CrPL 220: summary criminal procedure, 20 days, up to 1.5 months in all; the rule names no amount.
        ProcedureLaw.Extension summary = new ProcedureLaw.Extension(org.caseflow.events.Approver.PRESIDENT, null,
                new Span(1, 15));
        assertThat(summary.lengthFor(LocalDate.of(2025, 1, 10), new Span(0, 20))).isEqualTo(new Span(0, 26));
        assertThat(summary.lengthFor(LocalDate.of(2025, 2, 10), new Span(0, 20))).isEqualTo(new Span(0, 23));
        // CrPL 225: speedy procedure, 10 days, up to 15: the same units subtract.
        ProcedureLaw.Extension speedy = new ProcedureLaw.Extension(org.caseflow.events.Approver.PRESIDENT, null,
                new Span(0, 15));
        assertThat(speedy.lengthFor(LocalDate.of(2025, 1, 10), new Span(0, 10))).isEqualTo(new Span(0, 5));
        // CPL 183: the president extends a civil appeal, for no stated length and without cap.
        ProcedureLaw.Extension appeal = new ProcedureLaw.Extension(org.caseflow.events.Approver.PRESIDENT, null, null);
        assertThat(appeal.lengthFor(LocalDate.of(2025, 1, 10), new Span(3, 0))).isEqualTo(ProcedureLaw.UNSTATED_EXTENSION);
    }

    @Test
    void shouldGrantADayWhenTheCapFallsShortOfTheLimitInALongMonth() {
        // A table may cap a 1-month limit at 29 days (it compares spans in 28-day months): from 10 January the month
        // ends on 10 February, the cap on 8 February. The plan still grants something; the engine clamps and flags it.
        ProcedureLaw.Extension tight = new ProcedureLaw.Extension(org.caseflow.events.Approver.PRESIDENT, null,
                new Span(0, 29));
        assertThat(tight.lengthFor(LocalDate.of(2025, 1, 10), new Span(1, 0))).isEqualTo(new Span(0, 1));
    }

    @Test
    void shouldRefuseATableWithoutALimitForASimulatedProcedure() throws IOException {
        // A table without a limit (and so without extensions) for the speedy procedure: lawful as a table, but the
        // simulator draws durations as shares of the limit.
        String yaml = Files.readString(RULES, StandardCharsets.UTF_8);
        int entry = yaml.indexOf("- code: CRIMINAL_SPEEDY\n");
        String cut = yaml.substring(0, yaml.indexOf("    limit:", entry)) + yaml.substring(yaml.indexOf("    monthRule:", entry),
                yaml.indexOf("    extensions:", entry)) + yaml.substring(yaml.indexOf("    excludedReasons:", entry));
        RuleTable unlimited = parse(cut);
        assertThatThrownBy(() -> SimulatedProcedures.from(unlimited, SeededSimulators.SEEDS.caseNumbers()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CRIMINAL_SPEEDY");
    }

    private static List<CaseEvent> simulate(SimulationSettings settings, SimulatedProcedures procedures) {
        List<CaseEvent> events = new ArrayList<>();
        SeededSimulators.zhuzhou(settings, procedures).run(events::add);
        return events;
    }

    /** Mean days from filing to closure of the closed cases filed under {@code procedure} and never converted. */
    private static double meanDays(List<CaseEvent> events, Procedure procedure) {
        return CaseHistories.of(events).cases.values().stream()
                .filter(h -> h.filed.getProcedure() == procedure && h.procedure == procedure && h.closed != null)
                .mapToLong(h -> DAYS.between(h.filed.getFiledOn(), h.closed.getClosedOn()))
                .average().orElseThrow();
    }

    /** The seeds' rule table with {@code from} replaced by {@code to} in the entry of {@code code}. */
    private static RuleTable altered(String code, String from, String to) throws IOException {
        String yaml = Files.readString(RULES, StandardCharsets.UTF_8);
        int entry = yaml.indexOf("- code: " + code + "\n");
        int at = yaml.indexOf(from, entry);
        assertThat(entry).as(code).isNotNegative();
        assertThat(at).as(from).isGreaterThan(entry);
        return parse(yaml.substring(0, at) + to + yaml.substring(at + from.length()));
    }

    private static RuleTable parse(String yaml) {
        return RuleTable.parse(Path.of("what-if-trial-limits.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }
}
