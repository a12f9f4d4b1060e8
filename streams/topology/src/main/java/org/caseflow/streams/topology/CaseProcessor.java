package org.caseflow.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.schemas.AvroCodec;
import org.caseflow.streams.domain.EventType;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseLink;
import org.caseflow.streams.domain.cases.CaseResult;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.FiringAlert;
import org.caseflow.streams.domain.indicators.SignedFact;
import org.caseflow.streams.domain.input.EventChecks;
import org.caseflow.streams.domain.input.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.caseflow.streams.topology.StoreKeys.DeadlineKey;

/**
 * Keeps every case's state and finds what is due. Reads the three input topics (merged, keyed by caseId); reads and
 * writes {@link StoreNames#CASES} (state and recent events, one record per case), {@link StoreNames#CASE_EVENTS}
 * (archived event chunks), {@link StoreNames#DEADLINE_INDEX} (open cases by court and deadline day: the at-risk list
 * and where threshold crossings are found), {@link StoreNames#DUE_INDEX} (the other timers) and
 * {@link StoreNames#HELD_EVENTS}; forwards alerts to {@link Names#ALERTS_SINK}, snapshots to
 * {@link Names#SNAPSHOTS_SINK}, refused events to {@link Names#DEAD_LETTER_SINK}, indicator facts to the in-process
 * {@link Names#FACT_AGGREGATOR} and links of derived cases to {@link Names#LINKS_SINK} (keyed by the origin caseId).
 *
 * <p>Thresholds fall at local midnights fixed by the deadline day, so a midnight storm is range reads of the deadline
 * index ({@link ThresholdScan}) plus, per crossing, the case's own record and its alert: no timer entry is written or
 * deleted. Timer work is bounded per step in both clock modes ({@code tickMaxTimers} cases and {@link WorkBudgets#tick}),
 * so one transaction never carries a whole storm: it drains over several steps and commits, well inside
 * {@code transaction.timeout.ms}, and where the scan stands is committed with the alerts it raised. With
 * {@link ClockMode#WALL_CLOCK} a wall-clock punctuator fires what is due. With {@link ClockMode#EVENT_TIME} the clock is
 * the highest event time applied and everything due before a record fires before the record is applied; when that is
 * more than one step of work the record is held back ({@link HeldEvents}) with every record after it, and the
 * punctuator drains timers and held records in order. A record with a null value is a clock tick. An event older than
 * the clock's day is applied as of its own time ({@link CaseEngine#onLateEvent}) and counted. A record that breaks the
 * input rules ({@link EventChecks}, the ones {@code caseflow produce} applies) is dead-lettered as it arrives, before it
 * can move the event clock or reach a case.
 *
 * <p>Input values keep the bytes they arrived as ({@link ArrivedEvent}), and so does the case's event log: refused
 * events are dead-lettered as they came ({@link CaseDeadLetters}).
 */
final class CaseProcessor implements Processor<String, ArrivedEvent, String, Object> {
    /** Record timestamps outside EventChecks' plausible range, as instants (UTC: a day's slack either way is moot). */
    private static final Instant EARLIEST = EventChecks.EARLIEST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    private static final Instant LATEST = EventChecks.LATEST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    /** Crossings read from the deadline index at a time. */
    private static final int SCAN_BATCH = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(CaseProcessor.class);

