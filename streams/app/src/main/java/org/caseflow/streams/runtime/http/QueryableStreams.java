package org.caseflow.streams.runtime.http;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** What the HTTP layer needs from the running streams app: readiness and the metadata for routing. */
public interface QueryableStreams {
    /** True only while Kafka Streams is RUNNING (not while rebalancing, starting or stopping). */
    boolean ready();

    /**
     * What {@code /health/ready} answers. This default knows only the Streams state; the app adds whether Kafka
     * answers and how far behind its inputs it is.
     */
    default Readiness readiness() {
        String state = kafkaStreams().state().name();
        return ready() ? Readiness.up(state, "Kafka Streams is RUNNING", 0, 0)
                : Readiness.down(state, "Kafka Streams is " + state, null, 0);
    }

    KafkaStreams kafkaStreams();

    /** The reference data the app computes with (issue 15), or null when this app does not say. */
    default org.caseflow.streams.topology.ReferenceHolder reference() {
        return null;
    }

    /** This instance's {@code application.server}, to tell local keys from remote ones. */
    HostInfo thisHost();
}
