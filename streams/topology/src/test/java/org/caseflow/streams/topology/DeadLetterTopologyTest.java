package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.resumed;
import static org.caseflow.streams.domain.cases.TestEvents.suspended;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.Procedure;
import org.caseflow.events.SuspensionReason;
import org.caseflow.schemas.AvroCodec;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.seeds.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dead letters of the case topology carry the record as it arrived (DESIGN.md section 4: original key, original bytes)
 * and the {@link DeadLetters} header set, whether the event is refused on arrival or later from the case's history. The
 * events are sent in a valid but non-canonical encoding ({@link ArrivalBytes}), so a re-encoding would show.
 */
class DeadLetterTopologyTest {
    static final Seeds SEEDS = TopologyFixture.SEEDS;
    static final TopicNames TOPICS = TopicNames.DEFAULT;
    static final String CASE = "(2025)湘0211民初100号";
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    /** The wall clock (WALL_CLOCK mode) starts after every event's date: an event ahead of it is refused on arrival. */
    static final Instant START = TestEvents.at(FILED.plusDays(10));

    final AvroCodec<CaseEvent> codec = new AvroCodec<>(CaseEvent.getClassSchema());
    @TempDir
    Path stateDir;
    TopologyFixture fixture;
    TopologyTestDriver driver;
    TestInputTopic<byte[], byte[]> filings;
    TestInputTopic<byte[], byte[]> hearings;
    TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        var topology = CaseflowTopology.build(TopologyFixture.liveSettings(),
                new CaseEngine(SEEDS, CaseEngine.Settings.defaults()), new SimpleMeterRegistry());
        fixture = TopologyFixture.of(topology).applicationId("caseflow-dlq-test").stateDir(stateDir).deadLetterQueue()
                .start(START);
        driver = fixture.driver();
        filings = fixture.rawKeyed(TOPICS.caseFilings());
        hearings = fixture.rawKeyed(TOPICS.caseHearings());
        deadLetters = fixture.rawDeadLetters();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** The event's bytes as a producer sent them: decodable to the event, not its canonical encoding. */
    byte[] arrived(CaseEvent event) {
        byte[] bytes = ArrivalBytes.overlong(codec.encode(event));
        assertThat(codec.decode(bytes)).isEqualTo(event);
        assertThat(bytes).isNotEqualTo(codec.encode(event));
        return bytes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldDeadLetterAKeyMismatchUnderItsOwnKeyWithTheBytesItArrivedAs() {
        CaseEvent filing = filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED);
        byte[] bytes = arrived(filing);
        filings.pipeInput(utf8("another-case"), bytes, filing.getOccurredAt());

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(utf8("another-case"));
        assertThat(letter.value()).isEqualTo(bytes);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("key-mismatch");
        assertThat(header(letter, DeadLetters.DETAIL)).contains("another-case").contains(CASE);
        assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(TOPICS.caseFilings());
        assertThat(header(letter, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.SOURCE_TIMESTAMP))
                .isEqualTo(String.valueOf(filing.getOccurredAt().toEpochMilli()));
        assertThat(header(letter, DeadLetters.EVENT_ID)).isEqualTo("e1");
        assertThat(header(letter, DeadLetters.VALUE_FORM)).isEqualTo("original");
        assertThat(header(letter, DeadLetters.TIME)).isEqualTo(START.toString());
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterACaseIdWithTheStoreSeparatorAsItArrived() {
        CaseEvent filing = filed("e1", "(2025)湘0211民初1|2号", Procedure.CIVIL_FIRST_SUMMARY, FILED);
        byte[] bytes = arrived(filing);
        filings.pipeInput(utf8(filing.getCaseId()), bytes, filing.getOccurredAt());

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(utf8(filing.getCaseId()));
        assertThat(letter.value()).isEqualTo(bytes);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("bad-case-id");
        assertThat(header(letter, DeadLetters.VALUE_FORM)).isEqualTo("original");
    }

    @Test
    void shouldDeadLetterTheEventsOfACaseNeverFiledWithTheBytesTheyArrivedAs() {
        CaseEvent suspension = suspended("e2", CASE, SuspensionReason.APPRAISAL, FILED.plusDays(3));
        byte[] bytes = arrived(suspension);
        hearings.pipeInput(utf8(CASE), bytes, suspension.getOccurredAt());
        assertThat(deadLetters.isEmpty()).as("waiting for its filing").isTrue();

        driver.advanceWallClockTime(Duration.ofDays(8));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(utf8(CASE));
        assertThat(letter.value()).as("the stored event is the bytes it arrived as").isEqualTo(bytes);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("never-filed");
        assertThat(header(letter, DeadLetters.EVENT_ID)).isEqualTo("e2");
        assertThat(header(letter, DeadLetters.VALUE_FORM)).isEqualTo("original");
        assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(TOPICS.caseHearings());
        assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).as("not kept with the stored event").isNull();
        assertThat(header(letter, DeadLetters.TIME)).isEqualTo(START.plus(Duration.ofDays(8)).toString());
    }

    @Test
    void shouldDeadLetterAnEventRefusedFromTheHistoryWithTheBytesItArrivedAs() {
        // A resumption of a suspension that never started, before its case is filed: refused when the filing arrives.
        CaseEvent resumption = resumed("e2", CASE, SuspensionReason.APPRAISAL, FILED.plusDays(5));
        byte[] bytes = arrived(resumption);
        hearings.pipeInput(utf8(CASE), bytes, resumption.getOccurredAt());
        CaseEvent filing = filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED);
        filings.pipeInput(utf8(CASE), arrived(filing), filing.getOccurredAt());

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(utf8(CASE));
        assertThat(letter.value()).isEqualTo(bytes);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("rejected-transition");
        assertThat(header(letter, DeadLetters.DETAIL)).contains("not suspended");
        assertThat(header(letter, DeadLetters.EVENT_ID)).isEqualTo("e2");
        assertThat(header(letter, DeadLetters.VALUE_FORM)).isEqualTo("original");
        assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(TOPICS.caseHearings());
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterTheRecordBeingAppliedWithWhereItWasRead() {
        CaseEvent filing = filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED);
        filings.pipeInput(utf8(CASE), arrived(filing), filing.getOccurredAt());
        // A second filing of the same case is refused by the engine while it is being applied.
        CaseEvent again = filed("e3", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED.plusDays(1));
        byte[] bytes = arrived(again);
        filings.pipeInput(utf8(CASE), bytes, again.getOccurredAt());

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.value()).isEqualTo(bytes);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("rejected-transition");
        assertThat(header(letter, DeadLetters.EVENT_ID)).isEqualTo("e3");
        assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(TOPICS.caseFilings());
        assertThat(header(letter, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.SOURCE_OFFSET)).isEqualTo("1");
    }

    @Test
    void shouldRefuseAKeyThatIsNotUtf8AndDeadLetterTheRecordAsItCame() {
        byte[] key = {'c', (byte) 0xff, 'd'};
        CaseEvent filing = filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED);
        byte[] bytes = arrived(filing);
        filings.pipeInput(key, bytes, filing.getOccurredAt());

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.value()).isEqualTo(bytes);
        assertThat(header(letter, "__streams.errors.message")).contains("not valid UTF-8");
    }
}
