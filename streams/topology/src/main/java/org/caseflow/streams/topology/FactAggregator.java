package org.caseflow.streams.topology;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.indicators.CaseFact;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.indicators.IndicatorException;
import org.caseflow.streams.domain.indicators.InvalidFactException;
import org.caseflow.streams.domain.indicators.LedgerDelta;
import org.caseflow.streams.domain.indicators.LedgerUpdates;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.indicators.Scopes;
import org.caseflow.streams.domain.indicators.SignedFact;

/**
 * Sums the indicator facts of one case partition, so the indicator work spreads over the case partitions instead of
 * one task per province. Part of the case sub-topology: receives SignedFacts from {@link Names#CASE_PROCESSOR} and
 * {@link Names#LINK_PROCESSOR} in-process and SignedFact JSON bytes from {@link TopicNames#caseFacts()} (facts from
 * elsewhere, e.g. a re-published dead letter). Reads and writes {@link StoreNames#FACT_PENDING}: per attribution
 * (the fact's court alone, its category) and month, the summed deltas ({@link PendingLedger}). Every
 * {@link TopologySettings#FACT_BATCH_INTERVAL} of wall clock it fans the pending deltas out to their scopes, forwards
 * one record per scope to {@link Names#DELTAS_SINK} (key = scope, value {@link IndicatorDeltas}) and deletes them:
 * in one EOS transaction, so a delta is sent exactly once. A flush costs the partition's distinct (court, category,
 * month)s, at most some tens of thousands even nationally, so it has no work bound. LINEAGE facts (no ledger
 * effect; an exact count per root is needed) go on at once to {@link Names#LINEAGE_FACTS_SINK} keyed by their root.
 *
 * <p>Refusals happen here, while a fact is still a fact: malformed or invalid facts, and facts dated after the
 * clock's month + 1 (the calculator subtracts months up to asOf + 1 from the totals: a later fact would skew every
 * stock) go to {@link Names#FACT_DEAD_LETTER_SINK} as SignedFact JSON with the reason, counted. The clock is the wall
 * clock, or with EVENT_TIME the latest record timestamp this task has seen (the case event's time, never a fact's own
 * date), persisted in the pending store and re-read on every {@link #init} (after an EOS abort the stores roll back).
 */
final class FactAggregator implements Processor<String, Object, String, Object> {
    /** Key of the persisted event clock in the pending store (an attribution key always contains '|'). */
    static final String EVENT_CLOCK_KEY = "event-clock";

    private final TopologySettings settings;
    private final java.util.function.Supplier<CourtRegistry> courts;
    private final ProcessingMetrics metrics;
    private final Deserializer<SignedFact> reader = new SignedFactSerde().deserializer();
    private final Serializer<SignedFact> writer = new SignedFactSerde().serializer();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> pending;
    private TaskClock clock;
    private final ZoneId defaultZone;

    /** Over fixed courts, with the engine's default settings' zone for an empty registry (tests). */
    FactAggregator(TopologySettings settings, CourtRegistry courts, ProcessingMetrics metrics) {
        this(settings, () -> courts, metrics, CaseEngine.Settings.defaults().defaultZone());
    }

    /**
     * With the courts in force as they change: a court added live rolls up into its parents (issue 15).
     * {@code defaultZone} (the engine's) counts days when the registry has no court.
     */
    FactAggregator(TopologySettings settings, java.util.function.Supplier<CourtRegistry> courts,
            ProcessingMetrics metrics, ZoneId defaultZone) {
        this.settings = settings;
        this.courts = courts;
        this.metrics = metrics;
        this.defaultZone = defaultZone;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.pending = context.getStateStore(StoreNames.FACT_PENDING);
        // The same zone as the indicator processor's: both take it from the courts in force.
        clock = new TaskClock(settings.clockMode(), TaskClock.indicatorZone(courts.get(), defaultZone),
                TaskClock.Slot.bytes(pending, EVENT_CLOCK_KEY));
        // Wall clock in both clock modes: live, deltas leave within a second; replay (whose driver's wall clock stands
        // still) sums everything and sends it once at the end, deterministically (Replayer#indicators).
        context.schedule(TopologySettings.FACT_BATCH_INTERVAL, PunctuationType.WALL_CLOCK_TIME, ts -> flush());
    }

    @Override
    public void process(Record<String, Object> record) {
        String topic = settings.topics().caseFacts();
        SignedFact signed;
        if (record.value() instanceof SignedFact s) {
            signed = s;
        } else {
            try {
                signed = reader.deserialize(topic, record.value() instanceof byte[] raw ? raw : null);
                if (signed == null || signed.fact() == null) {
                    throw new IllegalArgumentException("no fact in the record");
                }
            } catch (RuntimeException e) {
                String invalid = invalidCause(e);
                deadLetter(record, invalid != null ? "invalid-fact" : "malformed-fact",
                        invalid != null ? invalid : String.valueOf(e.getMessage()));
                return;
            }
        }
        if (settings.clockMode() == ClockMode.EVENT_TIME) {
            clock.advance(record.timestamp());
        }
        CaseFact fact = signed.fact();
        YearMonth now = YearMonth.from(clock.today(context.currentSystemTimeMs()));
        LocalDate latest = latestDate(fact);
        if (YearMonth.from(latest).isAfter(now.plusMonths(1))) {
            // Before any event time is known (EVENT_TIME, clock at the epoch) every fact lands here: nothing can be
            // placed relative to "now" yet, and real record timestamps are never at the epoch.
            deadLetter(record, "future-fact", "fact dated " + latest + " is after " + now.plusMonths(1));
            return;
        }
        try {
            ScopeKey attribution = Scopes.attribution(fact); // refuses a court code no scope can hold
            if (fact.kind() == FactKind.LINEAGE) {
                context.forward(new Record<String, Object>(fact.caseId(), signed, record.timestamp()),
                        Names.LINEAGE_FACTS_SINK);
            } else {
                add(attribution, fact, signed.sign(), record.timestamp());
            }
            metrics.event(topic, fact.kind().name(), "applied");
        } catch (InvalidFactException | IllegalArgumentException e) {
            deadLetter(record, "invalid-fact", e.getMessage());
        }
    }

