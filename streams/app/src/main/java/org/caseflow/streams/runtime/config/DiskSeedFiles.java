package org.caseflow.streams.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.caseflow.streams.domain.seeds.SeedFiles;

/**
 * The seed files on disk: the app's side of the domain's {@link SeedFiles} port (the domain does no I/O). Only the
 * two raw reads live here; which files count, their order and the error messages are the port's. The domain's tests
 * have a copy of these lines ({@code TestSeeds.DISK}) because they cannot depend on the app.
 */
public final class DiskSeedFiles implements SeedFiles {
    /** The one instance (it holds nothing). */
    public static final DiskSeedFiles INSTANCE = new DiskSeedFiles();

    private DiskSeedFiles() {
    }

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
}