    /** The seed files' engine: courts and zones (what cannot change live). */
    private final CaseEngine engine;
    /** The reference data in force (issue 15): each case's engine, by its filing day. */
    private final ReferenceHolder reference;
    private ReferenceRecompute recompute;
    private final EventChecks checks;
    private final TopologySettings settings;
    private final ProcessingMetrics metrics;
    private final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CaseRecord> cases;
    private KeyValueStore<String, byte[]> chunks;
    private DueIndex due;
    private KeyValueStore<String, String> deadlines;
    private ThresholdScan thresholds;
    /** The courts in this task's deadline index, for the threshold scans. */
    private IndexedCourts indexedCourts;
    private ThresholdProgress progress;
    private HeldEvents held;
    private CaseDeadLetters deadLetters;
    private final UncoveredDeadlines.Tally uncovered;
    /** Event time only (null on the wall clock). */
    private TaskClock clock;
    /** Event time: order across the event inputs at local midnights; null when the grace is zero. */
    private OrderBarrier barrier;
    /** Event time: the latest timestamp of a record let through to {@link #admit} (applied or held). */
    private long admitted;
    /** Event time: the first local midnight, in any court's zone, after {@link #admitted}. */
    private long nextMidnight;
    /** Event time: the first local midnight, in any court's zone, after {@link #eventClock()} (digest clocks). */
    private long clockMidnight;
    /**
     * The digest routes of the call in progress (a record, or a punctuation's step), handed to the digest router as one
     * record when the call ends ({@link DigestRoutes}) or before the event clock is sent on.
     */
    private final List<DigestRoute> digestRoutes = new ArrayList<>();
    /** When a storm of timer work has drained, so its last alerts are committed at once. */
    private final StormCommit storm = new StormCommit();

