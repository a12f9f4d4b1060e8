package org.caseflow.streams.domain.seeds;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The version of one piece of reference data (a rule table, a calendar, a court list, the indicator definitions), as
 * its seed file states it ({@code version}, optional {@code effectiveFrom}), so that every computed deadline can say
 * which data it was computed with (issue 15). A file without a version reads as {@link #UNVERSIONED}.
 */
public record ReferenceVersion(String version, LocalDate effectiveFrom) {
    public static final ReferenceVersion UNVERSIONED = new ReferenceVersion("unversioned", null);

    /** Reads the two top-level fields of a seed file; a blank version or an impossible date names the file. */
    public static ReferenceVersion read(Path file, String version, String effectiveFrom) {
        if (version == null) {
            if (effectiveFrom != null) {
                throw SeedException.of(file, "version", "missing (effectiveFrom is given)");
            }
            return UNVERSIONED;
        }
        if (version.isBlank() || version.length() > 64 || !version.strip().equals(version)) {
            throw SeedException.of(file, "version", "'" + version + "' must be 1 to 64 characters without surrounding"
                    + " blanks");
        }
        return new ReferenceVersion(version,
                effectiveFrom == null ? null : SeedYaml.date(file, "version " + version, "effectiveFrom", effectiveFrom));
    }

    @Override
    public String toString() {
        return effectiveFrom == null ? version : version + " (effective " + effectiveFrom + ")";
    }
}