    /**
     * Adds the fact's deltas to its attribution's pending sums, one key per month ({@code <attribution>|yyyy-MM})
     * plus {@code <attribution>|total}: at most three small reads and writes (nothing for a fact without effect).
     */
    private void add(ScopeKey attribution, CaseFact fact, int sign, long timestamp) {
        LedgerDelta delta = LedgerDelta.of(fact, sign);
        delta.months().forEach((month, ledger) -> add(attribution.monthKey(month),
                new PendingLedger(timestamp, delta.marks().contains(month), ledger)));
        if (!delta.total().isEmpty()) {
            add(attribution.totalKey(), new PendingLedger(timestamp, false, delta.total()));
        }
    }

    private void add(String key, PendingLedger value) {
        PendingLedger sum = value;
        byte[] bytes = pending.get(key);
        if (bytes != null) {
            try {
                sum = PendingLedger.fromBytes(bytes).plus(value);
            } catch (IndicatorException e) {
                corruptPending(key, bytes, e); // kept as a dead letter; this partition goes on
            }
        }
        pending.put(key, sum.toBytes());
    }

    /** Sends every pending delta on, one record per scope, and empties the pending store. */
    void flush() {
        Map<ScopeKey, LedgerDelta> byAttribution = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        try (KeyValueIterator<String, byte[]> it = pending.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (kv.key.indexOf('|') < 0) {
                    continue; // the event clock
                }
                sent.add(kv.key);
                try {
                    PendingLedger p = PendingLedger.fromBytes(kv.value);
                    YearMonth month = LedgerUpdates.monthOf(kv.key);
                    LedgerDelta delta = byAttribution.computeIfAbsent(ScopeKey.parse(kv.key), k -> new LedgerDelta());
                    if (month == null) {
                        delta.addTotal(p.ledger());
                    } else {
                        delta.addMonth(month, p.ledger(), p.marked());
                    }
                    latest = Math.max(latest, p.timestamp());
                } catch (IndicatorException | IllegalArgumentException | DateTimeException e) {
                    corruptPending(kv.key, kv.value, e);
                }
            }
        }
        long timestamp = latest;
        Scopes.fanOutAll(byAttribution, courts.get()::ancestors).forEach((scope, delta) -> context.forward(
                new Record<String, Object>(scope.encode(), IndicatorDeltas.ledger(delta), timestamp), Names.DELTAS_SINK));
        sent.forEach(pending::delete);
    }

    /** A pending value this version cannot read: kept as a dead letter (counted), never silently dropped. */
    private void corruptPending(String key, byte[] value, RuntimeException e) {
        context.forward(new Record<String, Object>(key, value, context.currentStreamTimeMs(),
                DeadLetters.headers(context, "corrupt-pending-delta", String.valueOf(e.getMessage()),
                        DeadLetters.Source.UNKNOWN, -1, null, DeadLetters.ValueForm.INTERNAL)),
                Names.FACT_DEAD_LETTER_SINK);
        metrics.deadLetter("corrupt-pending-delta");
    }

    /** The latest day a fact writes to: its date, or its filing day for FILED (which counts in the filing month). */
    private static LocalDate latestDate(CaseFact fact) {
        LocalDate filed = fact.filedOn();
        return filed != null && filed.isAfter(fact.date()) ? filed : fact.date();
    }

    private void deadLetter(Record<String, Object> record, String reason, String detail) {
        String topic = settings.topics().caseFacts();
        Object value = record.value();
        // A fact from the case processor (in-process) never was a record: written as JSON, re-publishable to the
        // facts topic; one read from the facts topic goes out as it came.
        byte[] bytes = value instanceof SignedFact s ? writer.serialize(topic, s)
                : value instanceof byte[] raw ? raw : null;
        DeadLetters.ValueForm form = value instanceof SignedFact ? DeadLetters.ValueForm.INTERNAL
                : DeadLetters.ValueForm.ORIGINAL;
        context.forward(new Record<String, Object>(record.key(), bytes, record.timestamp(),
                DeadLetters.headers(context, reason, detail, DeadLetters.sourceOf(context, topic), record.timestamp(),
                        null, form)), Names.FACT_DEAD_LETTER_SINK);
        metrics.deadLetter(reason);
        metrics.event(topic, "FACT", "rejected");
    }

    /**
     * Why a well-formed fact is invalid, or null when the record is malformed: a fact the domain refuses, or a value
     * outside one of the domain's enums (a category, an instance, a disposition the vocabulary does not have).
     */
    private static String invalidCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFactException invalid) {
                return invalid.getMessage();
            }
            if (t instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                String field = format.getPath().isEmpty() ? "?" : format.getPath().get(format.getPath().size() - 1).getFieldName();
                return "invalid fact: field " + field + " must be one of "
                        + java.util.Arrays.toString(format.getTargetType().getEnumConstants()) + ", was "
                        + format.getValue();
            }
        }
        return null;
    }
}
