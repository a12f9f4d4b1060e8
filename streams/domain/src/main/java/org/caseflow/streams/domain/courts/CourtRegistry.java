package org.caseflow.streams.domain.courts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The court hierarchy of all files in {@code seeds/courts}: lookups, ancestors (for escalation to the
 * higher court) and subordinates (for "all courts of the city" indicator scopes).
 */
public final class CourtRegistry {
    private final Map<CourtId, Court> courts;
    private final List<SupervisionRole> supervisionChain;

    private final org.caseflow.streams.domain.seeds.ReferenceVersion version;

    CourtRegistry(Map<CourtId, Court> courts, List<SupervisionRole> supervisionChain,
            org.caseflow.streams.domain.seeds.ReferenceVersion version) {
        this.courts = Collections.unmodifiableMap(new LinkedHashMap<>(courts));
        this.supervisionChain = List.copyOf(supervisionChain);
        this.version = version;
    }

    /** The versions of the court files, each named ({@code zhuzhou.yaml 2026.1 (effective 2026-01-01)}). */
    public org.caseflow.streams.domain.seeds.ReferenceVersion version() {
        return version;
    }

    /** Loads and validates every *.yaml of the folder; failures raise a {@code SeedException}. */
    public static CourtRegistry load(Path dir, org.caseflow.streams.domain.seeds.SeedFiles files) {
        return CourtReader.read(dir, files);
    }

    /** The court of {@code code}; empty for an unknown or absent (null) code. */
    public Optional<Court> find(CourtId code) {
        return code == null ? Optional.empty() : Optional.ofNullable(courts.get(code));
    }

    public boolean contains(CourtId code) {
        return code != null && courts.containsKey(code);
    }

    /** Parent, grandparent, ... of a court inside the registry; empty for an unknown code. */
    public List<CourtId> ancestors(CourtId code) {
        List<CourtId> out = new ArrayList<>();
        Court c = courts.get(code);
        while (c != null && c.parent() != null) {
            out.add(c.parent());
            c = courts.get(c.parent());
        }
        return out;
    }

    /** The court itself and every court below it; empty for an unknown code. */
    public Set<CourtId> withSubordinates(CourtId code) {
        Set<CourtId> out = new LinkedHashSet<>();
        if (!courts.containsKey(code)) {
            return out;
        }
        out.add(code);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Court c : courts.values()) {
                if (c.parent() != null && out.contains(c.parent()) && out.add(c.code())) {
                    grew = true;
                }
            }
        }
        return out;
    }

    /** The escalation order for overdue cases (DESIGN §5). */
    public List<SupervisionRole> supervisionChain() {
        return supervisionChain;
    }

    /** The court a case escalates to after its own president: the parent, if in scope. */
    public Optional<CourtId> higherCourt(CourtId code) {
        return find(code).map(Court::parent);
    }

    public Collection<Court> all() {
        return courts.values();
    }
}
