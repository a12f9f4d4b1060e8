package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.filed;
import static org.caseflow.streams.domain.cases.TestEvents.judge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.input.Refusal;
import org.caseflow.streams.domain.seeds.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, the running app: every kind of bad input that {@code caseflow produce} refuses is refused here too, before
 * it reaches a case or moves a clock, dead-lettered with its own reason and counted in
 * {@code caseflow_dead_letters_total{reason}}; processing goes on. Wall clock unless a test says otherwise.
 */
class InputRefusalTopologyTest {
    static final Seeds SEEDS = TopologyFixture.SEEDS;
    static final TopicNames TOPICS = TopicNames.DEFAULT;
    static final String CASE = "(2025)湘0211民初100号";
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);

    @TempDir
    Path stateDir;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TopologyFixture fixture;
    TopologyTestDriver driver;
    TestInputTopic<String, CaseEvent> filings;
    TestInputTopic<String, byte[]> rawFilings;
    TestOutputTopic<String, byte[]> deadLetters;
    TestOutputTopic<String, CaseSnapshot> snapshots;
    TestOutputTopic<String, DeadlineAlert> alerts;

    /** The topology on {@code settings}, its wall clock at 10:00 Shanghai on the filing day. */
    void start(TopologySettings settings) {
        fixture = TopologyFixture.of(CaseflowTopology.build(settings, new CaseEngine(SEEDS, CaseEngine.Settings.defaults()),
                registry)).applicationId("caseflow-input-test").stateDir(stateDir).start(TestEvents.at(FILED));
        driver = fixture.driver();
        filings = fixture.events(TOPICS.caseFilings());
        rawFilings = fixture.raw(TOPICS.caseFilings());
        deadLetters = fixture.deadLetters();
        snapshots = fixture.snapshots();
        alerts = fixture.alerts();
    }

    void startLive() {
        start(TopologyFixture.liveSettings());
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    void pipe(CaseEvent event) {
        filings.pipeInput(event.getCaseId(), event, event.getOccurredAt());
    }

    static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    double counted(String reason) {
        Counter counter = registry.find("caseflow.dead.letters").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The one dead letter sent so far has {@code reason} and {@code detail}, and the metric counted it once. */
    void assertRefused(String reason, String detail) {
        assertThat(deadLetters.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(header(r, DeadLetters.REASON)).isEqualTo(reason);
            assertThat(header(r, DeadLetters.DETAIL)).isEqualTo(detail);
        });
        assertThat(counted(reason)).isEqualTo(1.0);
        assertThat(snapshots.isEmpty()).as("a refused event reaches no case").isTrue();
    }

    /** Bad input never stops the app: a good filing right after is processed as usual. */
    void assertStillProcessing() {
        pipe(filed("ok-1", "(2025)湘0211民初101号", Procedure.CIVIL_FIRST_SUMMARY, FILED));
        assertThat(snapshots.readValuesToList()).singleElement()
                .satisfies(s -> assertThat(s.getCaseId()).isEqualTo("(2025)湘0211民初101号"));
    }

    @Test
    void shouldDeadLetterAnEventOfACourtTheRegistryDoesNotKnow() {
        startLive();
        pipe(CaseEvent.newBuilder(filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED)).setCourt("湘9999")
                .setCaseId("C-9999").build());
        assertRefused(Refusal.UNKNOWN_COURT, "court: unknown court code 湘9999 (not in the court registry, seeds/courts)");
        assertStillProcessing();
    }

    @Test
    void shouldDeadLetterACaseNumberSentWithAnotherCourt() {
        startLive();
        pipe(filed("e1", "(2025)湘0202民初5号", Procedure.CIVIL_FIRST_SUMMARY, FILED)); // TestEvents' court: 湘0211
        assertRefused(Refusal.COURT_MISMATCH, "court: case number (2025)湘0202民初5号 is of court 湘0202, not 湘0211");
        assertStillProcessing();
    }

    @Test
    void shouldDeadLetterAnOccurredAtInYear9999() {
        startLive();
        pipe(CaseEvent.newBuilder(judge("e1", CASE, FILED, "J-1")).setOccurredAt(Instant.parse("9999-01-01T00:00:00Z")).build());
        assertRefused(Refusal.IMPLAUSIBLE_DATE, "occurredAt: implausible instant 9999-01-01T00:00:00Z"
                + " (accepted: 1949-10-01 to 2100-01-01 in Asia/Shanghai)");
        assertStillProcessing();
    }

    @Test
    void shouldDeadLetterAnEventFromMoreThanTheSkewAheadOfTheWallClock() {
        startLive(); // default skew: 1 day
        pipe(filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED.plusDays(1))); // exactly 1 day ahead: accepted
        assertThat(snapshots.readValuesToList()).hasSize(1);
        pipe(judge("e2", CASE, FILED.plusDays(2), "J-2"));
        assertRefused(Refusal.AHEAD_OF_CLOCK, "occurredAt: 2025-03-05T02:00:00Z is more than 1 day ahead of the wall"
                + " clock (2025-03-03T02:00:00Z)");
    }

    @Test
    void shouldUseTheConfiguredSkew() {
        start(TopologyFixture.liveSettings().withMaxEventAhead(Duration.ofHours(1)));
        pipe(CaseEvent.newBuilder(filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED))
                .setOccurredAt(TestEvents.at(FILED).plus(Duration.ofHours(2))).build());
        assertRefused(Refusal.AHEAD_OF_CLOCK, "occurredAt: 2025-03-03T04:00:00Z is more than 1 hour ahead of the wall"
                + " clock (2025-03-03T02:00:00Z)");
    }

    @Test
    void shouldDeadLetterAFilingDatedYearsAfterItWasRecordedAtOnceNotAfterAWeekOfWaiting() {
        startLive();
        // docs/design.md: events may be recorded late, never early. Before issue 13 this waited 7 days as
        // "waiting for filing" and then went to the dead letters as "case never filed".
        pipe(CaseEvent.newBuilder(filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED)).setPayload(
                filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2035, 3, 3)).getPayload()).build());
        assertRefused(Refusal.DATED_AFTER_RECORDED, "filedOn: 2035-03-03 is after the day the event was recorded"
                + " (2025-03-03, occurredAt in Asia/Shanghai; one day of slack): events may be recorded late, never early");
        driver.advanceWallClockTime(Duration.ofDays(8));
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(driver.<String, CaseRecord>getKeyValueStore(StoreNames.CASES).get(CASE)).isNull();
    }

    @Test
    void shouldDeadLetterANulInTheCaseId() {
        startLive();
        pipe(judge("e1", "(2025)湘0211民初\u0000100号", FILED, "J-1"));
        assertRefused(Refusal.CONTROL_CHARACTER, "caseId: control character U+0000 at character 14");
        assertStillProcessing();
    }

    @Test
    void shouldDeadLetterTextThatWasNotUtf8OnTheWire() {
        startLive();
        // A raw producer's CESU-8 surrogate (ED A0 80) where "€" (E2 82 AC) was: the decoder leaves U+FFFD there.
        byte[] bytes = CaseflowSerdes.caseEvent().serializer().serialize(TOPICS.caseFilings(), judge("e1", CASE, FILED, "J-€"));
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, euro);
        bytes[at] = (byte) 0xED;
        bytes[at + 1] = (byte) 0xA0;
        bytes[at + 2] = (byte) 0x80;
        rawFilings.pipeInput(CASE, bytes, TestEvents.at(FILED));
        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(header(r, DeadLetters.REASON)).isEqualTo(Refusal.MALFORMED_TEXT);
            assertThat(header(r, DeadLetters.DETAIL)).startsWith("judge: replacement character U+FFFD at character 3");
        });
        assertThat(counted(Refusal.MALFORMED_TEXT)).isEqualTo(1.0);
        assertStillProcessing();
    }

    @Test
    void shouldNotLetAnImplausibleRecordMoveTheEventClock() {
        start(TopologyFixture.liveSettings().withClockMode(ClockMode.EVENT_TIME));
        pipe(filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED));
        // Refused before the clock moves (a year-9999 record would have made the clock walk every midnight to it).
        pipe(CaseEvent.newBuilder(judge("e2", "(2025)湘0211民初200号", FILED, "J-2"))
                .setOccurredAt(Instant.parse("2101-01-01T00:00:00Z")).build());
        pipe(judge("e3", CASE, FILED.plusDays(1), "J-3"));
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // let the punctuator drain anything held

        assertThat(deadLetters.readRecordsToList()).singleElement()
                .satisfies(r -> assertThat(header(r, DeadLetters.REASON)).isEqualTo(Refusal.IMPLAUSIBLE_DATE));
        // Had the clock jumped to 2101, the case (due 2025-06-03, CPL 164) would have crossed every threshold.
        assertThat(alerts.readValuesToList()).isEmpty();
        assertThat(snapshots.readValuesToList()).last().satisfies(s -> {
            assertThat(s.getJudge()).isEqualTo("J-3");
            assertThat(s.getDeadline()).isEqualTo(LocalDate.of(2025, 6, 3));
        });
    }

    @Test
    void shouldNotLetAPlausibleEventWithAYear9999RecordTimestampMoveTheEventClock() {
        // On event time the record timestamp is the clock; a raw producer may stamp a record with any time. The
        // event's own occurredAt is fine here, the stamp is not: refused as implausible, the clock stays.
        start(TopologyFixture.liveSettings().withClockMode(ClockMode.EVENT_TIME));
        pipe(filed("e1", CASE, Procedure.CIVIL_FIRST_SUMMARY, FILED));
        CaseEvent stamped = judge("e2", CASE, FILED, "J-2");
        filings.pipeInput(CASE, stamped, Instant.parse("9999-01-01T00:00:00Z"));
        pipe(judge("e3", CASE, FILED.plusDays(1), "J-3"));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(deadLetters.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(header(r, DeadLetters.REASON)).isEqualTo(Refusal.IMPLAUSIBLE_DATE);
            assertThat(header(r, DeadLetters.DETAIL)).startsWith("timestamp: record timestamp 9999-01-01T00:00:00Z");
        });
        assertThat(alerts.readValuesToList()).isEmpty();
        assertThat(snapshots.readValuesToList()).last().satisfies(s -> assertThat(s.getJudge()).isEqualTo("J-3"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            boolean found = true;
            for (int j = 0; j < needle.length && found; j++) {
                found = haystack[i + j] == needle[j];
            }
            if (found) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
