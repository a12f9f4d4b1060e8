package org.caseflow.streams.topology;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.caseflow.streams.domain.indicators.IndicatorCalculator;
import org.caseflow.streams.domain.seeds.Seeds;

/**
 * The indicator part of the topology, in three sub-topologies so that no province lands on one task:
 * <pre>
 * case-processor ──┐ (in-process, the case sub-topology)
 * case-link-proc. ─┼─► fact-aggregator [fact-pending-store] ─► caseflow.indicator-deltas (key = scope, per batch)
 * caseflow.case-facts ┘  (sums per court × category,         ├► caseflow.lineage-facts   (key = root caseId)
 *   (re-published facts)  fans out to scopes every second)   └► caseflow.dead-letters    (invalid, future-dated)
 * caseflow.lineage-facts ─► lineage-processor [lineage-count-store] ─► caseflow.indicator-deltas (key = scope)
 * caseflow.indicator-deltas ─► indicator-processor [indicator-ledger-store, indicator-dirty-store,
 *                                indicator-scope-store, lineage-top-store]
 *                              ├► caseflow.indicators   (compacted; throttled per key)
 *                              └► caseflow.dead-letters (unreadable deltas)
 * </pre>
 * Must be added after the case and link processors (the aggregator's parents). The indicator stores are cached,
 * so a key written many times between two commits costs one changelog record. Pure: no I/O (the indicator
 * definitions come loaded with the seeds, their published interval versions through the {@link ReferenceHolder}).
 */
final class IndicatorTopology {
    private IndicatorTopology() {
    }

    static void addTo(Topology topology, TopologySettings settings, Topics topics, ReferenceHolder reference,
            ProcessingMetrics metrics) {
        Seeds seeds = reference.base().seeds();
        // Facts and lineage facts are read as bytes: an unreadable one goes to the dead letters with its bytes.
        topology.addSource(Names.FACTS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                topics.caseFacts().name());
        topology.addProcessor(Names.FACT_AGGREGATOR, () -> new FactAggregator(settings, () -> reference.data().courts(), metrics,
                reference.base().settings().defaultZone()), Names.FACTS_SOURCE, Names.CASE_PROCESSOR, Names.LINK_PROCESSOR);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.FACT_PENDING,
                Serdes.String(), Serdes.ByteArray()), Names.FACT_AGGREGATOR);
        CaseflowTopology.addSink(topology, Names.DELTAS_SINK, topics.indicatorDeltas(), Names.FACT_AGGREGATOR);
        CaseflowTopology.addSink(topology, Names.LINEAGE_FACTS_SINK, topics.lineageFacts(), Names.FACT_AGGREGATOR);
        CaseflowTopology.addSink(topology, Names.FACT_DEAD_LETTER_SINK, topics.deadLetters(), Names.FACT_AGGREGATOR);

        String lineageFacts = topics.lineageFacts().name();
        topology.addSource(Names.LINEAGE_FACTS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                lineageFacts);
        topology.addProcessor(Names.LINEAGE_PROCESSOR,
                () -> new LineageProcessor(() -> reference.data().courts(), metrics, lineageFacts), Names.LINEAGE_FACTS_SOURCE);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.LINEAGE_COUNTS,
                Serdes.String(), Serdes.Long()), Names.LINEAGE_PROCESSOR);
        CaseflowTopology.addSink(topology, Names.LINEAGE_UPDATES_SINK, topics.indicatorDeltas(), Names.LINEAGE_PROCESSOR);
        CaseflowTopology.addSink(topology, Names.LINEAGE_DEAD_LETTER_SINK, topics.deadLetters(), Names.LINEAGE_PROCESSOR);

        // Bands follow the interval version in force for each period, published live (issue 15).
        IndicatorCalculator calculator = new IndicatorCalculator(seeds.indicators(),
                period -> reference.data().indicatorsFor(period));
        IndicatorGauges gauges = new IndicatorGauges(metrics.registry(), settings.indicatorExport(), seeds.courts(),
                seeds.indicators());
        Topic<String, byte[]> deltas = topics.indicatorDeltas();
        topology.addSource(Names.DELTAS_SOURCE, deltas.keyDeserializer(), deltas.valueDeserializer(), deltas.name());
        topology.addProcessor(Names.INDICATOR_PROCESSOR,
                () -> new IndicatorProcessor(settings, calculator, metrics, gauges, reference), Names.DELTAS_SOURCE);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.INDICATOR_LEDGERS,
                Serdes.String(), Serdes.ByteArray()), Names.INDICATOR_PROCESSOR);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.INDICATOR_DIRTY,
                Serdes.String(), Serdes.String()), Names.INDICATOR_PROCESSOR);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.INDICATOR_SCOPES,
                Serdes.String(), Serdes.String()), Names.INDICATOR_PROCESSOR);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.LINEAGE_TOP,
                Serdes.String(), Serdes.ByteArray()), Names.INDICATOR_PROCESSOR);
        CaseflowTopology.addSink(topology, Names.INDICATORS_SINK, topics.indicators(), Names.INDICATOR_PROCESSOR);
        CaseflowTopology.addSink(topology, Names.INDICATOR_DEAD_LETTER_SINK, topics.deadLetters(),
                Names.INDICATOR_PROCESSOR);
    }
}
