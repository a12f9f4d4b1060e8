package org.caseflow.streams.domain.seeds;

import java.util.Locale;
import java.util.Optional;

/**
 * Which open cases a published version of reference data applies to (issue 15). {@link #PENDING}: every case,
 * pending ones included, so their deadlines are recomputed; {@link #NEW_CASES}: cases filed on or after the
 * version's {@code effectiveFrom} only; cases filed before keep the version they were filed under.
 */
public enum Propagation {
    PENDING, NEW_CASES;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Propagation> ofCode(String code) {
        for (Propagation p : values()) {
            if (p.code().equals(code == null ? null : code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
