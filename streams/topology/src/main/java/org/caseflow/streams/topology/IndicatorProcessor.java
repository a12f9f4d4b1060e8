package org.caseflow.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.events.IndicatorValue;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.indicators.IndicatorCalculator;
import org.caseflow.streams.domain.indicators.IndicatorException;
import org.caseflow.streams.domain.indicators.IndicatorResult;
import org.caseflow.streams.domain.indicators.LineageTop;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.seeds.ReferenceData;

/**
 * Keeps the indicator ledgers and publishes indicator values. Reads {@link TopicNames#indicatorDeltas()} (keyed by
 * scope: summed ledger deltas from the fact aggregators of every case partition, and lineage top updates from the
 * lineage processor; see {@link IndicatorDeltas}); reads and writes {@link StoreNames#INDICATOR_LEDGERS},
 * {@link StoreNames#INDICATOR_DIRTY}, {@link StoreNames#INDICATOR_SCOPES}, {@link StoreNames#LINEAGE_TOP}; forwards
 * IndicatorValues to {@link Names#INDICATORS_SINK} and unreadable deltas to {@link Names#INDICATOR_DEAD_LETTER_SINK}.
 * Each scope's ledgers live in the task of the scope's partition, so a province's or the nation's scopes spread over
 * every partition; a delta only adds, so deltas of one scope from many case partitions merge in any order.
 *
 * <p>A delta only updates ledgers and marks the (scope, window, period)s its facts change dirty; a wall-clock
 * punctuator every {@code indicatorThrottle} computes and publishes the dirty ones, so each output key changes at
 * most once per interval whatever the fact rate. Another every {@code indicatorRefresh} marks the current periods
 * of every known scope dirty, so point-in-time indicators (pending ages) follow the clock without facts.
 * "Now" is the wall clock, or with {@link ClockMode#EVENT_TIME} the latest record timestamp seen (persisted): a
 * delta carries the latest event time of the facts summed in it. Facts were checked upstream ({@link FactAggregator}
 * refuses invalid and future-dated ones while they are still facts).
 *
 * <p>Bands are judged against the reference intervals in force for each period ({@link ReferenceHolder}, issue 15).
 * When the published interval versions differ from those the task last applied ({@link #INTERVALS_KEY} in the scope
 * store), every known scope's periods from the earliest changed effective month on are marked dirty, within the
 * same {@link IndicatorPeriod#REPUBLISH_MONTHS} bound as late facts, so the published bands follow the new version.
 *
 * <p>{@code dirtyMarked} and {@code scopesKnown} only save repeated store writes; they are rebuilt empty, and the
 * event clock re-read, on every {@link #init}, because after an EOS abort the task is revived with rolled-back
 * stores but possibly this same instance.
 */
final class IndicatorProcessor implements Processor<String, byte[], String, Object> {
    static final int FLUSH_MAX_PERIODS = 5_000;
    /**
     * Periods every flush computes before the wall-clock budget ({@link WorkBudgets#flush}) is looked at: the budget
     * bounds a large backlog, and a small one (a test's, a quiet court's) is always flushed whole however slow the
     * machine is at that moment.
     */
    static final int FLUSH_MIN_PERIODS = 1_000;
    static final int LINEAGE_TOP_SIZE = 20;
    /** Key of the persisted event clock in the scope store (a scope key always contains '|'). */
    static final String EVENT_CLOCK_KEY = "event-clock";
    /** Key of the interval versions last applied ({@link ReferenceData#indicatorSignature()}) in the scope store. */
    static final String INTERVALS_KEY = "interval-versions";

    private final TopologySettings settings;
    private final IndicatorCalculator calculator;
    private final ProcessingMetrics metrics;
    private final IndicatorGauges gauges;
    /** Null: the seed file's intervals only (tests of the processor alone). */
    private final ReferenceHolder reference;
    private final Set<String> dirtyMarked = new HashSet<>();
    private final Set<String> scopesKnown = new HashSet<>();
    /** Scopes whose gauges this task set, released on close. */
    private final Set<ScopeKey> gaugedScopes = new HashSet<>();
    private ProcessorContext<String, Object> context;
    private KeyValueLedgerStore ledgers;
    private KeyValueStore<String, String> dirty;
    private KeyValueStore<String, String> scopes;
    private KeyValueStore<String, byte[]> lineageTop;
    private TaskClock clock;

