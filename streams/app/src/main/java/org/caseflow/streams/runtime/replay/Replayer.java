package org.caseflow.streams.runtime.replay;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Digest;
import org.caseflow.events.IndicatorValue;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.indicators.IndicatorCalculator;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.runtime.app.CompositionRoot;
import org.caseflow.streams.topology.CaseflowTopology;
import org.caseflow.streams.topology.ReferenceHolder;
import org.caseflow.streams.topology.DeadLetters;
import org.caseflow.streams.topology.EventRouting;
import org.caseflow.streams.topology.IndicatorReadout;
import org.caseflow.streams.topology.CaseRecord;
import org.caseflow.streams.topology.StoreNames;
import org.caseflow.streams.topology.Topic;
import org.caseflow.streams.topology.Topics;
import org.caseflow.streams.topology.TopologySettings;

/**
 * Runs the production topology offline on {@link TopologyTestDriver}, on event time: the same
 * processors, stores and timers as live operation, single-threaded and deterministic. Events go
 * to their input topic in the given order; {@link #advanceTo} moves the clock to the as-of instant
 * with a clock tick so every timer due by then fires.
 */
public final class Replayer implements AutoCloseable {
    /** A refused record and its reason. */
    public record DeadLetter(String caseId, String reason, String detail) {
    }

    private static final String CLOCK_KEY = "__clock__";
    private final Topics topics = Topics.DEFAULT;
    private final CaseEngine engine;
    private final ReferenceHolder reference;
    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, CaseEvent>> inputs = new HashMap<>();
    private final TestOutputTopic<String, DeadlineAlert> alerts;
    private final TestOutputTopic<String, byte[]> deadLetters;
    private final TestOutputTopic<String, Digest> digests;
    private final List<Digest> digestLog = new ArrayList<>();
    /** Outputs replay does not report; drained so TopologyTestDriver does not keep them all in memory. */
    private final List<TestOutputTopic<byte[], byte[]>> discarded = new ArrayList<>();
    private final List<DeadlineAlert> alertLog = new ArrayList<>();
    private final List<DeadLetter> deadLetterLog = new ArrayList<>();

    public Replayer(CaseEngine engine, Path stateDir, MeterRegistry registry) {
        this(new ReferenceHolder(ReferenceData.of(engine.seeds(), engine.settings().defaultZone()), engine, true),
                stateDir, registry);
    }

    /**
     * Replays under {@code reference}: the seeds with the versions of {@code caseflow replay --reference} files, each
     * case computed with the version its filing day takes, as live (issue 15).
     */
    public Replayer(ReferenceHolder reference, Path stateDir, MeterRegistry registry) {
        this(reference, new CompositionRoot(CompositionRoot.offlineDefaults(), reference.base().seeds()), stateDir,
                registry);
    }

    /**
     * Replays with the offline topology and digest settings of {@code root} ({@link CompositionRoot#offlineTopologySettings},
     * {@link CompositionRoot#offlineDigestSettings}): those of the configuration live operation uses, so that replay
     * computes as live does.
     */
    public Replayer(ReferenceHolder reference, CompositionRoot root, Path stateDir, MeterRegistry registry) {
        this.engine = reference.base();
        this.reference = reference;
        TopologySettings settings = root.offlineTopologySettings(); // no transactions offline: one step
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "caseflow-replay");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        this.driver = new TopologyTestDriver(CaseflowTopology.build(settings, reference, registry,
                root.offlineDigestSettings()), props, Instant.EPOCH);
        for (Topic<String, CaseEvent> topic : List.of(topics.caseFilings(), topics.caseHearings(), topics.enforcement())) {
            inputs.put(topic.name(), driver.createInputTopic(topic.name(), topic.keySerializer(), topic.valueSerializer()));
        }
        this.alerts = output(topics.deadlineAlerts());
        this.deadLetters = output(topics.deadLetters());
        this.digests = output(topics.digests());
        for (Topic<?, ?> topic : List.of(topics.caseSnapshots(), topics.caseLinks(), topics.indicatorDeltas(),
                topics.lineageFacts(), topics.indicators(), topics.digestFeed())) {
            discarded.add(driver.createOutputTopic(topic.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        }
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keyDeserializer(), topic.valueDeserializer());
    }

