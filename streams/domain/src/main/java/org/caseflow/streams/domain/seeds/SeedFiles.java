package org.caseflow.streams.domain.seeds;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the seed loaders get their bytes (the port of the domain's one input): the domain does no I/O, so every
 * loader ({@link Seeds#load}, {@code RuleTable.load}, {@code CourtRegistry.load} …) takes its files through this, and
 * the caller decides where they come from (the app's disk reader, a test's folder). An implementation gives the two
 * raw operations; {@link #read} and {@link #yamlFiles} keep the seed files' rules and error messages here, once,
 * whoever reads the disk.
 */
public interface SeedFiles {

    /** The bytes of {@code file}; {@link NoSuchFileException} when there is none. */
    byte[] bytes(Path file) throws IOException;

    /**
     * The entries of folder {@code dir}, in any order; {@link NoSuchFileException} or {@link NotDirectoryException}
     * when it is not a folder.
     */
    List<Path> entries(Path dir) throws IOException;

    /** A seed file's bytes; a missing or unreadable file fails with a {@link SeedException} naming it. */
    default byte[] read(Path file) {
        try {
            return bytes(file);
        } catch (NoSuchFileException e) {
            throw SeedException.of(file, "file", "not found");
        } catch (IOException e) {
            throw new SeedException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The *.yaml and *.yml files of a folder, sorted by name so that loading is deterministic; none is an error. */
    default List<Path> yamlFiles(Path dir) {
        List<Path> all;
        try {
            all = entries(dir);
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw SeedException.of(dir, "folder", "not found");
        } catch (IOException e) {
            throw new SeedException(dir + ": cannot list: " + e.getMessage(), e);
        }
        List<Path> yaml = all.stream()
                .filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".yaml") || n.endsWith(".yml");
                })
                .sorted()
                .toList();
        if (yaml.isEmpty()) {
            throw SeedException.of(dir, "folder", "holds no .yaml file");
        }
        return yaml;
    }
}