    IndicatorProcessor(TopologySettings settings, IndicatorCalculator calculator, ProcessingMetrics metrics,
                       IndicatorGauges gauges) {
        this(settings, calculator, metrics, gauges, null);
    }

    IndicatorProcessor(TopologySettings settings, IndicatorCalculator calculator, ProcessingMetrics metrics,
                       IndicatorGauges gauges, ReferenceHolder reference) {
        this.reference = reference;
        this.settings = settings;
        this.calculator = calculator;
        this.metrics = metrics;
        this.gauges = gauges;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.ledgers = new KeyValueLedgerStore(context.getStateStore(StoreNames.INDICATOR_LEDGERS));
        this.dirty = context.getStateStore(StoreNames.INDICATOR_DIRTY);
        this.scopes = context.getStateStore(StoreNames.INDICATOR_SCOPES);
        this.lineageTop = context.getStateStore(StoreNames.LINEAGE_TOP);
        // Everything in memory is derived from the stores, which may have been rolled back since the last init.
        dirtyMarked.clear();
        scopesKnown.clear();
        // The same zone as the fact aggregator's: both take it from the courts in force (the seeds' without reference).
        clock = new TaskClock(settings.clockMode(), reference == null ? CaseEngine.Settings.defaults().defaultZone()
                : TaskClock.indicatorZone(reference.data().courts(), reference.base().settings().defaultZone()),
                TaskClock.Slot.text(scopes, EVENT_CLOCK_KEY));
        context.schedule(settings.indicatorThrottle(), PunctuationType.WALL_CLOCK_TIME, this::timedFlush);
        context.schedule(settings.indicatorRefresh(), PunctuationType.WALL_CLOCK_TIME, ts -> refresh());
        // The gauges of this instance start empty (process start) or were released when the task last closed here:
        // the first flush recomputes every known scope's current periods, instead of the next refresh (15 min).
        refresh();
    }

    /** The task leaves this instance (or is revived): its scopes' gauges stop counting here. */
    @Override
    public void close() {
        gaugedScopes.forEach(gauges::release);
        gaugedScopes.clear();
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = settings.topics().indicatorDeltas();
        ScopeKey scope;
        IndicatorDeltas.Value value;
        try {
            scope = ScopeKey.parse(record.key() == null ? "" : record.key());
            value = IndicatorDeltas.decode(record.value());
        } catch (IndicatorException | IllegalArgumentException e) {
            deadLetter(record, topic, "malformed-delta", String.valueOf(e.getMessage()));
            return;
        }
        if (settings.clockMode() == ClockMode.EVENT_TIME) {
            boolean known = clockKnown(); // the first record starts the clock; it does not move it to a new month
            TaskClock.Move move = clock.advance(record.timestamp());
            if (move != null && known && !YearMonth.from(move.after()).equals(YearMonth.from(move.before()))) {
                refresh(); // a new month: every scope's current periods change
            }
        }
        if (value instanceof IndicatorDeltas.Ledger ledger) {
            ledger.delta().applyTo(scope, ledgers);
            markTouched(scope, ledger.delta().marks(), YearMonth.from(today()));
            metrics.event(topic, "LEDGER_DELTA", "applied");
        } else if (value instanceof IndicatorDeltas.Lineage lineage) {
            byte[] bytes = lineageTop.get(scope.encode());
            LineageTop top = bytes == null ? new LineageTop(LINEAGE_TOP_SIZE) : LineageTop.fromBytes(bytes);
            top.update(lineage.rootId(), lineage.caseNumbers());
            lineageTop.put(scope.encode(), top.toBytes());
            metrics.event(topic, "LINEAGE_UPDATE", "applied");
        }
    }

    /** Marks the periods the delta's facts change: for each fact, from the latest month it wrote (see touchedBy). */
    private void markTouched(ScopeKey scope, Set<YearMonth> months, YearMonth now) {
        if (months.isEmpty()) {
            return;
        }
        if (scopesKnown.add(scope.encode())) {
            scopes.putIfAbsent(scope.encode(), "");
        }
        for (YearMonth month : months) {
            for (IndicatorPeriod p : IndicatorPeriod.touchedBy(scope, month, now)) {
                markDirty(p);
            }
        }
    }

