package org.caseflow.streams.domain.courts;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseflow.streams.domain.seeds.ReferenceVersion;
import org.caseflow.streams.domain.seeds.SeedException;

/**
 * The courts of a courts file published live (issue 15), read like a seed file of {@code seeds/courts}. What can be
 * live is adding courts: {@link #addTo} refuses, naming the file and the court, anything that changes a court the
 * running instances already know (its name, level, parent, zone or jurisdiction: cases, roll-ups, alert escalation,
 * per-court gauges and digest zones were indexed under it), a different supervision chain, and a new court outside
 * the zone and jurisdiction the running tasks assume of a court they did not load at start (the engine's default
 * court zone, {@code caseflow.engine.default.zone}, and {@code CN}). Removing or merging a court is not expressible:
 * a court missing from the file is simply not added.
 */
public record CourtAddition(List<Court> courts, List<SupervisionRole> supervisionChain, ReferenceVersion version) {
    /** The calendar jurisdiction every court added live must have (the case tasks' default). */
    public static final String LIVE_JURISDICTION = "CN";

    /** Parses a courts file's text; errors are {@code file: entry: reason}. */
    public static CourtAddition parse(Path file, byte[] content) {
        return CourtReader.parse(file, content);
    }

    /**
     * {@code base} with this file's new courts added; refused whole (a {@link SeedException}) as described above.
     * {@code liveZone} is the zone every court added live must have (the case tasks' default court zone).
     */
    public CourtRegistry addTo(CourtRegistry base, Path file, ZoneId liveZone) {
        if (!supervisionChain.equals(base.supervisionChain())) {
            throw SeedException.of(file, "supervisionChain", supervisionChain + " differs from " + base.supervisionChain()
                    + " in force: changing the escalation order takes a redeploy");
        }
        Map<CourtId, Court> all = new LinkedHashMap<>();
        base.all().forEach(c -> all.put(c.code(), c));
        for (Court c : courts) {
            Court known = all.get(c.code());
            if (known != null) {
                if (!known.equals(c)) {
                    throw SeedException.of(file, "court " + c.code(), "differs from the court in force (" + known
                            + "): changing an existing court's name, level, parent, zone or jurisdiction takes a"
                            + " redeploy (its cases, roll-ups, escalation and gauges were indexed under it)");
                }
                continue;
            }
            if (!c.zone().equals(liveZone)) {
                throw SeedException.of(file, "court " + c.code(), "zone: " + c.zone() + ": a court added live must be in "
                        + liveZone + " (the digest and alert clocks of other zones are set up at start); redeploy");
            }
            if (!c.jurisdiction().equals(LIVE_JURISDICTION)) {
                throw SeedException.of(file, "court " + c.code(), "jurisdiction: " + c.jurisdiction() + ": a court"
                        + " added live must use the " + LIVE_JURISDICTION + " calendar; redeploy");
            }
            all.put(c.code(), c);
        }
        for (Court c : courts) {
            CourtReader.checkParent(file, c, all);
        }
        return new CourtRegistry(all, base.supervisionChain(), new ReferenceVersion(base.version().version()
                + "; live " + file.getFileName() + " " + version, null));
    }
}