    CaseProcessor(ReferenceHolder reference, TopologySettings settings, ProcessingMetrics metrics,
            UncoveredDeadlines uncovered) {
        this.reference = reference;
        this.engine = reference.base();
        this.uncovered = uncovered.tally();
        // The courts in force, those added live included, each from its effective date (issue 15).
        this.checks = new EventChecks(() -> reference.data().courts(), code -> reference.data().courtAddedOn(code),
                reference.data().base().caseNumbers());
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.cases = context.getStateStore(StoreNames.CASES);
        this.chunks = context.getStateStore(StoreNames.CASE_EVENTS);
        this.due = new DueIndex(context.getStateStore(StoreNames.DUE_INDEX));
        this.deadlines = context.getStateStore(StoreNames.DEADLINE_INDEX);
        this.indexedCourts = IndexedCourts.of(deadlines);
        this.thresholds = thresholdScan(reference.data());
        this.held = new HeldEvents(context.getStateStore(StoreNames.HELD_EVENTS));
        this.deadLetters = new CaseDeadLetters(context, settings.topics(), metrics, codec);
        uncovered.recount(deadlines);
        this.recompute = new ReferenceRecompute(reference, context.getStateStore(StoreNames.DUE_INDEX), deadlines,
                metrics.registry());
        // Reference-data changes are worked through on their own punctuation, in steps bounded like timer work.
        context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME, routed(ts -> recompute.step(newStep(),
                recomputeCases())));
        String saved = due.thresholdProgress();
        this.progress = saved == null ? null : ThresholdProgress.decode(saved);
        if (settings.clockMode() == ClockMode.EVENT_TIME) {
            // The event clock survives restarts and rebalances: it never goes back in time.
            clock = TaskClock.caseTask(engine.settings().defaultZone(), due.clockSlot(),
                    progress == null ? Instant.EPOCH : progress.done());
            admitted = clock.eventTime().toEpochMilli();
            nextMidnight = nextMidnightAfter(admitted);
            clockMidnight = nextMidnight;
            if (!settings.orderGrace().isZero()) {
                barrier = new OrderBarrier(context.getStateStore(StoreNames.ORDER_BARRIER),
                        settings.topics().inputs(), settings.orderGrace(), context.currentSystemTimeMs());
            }
            context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME, routed(ts -> {
                releaseOrdered(ts);
                Step step = newStep();
                drainHeld(step);
                clock.saveIfMoved();
                metrics.tick(step.elapsed());
            }));
        } else {
            if (progress == null) {
                startThresholds(Instant.ofEpochMilli(context.currentSystemTimeMs()));
            }
            context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME, routed(ts -> {
                Step step = newStep();
                fireDue(Instant.ofEpochMilli(ts), step);
                metrics.tick(step.elapsed());
            }));
        }
    }

    /** A punctuation that hands the digest routes of its step to the digest router when it ends. */
    private Punctuator routed(Punctuator punctuator) {
        return ts -> {
            try {
                punctuator.punctuate(ts);
            } finally {
                routeDigests();
            }
        };
    }

    /** Hands what this call routed to the digests to the digest router, in one record. */
    private void routeDigests() {
        if (!digestRoutes.isEmpty()) {
            long at = digestRoutes.get(digestRoutes.size() - 1).at();
            context.forward(new Record<String, Object>(null, new DigestRoutes(digestRoutes), at), Names.DIGEST_ROUTER);
            digestRoutes.clear();
        }
    }

    @Override
    public void close() {
        uncovered.release();
    }

    @Override
    public void process(Record<String, ArrivedEvent> record) {
        try {
            receive(record);
        } finally {
            routeDigests();
        }
    }

    private void receive(Record<String, ArrivedEvent> record) {
        DeadLetters.Source source = context.recordMetadata()
                .map(m -> new DeadLetters.Source(m.topic(), m.partition(), m.offset()))
                .orElse(DeadLetters.Source.topic("unknown"));
        InputRecord input = new InputRecord(source, record.timestamp(), record.key(), record.value());
        CaseEvent event = input.event();
        Refusal refusal = event == null ? null : refusal(record.key(), event, record.timestamp());
        if (refusal != null) {
            // Refused before the event clock moves: a record dated 9999 must not fire every timer up to then.
            deadLetters.refusedOnArrival(input, refusal.reason(), refusal.message());
            metrics.event(input.topic(), EventType.of(event).code(), "rejected");
            return;
        }
        if (settings.clockMode() == ClockMode.WALL_CLOCK) {
            apply(input);
            return;
        }
        if (barrier == null) {
            admit(input);
            return;
        }
        long wallMs = context.currentSystemTimeMs();
        barrier.delivered(input.topic(), input.timestamp(), wallMs);
        if (barrier.hasWaiting(input.topic())
                || barrier.mayStillBeOvertaken(input.timestamp(), wallMs) && crossesMidnight(input.timestamp())) {
            // The first record of a live feed after a local midnight waits for the other event inputs (OrderBarrier).
            barrier.add(input);
            metrics.orderHeld();
        } else {
            admit(input);
        }
        releaseOrdered(wallMs);
    }

    /** Event time: the records the order barrier lets go at {@code wallMs}, in order. */
    private void releaseOrdered(long wallMs) {
        if (barrier == null) {
            return;
        }
        InputRecord next = barrier.release(wallMs, this::crossesMidnight);
        while (next != null) {
            admit(next);
            next = barrier.release(wallMs, this::crossesMidnight);
        }
    }

    /** Whether a record stamped {@code timestamp} would move the event clock past a local midnight of any court. */
    private boolean crossesMidnight(long timestamp) {
        return timestamp >= nextMidnight;
    }

    /**
     * Event time, in order: fires what is due before the record and applies it, or holds it (and every record after
     * it) while a storm of due timers drains.
     */
    private void admit(InputRecord input) {
        if (input.timestamp() > admitted) {
            admitted = input.timestamp();
            if (admitted >= nextMidnight) {
                nextMidnight = nextMidnightAfter(admitted);
            }
        }
        long timestamp = input.timestamp();
        if (held.isEmpty()) {
            Step step = newStep();
            boolean drained = fireDue(clock.eventTimeAt(timestamp), step);
            if (step.used() > 0 || !drained) {
                metrics.tick(step.elapsed()); // timer work done before this record: a tick like a punctuation's
            }
            if (drained) {
                apply(input);
                return;
            }
        }
        // Timers due before this record are still firing: it waits, and so does everything after it.
        held.add(input);
        metrics.held();
    }

    /** Event time: fires due timers and applies held records in order, one bounded step per punctuation. */
    private void drainHeld(Step step) {
        HeldEvents.Held next = held.first();
        while (next != null) {
            if (!fireDue(clock.eventTimeAt(next.input().timestamp()), step)) {
                return;
            }
            held.remove(next);
            apply(next.input());
            if (!step.take()) {
                return;
            }
            next = held.first();
        }
        // Nothing held: timers due by the clock were fired before the last record was applied.
    }

    private void apply(InputRecord input) {
        String topic = input.topic();
        String key = input.key();
        CaseEvent event = input.event();
        long timestamp = input.timestamp();
        String type = event == null ? "NONE" : EventType.of(event).code();
        Instant now;
        Instant clockBefore = eventClock();
        if (settings.clockMode() == ClockMode.EVENT_TIME) {
            clock.advance(timestamp);
            now = clock.eventTime();
            if (now.toEpochMilli() >= clockMidnight) {
                // Everything due by now has fired: digest periods ending by now may close (DigestProcessor).
                clockMidnight = nextMidnightAfter(now.toEpochMilli());
                routeDigests(); // every alert raised before the clock reaches the feed before it
                context.forward(new Record<String, Object>(null, new DigestClock(now), timestamp),
                        Names.DIGEST_ROUTER);
            }
        } else {
            now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        }
        if (event == null) {
            metrics.event(topic, type, "clock-tick");
            return;
        }
        // Live: how long after it happened the event is applied. On event time "now" is the event clock, so this is
        // how far the clock had run past the event when it arrived (0 in order); the wall clock says nothing there.
        metrics.lag(Duration.between(event.getOccurredAt(), now));
        CaseRecord before = cases.get(key);
        CaseEventLog log = logOf(key, before).arriving(input.value());
        CaseState state = before == null ? null : before.state();
        CaseResult result;
        if (settings.clockMode() == ClockMode.EVENT_TIME && isLate(event, clockBefore)) {
            result = reference.engineFor(state, event).onLateEvent(log, state, event, now);
            metrics.late(topic);
        } else {
            result = reference.engineFor(state, event).onEvent(log, state, event, now);
        }
        apply(key, before, result, log, now, input, state == null ? null : state.wakeUpDue());
        metrics.event(topic, type, result.outcome().name().toLowerCase(Locale.ROOT));
    }

    private CaseEventLog logOf(String caseId, CaseRecord record) {
        return new CaseEventLog(caseId, record == null ? EventTail.EMPTY : record.events(), chunks, codec);
    }

    /**
     * Why an event cannot be applied at all (its dead-letter reason and detail), or null: the key is not its case,
     * or it breaks a content rule that {@code caseflow produce} applies too ({@link EventChecks}). On the wall clock
     * an event from further ahead than {@link TopologySettings#maxEventAhead()} is refused as well; event time has
     * no "now" to compare with (a replay or a simulation may well run ahead of the wall clock).
     */
    private Refusal refusal(String key, CaseEvent event, long timestamp) {
        if (!Objects.equals(key, event.getCaseId())) {
            return new Refusal(Refusal.KEY_MISMATCH, "key", key + " does not match caseId " + event.getCaseId());
        }
        Instant stamped = Instant.ofEpochMilli(timestamp);
        if (settings.clockMode() == ClockMode.EVENT_TIME && (stamped.isBefore(EARLIEST) || !stamped.isBefore(LATEST))) {
            // On event time the record timestamp moves the clock: a raw producer's year-9999 stamp would fire every
            // timer up to then, however plausible the event's own occurredAt.
            return new Refusal(Refusal.IMPLAUSIBLE_DATE, "timestamp", "record timestamp " + stamped + " is outside "
                    + EventChecks.EARLIEST + ".." + EventChecks.LATEST);
        }
        return (settings.clockMode() == ClockMode.WALL_CLOCK
                ? checks.check(event, Instant.ofEpochMilli(context.currentSystemTimeMs()), settings.maxEventAhead())
                : checks.check(event)).orElse(null);
    }

    /**
     * Late: the clock had already reached a later day (in the court's zone) when the event arrived. Thresholds
     * are crossed at local midnight, so an event of the clock's own day can be applied at the clock as is.
     */
    private boolean isLate(CaseEvent event, Instant clock) {
        var zone = engine.zoneOf(CourtId.ofUnchecked(event.getCourt()));
        LocalDate itsDay = LocalDate.ofInstant(event.getOccurredAt(), zone);
        return itsDay.isBefore(LocalDate.ofInstant(clock, zone));
    }

    private Step newStep() {
        return new Step(settings.tickMaxTimers(), settings.tickMaxTimers() == Integer.MAX_VALUE ? null : settings.budgets().tick());
    }

    /**
     * Fires what is due by {@code now} within {@code step}: threshold crossings at the local midnights up to
     * {@code now}, then the other timers, earliest first; true when nothing due by {@code now} is left.
     */
    boolean fireDue(Instant now, Step step) {
        int before = step.used();
        boolean drained;
        try {
            drained = crossThresholds(now, step) && fireWakeUps(now, step);
        } finally {
            int fired = step.used() - before;
            if (fired > 0) {
                metrics.timersFired(fired);
            }
        }
        if (storm.afterTimerWork(step.used() - before, drained)) {
            // The storm's last alerts go out now, not at the next commit interval (up to a second later).
            context.commit();
        }
        return drained;
    }

    /** Handles every threshold crossing at a local midnight up to {@code until}; false when the step ran out. */
    private boolean crossThresholds(Instant until, Step step) {
        if (progress == null) {
            startThresholds(until); // event time: nothing was open before the first record
        }
        while (true) {
            if (!progress.inProgress()) {
                if (!until.isAfter(progress.done())) {
                    return true;
                }
                if (!thresholds.anyMidnight(progress.done(), until)) {
                    progress = ThresholdProgress.at(until);
                    return true;
                }
                progress = progress.start(until);
            }
            ThresholdScan.Batch batch = thresholds.next(progress.done(), progress.target(), progress.after(),
                    Math.min(SCAN_BATCH, step.left()));
            for (ThresholdScan.Crossing crossing : batch.crossings()) {
                cross(crossing);
                progress = progress.handled(crossing.key());
                if (!step.take()) {
                    due.saveThresholdProgress(progress.encode());
                    return false;
                }
            }
            if (batch.done()) {
                progress = progress.finished();
                due.saveThresholdProgress(progress.encode());
            }
        }
    }

    /**
     * The first look of a new task: no case is open before now. Saved at once, so a restart before the first midnight
     * still looks at every midnight since (only windows with a midnight are saved afterwards).
     */
    private void startThresholds(Instant now) {
        progress = ThresholdProgress.at(now);
        due.saveThresholdProgress(progress.encode());
    }

    /** One case's thresholds in the window: each at its own midnight on event time, once at the wall clock live. */
    private void cross(ThresholdScan.Crossing crossing) {
        CaseRecord record = cases.get(crossing.caseId());
        if (record == null || !crossing.key().equals(DeadlineKey.of(record.state()))) {
            return; // closed, moved to another deadline day (its new key is scanned where it is) or gone
        }
        if (settings.clockMode() == ClockMode.WALL_CLOCK) {
            timer(crossing.caseId(), record, Instant.ofEpochMilli(context.currentSystemTimeMs()),
                    record.state().wakeUpDue());
            return;
        }
        for (LocalDate day : crossing.days()) {
            record = timer(crossing.caseId(), record, day.atStartOfDay(crossing.zone()).toInstant(),
                    record.state().wakeUpDue());
            if (record == null) {
                return;
            }
        }
    }

    /** Fires the timers of the due index that are due by {@code now}; false when the step ran out. */
    private boolean fireWakeUps(Instant now, Step step) {
        while (true) {
            List<DueIndex.Due> batch = due.dueBy(now, Math.min(SCAN_BATCH, step.left()));
            if (batch.isEmpty()) {
                return true;
            }
            for (DueIndex.Due entry : batch) {
                due.remove(entry);
                CaseRecord record = cases.get(entry.caseId());
                if (record != null && entry.at().equals(record.state().wakeUpDue())) {
                    timer(entry.caseId(), record, settings.clockMode() == ClockMode.EVENT_TIME ? entry.at() : now,
                            null);
                }
                // else a stale entry: the case was rescheduled or removed
                if (!step.take()) {
                    return false;
                }
            }
        }
    }

    /**
     * Evaluates a case at {@code at} for its timers; {@code indexedWakeUp} is what the due index holds for it now.
     * Returns its record afterwards (null when it was dropped).
     */
    private CaseRecord timer(String caseId, CaseRecord record, Instant at, Instant indexedWakeUp) {
        CaseEventLog log = logOf(caseId, record);
        CaseResult result;
        try {
            result = reference.engineFor(record.state()).onTimer(log, record.state(), at);
        } catch (RuntimeException e) {
            // One case's failure must not stop every other case's timers, nor lose its own.
            LOG.error("timer of case {} at {} failed; retrying at {}", caseId, at, at.plus(settings.budgets().timerRetry()), e);
            metrics.deadLetter("timer-failed");
            CaseRecord retry = new CaseRecord(record.state().withTimer(at.plus(settings.budgets().timerRetry())), record.events());
            if (indexedWakeUp != null) {
                due.remove(indexedWakeUp, caseId);
            }
            cases.put(caseId, retry);
            due.put(at.plus(settings.budgets().timerRetry()), caseId);
            return retry;
        }
        return apply(caseId, record, result, log, at, null, indexedWakeUp);
    }

    /**
     * Stores what a result changed, keeps the indexes in line and forwards its outputs; returns the new record.
     * {@code input} is the record applied, null for a timer.
     */
    private CaseRecord apply(String caseId, CaseRecord before, CaseResult result, CaseEventLog log, Instant now,
            InputRecord input, Instant indexedWakeUp) {
        CaseState after = result.state();
        CaseState old = before == null ? null : before.state();
        Instant wakeUp = after == null ? null : after.wakeUpDue();
        if (indexedWakeUp != null && !indexedWakeUp.equals(wakeUp)) {
            due.remove(indexedWakeUp, caseId);
        }
        if (wakeUp != null && !wakeUp.equals(indexedWakeUp)) {
            due.put(wakeUp, caseId);
        }
        indexDeadline(old, after);
        CaseRecord record = null;
        if (after == null) {
            BlindDelete.from(cases, caseId);
        } else if (old == null || log.changed() || !after.equals(old)) {
            record = new CaseRecord(after, log.tail());
            cases.put(caseId, record);
        } else {
            record = before;
        }
        forward(caseId, result, now, input, log, old);
        return record;
    }

    /** Where a RESOLVED alert's FIRING went (the digests take it to the same recipients); empty for a FIRING. */
    private static List<String> firedTo(CaseState old, DeadlineAlert alert) {
        if (old == null || alert.getStatus() == AlertStatus.FIRING) {
            return List.of();
        }
        for (FiringAlert f : old.firing()) {
            if (f.alertId().equals(alert.getAlertId())) {
                return f.escalatedTo();
            }
        }
        return List.of();
    }

    /** Keeps the case's entry in the deadline index: its key (court, deadline day) and its lead times. */
    private void indexDeadline(CaseState old, CaseState after) {
        String oldKey = old == null ? null : DeadlineKey.of(old);
        String newKey = after == null ? null : DeadlineKey.of(after);
        if (oldKey != null && !oldKey.equals(newKey)) {
            BlindDelete.from(deadlines, oldKey);
            uncovered.moved(oldKey, null);
        }
        if (newKey != null && !newKey.equals(oldKey)) {
            uncovered.moved(null, newKey);
            recompute.moved(after.caseId().value(), newKey);
        }
        recompute.indexStopped(old, after); // a stopped clock is reached by a recomputation too (issue 15)
        if (newKey != null && (!newKey.equals(oldKey)
                || !Objects.equals(old.view().procedure(), after.view().procedure()))) {
            deadlines.put(newKey, ThresholdScan.value(reference.engineFor(after).leadTimes(after.view())));
            indexedCourts.add(DeadlineKey.courtOf(newKey));
        }
    }

    private void forward(String caseId, CaseResult result, Instant now, InputRecord input, CaseEventLog log,
            CaseState old) {
        long ts = now.toEpochMilli();
        for (DeadlineAlert alert : result.alerts()) {
            context.forward(new Record<String, Object>(caseId, alert, ts), Names.ALERTS_SINK);
            digestRoutes.add(DigestRoute.alert(alert, firedTo(old, alert), ts));
            metrics.alert(alert.getLevel().name(), alert.getStatus().name());
        }
        for (SignedFact fact : result.facts()) {
            context.forward(new Record<String, Object>(fact.fact().caseId(), fact, ts), Names.FACT_AGGREGATOR);
        }
        for (String flag : result.newFlags()) {
            metrics.deadlineFlag(flag);
        }
        for (CaseLink link : result.links()) {
            context.forward(new Record<String, Object>(link.originCaseId(), link, ts), Names.LINKS_SINK);
        }
        if (result.snapshot() != null) {
            context.forward(new Record<String, Object>(caseId, result.snapshot(), ts), Names.SNAPSHOTS_SINK);
        }
        for (CaseResult.Rejection rejection : result.rejections()) {
            String reason = switch (result.outcome()) {
                case ORPHANED -> "never-filed";
                case REJECTED -> "too-many-before-filing";
                default -> "rejected-transition";
            };
            deadLetters.refused(rejection.event(), input, log, reason, rejection.reason());
        }
    }

    /** The first local midnight, in any court's zone, after {@code timestamp}. */
    private long nextMidnightAfter(long timestamp) {
        Instant at = Instant.ofEpochMilli(timestamp);
        long next = Long.MAX_VALUE;
        for (var zone : engine.zones()) {
            next = Math.min(next, LocalDate.ofInstant(at, zone).plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        return next;
    }

    /** Threshold scans over every lead-time profile a case can have under {@code data} (and the seed files). */
    private ThresholdScan thresholdScan(org.caseflow.streams.domain.seeds.ReferenceData data) {
        java.util.Set<org.caseflow.streams.domain.rules.LeadTimes> profiles = new java.util.HashSet<>(
                engine.leadTimeProfiles());
        data.chains().values().forEach(chain -> chain.stream().filter(p -> p.rules() != null)
                .forEach(p -> p.rules().all().forEach(r -> profiles.add(r.leadTimes()))));
        profiles.addAll(reference.current().leadTimeProfiles());
        return new ThresholdScan(deadlines, indexedCourts, engine::zoneOf, profiles, engine.zones(),
                engine.settings().thresholdDays());
    }

    /**
     * What a reference-data change does to one case (issue 15): re-evaluated under its engine of the new data, with
     * alerts, snapshot and index entries exactly as when an event moves its deadline (the {@link #apply} path).
     */
    private ReferenceRecompute.Cases recomputeCases() {
        return new ReferenceRecompute.Cases() {
            @Override
            public void recompute(String key, String leadTimes, RecomputeJob job,
                    org.caseflow.streams.domain.seeds.ReferenceData before,
                    org.caseflow.streams.domain.seeds.ReferenceData now) {
                DeadlineKey listed = DeadlineKey.decode(key);
                String caseId = listed.caseId();
                CaseRecord record = cases.get(caseId);
                if (record == null || !key.equals(DeadlineKey.of(record.state()))) {
                    return;
                }
                CaseState state = record.state();
                var view = state.view();
                if (!job.byCalendar(view.court(), listed.deadline(), engine::calendarOf) && !job.byProcedure(view.procedure())) {
                    return;
                }
                reevaluate(caseId, record, key, leadTimes, before, now);
            }

            @Override
            public boolean recomputeStopped(String caseId, RecomputeJob job,
                    org.caseflow.streams.domain.seeds.ReferenceData before,
                    org.caseflow.streams.domain.seeds.ReferenceData now) {
                CaseRecord record = cases.get(caseId);
                if (record == null || ReferenceRecompute.stoppedValue(record.state()) == null) {
                    return false;
                }
                reevaluate(caseId, record, null, null, before, now);
                return true;
            }

            /**
             * The case under its engine of {@code now}, applied as an event's result would be; {@code listed} is the
             * value of its index entry {@code key} before (none for a stopped clock).
             */
            private void reevaluate(String caseId, CaseRecord record, String key, String listed,
                    org.caseflow.streams.domain.seeds.ReferenceData before,
                    org.caseflow.streams.domain.seeds.ReferenceData now) {
                CaseState state = record.state();
                var view = state.view();
                Instant at = settings.clockMode() == ClockMode.EVENT_TIME ? eventClock()
                        : Instant.ofEpochMilli(context.currentSystemTimeMs());
                CaseEventLog log = logOf(caseId, record);
                CaseEngine under = reference.engineFor(now, view.filedOn());
                var result = under.recompute(log, state, recompute.engineUnder(before, view.filedOn()), at);
                if (result.isEmpty()) {
                    return;
                }
                CaseRecord after = apply(caseId, record, result.get(), log, at, null, state.wakeUpDue());
                String stays = after == null ? null : DeadlineKey.of(after.state());
                if (stays != null && stays.equals(key)) {
                    // Same deadline day, but a rule change may have changed its lead times: the index entry carries them.
                    // The walk read the entry with its key; apply() rewrites it only when the procedure changed.
                    String leadTimes = ThresholdScan.value(under.leadTimes(after.state().view()));
                    String current = Objects.equals(view.procedure(), after.state().view().procedure()) ? listed
                            : deadlines.get(key);
                    if (!leadTimes.equals(current)) {
                        deadlines.put(key, leadTimes);
                        indexedCourts.add(DeadlineKey.courtOf(key));
                    }
                }
            }

            @Override
            public void starting(org.caseflow.streams.domain.seeds.ReferenceData now) {
                // Years a new calendar covers are no longer uncovered: the counts follow the new calendars at once.
                uncovered.recount(deadlines);
                thresholds = thresholdScan(now);
            }
        };
    }

    /** The event clock; the epoch on the wall clock, where the case task keeps none. */
    private Instant eventClock() {
        return clock == null ? Instant.EPOCH : clock.eventTime();
    }

    /**
     * One bounded step of timer work: at most {@code count} units and, unless null, {@code budget} of wall time. The
     * time is looked at only after {@link #MIN_UNITS}: it bounds a storm, while a handful of timers (a test's, a quiet
     * night's) always fire in one step however slow the machine is at that moment.
     */
    static final class Step {
        static final int MIN_UNITS = 1_000;
        private final long started = System.nanoTime();
        private final long deadline;
        private final int count;
        private int left;

        Step(int count, Duration budget) {
            this.count = count;
            this.left = count;
            this.deadline = budget == null ? Long.MAX_VALUE : started + budget.toNanos();
        }

        int left() {
            return Math.max(1, left);
        }

        /** Units taken so far. */
        int used() {
            return count - left;
        }

        /** Takes one unit; false when the step is used up (count or time). */
        boolean take() {
            left--;
            return left > 0 && (deadline == Long.MAX_VALUE || used() < MIN_UNITS || System.nanoTime() < deadline);
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
