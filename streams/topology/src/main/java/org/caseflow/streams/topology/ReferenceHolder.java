package org.caseflow.streams.topology;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.CaseView;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.domain.seeds.ReferencePublication;
import org.caseflow.streams.domain.seeds.Seeds;

/**
 * The reference data in force in this application instance (issue 15), shared by its stream threads: written by the
 * global {@link ReferenceProcessor} (from {@code caseflow.reference-data}), read by the case processor, which takes
 * the {@link CaseEngine} of each case's filing day from here instead of a fixed one. {@link #loaded()} turns true
 * once the global store has been read, so that tasks do not recompute towards the seed files for nothing at start.
 */
public final class ReferenceHolder {
    private final AtomicReference<ReferenceData> data;
    private final CaseEngine.Settings settings;
    private final CaseEngine base;
    private final Map<Seeds, CaseEngine> engines = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** Starts from {@code engine}'s seeds; {@code loaded} is false until the global store has been read. */
    public ReferenceHolder(CaseEngine engine) {
        this(ReferenceData.of(engine.seeds(), engine.settings().defaultZone()), engine, false);
    }

    /** Starts from data known up front (replay: {@code --reference} files); nothing more will be loaded. */
    public ReferenceHolder(ReferenceData initial, CaseEngine engine, boolean loaded) {
        this.data = new AtomicReference<>(initial);
        this.settings = engine.settings();
        this.base = engine;
        this.loaded = loaded;
        engines.put(engine.seeds(), engine);
    }

    public ReferenceData data() {
        return data.get();
    }

    /** The engine of the seed files (courts, zones: what cannot change live). */
    public CaseEngine base() {
        return base;
    }

    /** The engine for cases filed from now on. */
    public CaseEngine current() {
        return engineOf(data.get().current());
    }

    /** The engine a case filed on {@code filedOn} is computed with under {@code under} (null: not filed yet). */
    public CaseEngine engineFor(ReferenceData under, LocalDate filedOn) {
        return engineOf(under.forFiling(filedOn));
    }

    /**
     * The engine for {@code event} applied to a case in {@code state}: by the case's filing day, or by the day the
     * event files it, so a filing dated before a {@code new-cases} version's effective date is computed under the
     * version before, from its first evaluation on.
     */
    public CaseEngine engineFor(CaseState state, CaseEvent event) {
        CaseView view = state == null ? null : state.view();
        LocalDate filedOn = view != null && view.filed() ? view.filedOn()
                : event != null && event.getPayload() instanceof CaseFiled f ? f.getFiledOn() : null;
        return engineFor(data.get(), filedOn);
    }

    public CaseEngine engineFor(CaseState state) {
        return engineFor(state, null);
    }

    private CaseEngine engineOf(Seeds seeds) {
        return engines.computeIfAbsent(seeds, s -> new CaseEngine(s, settings));
    }

    /** A key's chain as read from the reference-data topic (empty: a tombstone, back to the seed file). */
    public synchronized void update(String key, List<ReferencePublication> chain) {
        ReferenceData next = data.get().withChain(key, chain);
        data.set(next);
        // Engines of selections no longer in force are dropped (a task that needs an old one for a recompute holds it).
        engines.keySet().removeIf(s -> s != base.seeds() && s != next.current());
    }

    public boolean loaded() {
        return loaded;
    }

    public void markLoaded() {
        loaded = true;
    }
}
