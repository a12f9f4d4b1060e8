package org.caseflow.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.caseflow.schemas.CaseflowSerdes;

/**
 * The Caseflow topology factory: pure, does no I/O, starts nothing.
 * STUB: the real case/deadline/alert topology replaces this body (issue 3). Its signature is stable.
 */
public final class CaseflowTopology {
    private CaseflowTopology() {
    }

    /**
     * @param settings topics, clock mode and tick bounds
     * @param seeds    the loaded seed data (typed as Object in this stub; becomes
     *                 {@code org.caseflow.streams.domain.seeds.Seeds})
     * @param metrics  where processors count events, dead letters and alerts
     */
    public static Topology build(TopologySettings settings, Object seeds, MeterRegistry metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(settings.topics().caseFilings(),
                Consumed.with(Serdes.String(), CaseflowSerdes.caseEvent()).withName("case-filings-source"),
                Materialized.as(StoreNames.CASES));
        return builder.build();
    }
}
