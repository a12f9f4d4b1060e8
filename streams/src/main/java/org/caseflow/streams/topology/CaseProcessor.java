package org.caseflow.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.caseflow.streams.domain.indicators.SignedFact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every case's state and deadline timer. Reads the three input topics (merged, keyed by
 * caseId); reads and writes {@link StoreNames#CASES} and {@link StoreNames#DUE_INDEX}; forwards
 * alerts to {@link Names#ALERTS_SINK}, snapshots to {@link Names#SNAPSHOTS_SINK}, refused events
 * to {@link Names#DEAD_LETTER_SINK}, indicator facts to {@link Names#FACTS_SINK} (keyed by the root
 * court) and links of derived cases to {@link Names#LINKS_SINK} (keyed by the origin caseId).
 *
 * <p>Clock: with {@link ClockMode#WALL_CLOCK} a wall-clock punctuator fires due timers every tick,
 * bounded by {@code tickMaxTimers} and a time budget so a midnight storm spreads over several ticks
 * instead of stalling the thread past the poll interval. With {@link ClockMode#EVENT_TIME} the clock
 * is the highest event time seen: before an event is applied every timer due by then fires, so a
 * replay raises what live operation would have raised. A record with a null value is a clock tick.
 */
final class CaseProcessor implements Processor<String, CaseEvent, String, Object> {
    /** Wall-clock budget of one tick; well under the default max.poll.interval.ms. */
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
    private DueIndex due;
    private KeyValueStore<String, String> deadlines;
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
        this.due = new DueIndex(context.getStateStore(StoreNames.DUE_INDEX));
        this.deadlines = context.getStateStore(StoreNames.DEADLINE_INDEX);
        if (settings.clockMode() == ClockMode.EVENT_TIME) {
            // The event clock survives restarts and rebalances: it never goes back in time.
            eventClock = due.clock();
            savedClock = eventClock;
        }
        if (settings.clockMode() == ClockMode.WALL_CLOCK) {
            context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME,
                    ts -> fireDue(Instant.ofEpochMilli(ts), settings.tickMaxTimers(), TICK_BUDGET));
        }
    }

    @Override
    public void process(Record<String, CaseEvent> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown");
        CaseEvent event = record.value();
        if (event == null) {
            if (settings.clockMode() == ClockMode.EVENT_TIME) {
                advanceEventClock(Instant.ofEpochMilli(record.timestamp()));
            }
            metrics.event(topic, "NONE", "clock-tick");
            return;
        }
        String type = EventType.of(event).code();
        if (!Objects.equals(record.key(), event.getCaseId())) {
            deadLetter(event, topic, "key-mismatch", "record key " + record.key()
                    + " does not match caseId " + event.getCaseId());
            metrics.event(topic, type, "rejected");
            return;
        }
        Instant now;
        if (settings.clockMode() == ClockMode.EVENT_TIME) {
            advanceEventClock(event.getOccurredAt());
            now = eventClock;
        } else {
            now = Instant.ofEpochMilli(context.currentSystemTimeMs());
            metrics.lag(Duration.between(event.getOccurredAt(), now));
        }
        CaseState before = cases.get(record.key());
        CaseResult result = engine.onEvent(before, event, now);
        apply(record.key(), before, result, now, topic);
        metrics.event(topic, type, result.outcome().name().toLowerCase(java.util.Locale.ROOT));
    }

    private void advanceEventClock(Instant at) {
        if (at.isAfter(eventClock)) {
            eventClock = at;
            if (Duration.between(savedClock, eventClock).compareTo(CLOCK_SAVE_STEP) >= 0) {
                due.saveClock(eventClock);
                savedClock = eventClock;
            }
        }
        // Replay correctness needs every due timer fired before the event: no work bound here.
        fireDue(eventClock, Integer.MAX_VALUE, null);
    }

    /** Fires timers due by {@code now}, earliest first, at most {@code limit} and within {@code budget}. */
    void fireDue(Instant now, int limit, Duration budget) {
        long started = System.nanoTime();
        int fired = 0;
        while (fired < limit) {
            List<DueIndex.Due> batch = due.dueBy(now, Math.min(1_000, limit - fired));
            if (batch.isEmpty()) {
                break;
            }
            for (DueIndex.Due entry : batch) {
                due.remove(entry);
                CaseState state = cases.get(entry.caseId());
                if (state == null || !entry.at().equals(state.timerDue())) {
                    continue; // stale entry: the case was rescheduled or removed
                }
                Instant at = settings.clockMode() == ClockMode.EVENT_TIME ? entry.at() : now;
                CaseState withoutTimer = state.withTimer(null);
                CaseResult result;
                try {
                    result = engine.onTimer(withoutTimer, at);
                } catch (RuntimeException e) {
                    // One case's failure must not stop every other case's timers, nor lose its own.
                    LOG.error("timer of case {} due {} failed; retrying at {}", entry.caseId(), entry.at(),
                            at.plus(TIMER_RETRY), e);
                    metrics.deadLetter("timer-failed");
                    cases.put(entry.caseId(), state.withTimer(at.plus(TIMER_RETRY)));
                    due.put(at.plus(TIMER_RETRY), entry.caseId());
                    continue;
                }
                apply(entry.caseId(), withoutTimer, result, at, null);
                fired++;
            }
            if (budget != null && System.nanoTime() - started > budget.toNanos()) {
                break;
            }
        }
        if (fired > 0) {
            metrics.timersFired(fired);
        }
        if (budget != null) {
            metrics.tick(Duration.ofNanos(System.nanoTime() - started));
        }
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
}
