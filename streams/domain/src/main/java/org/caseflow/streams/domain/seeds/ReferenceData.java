package org.caseflow.streams.domain.seeds;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.caseflow.streams.domain.calendar.WorkCalendar;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.indicators.IndicatorDefinitionException;
import org.caseflow.streams.domain.indicators.IndicatorDefinitions;

/**
 * The reference data in force: the seeds the instance started with, plus what was published since (issue 15), per
 * key ({@code rules/trial-limits}, {@code calendar/CN}) as a chain of versions, oldest first. A
 * {@link Propagation#PENDING} version applies to every case and so ends the chain before it; a
 * {@link Propagation#NEW_CASES} version is appended, and cases filed before its effective date keep the version
 * before it (or the seed file). Immutable: a publication makes a new one. Which seeds a case is computed with is
 * {@link #forFiling(LocalDate)}.
 */
public final class ReferenceData {
    /** The key of the courts added live on the reference-data topic. */
    public static final String COURTS_KEY = ReferencePublication.key(ReferenceKind.COURTS,
            ReferencePublication.COURTS_TABLE);
    /** The key of the indicator definitions (their reference intervals) on the reference-data topic. */
    public static final String INDICATORS_KEY = ReferencePublication.key(ReferenceKind.INDICATORS,
            ReferencePublication.INDICATOR_TABLE);
    private final Seeds base;
    private final Map<String, List<ReferencePublication>> chains;
    private final Seeds current;
    private final boolean byFiling;
    private final Map<List<ReferencePublication>, Seeds> composed = new ConcurrentHashMap<>();
    private final Map<LocalDate, Seeds> byDay = new ConcurrentHashMap<>();
    /** The seeds with the courts added live (the seeds themselves when none were). */
    private final Seeds withCourts;
    /** Courts added live → the day their events are accepted from. */
    private final Map<CourtId, LocalDate> courtsAddedOn;

    /** The zone every court added live must have: the case tasks' default court zone (courts they did not load). */
    private final ZoneId liveZone;

    private ReferenceData(Seeds base, Map<String, List<ReferencePublication>> chains, ZoneId liveZone) {
        this.base = base;
        this.liveZone = liveZone;
        this.chains = Collections.unmodifiableMap(new TreeMap<>(chains));
        List<ReferencePublication> courtChain = this.chains.get(COURTS_KEY);
        Map<CourtId, LocalDate> addedOn = new java.util.HashMap<>();
        if (courtChain == null) {
            this.withCourts = base;
        } else {
            ReferencePublication newest = courtChain.get(courtChain.size() - 1);
            this.withCourts = base.withCourts(newest.courts().addTo(base.courts(), Path.of(newest.file()), liveZone));
            for (ReferencePublication p : courtChain) {
                for (org.caseflow.streams.domain.courts.Court c : p.courts().courts()) {
                    if (!base.courts().contains(c.code())) {
                        addedOn.putIfAbsent(c.code(), p.effectiveFrom());
                    }
                }
            }
        }
        this.courtsAddedOn = Map.copyOf(addedOn);
        this.byFiling = chains.values().stream().anyMatch(c -> c.get(0).forCases() && (c.size() > 1
                || c.get(0).propagation() == Propagation.NEW_CASES));
        this.current = compose(select(null));
    }

    /**
     * The seeds alone. {@code liveZone} is the engine's default court zone ({@code caseflow.engine.default.zone}): the
     * zone the running tasks give a court they did not load, and so the only one a court published live may have.
     */
    public static ReferenceData of(Seeds base, ZoneId liveZone) {
        return new ReferenceData(base, Map.of(), liveZone);
    }

    /** The zone a court published live must have ({@link #of}). */
    public ZoneId liveZone() {
        return liveZone;
    }

    public Seeds base() {
        return base;
    }

    /** The seeds a case filed from now on is computed with. */
    public Seeds current() {
        return current;
    }

    /** The seeds of a case filed on {@code filedOn} (null: not filed yet). */
    public Seeds forFiling(LocalDate filedOn) {
        if (!byFiling || filedOn == null) {
            return current;
        }
        return byDay.computeIfAbsent(filedOn, d -> compose(select(d)));
    }

    /** The published chains by key, oldest version first. */
    public Map<String, List<ReferencePublication>> chains() {
        return chains;
    }

    /** The newest published version of {@code key}, if any. */
    public Optional<ReferencePublication> newest(String key) {
        List<ReferencePublication> chain = chains.get(key);
        return chain == null ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }

