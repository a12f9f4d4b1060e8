package org.caseflow.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseLink;
import org.caseflow.streams.domain.notify.AlertAck;
import org.caseflow.streams.domain.seeds.Seeds;

/**
 * The Caseflow topology factory: pure, does no I/O, reads no environment, starts nothing.
 *
 * <pre>
 * courts.case-filings ──┐
 * courts.case-hearings ─┼─► case-processor ─► caseflow.deadline-alerts, caseflow.case-snapshots,
 * courts.enforcement ───┘   [case-store,       caseflow.dead-letters, caseflow.case-links (by origin)
 *                            case-event-store, due-index-store, deadline-index-store, held-event-store,
 *                            order-barrier-store]
 * caseflow.case-links ─► case-link-processor [case-store]
 * caseflow.reference-data ─► reference-data-processor [reference-data-store, global] ─► ReferenceHolder (read by
 *                            case-processor: each case's engine; changes recomputed in bounded steps)
 * case-processor, case-link-processor ─(facts, in-process)─► indicator topology ─► caseflow.indicators
 * case-processor (alerts, event clock), alert-ack-processor (acks) ─(in-process)─► digest topology ─► caseflow.digests
 * </pre>
 * The three inputs and the links topic are co-partitioned by caseId, so one task sees every event of
 * a case and the links that name it as their origin. Indicator facts are summed in that same task and
 * leave it as deltas keyed by scope ({@link IndicatorTopology}).
 */
public final class CaseflowTopology {
    private CaseflowTopology() {
    }

    public static Topology build(TopologySettings settings, Seeds seeds, MeterRegistry registry) {
        return build(settings, new CaseEngine(seeds, CaseEngine.Settings.defaults()), registry);
    }

    public static Topology build(TopologySettings settings, CaseEngine engine, MeterRegistry registry) {
        return build(settings, new ReferenceHolder(engine), registry, DigestSettings.DEFAULT);
    }

    /**
     * The topology with its cases computed under {@code reference} (issue 15): the global store of
     * {@code caseflow.reference-data} keeps it up to date while the application runs.
     */
    public static Topology build(TopologySettings settings, ReferenceHolder reference, MeterRegistry registry) {
        return build(settings, reference, registry, DigestSettings.DEFAULT);
    }

    /** The same with these digest settings (the top-N size and the partitions of the case tasks). */
    public static Topology build(TopologySettings settings, ReferenceHolder reference, MeterRegistry registry,
            DigestSettings digests) {
        CaseEngine engine = reference.base();
        Topics topics = new Topics(settings.topics());
        ProcessingMetrics metrics = new ProcessingMetrics(registry);
        metrics.describeTopology(settings);
        // The inputs keep the bytes each event arrived as, and refuse keys that would not read back as they came:
        // a refused record is dead-lettered with its original key and bytes (DESIGN.md section 4).
        var keys = new Utf8KeyDeserializer();
        var events = new ArrivedEventDeserializer();
        Topology topology = new Topology();
        topology.addSource(Names.FILINGS_SOURCE, keys, events, topics.caseFilings().name());
        topology.addSource(Names.HEARINGS_SOURCE, keys, events, topics.caseHearings().name());
        topology.addSource(Names.ENFORCEMENT_SOURCE, keys, events, topics.enforcement().name());
        UncoveredDeadlines uncovered = new UncoveredDeadlines(registry, engine.seeds().calendars(),
                engine.seeds().courts(), court -> reference.current().calendarOf(court));
        topology.addProcessor(Names.CASE_PROCESSOR, () -> new CaseProcessor(reference, settings, metrics, uncovered),
                Names.FILINGS_SOURCE, Names.HEARINGS_SOURCE, Names.ENFORCEMENT_SOURCE);
        Topic<String, CaseLink> links = topics.caseLinks();
        topology.addSource(Names.LINKS_SOURCE, links.keyDeserializer(), links.valueDeserializer(), links.name());
        topology.addProcessor(Names.LINK_PROCESSOR, () -> new CaseLinkProcessor(engine, metrics, links.name()),
                Names.LINKS_SOURCE);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.CASES,
                Serdes.String(), new CaseRecordSerde()), Names.CASE_PROCESSOR, Names.LINK_PROCESSOR);
        Topic<String, AlertAck> acks = topics.alertAcks();
        topology.addSource(Names.ACKS_SOURCE, acks.keyDeserializer(), acks.valueDeserializer(), acks.name());
        topology.addProcessor(Names.ACK_PROCESSOR, AlertAckProcessor::new, Names.ACKS_SOURCE);
        // The ack processor reads the case record: where the acknowledged alert fired is where its ack goes (digests).
        topology.connectProcessorAndStateStores(Names.ACK_PROCESSOR, StoreNames.CASES);
        // Connected to the case processor as well, so that acks share the case's task (the case view reads both).
        topology.addStateStore(settings.keyValueStore(StoreNames.ALERT_ACKS, Serdes.String(), Serdes.String()),
                Names.ACK_PROCESSOR, Names.CASE_PROCESSOR);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.CASE_EVENTS,
                Serdes.String(), Serdes.ByteArray()), Names.CASE_PROCESSOR);
        // Not cached: a timer's entry is written once and deleted once, so the cache saves no changelog record,
        // and every range read over a cached store copies the cached keys in range (a storm's worth of them).
        topology.addStateStore(settings.keyValueStore(StoreNames.DUE_INDEX,
                Serdes.String(), Serdes.String()), Names.CASE_PROCESSOR);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.DEADLINE_INDEX,
                Serdes.String(), Serdes.String()), Names.CASE_PROCESSOR);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.HELD_EVENTS,
                Serdes.String(), Serdes.ByteArray()), Names.CASE_PROCESSOR);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.ORDER_BARRIER,
                Serdes.String(), Serdes.ByteArray()), Names.CASE_PROCESSOR);
        // A sink takes its topic's serdes: each processor forwards each value type to the sink of its topic only.
        addSink(topology, Names.ALERTS_SINK, topics.deadlineAlerts(), Names.CASE_PROCESSOR);
        addSink(topology, Names.SNAPSHOTS_SINK, topics.caseSnapshots(), Names.CASE_PROCESSOR);
        addSink(topology, Names.DEAD_LETTER_SINK, topics.deadLetters(), Names.CASE_PROCESSOR, Names.LINK_PROCESSOR);
        addSink(topology, Names.LINKS_SINK, links, Names.CASE_PROCESSOR);
        IndicatorTopology.addTo(topology, settings, topics, reference, metrics);
        DigestTopology.addTo(topology, settings, topics, engine, registry, digests);
        // Every instance reads all reference data (a global store): a new calendar reaches every task at once.
        topology.addGlobalStore(settings.keyValueStore(StoreNames.REFERENCE_DATA, Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(), Names.REFERENCE_SOURCE, topics.referenceData().keyDeserializer(),
                topics.referenceData().valueDeserializer(), topics.referenceData().name(),
                Names.REFERENCE_PROCESSOR, () -> new ReferenceProcessor(reference, metrics));
        return topology;
    }

    /** A sink writing {@code topic} with its own serdes. */
    static <K, V> void addSink(Topology topology, String name, Topic<K, V> topic, String... parents) {
        topology.addSink(name, topic.name(), topic.keySerializer(), topic.valueSerializer(), parents);
    }
}
