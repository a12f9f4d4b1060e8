package org.caseflow.streams.runtime.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.caseflow.CaseflowException;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.kafka.EventPublisher;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.topology.TopicNames;

/**
 * Floor and pipeline on the same simulated events: the floor is a plain consumer that decodes each event and
 * produces one record per event (no state); the pipeline is the Caseflow app catching up on the same events. Between
 * them, the same copy as a Kafka Streams app, without and with one store read and write per event ({@link StreamsFloor}).
 * Also counts the records the pipeline writes per input event (every topic but the inputs: outputs,
 * changelogs, internal topics; transaction markers included, as the broker counts offsets).
 */
final class ThroughputPhases {
    /** Untimed rounds before the measured one (HotSpot's C2 promotes methods slower while its queue is long). */
    static final int WARM_UP_ROUNDS = 2;
    /** Issue 8's target: the pipeline at half the floor's events/s or more. */
    static final double TARGET_SHARE = 0.5;
    private final String bootstrap;
    private final Admin admin;
    private final BenchCluster cluster;
    private final Figures figures;
    private final Path work;
    private final Map<String, String> appSettings;

    ThroughputPhases(String bootstrap, Admin admin, Figures figures, Path work, Map<String, String> appSettings) {
        this.appSettings = appSettings;
        this.bootstrap = bootstrap;
        this.admin = admin;
        this.cluster = new BenchCluster(admin);
        this.figures = figures;
        this.work = work;
    }