    /**
     * The version a key stands at: its newest publication's, else the seed file's ({@code unversioned} when the file
     * has none, and empty for a calendar the seeds do not have).
     */
    public Optional<String> versionOf(String key) {
        Optional<ReferencePublication> newest = newest(key);
        if (newest.isPresent()) {
            return Optional.of(newest.get().version());
        }
        if (key.equals(ReferencePublication.key(ReferenceKind.RULES, ReferencePublication.RULE_TABLE))) {
            return Optional.of(base.rules().version().version());
        }
        if (key.equals(INDICATORS_KEY)) {
            return Optional.of(base.indicators().version().version());
        }
        String calendarPrefix = ReferenceKind.CALENDAR.code() + "/";
        if (key.startsWith(calendarPrefix)) {
            return base.calendars().find(key.substring(calendarPrefix.length()))
                    .map(c -> c.version().version());
        }
        return Optional.empty();
    }

    /** Every key with the version it stands at: the rule table, each calendar and the indicator intervals. */
    public Map<String, String> versions() {
        Map<String, String> versions = caseVersions();
        newest(COURTS_KEY).ifPresent(p -> versions.put(COURTS_KEY, p.version()));
        versions.put(INDICATORS_KEY, versionOf(INDICATORS_KEY).orElseThrow());
        return versions;
    }

