package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.QueryableStreams;
import org.caseflow.streams.runtime.http.Readiness;
import org.caseflow.streams.runtime.metrics.Metrics;
import org.caseflow.streams.topology.CaseflowTopology;
import org.caseflow.streams.topology.ReferenceHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Caseflow Kafka Streams application: one {@link KafkaStreams} client over the Caseflow topology,
 * configured by {@link StreamsProperties}, with Micrometer's Streams binder on the given registry.
 * Reads the input topics, writes alerts/snapshots/indicators/dead letters (see the topology).
 */
public final class CaseflowApp implements AutoCloseable, QueryableStreams {
    private static final Logger LOG = LoggerFactory.getLogger(CaseflowApp.class);

    private final CaseflowConfig config;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private final HostInfo thisHost;
    private final HealthMonitor health;
    private final ReferenceHolder reference;

    public CaseflowApp(CaseflowConfig config, Topology topology, MeterRegistry registry) {
        this(config, topology, registry, null);
    }

    /** @param reference the reference data the topology computes with (null: not known here) */
    public CaseflowApp(CaseflowConfig config, Topology topology, MeterRegistry registry, ReferenceHolder reference) {
        this.config = config;
        this.reference = reference;
        this.thisHost = new HostInfo(config.http().advertisedHost(), config.http().port());
        this.streams = new KafkaStreams(topology, StreamsProperties.of(config, registry));
        streams.setUncaughtExceptionHandler(new BoundedThreadReplacement(config.streams().maxThreadReplacements()));
        this.health = new HealthMonitor(config, streams, failure::complete);
        streams.setStateListener((newState, oldState) -> {
            LOG.info("streams state {} -> {}", oldState, newState);
            health.onStateChange(newState);
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                stopped.countDown();
                failure.complete("Kafka Streams stopped in state " + newState);
            }
        });
        this.streamsMetrics = Metrics.bindStreams(registry, streams, config.streams().applicationId());
        BoundedRocksDbMemory.bindTo(registry, config.streams().rocksdbMemoryBytes());
    }

    /** The production topology over the seeds of {@code config.seedsDir()} ({@link CompositionRoot#of}). */
    public static CaseflowApp create(CaseflowConfig config, MeterRegistry registry) {
        return create(CompositionRoot.of(config), registry);
    }

    /** The production topology over the root's seeds, engine and topology settings. */
    public static CaseflowApp create(CompositionRoot root, MeterRegistry registry) {
        ReferenceHolder reference = new ReferenceHolder(root.engine());
        Topology topology = CaseflowTopology.build(root.topologySettings(), reference, registry, root.digestSettings());
        return new CaseflowApp(root.config(), topology, registry, reference);
    }

    /**
     * The reference data this instance computes with (issue 15): the seed files plus what
     * {@code caseflow.reference-data} published; null for an app built over a topology from elsewhere.
     */
    @Override
    public ReferenceHolder reference() {
        return reference;
    }

    public void start() {
        LOG.info("starting Caseflow streams: {}", config.describe());
        streams.start();
        health.start();
    }

    /** RUNNING: the stores can be queried (the API answers). Readiness for traffic is {@link #readiness()}. */
    @Override
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** RUNNING, Kafka answering, and caught up within caseflow.readiness.max.lag ({@link ReadinessRule}). */
    @Override
    public Readiness readiness() {
        return health.readiness();
    }

    /**
     * Waits until the instance cannot go on by itself: Kafka Streams stopped (fatal error, thread budget used up, or
     * closed), or Kafka unreachable for longer than caseflow.kafka.unreachable.timeout.ms. Returns why.
     */
    public String awaitFailure() throws InterruptedException {
        try {
            return failure.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause().toString(); // never completed exceptionally; kept for the compiler
        }
    }

    /** Waits until RUNNING; false on timeout or when the client stopped instead. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (!state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Blocks until the client stops by itself (fatal error, thread budget exhausted) or the timeout. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public KafkaStreams kafkaStreams() {
        return streams;
    }

    @Override
    public HostInfo thisHost() {
        return thisHost;
    }

    /** Closes within the configured shutdown timeout. Local state is kept (never cleanUp()). */
    @Override
    public void close() {
        // Without static membership (group.instance.id) a restarted instance gets a new member id, so
        // leaving the group now spares the others a session-timeout wait before they rebalance.
        CloseOptions.GroupMembershipOperation membership = config.kafka().containsKey("group.instance.id")
                ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
                : CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
        health.close();
        boolean clean = streams.close(CloseOptions.groupMembershipOperation(membership).withTimeout(config.streams().shutdownTimeout()));
        streamsMetrics.close();
        LOG.info("streams closed {}", clean ? "cleanly" : "after timeout " + config.streams().shutdownTimeout());
    }
}
