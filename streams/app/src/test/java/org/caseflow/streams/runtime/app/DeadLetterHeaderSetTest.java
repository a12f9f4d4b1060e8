package org.caseflow.streams.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.metrics.Metrics;
import org.caseflow.streams.topology.CaseflowTopology;
import org.caseflow.streams.topology.DeadLetterHeaders;
import org.caseflow.streams.topology.DeadLetters;
import org.caseflow.streams.topology.TopicNames;
import org.caseflow.streams.topology.StoreKind;
import org.caseflow.streams.topology.TopologySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One header set on every dead letter: a record the decoder refuses (Kafka's deserialization handler, with its
 * {@code __streams.errors.*} headers) and a record the app refuses (the topology's own check) carry the same
 * {@code caseflow.dlq.*} names, so a consumer reads one scheme. The app's error handlers as the app configures them.
 */
class DeadLetterHeaderSetTest {
    static final Seeds SEEDS = TestSeeds.load(Path.of("seeds"));
    static final TopicNames TOPICS = TopicNames.DEFAULT;
    static final String CASE = "(2025)湘0211民初100号";
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    /** Every name of the set but the event id, which only a record that could be decoded has. */
    static final Set<String> WITHOUT_EVENT_ID = Set.of(DeadLetters.REASON, DeadLetters.DETAIL, DeadLetters.SOURCE_TOPIC,
            DeadLetters.SOURCE_PARTITION, DeadLetters.SOURCE_OFFSET, DeadLetters.SOURCE_TIMESTAMP, DeadLetters.TIME,
            DeadLetters.VALUE_FORM);

    @TempDir
    Path stateDir;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TopologyTestDriver driver;
    TestInputTopic<byte[], byte[]> filings;
    TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "caseflow-header-set-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TOPICS.deadLetters());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                CountingDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, CountingProcessingHandler.class.getName());
        props.put(DeadLetterHandlers.REGISTRY_CONFIG, registry);
        var topology = CaseflowTopology.build(TopologySettings.defaults().withStores(StoreKind.IN_MEMORY),
                new CaseEngine(SEEDS, CaseEngine.Settings.defaults()), registry);
        driver = new TopologyTestDriver(topology, props, TestEvents.at(FILED));
        filings = driver.createInputTopic(TOPICS.caseFilings(), new ByteArraySerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static Set<String> names(TestRecord<byte[], byte[]> record, String prefix) {
        Set<String> names = new TreeSet<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith(prefix)) {
                names.add(header.key());
            }
        }
        return names;
    }

    static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldPutTheSameHeaderSetOnAnUndecodableAndAnAppRefusedRecord() {
        CaseEvent filing = TestEvents.filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED);
        byte[] event = CaseflowSerdes.caseEvent().codec().encode(filing);
        byte[] junkAfter = Arrays.copyOf(event, event.length + 3);
        Instant at = filing.getOccurredAt();
        filings.pipeInput(CASE.getBytes(StandardCharsets.UTF_8), junkAfter, at);
        filings.pipeInput("another-case".getBytes(StandardCharsets.UTF_8), event, at);

        TestRecord<byte[], byte[]> undecodable = deadLetters.readRecord();
        TestRecord<byte[], byte[]> refused = deadLetters.readRecord();

        assertThat(names(undecodable, "caseflow.dlq.")).isEqualTo(WITHOUT_EVENT_ID);
        assertThat(names(refused, "caseflow.dlq.")).containsAll(WITHOUT_EVENT_ID).contains(DeadLetters.EVENT_ID)
                .hasSize(WITHOUT_EVENT_ID.size() + 1);
        assertThat(names(undecodable, "__streams.errors.")).as("Kafka's own headers stay")
                .contains("__streams.errors.exception", "__streams.errors.message", "__streams.errors.topic");

        assertThat(undecodable.value()).isEqualTo(junkAfter);
        assertThat(header(undecodable, DeadLetters.REASON)).isEqualTo("deserialization");
        assertThat(header(undecodable, DeadLetters.DETAIL))
                .startsWith("TRAILING_BYTES: 3 byte(s) after a complete CaseEvent");
        assertThat(header(refused, DeadLetters.REASON)).isEqualTo("key-mismatch");

        DeadLetterHeaders first = DeadLetterHeaders.read(undecodable.headers());
        DeadLetterHeaders second = DeadLetterHeaders.read(refused.headers());
        assertThat(first.source()).isEqualTo(new DeadLetters.Source(TOPICS.caseFilings(), 0, 0));
        assertThat(second.source()).isEqualTo(new DeadLetters.Source(TOPICS.caseFilings(), 0, 1));
        assertThat(first.sourceTimestamp()).isEqualTo(at.toEpochMilli()).isEqualTo(second.sourceTimestamp());
        assertThat(first.form()).isEqualTo(DeadLetters.ValueForm.ORIGINAL).isEqualTo(second.form());
        assertThat(first.time()).isNotNull();
        assertThat(registry.find(Metrics.DEAD_LETTERS).tag("reason", "deserialization").counter().count())
                .isEqualTo(1.0);
    }
}
