package org.caseflow.streams.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.seeds.SeedException;
import org.caseflow.streams.domain.seeds.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's side of the domain's seed port: the repository's seeds load from disk, with the seed files' messages. */
class DiskSeedFilesTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadTheRepositorySeedsFromDisk() {
        Seeds seeds = Seeds.load(Path.of("seeds"), DiskSeedFiles.INSTANCE);
        assertThat(seeds.rules().all()).hasSize(22);
        assertThat(seeds.courts().find(new CourtId("湘02"))).isPresent();
    }

    @Test
    void shouldNameAMissingFileAndAMissingFolder() throws IOException {
        assertThatThrownBy(() -> Seeds.load(dir, DiskSeedFiles.INSTANCE)).isInstanceOf(SeedException.class)
                .hasMessage(dir.resolve("rules").resolve("trial-limits.yaml") + ": file: not found");
        Path notAFolder = Files.writeString(dir.resolve("courts"), "x: 1\n");
        assertThatThrownBy(() -> DiskSeedFiles.INSTANCE.yamlFiles(notAFolder)).isInstanceOf(SeedException.class)
                .hasMessage(notAFolder + ": folder: not found");
    }

    @Test
    void shouldListOnlyTheYamlFilesSortedByName() throws IOException {
        for (String name : new String[] {"z.yml", "a.yaml", "notes.md"}) {
            Files.writeString(dir.resolve(name), "x: 1\n");
        }
        assertThat(DiskSeedFiles.INSTANCE.yamlFiles(dir)).containsExactly(dir.resolve("a.yaml"), dir.resolve("z.yml"));
    }
}
