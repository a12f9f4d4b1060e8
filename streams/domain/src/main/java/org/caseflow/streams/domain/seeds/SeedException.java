package org.caseflow.streams.domain.seeds;

import java.nio.file.Path;

import org.caseflow.CaseflowException;

/**
 * A seed file (rules, calendars, courts) that cannot be used. The message always names the file,
 * the entry and the reason, e.g. {@code seeds/rules/trial-limits.yaml: procedure CIVIL_SMALL_CLAIMS:
 * base limit: must be positive}, so that an operator can fix the file without reading code.
 */
public class SeedException extends CaseflowException {
    public SeedException(String message) {
        super(message);
    }

    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file: entry: reason}. */
    public static SeedException of(Path file, String entry, String reason) {
        return new SeedException(file + ": " + entry + ": " + reason);
    }
}
