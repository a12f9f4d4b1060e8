package org.caseflow.streams.domain.seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed files on disk for tests (exported with the domain's test-jar to the modules above). A copy of the app's
 * {@code runtime/config/DiskSeedFiles}: the domain's tests cannot see the app, and the domain's main code may not read
 * files; both are the two raw reads, the rules and messages are {@link SeedFiles}'s.
 */
public final class TestSeeds {
    /** Reads the disk. */
    public static final SeedFiles DISK = new SeedFiles() {
        @Override
        public byte[] bytes(Path file) throws IOException {
            return Files.readAllBytes(file);
        }

        @Override
        public List<Path> entries(Path dir) throws IOException {
            try (Stream<Path> list = Files.list(dir)) {
                return list.toList();
            }
        }
    };

    private TestSeeds() {
    }

    /** The seeds of a folder on disk ({@code Path.of("seeds")}: the repository's). */
    public static Seeds load(Path root) {
        return Seeds.load(root, DISK);
    }
}
