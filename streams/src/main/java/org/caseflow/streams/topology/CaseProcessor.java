package org.caseflow.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.schemas.AvroCodec;
import org.caseflow.streams.domain.EventType;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseLink;
import org.caseflow.streams.domain.cases.CaseResult;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.EventLog;
import org.caseflow.streams.domain.indicators.SignedFact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every case's state and deadline timer. Reads the three input topics (merged, keyed by
 * caseId); reads and writes {@link StoreNames#CASES}, {@link StoreNames#CASE_EVENTS},
 * {@link StoreNames#DUE_INDEX}, {@link StoreNames#DEADLINE_INDEX} and {@link StoreNames#HELD_EVENTS};
 * forwards alerts to {@link Names#ALERTS_SINK}, snapshots to {@link Names#SNAPSHOTS_SINK}, refused events
 * to {@link Names#DEAD_LETTER_SINK}, indicator facts to the in-process {@link Names#FACT_AGGREGATOR} (summed per
 * court) and links of derived cases to {@link Names#LINKS_SINK} (keyed by the origin caseId).
 *
 * <p>Timer work is bounded per step in both clock modes ({@code tickMaxTimers} timers and
 * {@link #TICK_BUDGET}), so one transaction never carries a whole midnight storm: a storm drains over
 * several steps and commits, well inside {@code transaction.timeout.ms}. With {@link ClockMode#WALL_CLOCK} a
 * wall-clock punctuator fires what is due. With {@link ClockMode#EVENT_TIME} the clock is the highest event
 * time applied and every timer due before a record fires before the record is applied; when that is more
 * than one step of work the record is held back ({@link HeldEvents}) with every record after it, and the
 * punctuator drains timers and held records in order. A record with a null value is a clock tick. An event
 * older than the clock's day is applied as of its own time ({@link CaseEngine#onLateEvent}) and counted.
 */
final class CaseProcessor implements Processor<String, CaseEvent, String, Object> {
    /** Wall-clock budget of one step of timer work; well under transaction.timeout.ms and max.poll.interval.ms. */
    static final Duration TICK_BUDGET = Duration.ofMillis(500);
    /** The event clock is saved when it has moved this far (a write per record would be waste). */
    static final Duration CLOCK_SAVE_STEP = Duration.ofMinutes(1);
    /** A timer whose evaluation failed is tried again this much later, not in a hot loop. */
    static final Duration TIMER_RETRY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(CaseProcessor.class);

    private final CaseEngine engine;
    private final TopologySettings settings;
    private final ProcessingMetrics metrics;
    private final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CaseState> cases;
    private EventLog log;
    private DueIndex due;
    private KeyValueStore<String, String> deadlines;
    private HeldEvents held;
    private Instant eventClock = Instant.EPOCH;
    private Instant savedClock = Instant.EPOCH;

    CaseProcessor(CaseEngine engine, TopologySettings settings, ProcessingMetrics metrics) {
        this.engine = engine;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.cases = context.getStateStore(StoreNames.CASES);
        this.log = new StoreEventLog(context.getStateStore(StoreNames.CASE_EVENTS));
        this.due = new DueIndex(context.getStateStore(StoreNames.DUE_INDEX));
        this.deadlines = context.getStateStore(StoreNames.DEADLINE_INDEX);
        this.held = new HeldEvents(context.getStateStore(StoreNames.HELD_EVENTS));
        if (settings.clockMode() == ClockMode.EVENT_TIME) {
            // The event clock survives restarts and rebalances: it never goes back in time.
            eventClock = due.clock();
            savedClock = eventClock;
            context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME, ts -> drainHeld());
        } else {
            context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME,
                    ts -> fireDue(Instant.ofEpochMilli(ts), newStep()));
        }
    }

    @Override
    public void process(Record<String, CaseEvent> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown");
        if (settings.clockMode() == ClockMode.WALL_CLOCK) {
            apply(topic, record.key(), record.value(), record.timestamp());
            return;
        }
        if (held.isEmpty() && fireDue(later(eventClock, Instant.ofEpochMilli(record.timestamp())), newStep())) {
            apply(topic, record.key(), record.value(), record.timestamp());
            return;
        }
        // Timers due before this record are still firing: it waits, and so does everything after it.
        held.add(topic, record.timestamp(), record.key(), record.value());
        metrics.held();
    }

    /** Event time: fires due timers and applies held records in order, one bounded step per punctuation. */
    private void drainHeld() {
        Step step = newStep();
        HeldEvents.Held next = held.first();
        while (next != null) {
            if (!fireDue(later(eventClock, Instant.ofEpochMilli(next.timestamp())), step)) {
                return;
            }
            held.remove(next);
            apply(next.topic(), next.key(), next.event(), next.timestamp());
            if (!step.take()) {
                return;
            }
            next = held.first();
        }
        // Nothing held: timers due by the clock were fired before the last record was applied.
    }

    private void apply(String topic, String key, CaseEvent event, long timestamp) {
        String type = event == null ? "NONE" : EventType.of(event).code();
        String refusal = event == null ? null : refusal(key, event);
        if (refusal != null) {
            deadLetter(event, topic, refusal, refusal.equals("key-mismatch")
                    ? "record key " + key + " does not match caseId " + event.getCaseId()
                    : "caseId must not contain '|'");
            metrics.event(topic, type, "rejected");
            return;
        }
        Instant now;
        Instant clockBefore = eventClock;
        if (settings.clockMode() == ClockMode.EVENT_TIME) {
            advanceEventClock(Instant.ofEpochMilli(timestamp));
            now = eventClock;
        } else {
            now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        }
        if (event == null) {
            metrics.event(topic, type, "clock-tick");
            return;
        }
        if (settings.clockMode() == ClockMode.WALL_CLOCK) {
            metrics.lag(Duration.between(event.getOccurredAt(), now));
        }
        CaseState before = cases.get(key);
        CaseResult result;
        if (settings.clockMode() == ClockMode.EVENT_TIME && isLate(event, clockBefore)) {
            result = engine.onLateEvent(log, before, event, now);
            metrics.late(topic);
        } else {
            result = engine.onEvent(log, before, event, now);
        }
        apply(key, before, result, now, topic);
        metrics.event(topic, type, result.outcome().name().toLowerCase(Locale.ROOT));
    }

    /** Why an event cannot be applied at all (a dead-letter reason), or null. */
    private static String refusal(String key, CaseEvent event) {
        if (!Objects.equals(key, event.getCaseId())) {
            return "key-mismatch";
        }
        // '|' separates the case id from the event id in the case event store's keys.
        return event.getCaseId().indexOf('|') >= 0 ? "bad-case-id" : null;
    }

    /**
     * Late: the clock had already reached a later day (in the court's zone) when the event arrived. Thresholds
     * are crossed at local midnight, so an event of the clock's own day can be applied at the clock as is.
     */
    private boolean isLate(CaseEvent event, Instant clock) {
        var zone = engine.zoneOf(event.getCourt());
        LocalDate itsDay = LocalDate.ofInstant(event.getOccurredAt(), zone);
        return itsDay.isBefore(LocalDate.ofInstant(clock, zone));
    }

    private void advanceEventClock(Instant at) {
        if (at.isAfter(eventClock)) {
            eventClock = at;
            if (Duration.between(savedClock, eventClock).compareTo(CLOCK_SAVE_STEP) >= 0) {
                due.saveClock(eventClock);
                savedClock = eventClock;
            }
        }
    }

    private Step newStep() {
        return new Step(settings.tickMaxTimers(), settings.tickMaxTimers() == Integer.MAX_VALUE ? null : TICK_BUDGET);
    }

    /**
     * Fires timers due by {@code now}, earliest first, within {@code step}; true when none due by {@code now}
     * is left.
     */
    boolean fireDue(Instant now, Step step) {
        int fired = 0;
        boolean drained = false;
        try {
            while (true) {
                List<DueIndex.Due> batch = due.dueBy(now, Math.min(1_000, step.left()));
                if (batch.isEmpty()) {
                    drained = true;
                    return true;
                }
                for (DueIndex.Due entry : batch) {
                    fire(entry, now);
                    fired++;
                    if (!step.take()) {
                        return false;
                    }
                }
            }
        } finally {
            if (fired > 0) {
                metrics.timersFired(fired);
            }
            if (settings.clockMode() == ClockMode.WALL_CLOCK || fired > 0 || !drained) {
                metrics.tick(step.elapsed());
            }
        }
    }

    private void fire(DueIndex.Due entry, Instant now) {
        due.remove(entry);
        CaseState state = cases.get(entry.caseId());
        if (state == null || !entry.at().equals(state.timerDue())) {
            return; // stale entry: the case was rescheduled or removed
        }
        Instant at = settings.clockMode() == ClockMode.EVENT_TIME ? entry.at() : now;
        CaseState withoutTimer = state.withTimer(null);
        CaseResult result;
        try {
            result = engine.onTimer(log, withoutTimer, at);
        } catch (RuntimeException e) {
            // One case's failure must not stop every other case's timers, nor lose its own.
            LOG.error("timer of case {} due {} failed; retrying at {}", entry.caseId(), entry.at(),
                    at.plus(TIMER_RETRY), e);
            metrics.deadLetter("timer-failed");
            cases.put(entry.caseId(), state.withTimer(at.plus(TIMER_RETRY)));
            due.put(at.plus(TIMER_RETRY), entry.caseId());
            return;
        }
        apply(entry.caseId(), withoutTimer, result, at, null);
    }

    private void apply(String caseId, CaseState before, CaseResult result, Instant now, String topic) {
        CaseState after = result.state();
        Instant oldDue = before == null ? null : before.timerDue();
        Instant newDue = after == null ? null : after.timerDue();
        if (oldDue != null && !oldDue.equals(newDue)) {
            due.remove(oldDue, caseId);
        }
        if (newDue != null && !newDue.equals(oldDue)) {
            due.put(newDue, caseId);
        }
        String oldRisk = before == null ? null : before.atRiskKey();
        String newRisk = after == null ? null : after.atRiskKey();
        if (oldRisk != null && !oldRisk.equals(newRisk)) {
            deadlines.delete(oldRisk);
        }
        if (newRisk != null && !newRisk.equals(oldRisk)) {
            deadlines.put(newRisk, "");
        }
        if (after == null) {
            cases.delete(caseId);
        } else if (after != before) {
            cases.put(caseId, after);
        }
        long ts = now.toEpochMilli();
        for (DeadlineAlert alert : result.alerts()) {
            context.forward(new Record<String, Object>(caseId, alert, ts), Names.ALERTS_SINK);
            metrics.alert(alert.getLevel().name(), alert.getStatus().name());
        }
        for (SignedFact fact : result.facts()) {
            context.forward(new Record<String, Object>(fact.fact().caseId(), fact, ts), Names.FACT_AGGREGATOR);
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
            deadLetter(rejection.event(), topic, reason, rejection.reason());
        }
    }

    private void deadLetter(CaseEvent event, String topic, String reason, String detail) {
        byte[] bytes = codec.encode(event);
        Record<String, Object> record = new Record<String, Object>(event.getCaseId(), bytes,
                event.getOccurredAt().toEpochMilli(), DeadLetters.headers(reason, detail, topic, event.getEventId()));
        context.forward(record, Names.DEAD_LETTER_SINK);
        metrics.deadLetter(reason);
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    /** One bounded step of timer work: at most {@code count} units and, unless null, {@code budget} of wall time. */
    static final class Step {
        private final long started = System.nanoTime();
        private final long deadline;
        private int left;

        Step(int count, Duration budget) {
            this.left = count;
            this.deadline = budget == null ? Long.MAX_VALUE : started + budget.toNanos();
        }

        int left() {
            return Math.max(1, left);
        }

        /** Takes one unit; false when the step is used up (count or time). */
        boolean take() {
            left--;
            return left > 0 && (deadline == Long.MAX_VALUE || System.nanoTime() < deadline);
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