    /**
     * Runs the floor and/or the pipeline and prints their figures, and the ratio when both ran; with {@code warmUp},
     * {@link #WARM_UP_ROUNDS} untimed rounds of each first, then a wait for the JIT to be idle, so both are measured
     * with the JIT warm (a pipeline runs for months, and the first round in a fresh JVM is mostly compilation: the
     * single C2 thread was busy for most of it on two cores, and after one round it still compiled 55-72 µs per event
     * through the measured round, docs/performance.md "Twelfth session").
     */
    void run(Supplier<List<CaseEvent>> simulated, boolean withFloor, boolean withStreamsFloor, boolean withPipeline,
            boolean warmUp) throws Exception {
        // Encoded at once: no frame keeps the decoded list (EncodedEvents says why that matters).
        EncodedEvents events = EncodedEvents.of(simulated.get());
        if (warmUp) {
            figures.warmUp(true);
            try {
                for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                    measure(events, withFloor, withStreamsFloor, withPipeline);
                }
                figures.note("before the measured round: " + Quiet.await());
            } finally {
                figures.warmUp(false);
            }
        }
        Rates rates = measure(events, withFloor, withStreamsFloor, withPipeline);
        if (withFloor && withPipeline) {
            figures.add("pipeline", "pipeline / floor", rates.pipeline().perSecond() / rates.floor().perSecond(), "ratio",
                    ">= " + TARGET_SHARE);
        }
        // The gap split: Kafka Streams under the app's settings, one state access per event, Caseflow's own work.
        if (withFloor && withStreamsFloor) {
            figures.add("pipeline", "Streams copy / floor", rates.copy().perSecond() / rates.floor().perSecond(), "ratio",
                    "");
            figures.add("pipeline", "Streams copy with a store / floor",
                    rates.storeCopy().perSecond() / rates.floor().perSecond(), "ratio", "");
        }
        if (withStreamsFloor && withPipeline) {
            figures.add("pipeline", "pipeline / Streams copy with a store",
                    rates.pipeline().perSecond() / rates.storeCopy().perSecond(), "ratio", "");
        }
        if (withFloor) {
            cpuBudget(rates);
        }
    }

    /**
     * What the 0.5 target allows in CPU: at half the floor's rate an event has {@code 2 / floor} seconds of wall time,
     * and the process at most that on each core (broker too when embedded). The CPU an event takes is steadier than
     * events/s on a shared machine, so this says how far each copy and the pipeline are from the target however
     * loaded the machine was in the round.
     */
    private void cpuBudget(Rates rates) {
        int cores = Runtime.getRuntime().availableProcessors();
        double allowed = cores * 1e6 / (TARGET_SHARE * rates.floor().perSecond());
        figures.add("pipeline", "most process CPU per event at 0.5 x the floor's rate, " + cores + " cores", allowed,
                "µs", "");
        if (!Double.isNaN(rates.storeCopy().perSecond())) {
            figures.add("pipeline", "Streams copy with a store: process CPU per event / that",
                    rates.storeCopy().processMicros() / allowed, "ratio", "");
        }
        if (!Double.isNaN(rates.pipeline().perSecond())) {
            figures.add("pipeline", "pipeline: process CPU per event / that", rates.pipeline().processMicros() / allowed,
                    "ratio", "<= 1");
        }
    }

    /** Events/s and process CPU per event (µs, broker too when embedded) of one round; NaN when skipped. */
    private record Measured(double perSecond, double processMicros) {
        static final Measured SKIPPED = new Measured(Double.NaN, Double.NaN);
    }

    /** One round's copies and pipeline. */
    private record Rates(Measured floor, Measured copy, Measured storeCopy, Measured pipeline) {
    }

    private Rates measure(EncodedEvents events, boolean withFloor, boolean withStreamsFloor, boolean withPipeline)
            throws Exception {
        Measured floor = withFloor ? floor(events) : Measured.SKIPPED;
        Measured copy = withStreamsFloor ? streamsFloor(events, false) : Measured.SKIPPED;
        Measured storeCopy = withStreamsFloor ? streamsFloor(events, true) : Measured.SKIPPED;
        Measured pipeline = withPipeline ? pipeline(events) : Measured.SKIPPED;
        return new Rates(floor, copy, storeCopy, pipeline);
    }

    private Measured streamsFloor(EncodedEvents events, boolean withStore) throws Exception {
        StreamsFloor.Round round = new StreamsFloor(bootstrap, cluster, new TopicAdmin(admin), work, appSettings)
                .run(events, withStore);
        String what = withStore ? "Streams copy with a store" : "Streams copy";
        figures.add("floor", withStore ? "the Streams copy with one cached store read and write per event"
                : "the same copy as a Kafka Streams app (the app's Streams settings)", round.eventsPerSecond(), "events/s", "");
        figures.add("floor", what + ": stream-thread CPU per event", round.streamCpuMicrosPerEvent(), "µs", "");
        figures.add("floor", what + ": process CPU per event (broker too when embedded)",
                round.processCpuMicrosPerEvent(), "µs", "");
        figures.note(String.format(java.util.Locale.ROOT, "%s: first record processed %.0f ms before RUNNING (the clock"
                + " starts at whichever came first)", what, round.earlyMillis()));
        return new Measured(round.eventsPerSecond(), round.processCpuMicrosPerEvent());
    }

    private void publish(BenchApp app, EncodedEvents events) {
        new TopicAdmin(admin).ensure(TopicSpec.all(app.config));
        publish(app.config.kafka(), app.config.topics().names(), events);
    }

    static void publish(Map<String, String> kafka, TopicNames topics, EncodedEvents events) {
        try (EventPublisher publisher = EventPublisher.create(kafka, topics)) {
            events.forEach(publisher::publish);
            publisher.flush();
        }
    }

    private Measured floor(EncodedEvents events) throws Exception {
        String name = "bench-floor-" + System.currentTimeMillis();
        TopicNames topics = new TopicNames(name + ".");
        Map<String, String> kafka = Map.of("bootstrap.servers", bootstrap);
        List<TopicSpec> created = new java.util.ArrayList<>();
        String copy = name + ".copy";
        for (String t : java.util.stream.Stream.concat(topics.inputs().stream(), java.util.stream.Stream.of(copy))
                .toList()) {
            created.add(new TopicSpec(t, 6, java.util.Optional.of((short) 1), Map.of()));
        }
        new TopicAdmin(admin).ensure(created); // waits for the partitions' leaders
        publish(kafka, topics, events);
        Deserializer<CaseEvent> decode = CaseflowSerdes.caseEvent().deserializer();
        Serializer<CaseEvent> encode = CaseflowSerdes.caseEvent().serializer();
        Map<String, Object> consumerProps = new HashMap<>();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        Map<String, Object> producerProps = new HashMap<>();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        long started;
        long processBefore;
        long copied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            Set<TopicPartition> partitions = new HashSet<>();
            for (String t : topics.inputs()) {
                consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            processBefore = ProcessMemory.processCpuNanos();
            started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(10).toNanos();
            while (copied < events.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    CaseEvent event = decode.deserialize(r.topic(), r.value());
                    producer.send(new ProducerRecord<>(copy, r.key(), encode.serialize(copy, event)));
                    copied++;
                }
            }
            producer.flush();
        }
        double processMicros = (ProcessMemory.processCpuNanos() - processBefore) / 1e3 / Math.max(copied, 1);
        if (copied < events.size()) {
            throw new CaseflowException("bench: the floor copied " + copied + " of " + events.size() + " events");
        }
        double perSecond = events.size() / ((System.nanoTime() - started) / 1e9);
        figures.add("floor", "consume, decode, produce one record per event", perSecond, "events/s", "");
        figures.add("floor", "the plain copy: process CPU per event (broker too when embedded)", processMicros, "µs", "");
        return new Measured(perSecond, processMicros);
    }

    /** Where the stream threads' time went while catching up (Kafka Streams' thread metrics, as the inputs ran dry). */
    private void threadTime(BenchApp app) {
        app.threadRatiosWhenCaughtUp().forEach((name, v) -> figures.note(String.format(java.util.Locale.ROOT,
                "stream thread %-16s %5.1f %% of wall time", name, 100 * v)));
    }

    private Measured pipeline(EncodedEvents events) throws Exception {
        String name = "bench-pipe-" + System.currentTimeMillis();
        try (BenchApp app = new BenchApp(bootstrap, name, work.resolve(name), appSettings)) {
            publish(app, events);
            Set<String> written = new HashSet<>(cluster.topicsStartingWith(name));
            written.removeAll(app.config.topics().names().inputs());
            Map<org.apache.kafka.common.TopicPartition, Long> before = cluster.endOffsets(written);
            ThreadCpu cpuBefore = ThreadCpu.now();
            long processBefore = ProcessMemory.processCpuNanos();
            RunningClock clock = app.start();
            long started = clock.nanos();
            figures.note(String.format(java.util.Locale.ROOT, "pipeline: first record processed %.0f ms before RUNNING"
                    + " (the clock starts at whichever came first)", clock.earlyMillis()));
            long caughtUp = app.awaitCaughtUp(cluster, Duration.ofMinutes(30));
            ThreadCpu cpuAfter = ThreadCpu.now();
            long processCpu = ProcessMemory.processCpuNanos() - processBefore;
            double seconds = (caughtUp - started) / 1e9;
            double perSecond = events.size() / seconds;
            figures.add("pipeline", "Caseflow app catching up (EVENT_TIME, EOS)", perSecond, "events/s", "");
            Set<String> after = new HashSet<>(cluster.topicsStartingWith(name));
            after.removeAll(app.config.topics().names().inputs());
            Map<String, Long> perTopic = cluster.appendedSince(before, after, name);
            long writtenRecords = perTopic.values().stream().mapToLong(Long::longValue).sum();
            figures.add("pipeline", "records written per input event", (double) writtenRecords / events.size(),
                    "records", "<= 3");
            perTopic.forEach((topic, n) -> figures.note(String.format(java.util.Locale.ROOT,
                    "%-40s %6.3f per event", topic, (double) n / events.size())));
            figures.add("pipeline", "rebalances while catching up", app.rebalances(), "", "0");
            threadTime(app);
            // CPU per event: steadier than events/s on a shared machine, where the floor beside it moved 2x between runs.
            figures.add("pipeline", "stream-thread CPU per event",
                    (cpuAfter.nanos(ThreadCpu.STREAM) - cpuBefore.nanos(ThreadCpu.STREAM)) / 1e3 / events.size(), "µs", "");
            figures.add("pipeline", "process CPU per event (broker too when embedded)", processCpu / 1e3 / events.size(),
                    "µs", "");
            cpuAfter.noteSince(cpuBefore, figures, events.size(), "event");
            return new Measured(perSecond, processCpu / 1e3 / events.size());
        }
    }
}
