package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.kafka.SharedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicDump;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.topology.DeadLetterHeaders;
import org.caseflow.streams.topology.DeadLetters;
import org.caseflow.streams.topology.TopicNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code caseflow dead-letters} against the shared embedded broker: dead letters as the app writes them (the
 * {@code caseflow.dlq.*} set; one also with Kafka's {@code __streams.errors.*}) are listed with their reasons and
 * re-published to their source topic with their key and bytes, once however often the command runs.
 */
@Tag("integration")
class DeadLettersCommandIT {
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant SENT = Instant.parse("2025-03-03T02:00:00Z");
    private static final byte[] MISMATCH_VALUE = {(byte) 0xc3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 42};
    private static final byte[] UNDECODABLE_VALUE = {1, 2, 3};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private String bootstrap;
    private String prefix;
    private TopicNames topics;

    @BeforeEach
    void setUp() throws Exception {
        bootstrap = SharedKafka.get().bootstrapServers();
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        prefix = "dlq-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        topics = new TopicNames(prefix);
        CaseflowConfig config = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", bootstrap,
                "caseflow.topic.prefix", prefix, "caseflow.topic.partitions", "2"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertThat(new TopicAdmin(admin).ensure(TopicSpec.all(config)).ok()).isTrue();
        }
        writeDeadLetters();
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /**
     * Partition 0: 0:0 a key mismatch (app), 0:1 an undecodable record (Kafka's handler). Partition 1: 1:0 a
     * corrupt store value with no source topic, 1:1 another key mismatch.
     */
    private void writeDeadLetters() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            Headers mismatch = new DeadLetterHeaders("key-mismatch", "record key k-1 does not match caseId c-1",
                    new DeadLetters.Source(topics.caseFilings(), 1, 7), SENT.toEpochMilli(), "e-1",
                    DeadLetters.ValueForm.ORIGINAL, SENT.plusSeconds(1)).toHeaders();
            producer.send(new ProducerRecord<>(topics.deadLetters(), 0, null, utf8("k-1"), MISMATCH_VALUE, mismatch))
                    .get();
            Headers undecodable = new DeadLetterHeaders("deserialization", "BAD_HEADER: not an Avro single-object\t"
                    + "encoded CaseEvent", new DeadLetters.Source(topics.caseHearings(), 0, 3), SENT.toEpochMilli(),
                    null, DeadLetters.ValueForm.ORIGINAL, SENT.plusSeconds(2)).toHeaders();
            undecodable.add("__streams.errors.exception", utf8("org.caseflow.schemas.SchemaDecodeException"));
            producer.send(new ProducerRecord<>(topics.deadLetters(), 0, null, utf8("garbage-key"), UNDECODABLE_VALUE,
                    undecodable)).get();
            Headers store = new DeadLetterHeaders("corrupt-pending-delta", "unreadable", DeadLetters.Source.UNKNOWN, -1,
                    null, DeadLetters.ValueForm.INTERNAL, SENT.plusSeconds(3)).toHeaders();
            producer.send(new ProducerRecord<>(topics.deadLetters(), 1, null, utf8("湘02|CIVIL"), new byte[] {9},
                    store)).get();
            Headers second = new DeadLetterHeaders("key-mismatch", "record key k-2 does not match caseId c-2",
                    new DeadLetters.Source(topics.caseFilings(), 0, 9), SENT.toEpochMilli(), "e-2",
                    DeadLetters.ValueForm.ORIGINAL, SENT.plusSeconds(4)).toHeaders();
            producer.send(new ProducerRecord<>(topics.deadLetters(), 1, null, utf8("k-2"), new byte[] {7}, second))
                    .get();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 5];
        all[0] = "dead-letters";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--bootstrap-servers", bootstrap, "--topic-prefix", prefix}, 0, all,
                args.length + 1, 4);
        return CaseflowCli.execute(all);
    }

    /** What the command printed, without the log lines of the Kafka clients (same console). */
    private static List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().filter(l -> !LOG_LINE.matcher(l).find())
                .collect(Collectors.toList());
    }

    private List<ConsumerRecord<String, byte[]>> inputs() {
        return TopicDump.readAll(bootstrap, topics.inputs(), new ByteArrayDeserializer());
    }

    /**
     * The input records once at least {@code expected} are visible: a committed transaction's markers reach the
     * partitions just after commitTransaction returns, so a read_committed reader may briefly see the older end. The
     * callers still assert the exact records (a second copy would show).
     */
    private List<ConsumerRecord<String, byte[]>> inputs(int expected) {
        return Waits.await(expected + " input records visible to a read_committed reader").until(this::inputs,
                seen -> seen.size() >= expected);
    }

    @Test
    void shouldListEveryDeadLetterWithItsReasonOneLineEach() {
        assertThat(run()).isEqualTo(0);
        assertThat(lines(out)).containsExactly(
                "0:0\tk-1\tkey-mismatch\trecord key k-1 does not match caseId c-1\t" + topics.caseFilings(),
                "0:1\tgarbage-key\tdeserialization\tBAD_HEADER: not an Avro single-object encoded CaseEvent\t"
                        + topics.caseHearings(),
                "1:0\t湘02|CIVIL\tcorrupt-pending-delta\tunreadable\t-",
                "1:1\tk-2\tkey-mismatch\trecord key k-2 does not match caseId c-2\t" + topics.caseFilings());
        assertThat(lines(err)).contains("4 of 4 dead letters in " + topics.deadLetters());

        assertThat(run("--reason", "key-mismatch")).isEqualTo(0);
        assertThat(lines(out)).extracting(l -> l.split("\t")[0]).containsExactly("0:0", "1:1");
    }

    @Test
    void shouldListAsJsonWithEveryHeaderOfTheSet() throws Exception {
        assertThat(run("--json", "--offsets", "0:0")).isEqualTo(0);
        List<String> printed = lines(out);
        assertThat(printed).hasSize(1);
        JsonNode letter = JSON.readTree(printed.get(0));
        assertThat(letter.path("partition").asInt()).isZero();
        assertThat(letter.path("offset").asLong()).isZero();
        assertThat(letter.path("key").asText()).isEqualTo("k-1");
        assertThat(letter.path("reason").asText()).isEqualTo("key-mismatch");
        assertThat(letter.path("sourceTopic").asText()).isEqualTo(topics.caseFilings());
        assertThat(letter.path("sourcePartition").asInt()).isEqualTo(1);
        assertThat(letter.path("sourceOffset").asLong()).isEqualTo(7);
        assertThat(letter.path("sourceTimestamp").asLong()).isEqualTo(SENT.toEpochMilli());
        assertThat(letter.path("eventId").asText()).isEqualTo("e-1");
        assertThat(letter.path("time").asText()).isEqualTo(SENT.plusSeconds(1).toString());
        assertThat(letter.path("valueForm").asText()).isEqualTo("original");
        assertThat(letter.path("valueBytes").asInt()).isEqualTo(MISMATCH_VALUE.length);
    }

    @Test
    void shouldRepublishAChosenDeadLetterWithItsKeyAndBytesOnlyOnce() throws Exception {
        assertThat(run("--republish", "--offsets", "0:0")).isEqualTo(0);
        assertThat(lines(out)).singleElement().satisfies(l -> assertThat(l).startsWith("0:0\trepublished\tto "
                + topics.caseFilings() + "-"));
        List<ConsumerRecord<String, byte[]>> copies = inputs(1);
        assertThat(copies).singleElement().satisfies(copy -> {
            assertThat(copy.topic()).isEqualTo(topics.caseFilings());
            assertThat(copy.key()).isEqualTo("k-1");
            assertThat(copy.value()).isEqualTo(MISMATCH_VALUE);
            assertThat(copy.timestamp()).isEqualTo(SENT.toEpochMilli());
            assertThat(new String(copy.headers().lastHeader(DeadLetters.REPUBLISHED_FROM).value(),
                    StandardCharsets.UTF_8)).isEqualTo("0:0");
        });

        // Again, and once more by reason (which also picks 1:1): the first copy is not sent twice.
        assertThat(run("--republish", "--offsets", "0:0")).isEqualTo(0);
        assertThat(lines(out)).singleElement().satisfies(l -> assertThat(l).startsWith("0:0\tskipped"));
        assertThat(run("--republish", "--reason", "key-mismatch", "--json")).isEqualTo(0);
        List<String> byReason = lines(out);
        assertThat(byReason).hasSize(2);
        assertThat(byReason.get(0)).isEqualTo("{\"partition\":0,\"offset\":0,\"outcome\":\"already-republished\","
                + "\"detail\":\"copy already in " + copies.get(0).topic() + "-" + copies.get(0).partition() + "\"}");
        assertThat(byReason.get(1)).startsWith("{\"partition\":1,\"offset\":1,\"outcome\":\"republished\"");
        assertThat(lines(err)).contains("1 re-published, 1 already re-published, 0 cannot be re-published");

        assertThat(inputs(2)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("k-1", "k-2");
    }

    @Test
    void shouldRepublishAnUndecodableRecordAsItCameForAFixedDecoder() throws Exception {
        assertThat(run("--republish", "--reason", "deserialization")).isEqualTo(0);
        assertThat(inputs(1)).singleElement().satisfies(copy -> {
            assertThat(copy.topic()).isEqualTo(topics.caseHearings());
            assertThat(copy.key()).isEqualTo("garbage-key");
            assertThat(copy.value()).isEqualTo(UNDECODABLE_VALUE);
        });
    }

    @Test
    void shouldRefuseToRepublishWhatHasNoSourceTopicAndPublishNothingElseBadlyChosen() {
        assertThat(run("--republish", "--offsets", "1:0")).isEqualTo(2);
        assertThat(lines(out)).singleElement().satisfies(l ->
                assertThat(l).startsWith("1:0\tcannot re-publish\tno source topic"));
        assertThat(run("--republish", "--offsets", "0:9")).isEqualTo(2);
        assertThat(lines(err)).anySatisfy(l -> assertThat(l).contains("no dead letter at 0:9"));
        assertThat(run("--republish", "--offsets", "1")).as("offset 1 is in both partitions").isEqualTo(2);
        assertThat(lines(err)).anySatisfy(l -> assertThat(l).contains("write PARTITION:OFFSET"));
        assertThat(run("--republish")).as("everything at once is refused").isEqualTo(2);
        assertThat(lines(err)).anySatisfy(l -> assertThat(l).contains("--republish needs --offsets or --reason"));
        assertThat(inputs()).isEmpty();
    }
}
