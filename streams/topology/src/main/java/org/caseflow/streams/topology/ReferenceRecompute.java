package org.caseflow.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.CaseView;
import org.caseflow.streams.domain.deadline.DeadlineInput;
import org.caseflow.streams.domain.rules.Procedure;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.caseflow.streams.topology.StoreKeys.DeadlineKey;

/**
 * One case-processor task's side of a live reference-data change (issue 15): notices that the {@link ReferenceHolder}
 * holds other versions than the task's cases were computed with, and walks the task's deadline index
 * ({@link StoreNames#DEADLINE_INDEX}) in bounded steps, handing each entry whose deadline can depend on the change to
 * the processor ({@link Cases#recompute}). What the task has applied ({@link #APPLIED_KEY}) and where a walk stands
 * ({@link #JOB_KEY}, a {@link RecomputeJob}) are kept in the due store, committed with what each step sent, so a
 * restart resumes the walk. Each step is one {@link CaseProcessor.Step}: the same count and time bounds as timer work,
 * so a change touching a million cases spreads over many commits instead of one long transaction.
 *
 * <p>Cases whose clock stands still (an open exclusion that began before the limit ran out: no deadline, so not in
 * the deadline index) are listed in the due store under {@link #STOPPED_PREFIX} (court and procedure), kept by
 * {@link #indexStopped}; the walk visits them after the deadline index. A new calendar can decide whether the
 * exclusion began before the (rolled-forward, CPL 85 / Civil Code 203) last day at all, so such a case can start or
 * stop running without an event of its own.
 */
