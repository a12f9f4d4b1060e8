package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.caseflow.streams.runtime.kafka.ClockTicks;
import org.caseflow.streams.runtime.kafka.SharedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicDump;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.topology.EventRouting;
import org.caseflow.streams.topology.TopicNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseflow produce FILE --bootstrap-servers ...} against the shared embedded broker. */
@Tag("integration")
class ProducePublishTest {
    private static final String VALID = "seeds/scenarios/valid-all-types.jsonl";
    private static final String BROKEN = "seeds/scenarios/broken-lines.jsonl";
    private static final int PARTITIONS = 3;
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private String bootstrap;
    private String prefix;

    @BeforeEach
    void setUp() {
        bootstrap = SharedKafka.get().bootstrapServers();
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        prefix = "produce-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** What the command printed, without the log lines of the Kafka clients (same console). */
    private static String printed(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().filter(l -> !LOG_LINE.matcher(l).find())
                .map(l -> l + System.lineSeparator()).collect(Collectors.joining());
    }

    private void createTopics() {
        CaseflowConfig config = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", bootstrap,
                "caseflow.topic.prefix", prefix, "caseflow.topic.partitions", String.valueOf(PARTITIONS)));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertThat(new TopicAdmin(admin).ensure(TopicSpec.all(config)).ok()).isTrue();
        }
    }

    private List<ConsumerRecord<String, CaseEvent>> inputs() {
        return TopicDump.readAll(bootstrap, new TopicNames(prefix).inputs(), CaseflowSerdes.caseEvent().deserializer());
    }

    private static List<CaseEvent> validEvents(String file) throws IOException {
        List<CaseEvent> events = new ArrayList<>();
        new EventFileReader().read(file, line -> {
            if (line instanceof ParsedLine.Valid ok) {
                events.add(ok.event());
            }
        });
        return events;
    }

    @Test
    void shouldPublishEveryEventToItsTopicKeyedByCaseIdAtItsEventTime() throws IOException {
        createTopics();
        assertThat(CaseflowCli.execute("produce", VALID, "--bootstrap-servers", bootstrap, "--topic-prefix", prefix))
                .isEqualTo(0);
        assertThat(printed(out)).isEqualTo("24 published, 0 invalid" + System.lineSeparator());

        TopicNames topics = new TopicNames(prefix);
        List<ConsumerRecord<String, CaseEvent>> records = inputs();
        List<CaseEvent> expected = validEvents(VALID);
        assertThat(records).hasSize(expected.size());
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(expected);
        for (ConsumerRecord<String, CaseEvent> r : records) {
            assertThat(r.topic()).isEqualTo(EventRouting.topicFor(r.value(), topics));
            assertThat(r.key()).isEqualTo(r.value().getCaseId());
            assertThat(r.timestamp()).isEqualTo(r.value().getOccurredAt().toEpochMilli());
        }
        // All three input topics are used by the scenario (filings, hearings, enforcement).
        assertThat(records).extracting(ConsumerRecord::topic).hasSameElementsAs(topics.inputs());
    }

    @Test
    void shouldReportInvalidLinesAsTheDryRunDoesPublishTheRestAndExitTwo() throws IOException {
        createTopics();
        assertThat(CaseflowCli.execute("produce", BROKEN, "--dry-run")).isEqualTo(2);
        String dryRunErrors = printed(err);
        out.reset();
        err.reset();

        assertThat(CaseflowCli.execute("produce", BROKEN, "--bootstrap-servers", bootstrap, "--topic-prefix", prefix))
                .isEqualTo(2);
        assertThat(printed(err)).isEqualTo(dryRunErrors).contains("line 4: occurredAt");
        assertThat(printed(out)).isEqualTo("3 published, 23 invalid" + System.lineSeparator());
        assertThat(inputs()).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(validEvents(BROKEN));
    }

    @Test
    void shouldSendAClockTickToEveryPartitionOfTheFilingsTopicAfterTheEvents() {
        createTopics();
        assertThat(CaseflowCli.execute("produce", VALID, "--bootstrap-servers", bootstrap, "--topic-prefix", prefix,
                "--clock-tick", "2025-06-01")).isEqualTo(0);
        Instant midnightShanghai = Instant.parse("2025-05-31T16:00:00Z");

        List<ConsumerRecord<String, CaseEvent>> filings = TopicDump.readAll(bootstrap,
                List.of(new TopicNames(prefix).caseFilings()), CaseflowSerdes.caseEvent().deserializer());
        List<ConsumerRecord<String, CaseEvent>> ticks = filings.stream()
                .filter(r -> ClockTicks.KEY.equals(r.key())).toList();
        assertThat(ticks).extracting(ConsumerRecord::partition).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(ticks).allSatisfy(t -> {
            assertThat(t.value()).isNull();
            assertThat(t.timestamp()).isEqualTo(midnightShanghai.toEpochMilli());
            // The tick is the last record of its partition: behind every event.
            assertThat(filings.stream().filter(r -> r.partition() == t.partition()).mapToLong(ConsumerRecord::offset)
                    .max().getAsLong()).isEqualTo(t.offset());
        });
    }

    @Test
    void shouldFailWithExitOneAndAClearMessageWhenTheTopicsAreMissing(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("caseflow.properties"), "kafka.max.block.ms=1500\n");
        assertThat(CaseflowCli.execute("produce", VALID, "--bootstrap-servers", bootstrap, "--topic-prefix", prefix,
                "--config", config.toString())).isEqualTo(1);
        assertThat(printed(err))
                .contains("caseflow produce: publishing failed: topic " + prefix + "courts.case-filings is not available")
                .contains("caseflow topics");
    }

    @Test
    void shouldRefuseABadClockTickAsBadUsage() {
        assertThat(CaseflowCli.execute("produce", VALID, "--bootstrap-servers", bootstrap, "--clock-tick", "soon"))
                .isEqualTo(2);
        assertThat(printed(err)).contains("--clock-tick: expected an ISO instant");
    }
}
