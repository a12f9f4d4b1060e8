package org.caseflow.streams.runtime.http;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** What the HTTP layer needs from the running streams app: readiness and the metadata for routing. */
public interface QueryableStreams {
    /** True only while Kafka Streams is RUNNING (not while rebalancing, starting or stopping). */
    boolean ready();

    KafkaStreams kafkaStreams();

    /** This instance's {@code application.server}, to tell local keys from remote ones. */
    HostInfo thisHost();
}
