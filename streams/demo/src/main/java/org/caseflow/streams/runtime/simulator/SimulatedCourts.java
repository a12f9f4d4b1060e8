package org.caseflow.streams.runtime.simulator;

import java.util.List;
import java.util.Objects;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.courts.Court;
import org.caseflow.streams.domain.courts.CourtLevel;
import org.caseflow.streams.domain.courts.CourtRegistry;

/**
 * The courts the simulator files cases at: one intermediate court (appeals, retrial reviews and
 * some first-instance cases) and its basic courts. Kept as a plain value so the simulator does not
 * depend on how the court registry is loaded.
 */
public record SimulatedCourts(String intermediate, List<String> basic) {
    public SimulatedCourts {
        Objects.requireNonNull(intermediate, "intermediate");
        basic = List.copyOf(basic);
        if (basic.isEmpty()) {
            throw new IllegalArgumentException("at least one basic court is required");
        }
        if (basic.contains(intermediate)) {
            throw new IllegalArgumentException("the intermediate court " + intermediate + " is also listed as basic");
        }
    }

    /**
     * Zhuzhou: the intermediate court 湘02 and its nine basic courts. Fallback for when no court
     * registry is at hand (seeds/courts is the authoritative list).
     */
    public static SimulatedCourts zhuzhou() {
        return new SimulatedCourts("湘02", List.of(
                "湘0202", "湘0203", "湘0204", "湘0211", "湘0212", "湘0223", "湘0224", "湘0225", "湘0281"));
    }

    /** An intermediate court of the registry and its basic courts (seeds/courts). */
    public static SimulatedCourts fromRegistry(CourtRegistry registry, String intermediate) {
        CourtId id = CourtId.ofUnchecked(intermediate);
        Court court = registry.find(id).orElseThrow(() -> new IllegalArgumentException(
                "no court " + intermediate + " in the court registry"));
        if (court.level() != CourtLevel.INTERMEDIATE) {
            throw new IllegalArgumentException(intermediate + " is a " + court.level() + " court, not an intermediate one");
        }
        List<String> basic = registry.all().stream()
                .filter(c -> c.level() == CourtLevel.BASIC && id.equals(c.parent()))
                .map(c -> c.code().value())
                .toList();
        if (basic.isEmpty()) {
            throw new IllegalArgumentException("the court registry lists no basic court under " + intermediate);
        }
        return new SimulatedCourts(intermediate, basic);
    }

    public List<String> all() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(intermediate), basic.stream()).toList();
    }
}
