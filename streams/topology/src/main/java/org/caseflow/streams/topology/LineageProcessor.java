package org.caseflow.streams.topology;

import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.courts.CourtRegistry;
import org.caseflow.streams.domain.indicators.CaseFact;
import org.caseflow.streams.domain.indicators.FactKind;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.indicators.Scopes;
import org.caseflow.streams.domain.indicators.SignedFact;

/**
 * Keeps the exact number of case numbers of each root dispute (案-件). Reads {@link TopicNames#lineageFacts()}
 * (LINEAGE SignedFact JSON keyed by the root caseId, so one task owns each root's count); reads and writes
 * {@link StoreNames#LINEAGE_COUNTS}; forwards the root's new count to every scope of the fact's court and category,
 * keyed by scope, to {@link Names#LINEAGE_UPDATES_SINK} ({@link TopicNames#indicatorDeltas()}), where the indicator
 * processor keeps each scope's top N. Unreadable records go to {@link Names#LINEAGE_DEAD_LETTER_SINK}, counted.
 *
 * <p>The updates of one root come from one task in count order and reach each scope's partition in that order, so a
 * scope's list always ends with the root's latest count, whatever other roots do meanwhile.
 */
final class LineageProcessor implements Processor<String, byte[], String, Object> {
    private final java.util.function.Supplier<CourtRegistry> courts;
    private final ProcessingMetrics metrics;
    private final String topic;
    private final Deserializer<SignedFact> reader = new SignedFactSerde().deserializer();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Long> counts;

    /** {@code courts}: the courts in force as they change (a court added live rolls up, issue 15). */
    LineageProcessor(java.util.function.Supplier<CourtRegistry> courts, ProcessingMetrics metrics, String topic) {
        this.courts = courts;
        this.metrics = metrics;
        this.topic = topic;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.counts = context.getStateStore(StoreNames.LINEAGE_COUNTS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        CaseFact fact;
        int sign;
        List<ScopeKey> scopes;
        try {
            SignedFact signed = reader.deserialize(topic, record.value());
            if (signed == null || signed.fact() == null || signed.fact().kind() != FactKind.LINEAGE) {
                throw new IllegalArgumentException("no LINEAGE fact in the record");
            }
            fact = signed.fact();
            sign = signed.sign();
            scopes = Scopes.fanOut(fact, courts.get()::ancestors);
        } catch (RuntimeException e) {
            context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(),
                    DeadLetters.headers(context, "malformed-fact", String.valueOf(e.getMessage()),
                            DeadLetters.sourceOf(context, topic), record.timestamp(), null,
                            DeadLetters.ValueForm.ORIGINAL)),
                    Names.LINEAGE_DEAD_LETTER_SINK);
            metrics.deadLetter("malformed-fact");
            metrics.event(topic, "FACT", "rejected");
            return;
        }
        Long old = counts.get(fact.caseId());
        long count = (old == null ? 0 : old) + sign;
        if (count <= 0) {
            BlindDelete.from(counts, fact.caseId());
        } else {
            counts.put(fact.caseId(), count);
        }
        byte[] update = IndicatorDeltas.lineage(fact.caseId(), count);
        for (ScopeKey scope : scopes) {
            context.forward(new Record<String, Object>(scope.encode(), update, record.timestamp()),
                    Names.LINEAGE_UPDATES_SINK);
        }
        metrics.event(topic, FactKind.LINEAGE.name(), "applied");
    }
}
