package org.caseflow.streams.domain.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.caseflow.streams.domain.courts.CourtId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain's seed loaders read through the {@link SeedFiles} port only, with the seed files' error messages. */
class SeedFilesTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadTheSeedsFromBytesThatAreNotOnDisk() throws IOException {
        InMemory memory = InMemory.copyOf(Path.of("seeds"), Path.of("in-memory"));
        Seeds seeds = Seeds.load(Path.of("in-memory"), memory);
        assertThat(seeds.rules().all()).hasSize(22);
        assertThat(seeds.courts().find(new CourtId("湘02"))).isPresent();
        assertThat(seeds.calendars().forJurisdiction("CN").covers(2025)).isTrue();
        assertThat(memory.read).contains(Path.of("in-memory/rules/trial-limits.yaml"),
                Path.of("in-memory/indicators/indicators.yaml"), Path.of("in-memory/casenumbers/case-types.yaml"));
    }

    @Test
    void shouldNameAMissingFile() {
        Path file = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> TestSeeds.DISK.read(file)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": file: not found");
    }

    @Test
    void shouldNameAFileThatCannotBeRead() {
        Path file = Path.of("rules/trial-limits.yaml");
        SeedFiles failing = new Failing(new IOException("device not ready"));
        assertThatThrownBy(() -> failing.read(file)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": cannot read: device not ready");
    }

    @Test
    void shouldListTheYamlFilesOfAFolderSortedByName() throws IOException {
        for (String name : new String[] {"b.yml", "a.yaml", "C.YAML", "notes.txt"}) {
            Files.writeString(dir.resolve(name), "x: 1\n");
        }
        Files.createDirectories(dir.resolve("sub"));
        assertThat(TestSeeds.DISK.yamlFiles(dir)).containsExactly(dir.resolve("C.YAML"), dir.resolve("a.yaml"),
                dir.resolve("b.yml"));
    }

    @Test
    void shouldNameAMissingFolderOrAFileInItsPlace() throws IOException {
        Path absent = dir.resolve("courts");
        assertThatThrownBy(() -> TestSeeds.DISK.yamlFiles(absent)).isInstanceOf(SeedException.class)
                .hasMessage(absent + ": folder: not found");
        Path file = Files.writeString(dir.resolve("calendars"), "x: 1\n");
        assertThatThrownBy(() -> TestSeeds.DISK.yamlFiles(file)).isInstanceOf(SeedException.class)
                .hasMessage(file + ": folder: not found");
    }

    @Test
    void shouldNameAFolderWithoutYamlFiles() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "none here\n");
        assertThatThrownBy(() -> TestSeeds.DISK.yamlFiles(dir)).isInstanceOf(SeedException.class)
                .hasMessage(dir + ": folder: holds no .yaml file");
    }

    @Test
    void shouldNameAFolderThatCannotBeListed() {
        Path folder = Path.of("courts");
        SeedFiles failing = new Failing(new AccessDeniedException("courts"));
        assertThatThrownBy(() -> failing.yamlFiles(folder)).isInstanceOf(SeedException.class)
                .hasMessage(folder + ": cannot list: courts");
    }

    /** Seed files held in memory (as a packaged or published set would be), recording what was read. */
    private static final class InMemory implements SeedFiles {
        final Map<Path, byte[]> files = new LinkedHashMap<>();
        final List<Path> read = new ArrayList<>();

        static InMemory copyOf(Path from, Path as) throws IOException {
            InMemory memory = new InMemory();
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    memory.files.put(as.resolve(from.relativize(p).toString()), Files.readAllBytes(p));
                }
            }
            return memory;
        }

        @Override
        public byte[] bytes(Path file) throws IOException {
            byte[] content = files.get(file);
            if (content == null) {
                throw new NoSuchFileException(file.toString());
            }
            read.add(file);
            return content;
        }

        @Override
        public List<Path> entries(Path dir) throws IOException {
            List<Path> in = files.keySet().stream().filter(p -> dir.equals(p.getParent())).toList();
            if (in.isEmpty()) {
                throw new NoSuchFileException(dir.toString());
            }
            return in;
        }
    }

    /** A source whose every read fails. */
    private record Failing(IOException failure) implements SeedFiles {
        @Override
        public byte[] bytes(Path file) throws IOException {
            throw failure;
        }

        @Override
        public List<Path> entries(Path dir) throws IOException {
            throw failure;
        }
    }
}