    /** The versions deadlines depend on: the rule table and each calendar (what a case task recomputes for). */
    public Map<String, String> caseVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        String rules = ReferencePublication.key(ReferenceKind.RULES, ReferencePublication.RULE_TABLE);
        versions.put(rules, versionOf(rules).orElseThrow());
        for (WorkCalendar c : base.calendars().all()) {
            String key = ReferencePublication.key(ReferenceKind.CALENDAR, c.jurisdiction());
            versions.put(key, versionOf(key).orElseThrow());
        }
        return versions;
    }

    /**
     * The indicator definitions whose reference intervals apply to a window ending in {@code endMonth}: the newest
     * published version effective on or before that month's last day, else the seed file's (issue 15).
     */
    public IndicatorDefinitions indicatorsFor(YearMonth endMonth) {
        List<ReferencePublication> chain = chains.get(INDICATORS_KEY);
        if (chain != null) {
            LocalDate lastDay = endMonth.atEndOfMonth();
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (!chain.get(i).effectiveFrom().isAfter(lastDay)) {
                    return chain.get(i).indicators();
                }
            }
        }
        return base.indicators();
    }

    /** The courts in force: the seeds' and those added live (a court added live is in force from its effectiveFrom). */
    public org.caseflow.streams.domain.courts.CourtRegistry courts() {
        return withCourts.courts();
    }

    /** The day events of a court added live are accepted from; null for a court of the seeds (or an unknown one). */
    public LocalDate courtAddedOn(CourtId code) {
        return courtsAddedOn.isEmpty() || code == null ? null : courtsAddedOn.get(code);
    }

    /**
     * The published interval versions as {@code version@effectiveFrom} lines (empty: the seed file's): an indicator
     * task that applied one signature re-publishes the periods a different one can change.
     */
    public String indicatorSignature() {
        StringBuilder out = new StringBuilder();
        for (ReferencePublication p : chains.getOrDefault(INDICATORS_KEY, List.of())) {
            out.append(out.length() == 0 ? "" : "\n").append(p.version()).append('@').append(p.effectiveFrom());
        }
        return out.toString();
    }

    /**
     * The data with {@code p} published: refused (a {@link SeedException} naming the file) when its version is not
     * newer than the one in force, or when it is a calendar for a jurisdiction the seeds have no calendar for; the
     * same data when {@code p} is exactly the version in force (an idempotent re-publish).
     */
    public ReferenceData publish(ReferencePublication p) {
        Path file = Path.of(p.file());
        if (p.kind() == ReferenceKind.CALENDAR && base.calendars().find(p.table()).isEmpty()) {
            throw SeedException.of(file, "jurisdiction", "'" + p.table() + "' has no calendar in the seeds, so no"
                    + " court uses it");
        }
        if (p.kind() == ReferenceKind.INDICATORS) {
            requireIntervalsOnly(p);
        }
        Optional<ReferencePublication> newest = newest(p.key());
        if (p.kind() == ReferenceKind.COURTS) {
            requireCourtsAddable(p, newest.orElse(null));
        }
        if (newest.isPresent() && newest.get().sameAs(p)) {
            return this;
        }
        String inForce = versionOf(p.key()).orElse(ReferenceVersion.UNVERSIONED.version());
        if (!ReferenceVersion.UNVERSIONED.version().equals(inForce) && compareVersions(p.version(), inForce) <= 0) {
            throw SeedException.of(file, "version", "'" + p.version() + "' is not newer than '" + inForce
                    + "' in force for " + p.key());
        }
        List<ReferencePublication> chain = new ArrayList<>();
        if (p.propagation() == Propagation.NEW_CASES) {
            chain.addAll(chains.getOrDefault(p.key(), List.of()));
        }
        chain.add(p);
        return withChain(p.key(), chain);
    }

    /** The data with {@code key}'s chain replaced (as read back from the reference-data topic). */
    public ReferenceData withChain(String key, List<ReferencePublication> chain) {
        ReferencePublication previous = null;
        for (ReferencePublication p : chain) {
            // A record written past caseflow reference publish is not trusted.
            if (p.kind() == ReferenceKind.INDICATORS) {
                requireIntervalsOnly(p);
            } else if (p.kind() == ReferenceKind.COURTS) {
                requireCourtsAddable(p, previous);
            }
            previous = p;
        }
        Map<String, List<ReferencePublication>> next = new TreeMap<>(chains);
        if (chain.isEmpty()) {
            next.remove(key);
        } else {
            next.put(key, List.copyOf(chain));
        }
        return new ReferenceData(base, next, liveZone);
    }

    /**
     * Orders versions as people write them: runs of digits by value, the rest by text ({@code 2026.2 < 2026.10},
     * {@code 2026.1 < 2027.1}).
     */
    public static int compareVersions(String a, String b) {
        List<String> x = parts(a);
        List<String> y = parts(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String p = x.get(i);
            String q = y.get(i);
            boolean digits = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0));
            int c = digits ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<String> parts(String version) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < version.length()) {
            int start = i;
            boolean digit = Character.isDigit(version.charAt(i));
            while (i < version.length() && Character.isDigit(version.charAt(i)) == digit) {
                i++;
            }
            parts.add(version.substring(start, i));
        }
        return parts;
    }

    /**
     * A courts version adds courts to the seeds' ({@link org.caseflow.streams.domain.courts.CourtAddition#addTo}) and
     * keeps every court an earlier version added: a court whose cases exist cannot go away live.
     */
    private void requireCourtsAddable(ReferencePublication p, ReferencePublication previous) {
        Path file = Path.of(p.file());
        p.courts().addTo(base.courts(), file, liveZone);
        if (previous != null) {
            Set<CourtId> now = new java.util.HashSet<>();
            p.courts().courts().forEach(c -> now.add(c.code()));
            for (org.caseflow.streams.domain.courts.Court c : previous.courts().courts()) {
                if (!base.courts().contains(c.code()) && !now.contains(c.code())) {
                    throw SeedException.of(file, "court " + c.code(), "missing: it was added by version "
                            + previous.version() + "; removing or merging a court takes a redeploy");
                }
            }
        }
    }

    private void requireIntervalsOnly(ReferencePublication p) {
        try {
            p.indicators().requireOnlyIntervalBoundsDiffer(base.indicators(), Path.of(p.file()));
        } catch (IndicatorDefinitionException e) {
            throw new SeedException(e.getMessage(), e);
        }
    }

    /** Per key, the publication a case filed on {@code filedOn} is computed with (keys without one: the seeds). */
    private List<ReferencePublication> select(LocalDate filedOn) {
        List<ReferencePublication> chosen = new ArrayList<>();
        for (List<ReferencePublication> chain : chains.values()) {
            if (!chain.get(0).forCases()) {
                continue; // indicator intervals apply by period, not to cases
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (chain.get(i).appliesToFiling(filedOn)) {
                    chosen.add(chain.get(i));
                    break;
                }
            }
        }
        return List.copyOf(chosen);
    }

    /** The seeds with the chosen publications in place; one instance per selection, so engines can be shared. */
    private Seeds compose(List<ReferencePublication> chosen) {
        if (current != null && chosen.equals(select(null))) {
            return current;
        }
        return composed.computeIfAbsent(chosen, c -> {
            Seeds seeds = withCourts;
            for (ReferencePublication p : c) {
                seeds = p.kind() == ReferenceKind.RULES ? seeds.withRules(p.rules())
                        : seeds.withCalendar(Path.of(p.file()), p.calendar());
            }
            return seeds;
        });
    }
}