    private void markDirty(IndicatorPeriod p) {
        String key = p.encode();
        if (dirtyMarked.add(key)) {
            dirty.put(key, "");
        }
    }

    /** A flush, timed for {@code caseflow_indicator_flush_duration_seconds} once there is a clock to compute at. */
    private void timedFlush(long wallClockMs) {
        long started = System.nanoTime();
        flush(wallClockMs);
        if (clockKnown()) {
            metrics.indicatorFlush(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Computes and publishes every dirty period, within a time and count budget. */
    void flush(long wallClockMs) {
        if (!clockKnown()) {
            return;
        }
        Instant computedAt = clock.now(wallClockMs);
        LocalDate asOf = clock.today(wallClockMs);
        YearMonth now = YearMonth.from(asOf);
        followIntervals(now);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> it = dirty.all()) {
            while (it.hasNext() && keys.size() < FLUSH_MAX_PERIODS) {
                keys.add(it.next().key);
            }
        }
        long deadline = System.nanoTime() + settings.budgets().flush().toNanos();
        int done = 0;
        for (String key : keys) {
            try {
                publish(IndicatorPeriod.parse(key), asOf, now, computedAt);
            } catch (IllegalArgumentException e) {
                metrics.deadLetter("bad-indicator-period"); // a key this version cannot read: drop it
            }
            BlindDelete.from(dirty, key);
            dirtyMarked.remove(key);
            if (++done >= FLUSH_MIN_PERIODS && System.nanoTime() > deadline) {
                break;
            }
        }
    }

    private void publish(IndicatorPeriod p, LocalDate asOf, YearMonth now, Instant computedAt) {
        List<IndicatorResult> results =
                calculator.computeAll(p.window(), p.endMonth(now), asOf, ledgers.view(p.scope()));
        boolean current = p.isCurrent(now);
        for (IndicatorResult r : results) {
            IndicatorValue value = IndicatorValues.of(p.scope(), r, computedAt);
            context.forward(new Record<String, Object>(IndicatorValues.key(value), value, computedAt.toEpochMilli()),
                    Names.INDICATORS_SINK);
            if (current) {
                gauges.update(p.scope(), r);
            }
        }
        if (current) {
            gaugedScopes.add(p.scope());
        }
    }

    /** A new version of the reference intervals: re-publishes the periods whose band it can change. */
    private void followIntervals(YearMonth now) {
        if (reference == null || !reference.loaded()) {
            return;
        }
        ReferenceData data = reference.data();
        gauges.intervalsInForce(data.indicatorsFor(now));
        String signature = data.indicatorSignature();
        String applied = scopes.get(INTERVALS_KEY);
        if (signature.equals(applied == null ? "" : applied)) {
            return;
        }
        IntervalChange.earliest(applied == null ? "" : applied, signature).ifPresent(from -> {
            for (ScopeKey scope : knownScopes()) {
                IndicatorPeriod.touchedBy(scope, from, now).forEach(this::markDirty);
            }
        });
        scopes.put(INTERVALS_KEY, signature);
    }

    /** Marks the current periods of every known scope dirty: the clock moved, point-in-time values change. */
    void refresh() {
        if (!clockKnown()) {
            return;
        }
        YearMonth now = YearMonth.from(today());
        for (ScopeKey scope : knownScopes()) {
            IndicatorPeriod.current(scope, now).forEach(this::markDirty);
        }
    }

    private List<ScopeKey> knownScopes() {
        List<ScopeKey> known = new ArrayList<>();
        try (KeyValueIterator<String, String> it = scopes.all()) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                if (kv.key.indexOf('|') >= 0) {
                    known.add(ScopeKey.parse(kv.key));
                }
            }
        }
        return known;
    }

    private boolean clockKnown() {
        return clock.known();
    }

    private LocalDate today() {
        return clock.today(context.currentSystemTimeMs());
    }

    private void deadLetter(Record<String, byte[]> record, String topic, String reason, String detail) {
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(),
                DeadLetters.headers(context, reason, detail, DeadLetters.sourceOf(context, topic), record.timestamp(),
                        null, DeadLetters.ValueForm.ORIGINAL)), Names.INDICATOR_DEAD_LETTER_SINK);
        metrics.deadLetter(reason);
        metrics.event(topic, "DELTA", "rejected");
    }
}
