package org.caseflow.streams.topology;

import org.apache.kafka.streams.Topology;
import org.caseflow.streams.domain.seeds.Seeds;

/**
 * The indicator part of the topology: reads {@link TopicNames#caseFacts()} (SignedFact, keyed by the
 * root court), keeps the ledgers and publishes {@link TopicNames#indicators()}.
 * STUB: to be built (issue 4).
 */
final class IndicatorTopology {
    private IndicatorTopology() {
    }

    static void addTo(Topology topology, TopologySettings settings, Seeds seeds, ProcessingMetrics metrics) {
        // not built yet
    }
}
