package org.caseflow.streams.domain.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.Disposition;
import org.caseflow.events.HearingScheduled;
import org.caseflow.events.JudgeAssigned;
import org.caseflow.events.Procedure;
import org.junit.jupiter.api.Test;

/** The content rules shared by {@code caseflow produce} and the running app (docs/event-format.md, "Rejections"). */
class EventChecksTest {
    static final String CASE = "(2025)湘0211民初1234号";
    static final Instant RECORDED = Instant.parse("2025-03-03T01:15:00Z"); // 09:15 in Shanghai
    static final EventChecks CHECKS = TestChecks.SEEDED;

    static CaseEvent.Builder event(Object payload) {
        return CaseEvent.newBuilder().setEventId("e-1").setCaseId(CASE).setCourt("湘0211").setOccurredAt(RECORDED)
                .setPayload(payload);
    }

    static CaseFiled filing(LocalDate filedOn) {
        return CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setFiledOn(filedOn)
                .setJudge("J-1").build();
    }

    static JudgeAssigned judge(String judge) {
        return JudgeAssigned.newBuilder().setJudge(judge).build();
    }

    static Optional<Refusal> check(CaseEvent.Builder event) {
        return CHECKS.check(event.build());
    }

    static void assertRefused(CaseEvent.Builder event, String reason, String message) {
        assertThat(check(event)).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.message()).isEqualTo(message);
        });
    }

    @Test
    void shouldAcceptAWellFormedFilingOfAKnownCourt() {
        assertThat(check(event(filing(LocalDate.of(2025, 3, 3))))).isEmpty();
    }

    @Test
    void shouldRefuseACourtTheRegistryDoesNotKnow() {
        // The API answers 404 for such a court (DESIGN §7), so a case there would be tracked where nobody sees it.
        assertRefused(event(judge("J-1")).setCourt("湘9999").setCaseId("c-1"), Refusal.UNKNOWN_COURT,
                "court: unknown court code 湘9999 (not in the court registry, seeds/courts)");
    }

    @Test
    void shouldRefuseACaseNumberOfAnotherCourt() {
        assertRefused(event(judge("J-1")).setCaseId("(2025)湘0202民初77号"), Refusal.COURT_MISMATCH,
                "court: case number (2025)湘0202民初77号 is of court 湘0202, not 湘0211");
        // An appeal carries the number of the intermediate court that hears it.
        assertRefused(event(judge("J-1")).setCaseId("(2025)湘02民终9号"), Refusal.COURT_MISMATCH,
                "court: case number (2025)湘02民终9号 is of court 湘02, not 湘0211");
    }

    @Test
    void shouldAcceptCaseNumbersOfTheirOwnCourtAndIdsThatAreNoCaseNumbers() {
        assertThat(check(event(judge("J-1")).setCaseId("(2025)湘02民终9号").setCourt("湘02"))).isEmpty();
        assertThat(check(event(judge("J-1")).setCaseId("（2025）湘0211执10号"))).isEmpty();
        // Not the official form (or a kind CaseNumbers does not know): nothing to compare, accepted as before.
        assertThat(check(event(judge("J-1")).setCaseId("C-1"))).isEmpty();
        assertThat(check(event(judge("J-1")).setCaseId("(2025)湘0202民保3号"))).isEmpty();
    }

    @Test
    void shouldRefuseOccurredAtOutsideTheYearsOfThePeoplesCourts() {
        assertRefused(event(judge("J-1")).setOccurredAt(Instant.parse("9999-01-01T00:00:00Z")), Refusal.IMPLAUSIBLE_DATE,
                "occurredAt: implausible instant 9999-01-01T00:00:00Z (accepted: 1949-10-01 to 2100-01-01 in Asia/Shanghai)");
        assertRefused(event(judge("J-1")).setOccurredAt(Instant.parse("1900-01-01T00:00:00Z")), Refusal.IMPLAUSIBLE_DATE,
                "occurredAt: implausible instant 1900-01-01T00:00:00Z (accepted: 1949-10-01 to 2100-01-01 in Asia/Shanghai)");
    }

    @Test
    void shouldAcceptTheFirstAndLastPlausibleDayInTheCourtsZoneAndNothingBeyond() {
        // 1949-10-01 00:00 in Shanghai is 1949-09-30T16:00Z; 2100-01-01 23:59:59.999 there is 15:59:59.999Z.
        assertThat(check(event(judge("J-1")).setOccurredAt(Instant.parse("1949-09-30T16:00:00Z")))).isEmpty();
        assertThat(check(event(judge("J-1")).setOccurredAt(Instant.parse("1949-09-30T15:59:59.999Z")))).isPresent();
        assertThat(check(event(judge("J-1")).setOccurredAt(Instant.parse("2100-01-01T15:59:59.999Z")))).isEmpty();
        assertThat(check(event(judge("J-1")).setOccurredAt(Instant.parse("2100-01-01T16:00:00Z")))).isPresent();
    }

    @Test
    void shouldRefuseImplausibleDatesAndInstantsInThePayload() {
        assertRefused(event(filing(LocalDate.of(1900, 1, 1))), Refusal.IMPLAUSIBLE_DATE,
                "filedOn: implausible date 1900-01-01 (accepted: 1949-10-01 to 2100-01-01)");
        assertRefused(event(HearingScheduled.newBuilder().setHearingId("H-1")
                        .setScheduledFor(Instant.parse("2150-04-08T01:00:00Z")).build()), Refusal.IMPLAUSIBLE_DATE,
                "scheduledFor: implausible instant 2150-04-08T01:00:00Z (accepted: 1949-10-01 to 2100-01-01 in Asia/Shanghai)");
    }

    @Test
    void shouldRefuseAFilingDatedYearsAfterItWasRecorded() {
        // docs/design.md: events may be recorded late, never early.
        assertRefused(event(filing(LocalDate.of(2035, 3, 3))), Refusal.DATED_AFTER_RECORDED,
                "filedOn: 2035-03-03 is after the day the event was recorded (2025-03-03, occurredAt in Asia/Shanghai;"
                        + " one day of slack): events may be recorded late, never early");
    }

    @Test
    void shouldAllowOneDayOfSlackForTimeZonesAndNoMore() {
        assertThat(check(event(filing(LocalDate.of(2025, 3, 4))))).isEmpty();
        assertThat(check(event(filing(LocalDate.of(2025, 3, 5))))).map(Refusal::reason)
                .contains(Refusal.DATED_AFTER_RECORDED);
        // The recorded day is the court's: 2025-03-02T17:00Z is already 03-03 in Shanghai, so 03-04 is in the slack.
        assertThat(check(event(filing(LocalDate.of(2025, 3, 4))).setOccurredAt(Instant.parse("2025-03-02T17:00:00Z"))))
                .isEmpty();
    }

    @Test
    void shouldApplyTheRecordedDayRuleToEveryEventsOwnDate() {
        assertRefused(event(CaseClosed.newBuilder().setClosedOn(LocalDate.of(2035, 1, 1))
                        .setDisposition(Disposition.JUDGMENT).build()), Refusal.DATED_AFTER_RECORDED,
                "closedOn: 2035-01-01 is after the day the event was recorded (2025-03-03, occurredAt in Asia/Shanghai;"
                        + " one day of slack): events may be recorded late, never early");
        // A hearing is scheduled ahead by nature: its instant is no "own date".
        assertThat(check(event(HearingScheduled.newBuilder().setHearingId("H-1")
                .setScheduledFor(Instant.parse("2025-06-08T01:00:00Z")).build()))).isEmpty();
    }

    @Test
    void shouldRefuseAnEventFromFurtherAheadOfTheWallClockThanTheSkewOnlyWhenLive() {
        Instant now = RECORDED.minus(Duration.ofDays(1));
        assertThat(CHECKS.check(event(judge("J-1")).build(), now, Duration.ofDays(1))).isEmpty();
        assertThat(CHECKS.check(event(judge("J-1")).build(), now.minusMillis(1), Duration.ofDays(1)))
                .hasValueSatisfying(r -> {
                    assertThat(r.reason()).isEqualTo(Refusal.AHEAD_OF_CLOCK);
                    assertThat(r.message()).isEqualTo("occurredAt: 2025-03-03T01:15:00Z is more than 1 day ahead of"
                            + " the wall clock (2025-03-02T01:14:59.999Z)");
                });
        // Without a wall clock (files, event time) a future event is no reason to refuse.
        assertThat(CHECKS.check(event(judge("J-1")).build())).isEmpty();
    }

    @Test
    void shouldRefuseANulInTheCaseIdAndControlCharactersAnywhere() {
        assertRefused(event(judge("J-1")).setCaseId("(2025)湘0211民初\u00001234号"), Refusal.CONTROL_CHARACTER,
                "caseId: control character U+0000 at character 14");
        assertRefused(event(judge("J-1\n2")), Refusal.CONTROL_CHARACTER, "judge: control character U+000A at character 4");
        assertRefused(event(judge("J-1")).setEventId("e\u007f1"), Refusal.CONTROL_CHARACTER,
                "eventId: control character U+007F at character 2");
    }

    @Test
    void shouldRefuseALoneSurrogateInAnyStringField() {
        // Avro would write it as '?': the stored text would differ from the text sent.
        assertRefused(event(judge("J-\ud800")), Refusal.MALFORMED_TEXT,
                "judge: lone surrogate U+D800 at character 3 (not valid Unicode)");
        assertRefused(event(JudgeAssigned.newBuilder().setJudge("J-1").setDivision("\udc00民一庭").build()),
                Refusal.MALFORMED_TEXT, "division: lone surrogate U+DC00 at character 1 (not valid Unicode)");
    }

    @Test
    void shouldAcceptSurrogatePairsAndCountThemAsOneCharacter() {
        assertThat(check(event(judge("J-7\ud840\udc00")))).isEmpty(); // U+20000, a CJK extension B character
        assertRefused(event(judge("\ud840\udc00\u0001")), Refusal.CONTROL_CHARACTER,
                "judge: control character U+0001 at character 2");
    }

    @Test
    void shouldRefuseTheReplacementCharacterThatUndecodableBytesBecome() {
        assertRefused(event(judge("J-\ufffd")), Refusal.MALFORMED_TEXT,
                "judge: replacement character U+FFFD at character 3 (the text was damaged by an earlier decoding)");
    }

    @Test
    void shouldKeepRefusingAVerticalBarInTheCaseId() {
        assertRefused(event(judge("J-1")).setCaseId("c|1"), Refusal.BAD_CASE_ID, "caseId: must not contain '|': c|1");
    }

    @Test
    void shouldReportTheFirstProblemInTheContractsFieldOrder() {
        CaseEvent.Builder many = event(filing(LocalDate.of(2035, 3, 3))).setCourt("湘9999")
                .setOccurredAt(Instant.parse("9999-01-01T00:00:00Z"));
        assertThat(check(many)).map(Refusal::field).contains("court");
        assertThat(check(many.setCourt("湘0211"))).map(Refusal::field).contains("occurredAt");
        assertThat(check(many.setOccurredAt(RECORDED))).map(Refusal::field).contains("filedOn");
    }

    @Test
    void shouldDescribeTheSkewInItsLargestWholeUnit() {
        assertThat(EventChecks.describe(Duration.ofDays(2))).isEqualTo("2 days");
        assertThat(EventChecks.describe(Duration.ofHours(6))).isEqualTo("6 hours");
        assertThat(EventChecks.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }
}
