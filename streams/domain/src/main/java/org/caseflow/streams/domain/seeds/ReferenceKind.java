package org.caseflow.streams.domain.seeds;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of reference data a seed file holds; every kind can be published while the application runs
 * ({@code caseflow reference publish}). Indicator intervals are effective-dated by period (windows ending on or after
 * effectiveFrom); courts can only be added, from their effectiveFrom on (changing a court the running tasks know takes
 * a redeploy, see {@link org.caseflow.streams.domain.courts.CourtAddition}).
 */
public enum ReferenceKind {
    RULES(Propagation.NEW_CASES, true),
    CALENDAR(Propagation.PENDING, true),
    COURTS(Propagation.NEW_CASES, true),
    INDICATORS(Propagation.NEW_CASES, true);

    private final Propagation defaultPropagation;
    private final boolean live;

    ReferenceKind(Propagation defaultPropagation, boolean live) {
        this.defaultPropagation = defaultPropagation;
        this.live = live;
    }

    /**
     * The propagation when the publisher names none. A calendar records facts about days (which are rest days), and
     * CPL 85 / Civil Code 203 roll any period ending on one forward, whenever the case was filed: pending. A rule
     * table is law that changes: an amendment is applied to cases filed after it takes effect unless it says
     * otherwise (the 2021 CPL amendment's small-claims limit did not shorten cases already pending): new cases.
     */
    public Propagation defaultPropagation() {
        return defaultPropagation;
    }

    /** Whether running instances pick a publication of this kind up. */
    public boolean live() {
        return live;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code rules|calendar|courts|indicators}; empty for anything else. */
    public static Optional<ReferenceKind> ofCode(String code) {
        for (ReferenceKind kind : values()) {
            if (kind.code().equals(code == null ? null : code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind of a seed file, from its top-level fields; a file that fits none is refused with the fields it has. */
    public static ReferenceKind detect(Path file, byte[] content) {
        Set<String> fields = SeedYaml.topLevelFields(file, content);
        if (fields.contains("rules")) {
            return RULES;
        }
        if (fields.contains("years") && fields.contains("jurisdiction")) {
            return CALENDAR;
        }
        if (fields.contains("courts")) {
            return COURTS;
        }
        if (fields.contains("indicators")) {
            return INDICATORS;
        }
        throw SeedException.of(file, "file", "not a rules, calendar, courts or indicators seed (top-level fields "
                + fields + "); name the kind with --kind");
    }
}
