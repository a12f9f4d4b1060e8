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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caseflow.events.CaseEvent;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.input.TestChecks;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.LineRanges;
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
class ProducePublishIT {
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
        new EventFileReader(TestChecks.SEEDED).read(file, line -> {
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
    void shouldReportInvalidLinesAsTheDryRunDoesAndPublishNothing() throws IOException {
        createTopics();
        assertThat(CaseflowCli.execute("produce", BROKEN, "--dry-run")).isEqualTo(2);
        String dryRunErrors = printed(err);
        out.reset();
        err.reset();

        assertThat(CaseflowCli.execute("produce", BROKEN, "--bootstrap-servers", bootstrap, "--topic-prefix", prefix))
                .isEqualTo(2);
        // Issue 13: the whole file is validated before anything is published.
        assertThat(printed(err)).isEqualTo(dryRunErrors + "caseflow produce: nothing published: 30 of 33 lines invalid"
                + " (fix them, or pass --skip-invalid to publish the valid ones)" + System.lineSeparator());
        assertThat(printed(out)).isEqualTo("0 published, 30 invalid" + System.lineSeparator());
        assertThat(inputs()).isEmpty();
    }

    @Test
    void shouldPublishTheValidLinesWhenAskedToSkipTheInvalidOnes() throws IOException {
        createTopics();
        assertThat(CaseflowCli.execute("produce", BROKEN, "--bootstrap-servers", bootstrap, "--topic-prefix", prefix,
                "--skip-invalid")).isEqualTo(2);
        assertThat(printed(err)).contains("line 4: occurredAt").contains("line 30: occurredAt: implausible instant");
        assertThat(printed(out)).isEqualTo("3 published, 30 invalid" + System.lineSeparator());
        assertThat(inputs()).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(validEvents(BROKEN));
    }

    @Test
    void shouldSayExactlyWhichLinesWerePublishedWhenTheBrokerRefusesOne(@TempDir Path dir) throws Exception {
        String filings = new TopicNames(prefix).caseFilings();
        // Kafka 4's default: a record timestamp over an hour ahead of the broker's clock is refused. Line 3 is
        // plausible for Caseflow (2099) but not for this topic, so it fails only once publishing has begun.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(new TopicNames(prefix).inputs().stream().map(name -> new NewTopic(name, 1, (short) 1)
                    .configs(name.equals(filings) ? Map.of("message.timestamp.after.max.ms", "3600000") : Map.of()))
                    .toList()).all().get();
        }
        String filing = "{\"eventId\":\"e-1\",\"type\":\"CASE_FILED\",\"caseId\":\"(2025)湘0211民初3001号\",\"court\":\"湘0211\","
                + "\"occurredAt\":\"2025-03-05T09:00:00+08:00\",\"procedure\":\"CIVIL_FIRST_ORDINARY\",\"filedOn\":\"2025-03-05\"}";
        List<String> lines = new ArrayList<>(List.of(filing));
        for (int n = 2; n <= 5; n++) {
            String day = n == 3 ? "2099-03-0" + n : "2025-03-0" + (n + 4);
            lines.add("{\"eventId\":\"e-" + n + "\",\"type\":\"JUDGE_ASSIGNED\",\"caseId\":\"(2025)湘0211民初3001号\","
                    + "\"court\":\"湘0211\",\"occurredAt\":\"" + day + "T09:00:00+08:00\",\"judge\":\"J-" + n + "\"}");
        }
        Path file = Files.write(dir.resolve("events.jsonl"), lines);

        assertThat(CaseflowCli.execute("produce", file.toString(), "--bootstrap-servers", bootstrap, "--topic-prefix",
                prefix)).isEqualTo(1);

        // Whatever the batching, the account matches the topic exactly: published lines are there, no other is.
        LineRanges onTopic = new LineRanges();
        TopicDump.readAll(bootstrap, List.of(filings), CaseflowSerdes.caseEvent().deserializer())
                .forEach(r -> onTopic.add(Long.parseLong(r.value().getEventId().substring(2))));
        assertThat(onTopic.contains(3)).isFalse();
        String account = printed(err).lines().filter(l -> l.startsWith("caseflow produce: ") && !l.contains("failed: line"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(account).startsWith("caseflow produce: "
                + (onTopic.isEmpty() ? "nothing published" : "published " + onTopic.describe() + " ("));
        assertThat(account).containsPattern("line 3 failed: [^;]*out of range");
        assertThat(printed(err)).contains("caseflow produce: publishing failed: line ");
    }

    @Test
    void shouldSendAClockTickToEveryPartitionOfTheThreeInputsAfterTheEvents() {
        createTopics();
        assertThat(CaseflowCli.execute("produce", VALID, "--bootstrap-servers", bootstrap, "--topic-prefix", prefix,
                "--clock-tick", "2025-06-01")).isEqualTo(0);
        Instant midnightShanghai = Instant.parse("2025-05-31T16:00:00Z");

        // Every input: the case processor's order barrier lets a record past a midnight go once each input has
        // reached its time, so a tick sent to the filings alone would wait out the grace for the others.
        for (String topic : new TopicNames(prefix).inputs()) {
            List<ConsumerRecord<String, CaseEvent>> records = TopicDump.readAll(bootstrap, List.of(topic),
                    CaseflowSerdes.caseEvent().deserializer());
            List<ConsumerRecord<String, CaseEvent>> ticks = records.stream()
                    .filter(r -> ClockTicks.KEY.equals(r.key())).toList();
            assertThat(ticks).as(topic).extracting(ConsumerRecord::partition).containsExactlyInAnyOrder(0, 1, 2);
            assertThat(ticks).allSatisfy(t -> {
                assertThat(t.value()).isNull();
                assertThat(t.timestamp()).isEqualTo(midnightShanghai.toEpochMilli());
                // The tick is the last record of its partition: behind every event.
                assertThat(records.stream().filter(r -> r.partition() == t.partition())
                        .mapToLong(ConsumerRecord::offset).max().getAsLong()).isEqualTo(t.offset());
            });
        }
        assertThat(printed(out)).contains("sent to 9 partitions of ");
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