    public void pipe(CaseEvent event) {
        inputs.get(EventRouting.topicFor(event, topics).name()).pipeInput(event.getCaseId(), event, event.getOccurredAt());
        drain();
    }

    /** Moves the event clock to {@code asOf}: every timer due at or before it fires. */
    public void advanceTo(Instant asOf) {
        inputs.get(topics.caseFilings().name()).pipeInput(CLOCK_KEY, null, asOf);
        drain();
    }

    private void drain() {
        discarded.forEach(TestOutputTopic::readRecordsToList);
        alertLog.addAll(alerts.readValuesToList());
        // Tombstones of day digests past DigestProcessor.DAY_DIGESTS_KEPT are not digests.
        digests.readValuesToList().stream().filter(java.util.Objects::nonNull).forEach(digestLog::add);
        for (TestRecord<String, byte[]> r : deadLetters.readRecordsToList()) {
            deadLetterLog.add(new DeadLetter(r.key(), header(r, DeadLetters.REASON), header(r, DeadLetters.DETAIL)));
        }
    }

    private static String header(TestRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every alert raised or resolved so far, in order. */
    public List<DeadlineAlert> alerts() {
        return List.copyOf(alertLog);
    }

    /**
     * Every digest closed so far, in the order produced: a period closes when the event clock passes its local midnight
     * (so {@link #advanceTo} the day after the last period wanted).
     */
    public List<Digest> digests() {
        return List.copyOf(digestLog);
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetterLog);
    }

    /** The final state of every filed case, ordered by caseId; cases still waiting for a filing are left out. */
    public List<CaseSnapshot> cases(Instant asOf) {
        List<CaseSnapshot> out = new ArrayList<>();
        KeyValueStore<String, CaseRecord> store = driver.getKeyValueStore(StoreNames.CASES);
        try (KeyValueIterator<String, CaseRecord> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, CaseRecord> kv = it.next();
                reference.engineFor(kv.value.state()).snapshot(kv.value.state(), asOf).ifPresent(out::add);
            }
        }
        out.sort(java.util.Comparator.comparing(CaseSnapshot::getCaseId));
        return out;
    }

    /**
     * Every indicator of every scope in the ledger store, for every period from the first month with data to
     * asOf's month, computed at asOf (see {@link IndicatorReadout}); deterministic order.
     */
    public List<IndicatorValue> indicators(Instant asOf) {
        // The fact aggregator sends its summed deltas on a wall-clock interval, which replay's driver never reaches
        // by itself: move it once, so the deltas of the last facts reach the ledgers too.
        driver.advanceWallClockTime(TopologySettings.FACT_BATCH_INTERVAL);
        drain();
        KeyValueStore<String, byte[]> ledgers = driver.getKeyValueStore(StoreNames.INDICATOR_LEDGERS);
        return IndicatorReadout.everyPeriod(ledgers, new IndicatorCalculator(engine.seeds().indicators(),
                period -> reference.data().indicatorsFor(period)), asOf,
                engine.settings().defaultZone());
    }

    /** The disputes of a scope with the most case numbers (the lineage top the indicator processor keeps). */
    public List<org.caseflow.streams.domain.indicators.LineageTop.Entry> lineageTop(String scopeKey) {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(StoreNames.LINEAGE_TOP);
        byte[] bytes = store.get(scopeKey);
        return bytes == null ? List.of() : org.caseflow.streams.domain.indicators.LineageTop.fromBytes(bytes).top();
    }

    /** Cases whose events are still waiting for a CASE_FILED. */
    public long waitingForFiling() {
        long n = 0;
        KeyValueStore<String, CaseRecord> store = driver.getKeyValueStore(StoreNames.CASES);
        try (KeyValueIterator<String, CaseRecord> it = store.all()) {
            while (it.hasNext()) {
                if (engine.snapshot(it.next().value.state(), Instant.EPOCH).isEmpty()) {
                    n++;
                }
            }
        }
        return n;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
