package org.caseflow.streams.topology;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.IndicatorValue;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;

/**
 * A Caseflow topology on TopologyTestDriver, set up as every topology test needs it: the driver's settings (an
 * application id, a bootstrap address never contacted, the test's state directory, optionally the dead-letter queue of
 * KIP-1034), the start of its wall clock, and input and output topic handles with the project's serdes. Closing it
 * closes the driver.
 *
 * <pre>{@code
 * try (TopologyFixture fx = TopologyFixture.of(topology).stateDir(dir).start(wallClock)) {
 *     fx.events(TOPICS.caseFilings()).pipeInput(caseId, event, event.getOccurredAt());
 *     assertThat(fx.alerts().readValuesToList()).isEmpty();
 * }
 * }</pre>
 */
final class TopologyFixture implements AutoCloseable {
    /** The seed data of the repository, loaded once for all topology tests. */
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));

    /**
     * The live settings with the stores in memory ({@link StoreKind#IN_MEMORY}: changelogs and record caches as live).
     * A driver over RocksDB opens and closes some twenty RocksDB instances, a few hundred milliseconds each time on
     * these machines; {@code CaseTopologyTest} and the broker tests keep RocksDB.
     */
    static TopologySettings liveSettings() {
        return TopologySettings.defaults().withStores(StoreKind.IN_MEMORY);
    }

    private final TopologyTestDriver driver;
    private final TopicNames topics;

    private TopologyFixture(TopologyTestDriver driver, TopicNames topics) {
        this.driver = driver;
        this.topics = topics;
    }

    /** A fixture for {@code topology} (built by the test, with the settings and reference data it is about). */
    static Builder of(Topology topology) {
        return new Builder(topology);
    }

    TopologyTestDriver driver() {
        return driver;
    }

    /** Case events into {@code topic} (one of the input topics). */
    TestInputTopic<String, CaseEvent> events(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), CaseflowSerdes.caseEvent().serializer());
    }

    /** Raw bytes under a string key into {@code topic}: what a producer outside the contract may write. */
    TestInputTopic<String, byte[]> raw(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    /** Raw bytes, key included, into {@code topic}. */
    TestInputTopic<byte[], byte[]> rawKeyed(String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    TestOutputTopic<String, DeadlineAlert> alerts() {
        return TopicHandles.output(driver, typed().deadlineAlerts());
    }

    TestOutputTopic<String, CaseSnapshot> snapshots() {
        return TopicHandles.output(driver, typed().caseSnapshots());
    }

    TestOutputTopic<String, IndicatorValue> indicators() {
        return TopicHandles.output(driver, typed().indicators());
    }

    TestOutputTopic<String, byte[]> deadLetters() {
        return TopicHandles.output(driver, typed().deadLetters());
    }

    /** The topics with their serdes (the project's own, as the topology writes them). */
    private Topics typed() {
        return new Topics(topics);
    }

    /** The dead letters with their keys as written (bytes). */
    TestOutputTopic<byte[], byte[]> rawDeadLetters() {
        return driver.createOutputTopic(topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Any other output topic, string-keyed. */
    <V> TestOutputTopic<String, V> output(String topic, Deserializer<V> values) {
        return driver.createOutputTopic(topic, new StringDeserializer(), values);
    }

    @Override
    public void close() {
        driver.close();
    }

    /** The driver's settings; {@link #start} creates the driver. */
    static final class Builder {
        private final Topology topology;
        private String applicationId = "caseflow-test";
        private Path stateDir;
        private TopicNames topics = TopicNames.DEFAULT;
        private boolean deadLetterQueue;

        private Builder(Topology topology) {
            this.topology = topology;
        }

        /** Distinct ids let one test run several drivers on the same state directory at once. */
        Builder applicationId(String id) {
            this.applicationId = id;
            return this;
        }

        /** Required: the test's own directory (a {@code @TempDir}), so no test sees another's state. */
        Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        /** The topic names the topology was built with, when not {@link TopicNames#DEFAULT}. */
        Builder topics(TopicNames names) {
            this.topics = names;
            return this;
        }

        /**
         * Records that cannot be deserialized go to the dead-letter topic (KIP-1034) and processing continues, as
         * the application configures it.
         */
        Builder deadLetterQueue() {
            this.deadLetterQueue = true;
            return this;
        }

        /** Starts the driver with its wall clock at {@code wallClock}. */
        TopologyFixture start(Instant wallClock) {
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test:9092"); // never contacted by the test driver
            props.put(StreamsConfig.STATE_DIR_CONFIG, Objects.requireNonNull(stateDir, "stateDir").toString());
            if (deadLetterQueue) {
                props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());
                props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        LogAndContinueExceptionHandler.class.getName());
            }
            return new TopologyFixture(new TopologyTestDriver(topology, props, wallClock), topics);
        }
    }
}
