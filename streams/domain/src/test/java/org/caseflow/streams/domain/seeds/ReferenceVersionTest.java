package org.caseflow.streams.domain.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.deadline.DeadlineCalculator;
import org.caseflow.streams.domain.deadline.DeadlineInput;
import org.caseflow.streams.domain.rules.RuleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.caseflow.streams.domain.rules.Procedure;

/** Reference data carries a version and an effective date, and every deadline cites them (issue 15). */
class ReferenceVersionTest {
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));

    @TempDir
    Path dir;

    @Test
    void shouldReadTheVersionsOfTheShippedSeeds() {
        assertThat(SEEDS.rules().version()).isEqualTo(new ReferenceVersion("2024.1", LocalDate.of(2024, 1, 1)));
        assertThat(SEEDS.calendars().forJurisdiction("CN").version().version()).isEqualTo("2026.1");
        assertThat(SEEDS.indicators().version().version()).isEqualTo("2025.1");
        assertThat(SEEDS.versionsFor("CN")).containsExactly(
                Map.entry("rules", "2024.1 (effective 2024-01-01)"),
                Map.entry("calendar", "CN 2026.1 (effective 2024-01-01)"),
                Map.entry("courts", "zhuzhou.yaml 2025.1 (effective 2024-01-01)"));
    }

    @Test
    void shouldEndEveryDeadlineExplanationWithTheDataItWasComputedWith() {
        // CPL 164: summary procedure, 3 months from 2025-03-03 → 2025-06-03.
        var deadline = new DeadlineCalculator(SEEDS.rules(), SEEDS.calendars().forJurisdiction("CN"))
                .compute(DeadlineInput.filed(Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2025, 3, 3)));
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2025, 6, 3));
        assertThat(deadline.explanation()).last().isEqualTo(
                "reference data: rule table 2024.1 (effective 2024-01-01); CN calendar 2026.1 (effective 2024-01-01)");
    }

    @Test
    void shouldReadAFileWithoutAVersionAsUnversioned() throws Exception {
        Path file = dir.resolve("cal.yaml");
        Files.writeString(file, calendarWithout("version: \"2026.1\"\neffectiveFrom: 2024-01-01\n"));
        assertThat(WorkCalendar.load(file, TestSeeds.DISK).version()).isEqualTo(ReferenceVersion.UNVERSIONED);
    }

    @Test
    void shouldRefuseABlankVersionAnEffectiveDateAloneAndAnImpossibleDate() throws Exception {
        Path blank = dir.resolve("blank.yaml");
        Files.writeString(blank, calendarWithout("version: \"2026.1\"\n").replace("effectiveFrom", "version: \" \"\neffectiveFrom"));
        assertThatThrownBy(() -> WorkCalendar.load(blank, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageContaining("blank.yaml").hasMessageContaining("version");

        Path alone = dir.resolve("alone.yaml");
        Files.writeString(alone, calendarWithout("version: \"2026.1\"\n"));
        assertThatThrownBy(() -> WorkCalendar.load(alone, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageContaining("alone.yaml").hasMessageContaining("version: missing (effectiveFrom is given)");

        Path date = dir.resolve("date.yaml");
        Files.writeString(date, Files.readString(Path.of("seeds/rules/trial-limits.yaml"))
                .replace("effectiveFrom: 2024-01-01", "effectiveFrom: 2024-02-30"));
        assertThatThrownBy(() -> RuleTable.load(date, TestSeeds.DISK)).isInstanceOf(SeedException.class)
                .hasMessageContaining("date.yaml").hasMessageContaining("effectiveFrom: '2024-02-30' is not a date");
    }

    private static String calendarWithout(String text) throws Exception {
        String calendar = Files.readString(Path.of("seeds/calendars/cn-mainland.yaml"));
        assertThat(calendar).contains(text);
        return calendar.replace(text, "");
    }
}
