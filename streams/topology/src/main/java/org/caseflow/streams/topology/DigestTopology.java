package org.caseflow.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.caseflow.streams.domain.cases.CaseEngine;

/**
 * The digest sub-topology (issue 9, DESIGN.md section 9).
 *
 * <pre>
 * case-processor (alerts, event clock) ─┐
 * alert-ack-processor (acks) ───────────┴► digest-router ─► caseflow.digest-feed (by recipient)
 * caseflow.digest-feed ─► digest-processor [digest-entry-store, digest-recipient-store, digest-clock-store,
 *                                           digest-store] ─► caseflow.digests (compacted, recipient|kind|period)
 * </pre>
 * The router lives in the case sub-topology (a case's alerts and acks in one task); the digest processor reads the feed
 * keyed by recipient, so one task holds all of a recipient's alerts, whatever partitions their cases are on. It needs no
 * recipients file: digests are keyed by the role references of {@code escalateTo} (and {@code court:<code>}); notify
 * resolves them to people as it does for alerts.
 */
final class DigestTopology {
    private DigestTopology() {
    }

    static void addTo(Topology topology, TopologySettings settings, Topics topics, CaseEngine engine,
            MeterRegistry registry, DigestSettings digests) {
        if (!digests.enabled()) {
            // Digests off: the router drops what the case and ack processors send it, so they need not know.
            topology.addProcessor(Names.DIGEST_ROUTER, () -> new Processor<String, Object, Void, Void>() {
                @Override
                public void process(Record<String, Object> record) {
                    // dropped
                }
            }, Names.CASE_PROCESSOR, Names.ACK_PROCESSOR);
            return;
        }
        Topic<String, DigestFeed> feed = topics.digestFeed();
        topology.addProcessor(Names.DIGEST_ROUTER, DigestRouter::new, Names.CASE_PROCESSOR, Names.ACK_PROCESSOR);
        topology.addSink(Names.DIGEST_FEED_SINK, feed.name(), feed.keySerializer(), feed.valueSerializer(),
                everyPartitionForClocks(), Names.DIGEST_ROUTER);
        topology.addSource(Names.DIGEST_FEED_SOURCE, feed.keyDeserializer(), feed.valueDeserializer(), feed.name());
        topology.addProcessor(Names.DIGEST_PROCESSOR, () -> new DigestProcessor(settings, digests, engine::zoneOf, registry),
                Names.DIGEST_FEED_SOURCE);
        // Not cached: each record of a recipient's entry log is written once, under a key of its own.
        topology.addStateStore(settings.keyValueStore(StoreNames.DIGEST_ENTRIES, Serdes.String(), Serdes.ByteArray()),
                Names.DIGEST_PROCESSOR);
        // Cached: a recipient's record is rewritten with every alert of a storm, one changelog record per commit.
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.DIGEST_RECIPIENTS, Serdes.String(),
                new JsonSerde<>(DigestRecipient.class)), Names.DIGEST_PROCESSOR);
        topology.addStateStore(settings.cachedKeyValueStore(StoreNames.DIGEST_CLOCKS, Serdes.String(), Serdes.String()),
                Names.DIGEST_PROCESSOR);
        // The store keeps each digest as the topic carries it.
        topology.addStateStore(settings.keyValueStore(StoreNames.DIGESTS, Serdes.String(), topics.digests().valueSerde()),
                Names.DIGEST_PROCESSOR);
        CaseflowTopology.addSink(topology, Names.DIGESTS_SINK, topics.digests(), Names.DIGEST_PROCESSOR);
    }

    /** A clock goes to every partition (each digest task must hear every case task's clock); the rest by key. */
    private static StreamPartitioner<String, DigestFeed> everyPartitionForClocks() {
        return (topic, key, value, partitions) -> {
            if (value != null && DigestFeed.CLOCK.equals(value.type())) {
                Set<Integer> all = IntStream.range(0, partitions).boxed().collect(Collectors.toSet());
                return Optional.of(all);
            }
            return Optional.empty();
        };
    }
}
