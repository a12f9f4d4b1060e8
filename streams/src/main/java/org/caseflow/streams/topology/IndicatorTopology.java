package org.caseflow.streams.topology;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.indicators.IndicatorCalculator;
import org.caseflow.streams.domain.seeds.Seeds;

/**
 * The indicator part of the topology:
 * <pre>
 * caseflow.case-facts ─► indicator-processor [indicator-ledger-store, indicator-dirty-store,
 *   (SignedFact, key =     indicator-scope-store, lineage-count-store, lineage-top-store]
 *    root court)           ├► caseflow.indicators   (compacted; throttled per key)
 *                          └► caseflow.dead-letters (invalid, malformed or future-dated facts)
 * </pre>
 * Facts are read as bytes and decoded in the processor, so a bad fact becomes a counted dead letter rather
 * than a deserialization failure. Pure: no I/O (the indicator definitions come loaded with the seeds).
 */
final class IndicatorTopology {
    private IndicatorTopology() {
    }

    static void addTo(Topology topology, TopologySettings settings, Seeds seeds, ProcessingMetrics metrics) {
        TopicNames topics = settings.topics();
        IndicatorCalculator calculator = new IndicatorCalculator(seeds.indicators());
        IndicatorGauges gauges = new IndicatorGauges(metrics.registry(), settings.indicatorExportScopes(),
                settings.indicatorGaugeLimit());
        topology.addSource(Names.FACTS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
                topics.caseFacts());
        topology.addProcessor(Names.INDICATOR_PROCESSOR,
                () -> new IndicatorProcessor(settings, seeds.courts(), calculator, metrics, gauges),
                Names.FACTS_SOURCE);
        topology.addStateStore(settings.keyValueStore(StoreNames.INDICATOR_LEDGERS,
                Serdes.String(), Serdes.ByteArray()), Names.INDICATOR_PROCESSOR);
        topology.addStateStore(settings.keyValueStore(StoreNames.INDICATOR_DIRTY,
                Serdes.String(), Serdes.String()), Names.INDICATOR_PROCESSOR);
        topology.addStateStore(settings.keyValueStore(StoreNames.INDICATOR_SCOPES,
                Serdes.String(), Serdes.String()), Names.INDICATOR_PROCESSOR);
        topology.addStateStore(settings.keyValueStore(StoreNames.LINEAGE_COUNTS,
                Serdes.String(), Serdes.Long()), Names.INDICATOR_PROCESSOR);
        topology.addStateStore(settings.keyValueStore(StoreNames.LINEAGE_TOP,
                Serdes.String(), Serdes.ByteArray()), Names.INDICATOR_PROCESSOR);
        topology.addSink(Names.INDICATORS_SINK, topics.indicators(), new StringSerializer(),
                erase(CaseflowSerdes.indicatorValue().serializer()), Names.INDICATOR_PROCESSOR);
        topology.addSink(Names.INDICATOR_DEAD_LETTER_SINK, topics.deadLetters(), new StringSerializer(),
                erase(new ByteArraySerializer()), Names.INDICATOR_PROCESSOR);
    }

    /** The processor forwards two value types, each to its own sink. */
    @SuppressWarnings("unchecked")
    private static Serializer<Object> erase(Serializer<?> serializer) {
        return (Serializer<Object>) serializer;
    }
}
