package org.caseflow.streams.runtime.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.caseflow.CaseflowException;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.app.StreamsProperties;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;

/**
 * The floor again, as a Kafka Streams app with the Caseflow app's own Streams configuration (exactly-once, one commit a
 * second, the producer's batch and linger, any {@code --set}): read the three inputs, decode each event, write it to
 * one topic. Without a store it is what Kafka Streams itself costs on this machine; with one cached store read and
 * write per event ({@link Copy}) it is the least any stateful per-case design costs. Between the plain floor and
 * the pipeline they split the gap: Kafka Streams, one state access per event, and Caseflow's own work on top. Timed as
 * the pipeline is: from {@code RUNNING}, or from the first record if a task processed before it, to every input record
 * committed.
 */
final class StreamsFloor {
    private final String bootstrap;
    private final BenchCluster cluster;
    private final TopicAdmin topics;
    private final Path work;
    private final Map<String, String> appSettings;

    StreamsFloor(String bootstrap, BenchCluster cluster, TopicAdmin topics, Path work, Map<String, String> appSettings) {
        this.bootstrap = bootstrap;
        this.cluster = cluster;
        this.topics = topics;
        this.work = work;
        this.appSettings = appSettings;
    }

    /**
     * What one round measured; {@code earlyMillis}: how long before {@code RUNNING} the first record was processed (0
     * when it was not).
     */
    record Round(double eventsPerSecond, double streamCpuMicrosPerEvent, double processCpuMicrosPerEvent,
            double earlyMillis) {
    }

    /** One timed round; {@code withStore}: one cached store read and write per event ({@link Copy}). */
    Round run(EncodedEvents events, boolean withStore) throws Exception {
        String name = (withStore ? "bench-sfloor-store-" : "bench-sfloor-") + System.currentTimeMillis();
        CaseflowConfig config = BenchApp.config(bootstrap, name, work.resolve(name), appSettings);
        Set<String> inputs = Set.copyOf(config.topics().names().inputs());
        String copy = name + ".copy";
        List<TopicSpec> created = new ArrayList<>();
        for (String t : inputs) {
            created.add(new TopicSpec(t, config.topics().partitions(), Optional.of((short) 1), Map.of()));
        }
        created.add(new TopicSpec(copy, config.topics().partitions(), Optional.of((short) 1), Map.of()));
        topics.ensure(created);
        ThroughputPhases.publish(config.kafka(), config.topics().names(), events);
        try (KafkaStreams streams = new KafkaStreams(copyTopology(inputs, copy, withStore),
                StreamsProperties.of(config, new SimpleMeterRegistry()))) {
            ThreadCpu cpuBefore = ThreadCpu.now();
            long processBefore = ProcessMemory.processCpuNanos();
            streams.start();
            RunningClock clock = RunningClock.await(streams, "the streams floor");
            long caughtUp = awaitCommitted(config.streams().applicationId(), inputs, Duration.ofMinutes(10));
            ThreadCpu cpuAfter = ThreadCpu.now();
            long processCpu = ProcessMemory.processCpuNanos() - processBefore;
            double seconds = (caughtUp - clock.nanos()) / 1e9;
            return new Round(events.size() / seconds,
                    (cpuAfter.nanos(ThreadCpu.STREAM) - cpuBefore.nanos(ThreadCpu.STREAM)) / 1e3 / events.size(),
                    processCpu / 1e3 / events.size(), clock.earlyMillis());
        }
    }

    /**
     * The inputs, decoded as the case processor's sources decode them, and written again to {@code copy}; with
     * {@code withStore}, through a processor that reads and writes the event's case in a cached, logged store first.
     */
    private static Topology copyTopology(Set<String> inputs, String copy, boolean withStore) {
        Topology topology = new Topology();
        topology.addSource("inputs", Serdes.ByteArray().deserializer(), CaseflowSerdes.caseEvent().deserializer(),
                inputs.toArray(String[]::new));
        topology.addProcessor("copy-processor", () -> new Copy(withStore), "inputs");
        if (withStore) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Copy.STORE),
                    Serdes.String(), Serdes.ByteArray()).withCachingEnabled(), "copy-processor");
        }
        topology.addSink("copy", copy, Serdes.ByteArray().serializer(), CaseflowSerdes.caseEvent().serializer(),
                "copy-processor");
        return topology;
    }

    /**
     * Passes each event on; with {@code withStore}, first does what the least stateful per-case processor does: read
     * the case's value and write a new one (the event, encoded), through the app's record cache and changelog.
     */
    private static final class Copy implements Processor<byte[], CaseEvent, byte[], CaseEvent> {
        static final String STORE = "copy-store";
        private final boolean withStore;
        private final Serializer<CaseEvent> encoder = CaseflowSerdes.caseEvent().serializer();
        private ProcessorContext<byte[], CaseEvent> context;
        private KeyValueStore<String, byte[]> store;

        Copy(boolean withStore) {
            this.withStore = withStore;
        }

        @Override
        public void init(ProcessorContext<byte[], CaseEvent> context) {
            this.context = context;
            this.store = withStore ? context.getStateStore(STORE) : null;
        }

        @Override
        public void process(Record<byte[], CaseEvent> record) {
            if (withStore) {
                String caseId = record.value().getCaseId();
                store.get(caseId);
                store.put(caseId, encoder.serialize(STORE, record.value()));
            }
            context.forward(record);
        }
    }

    /** Waits until the group has committed every input record; {@link System#nanoTime} of the reading that saw it. */
    private long awaitCommitted(String group, Set<String> inputs, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (cluster.lag(group, inputs) == 0) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new CaseflowException("bench: the streams floor did not catch up within " + timeout + " (input lag "
                + cluster.lag(group, inputs) + ")");
    }
}