final class ReferenceRecompute {
    /** The versions the task's cases were last brought to (sorts after every due key, like the clock). */
    static final String APPLIED_KEY = "~reference-applied";
    static final String JOB_KEY = "~reference-job";
    /** Due-store keys of the cases whose clock stands still: {@code ~stopped|caseId} → {@code court|procedure}. */
    static final String STOPPED_PREFIX = "~stopped|";
    private static final String STOPPED_END = "~stopped|\uffff";
    /**
     * Deadline-index keys read at a time. The index is a cached store, and each range read over it copies the cached
     * keys from the cursor to the end (Kafka Streams' NamedCache iterates a copy of the key range); a recomputation
     * moves cases ahead of the cursor, so between two commits the cache holds tens of thousands of such keys. Fewer,
     * larger reads copy them fewer times; a step that stops mid-batch reads the rest again at the next step.
     */
    private static final int BATCH = 4_096;
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceRecompute.class);

    /** What the processor does for one candidate entry. */
    interface Cases {
        /**
         * Re-evaluates the case of index entry {@code key} under {@code now} (its engine was {@code before});
         * {@code leadTimes} is the entry's value as the walk read it with the key.
         */
        void recompute(String key, String leadTimes, RecomputeJob job, ReferenceData before, ReferenceData now);

        /**
         * Re-evaluates a case whose clock stood still when it was listed; false when it is not (or no longer) such a
         * case, and its listing is dropped.
         */
        boolean recomputeStopped(String caseId, RecomputeJob job, ReferenceData before, ReferenceData now);

        /** The walk starts: counts and threshold profiles follow the new data. */
        void starting(ReferenceData now);
    }

    private final ReferenceHolder holder;
    private final KeyValueStore<String, String> due;
    private final KeyValueStore<String, String> deadlines;
    private final Counter recomputed;
    private RecomputeJob job;
    /** The data the task's cases were computed with, when known (not after a restart). */
    private ReferenceData applied;
    /** The data the walk brings them to, when known. */
    private ReferenceData target;
    /** Cases moved to a key after the cursor during this walk: they are not handled twice. */
    private final Set<String> movedAhead = new HashSet<>();

    ReferenceRecompute(ReferenceHolder holder, KeyValueStore<String, String> due, KeyValueStore<String, String> deadlines,
            MeterRegistry registry) {
        this.holder = holder;
        this.due = due;
        this.deadlines = deadlines;
        this.recomputed = Counter.builder("caseflow.reference.recomputed")
                .description("Open cases re-evaluated after a reference-data change").register(registry);
        String saved = due.get(JOB_KEY);
        this.job = saved == null ? null : RecomputeJob.decode(saved);
        String appliedSignature = due.get(APPLIED_KEY);
        ReferenceData base = ReferenceData.of(holder.base().seeds(), holder.data().liveZone());
        if (job == null && (appliedSignature == null || appliedSignature.equals(RecomputeJob.signature(base)))) {
            // A new task, or one whose cases were computed with the seed files: the data before is the seed files.
            this.applied = base;
        }
    }

    /** Whether a walk is under way (the processor then records moves ahead of the cursor). */
    boolean walking() {
        return job != null;
    }

    /** One bounded step: starts a walk when the holder moved on, else continues the one under way. */
    void step(CaseProcessor.Step step, Cases cases) {
        if (!holder.loaded()) {
            return; // the global store is still being read: do not walk towards the seed files for nothing
        }
        ReferenceData now = holder.data();
        String signature = RecomputeJob.signature(now);
        if (job == null) {
            if (applied != null && signature.equals(RecomputeJob.signature(applied))) {
                applied = now;
                return;
            }
            if (applied == null && signature.equals(due.get(APPLIED_KEY))) {
                applied = now;
                return;
            }
            start(applied == null ? RecomputeJob.everything(now) : RecomputeJob.between(applied, now), now, cases);
        } else if (!signature.equals(job.target())) {
            // A newer version arrived while walking: widen the walk to it and start over (cases already handled are
            // handled again; those the newer change does not move send nothing).
            RecomputeJob next = target == null ? RecomputeJob.everything(now) : RecomputeJob.between(target, now);
            start(job.widen(next), now, cases);
        } else if (target == null) {
            target = now; // resumed after a restart
            cases.starting(now);
        }
        walk(step, cases);
    }

    private void start(RecomputeJob next, ReferenceData now, Cases cases) {
        LOG.info("reference data changed to {}: recomputing the task's cases ({})", next.target(),
                next.all() ? "all" : "calendar years " + next.years() + ", procedures " + next.procedures());
        job = next;
        target = now;
        movedAhead.clear();
        due.put(JOB_KEY, job.encode());
        cases.starting(now);
    }

    private void walk(CaseProcessor.Step step, Cases cases) {
        if (job.empty()) {
            finish();
            return;
        }
        int passed = 0;
        while (!stoppedPhase()) {
            // Entries are read a batch at a time and the iterator closed before the cases move in the index. An
            // entry's value still holds when its case's turn comes: only that case writes under its key, and a step
            // that stops mid-batch reads the rest again at the next step, after any events between the two.
            List<KeyValue<String, String>> batch = new ArrayList<>(BATCH);
            try (KeyValueIterator<String, String> it = deadlines.range(
                    job.after() == null ? null : job.after() + "\0", null)) {
                while (batch.size() < BATCH && it.hasNext()) {
                    batch.add(it.next());
                }
            }
            if (batch.isEmpty()) {
                job = job.handled(STOPPED_PREFIX); // the deadline index is done: on to the stopped clocks
                break;
            }
            for (KeyValue<String, String> entry : batch) {
                String key = entry.key;
                job = job.handled(key);
                DeadlineKey listed = DeadlineKey.decode(key);
                boolean take;
                if (!movedAhead.remove(listed.caseId())
                        && job.candidate(new CourtId(listed.court()), listed.deadline(), holder.base()::calendarOf)) {
                    cases.recompute(key, entry.value, job, applied, target);
                    recomputed.increment();
                    take = true;
                } else {
                    // Keys passed over cost a read each: a thousand of them count as one unit of the step.
                    take = ++passed % CaseProcessor.Step.MIN_UNITS == 0;
                }
                if (take && !step.take()) {
                    due.put(JOB_KEY, job.encode());
                    return;
                }
            }
        }
        walkStopped(step, cases, passed);
    }

    private boolean stoppedPhase() {
        return job.after() != null && job.after().startsWith(STOPPED_PREFIX);
    }

    /** The second part of a walk: the cases whose clock stands still, after the deadline index. */
    private void walkStopped(CaseProcessor.Step step, Cases cases, int passed) {
        while (true) {
            List<KeyValue<String, String>> batch = new ArrayList<>(BATCH);
            try (KeyValueIterator<String, String> it = due.range(job.after() + "\0", STOPPED_END)) {
                while (batch.size() < BATCH && it.hasNext()) {
                    batch.add(it.next());
                }
            }
            if (batch.isEmpty()) {
                finish();
                return;
            }
            for (KeyValue<String, String> entry : batch) {
                job = job.handled(entry.key);
                String caseId = entry.key.substring(STOPPED_PREFIX.length());
                int bar = entry.value.indexOf('|');
                boolean take;
                if (job.stoppedCandidate(new CourtId(entry.value.substring(0, bar)), Procedure.valueOf(entry.value.substring(bar + 1)),
                        holder.current()::calendarOf)) {
                    if (!cases.recomputeStopped(caseId, job, applied, target)) {
                        BlindDelete.from(due, entry.key);
                    }
                    recomputed.increment();
                    take = true;
                } else {
                    take = ++passed % CaseProcessor.Step.MIN_UNITS == 0;
                }
                if (take && !step.take()) {
                    due.put(JOB_KEY, job.encode());
                    return;
                }
            }
        }
    }

    /**
     * Keeps the list of cases whose clock stands still in step with a case's new state: written when a case starts
     * standing still (or changes procedure meanwhile), deleted when it runs again, closes or has a deadline.
     */
    void indexStopped(CaseState old, CaseState after) {
        String was = stoppedValue(old);
        String is = stoppedValue(after);
        if (java.util.Objects.equals(was, is)) {
            return;
        }
        String caseId = (after != null ? after.caseId() : old.caseId()).value();
        if (is == null) {
            BlindDelete.from(due, STOPPED_PREFIX + caseId);
        } else {
            due.put(STOPPED_PREFIX + caseId, is);
        }
    }

    /** {@code court|procedure} of an open case with no deadline because an open exclusion holds its clock; else null. */
    static String stoppedValue(CaseState state) {
        if (state == null || state.atRisk() != null) {
            return null; // listed in the deadline index, or no state
        }
        CaseView view = state.view();
        if (view == null || !view.filed() || view.closed() || view.procedure() == null) {
            return null;
        }
        for (DeadlineInput.Exclusion e : view.exclusions()) {
            if (e != null && e.interval() != null && e.interval().until() == null) {
                return view.court() + "|" + view.procedure();
            }
        }
        return null;
    }

    private void finish() {
        LOG.info("recomputation to {} done", job.target());
        due.put(APPLIED_KEY, job.target());
        BlindDelete.from(due, JOB_KEY);
        applied = target;
        job = null;
        movedAhead.clear();
    }

    /** The processor moved a case's index entry to {@code newKey}: when that is ahead of the cursor, skip it there. */
    void moved(String caseId, String newKey) {
        if (job != null && newKey != null && (job.after() == null || newKey.compareTo(job.after()) > 0)) {
            movedAhead.add(caseId);
        }
    }

    /** The engine a case filed on {@code filedOn} had under {@code data}; null when {@code data} is not known. */
    CaseEngine engineUnder(ReferenceData data, LocalDate filedOn) {
        return data == null ? null : holder.engineFor(data, filedOn);
    }
}
