package org.caseflow.streams.domain.seeds;

import org.caseflow.streams.domain.courts.CourtId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedsTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadTheRealSeeds() {
        Seeds seeds = TestSeeds.load(Path.of("seeds"));
        assertThat(seeds.rules().all()).hasSize(22);
        assertThat(seeds.calendars().forJurisdiction("CN").covers(2025)).isTrue();
        assertThat(seeds.courts().find(new CourtId("湘02"))).isPresent();
        assertThat(seeds.caseNumbers().types()).hasSize(17);
    }

    @Test
    void shouldRejectCourtWhoseJurisdictionHasNoCalendar() throws IOException {
        Path root = Path.of("seeds");
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("calendars"));
        Files.createDirectories(dir.resolve("courts"));
        Files.copy(root.resolve("rules/trial-limits.yaml"), dir.resolve("rules/trial-limits.yaml"));
        Files.copy(root.resolve("calendars/cn-mainland.yaml"), dir.resolve("calendars/cn-mainland.yaml"));
        Files.writeString(dir.resolve("courts/x.yaml"), "supervisionChain: [JUDGE, PRESIDENT]\ncourts:\n"
                + "  - {code: 港, name: n, nameEn: e, level: HIGH, zone: Asia/Hong_Kong, jurisdiction: HK}\n");
        assertThatThrownBy(() -> TestSeeds.load(dir)).isInstanceOf(SeedException.class)
                .hasMessageContaining("court 港: jurisdiction: no calendar 'HK'");
    }

    @Test
    void shouldRejectACaseNumberTypeThatContradictsTheRuleOfItsProcedure() throws IOException {
        Path root = Path.of("seeds");
        for (String folder : new String[] {"rules", "calendars", "courts", "casenumbers"}) {
            Files.createDirectories(dir.resolve(folder));
        }
        Files.copy(root.resolve("rules/trial-limits.yaml"), dir.resolve("rules/trial-limits.yaml"));
        Files.copy(root.resolve("calendars/cn-mainland.yaml"), dir.resolve("calendars/cn-mainland.yaml"));
        Files.copy(root.resolve("courts/zhuzhou.yaml"), dir.resolve("courts/zhuzhou.yaml"));
        Files.writeString(dir.resolve("casenumbers/case-types.yaml"),
                "types:\n  - {code: 民终, category: CIVIL, instance: SECOND, procedures: [CIVIL_FIRST_ORDINARY]}\n");
        assertThatThrownBy(() -> TestSeeds.load(dir)).isInstanceOf(SeedException.class).hasMessage(
                dir.resolve("casenumbers/case-types.yaml") + ": type 民终: procedures: CIVIL_FIRST_ORDINARY is CIVIL/FIRST"
                        + " in the rule table, the type says CIVIL/SECOND");
    }

    @Test
    void shouldRejectMissingFolder() {
        assertThatThrownBy(() -> TestSeeds.load(dir.resolve("nowhere"))).isInstanceOf(SeedException.class)
                .hasMessageContaining("trial-limits.yaml: file: not found");
    }
}
