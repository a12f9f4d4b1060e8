package org.caseflow.streams.runtime.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.ClockResumed;
import org.caseflow.streams.domain.input.TestChecks;
import org.junit.jupiter.api.Test;

/** One test per rejection kind of the JSON-lines event form; each asserts the exact message prefix. */
class EventLineParserTest {
    private static final String COMMON = "\"eventId\":\"e-1\",\"caseId\":\"(2025)湘0211民初1234号\",\"court\":\"湘0211\","
            + "\"occurredAt\":\"2025-03-03T09:15:00+08:00\"";

    private static String line(String type, String fields) {
        return "{" + COMMON + ",\"type\":\"" + type + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static String filed(String fields) {
        return line("CASE_FILED", "\"procedure\":\"CIVIL_FIRST_ORDINARY\",\"filedOn\":\"2025-03-03\"" + fields);
    }

    private static String rejection(String text, long lineNumber) {
        ParsedLine parsed = EventLineParser.parse(text, lineNumber, TestChecks.SEEDED);
        assertThat(parsed).as(text).isInstanceOf(ParsedLine.Invalid.class);
        return ((ParsedLine.Invalid) parsed).message();
    }

    private static String rejection(String text) {
        return rejection(text, 7);
    }

    private static ParsedLine.Valid valid(String text) {
        ParsedLine parsed = EventLineParser.parse(text, 3, TestChecks.SEEDED);
        assertThat(parsed).as(text).isInstanceOf(ParsedLine.Valid.class);
        return (ParsedLine.Valid) parsed;
    }

    @Test
    void shouldRejectInvalidJson() {
        assertThat(rejection("{\"eventId\":\"e-1\",", 12)).startsWith("line 12: json: invalid JSON");
    }

    @Test
    void shouldRejectTrailingContentAfterTheObject() {
        assertThat(rejection(filed("") + " {}")).startsWith("line 7: json: invalid JSON");
    }

    @Test
    void shouldRejectJsonThatIsNotAnObject() {
        assertThat(rejection("[\"CASE_FILED\"]")).isEqualTo("line 7: json: expected a JSON object, found array");
    }

    @Test
    void shouldRejectMissingCommonField() {
        String text = "{\"eventId\":\"e-1\",\"type\":\"JUDGE_ASSIGNED\",\"caseId\":\"c\",\"court\":\"湘0211\",\"judge\":\"J-1\"}";
        assertThat(rejection(text)).isEqualTo("line 7: occurredAt: missing required field");
    }

    @Test
    void shouldRejectMissingTypeSpecificField() {
        assertThat(rejection(line("CASE_CLOSED", "\"disposition\":\"JUDGMENT\"")))
                .isEqualTo("line 7: closedOn: missing required field");
    }

    @Test
    void shouldTreatNullRequiredFieldAsMissing() {
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":null"))).isEqualTo("line 7: judge: missing required field");
    }

    @Test
    void shouldRejectWrongJsonType() {
        assertThat(rejection(line("EXTENSION_GRANTED", "\"months\":\"6\",\"approvedBy\":\"PRESIDENT\",\"grantedOn\":\"2025-08-15\"")))
                .isEqualTo("line 7: months: expected an integer, found string");
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":17"))).isEqualTo("line 7: judge: expected a string, found number");
        assertThat(rejection(filed(",\"foreignRelated\":\"yes\"")))
                .isEqualTo("line 7: foreignRelated: expected true or false, found string");
    }

    @Test
    void shouldRejectUnknownType() {
        assertThat(rejection(line("CASE_REOPENED", ""))).startsWith("line 7: type: unknown event type CASE_REOPENED (allowed: CASE_FILED, ");
    }

    @Test
    void shouldRejectUnknownProcedureCode() {
        assertThat(rejection(line("CASE_FILED", "\"procedure\":\"CIVIL_FIRST\",\"filedOn\":\"2025-03-03\"")))
                .startsWith("line 7: procedure: unknown procedure code CIVIL_FIRST (allowed: CIVIL_FIRST_ORDINARY, ");
    }

    @Test
    void shouldRejectLowerCaseCodes() {
        assertThat(rejection(line("CASE_FILED", "\"procedure\":\"civil_first_ordinary\",\"filedOn\":\"2025-03-03\"")))
                .startsWith("line 7: procedure: unknown procedure code civil_first_ordinary");
    }

    @Test
    void shouldRejectUnknownSuspensionReason() {
        assertThat(rejection(line("CLOCK_SUSPENDED", "\"reason\":\"VACATION\",\"suspendedFrom\":\"2025-04-07\"")))
                .startsWith("line 7: reason: unknown suspension reason code VACATION (allowed: PUBLIC_NOTICE, ");
    }

    @Test
    void shouldRejectUnknownDisposition() {
        assertThat(rejection(line("CASE_CLOSED", "\"closedOn\":\"2025-09-26\",\"disposition\":\"SETTLED\"")))
                .startsWith("line 7: disposition: unknown disposition code SETTLED (allowed: JUDGMENT, ");
    }

    @Test
    void shouldRejectUnknownApprover() {
        assertThat(rejection(line("EXTENSION_GRANTED", "\"months\":6,\"approvedBy\":\"DIVISION_CHIEF\",\"grantedOn\":\"2025-08-15\"")))
                .startsWith("line 7: approvedBy: unknown approver code DIVISION_CHIEF (allowed: PRESIDENT, ");
    }

    @Test
    void shouldRejectUnknownEnforcementAction() {
        assertThat(rejection(line("ENFORCEMENT_ACTION", "\"action\":\"FREEZE\"")))
                .startsWith("line 7: action: unknown enforcement action code FREEZE (allowed: ASSET_INQUIRY, ");
    }

    @Test
    void shouldRejectImpossibleDate() {
        assertThat(rejection(line("HEARING_HELD", "\"hearingId\":\"H-1\",\"heldOn\":\"2025-02-30\"")))
                .isEqualTo("line 7: heldOn: impossible date: 2025-02-30");
        // 2024 is a leap year, 2025 is not.
        assertThat(rejection(line("HEARING_HELD", "\"hearingId\":\"H-1\",\"heldOn\":\"2025-02-29\"")))
                .isEqualTo("line 7: heldOn: impossible date: 2025-02-29");
        assertThat(valid(line("HEARING_HELD", "\"hearingId\":\"H-1\",\"heldOn\":\"2024-02-29\""))).isNotNull();
    }

    @Test
    void shouldRejectMalformedDate() {
        assertThat(rejection(line("HEARING_HELD", "\"hearingId\":\"H-1\",\"heldOn\":\"2025/03/12\"")))
                .isEqualTo("line 7: heldOn: malformed date: 2025/03/12 (expected YYYY-MM-DD)");
        assertThat(rejection(line("HEARING_HELD", "\"hearingId\":\"H-1\",\"heldOn\":\"2025-3-12\"")))
                .startsWith("line 7: heldOn: malformed date: 2025-3-12");
    }

    @Test
    void shouldRejectMalformedInstant() {
        String text = line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("2025-03-03T09:15:00+08:00", "2025-03-03 09:15");
        assertThat(rejection(text)).startsWith("line 7: occurredAt: malformed instant: 2025-03-03 09:15");
    }

    @Test
    void shouldRejectInstantWithoutOffset() {
        String text = line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("2025-03-03T09:15:00+08:00", "2025-03-03T09:15:00");
        assertThat(rejection(text)).startsWith("line 7: occurredAt: instant without offset: 2025-03-03T09:15:00");
        assertThat(rejection(line("HEARING_SCHEDULED", "\"hearingId\":\"H-1\",\"scheduledFor\":\"2025-04-08T09:00\"")))
                .startsWith("line 7: scheduledFor: instant without offset: 2025-04-08T09:00");
    }

    @Test
    void shouldAcceptZuluAndOffsetInstantsAsTheSameMoment() {
        String zulu = line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("2025-03-03T09:15:00+08:00", "2025-03-03T01:15:00Z");
        assertThat(valid(zulu).event().getOccurredAt()).isEqualTo(Instant.parse("2025-03-03T01:15:00Z"));
        assertThat(valid(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"")).event().getOccurredAt())
                .isEqualTo(Instant.parse("2025-03-03T01:15:00Z"));
    }

    @Test
    void shouldRejectNegativeAmount() {
        assertThat(rejection(line("ENFORCEMENT_PAYMENT", "\"amount\":\"-500.00\",\"paidOn\":\"2025-03-20\"")))
                .isEqualTo("line 7: amount: must not be negative, got -500.00");
        assertThat(rejection(filed(",\"claimAmount\":-1"))).isEqualTo("line 7: claimAmount: must not be negative, got -1");
    }

    @Test
    void shouldRejectNonNumericAmount() {
        assertThat(rejection(line("ENFORCEMENT_PAYMENT", "\"amount\":\"5千\",\"paidOn\":\"2025-03-20\"")))
                .startsWith("line 7: amount: not a decimal amount: \"5千\"");
        assertThat(rejection(filed(",\"claimAmount\":\"1e5\""))).startsWith("line 7: claimAmount: not a decimal amount: \"1e5\"");
        assertThat(rejection(filed(",\"claimAmount\":true"))).isEqualTo("line 7: claimAmount: expected a decimal string, found boolean");
    }

    @Test
    void shouldRejectAmountWithMoreThanTwoDecimals() {
        assertThat(rejection(filed(",\"claimAmount\":\"1000.005\"")))
                .isEqualTo("line 7: claimAmount: at most 2 decimal places, got 1000.005");
    }

    @Test
    void shouldAcceptAmountAsStringOrNumberScaledToCents() {
        CaseFiled filed = (CaseFiled) valid(filed(",\"claimAmount\":1234.5")).event().getPayload();
        assertThat(filed.getClaimAmount()).isEqualTo(new BigDecimal("1234.50"));
        CaseFiled trailingZeros = (CaseFiled) valid(filed(",\"claimAmount\":\"7.100\"")).event().getPayload();
        assertThat(trailingZeros.getClaimAmount()).isEqualTo(new BigDecimal("7.10"));
    }

    @Test
    void shouldRejectResumedOnBeforeEchoedSuspendedFrom() {
        assertThat(rejection(line("CLOCK_RESUMED", "\"reason\":\"APPRAISAL\",\"resumedOn\":\"2025-03-10\",\"suspendedFrom\":\"2025-03-12\"")))
                .isEqualTo("line 7: resumedOn: before suspendedFrom (2025-03-10 < 2025-03-12)");
    }

    @Test
    void shouldAcceptResumedOnAfterEchoedSuspendedFromWithoutWarning() {
        ParsedLine.Valid ok = valid(line("CLOCK_RESUMED", "\"reason\":\"APPRAISAL\",\"resumedOn\":\"2025-05-19\",\"suspendedFrom\":\"2025-04-07\"")
                .replace("2025-03-03T09:15:00+08:00", "2025-05-19T09:15:00+08:00"));
        assertThat(ok.warnings()).isEmpty();
        assertThat(((ClockResumed) ok.event().getPayload()).getResumedOn()).hasToString("2025-05-19");
    }

    @Test
    void shouldRejectExtensionWithoutMonthsOrDays() {
        assertThat(rejection(line("EXTENSION_GRANTED", "\"approvedBy\":\"PRESIDENT\",\"grantedOn\":\"2025-08-15\"")))
                .isEqualTo("line 7: months: an extension needs months or days (neither given)");
    }

    @Test
    void shouldRejectNonPositiveExtension() {
        assertThat(rejection(line("EXTENSION_GRANTED", "\"days\":0,\"approvedBy\":\"PRESIDENT\",\"grantedOn\":\"2025-08-15\"")))
                .isEqualTo("line 7: days: must be positive, got 0");
        assertThat(rejection(line("EXTENSION_GRANTED", "\"months\":-6,\"approvedBy\":\"PRESIDENT\",\"grantedOn\":\"2025-08-15\"")))
                .isEqualTo("line 7: months: must be positive, got -6");
    }

    @Test
    void shouldRejectBlankIds() {
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("(2025)湘0211民初1234号", "  ")))
                .isEqualTo("line 7: caseId: must not be blank");
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("e-1", "")))
                .isEqualTo("line 7: eventId: must not be blank");
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("\"court\":\"湘0211\"", "\"court\":\"\"")))
                .isEqualTo("line 7: court: must not be blank");
    }

    @Test
    void shouldRejectDuplicateField() {
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\",\"judge\":\"J-2\"")))
                .isEqualTo("line 7: judge: duplicate field");
    }

    @Test
    void shouldWarnAboutUnknownFieldsInLineOrder() {
        ParsedLine.Valid ok = valid(line("JUDGE_ASSIGNED", "\"courtroom\":\"第三法庭\",\"judge\":\"J-1\",\"party\":\"x\""));
        assertThat(ok.warnings()).containsExactly(
                "line 3: courtroom: unknown field, ignored",
                "line 3: party: unknown field, ignored");
    }

    @Test
    void shouldWarnAboutFieldsOfAnotherType() {
        ParsedLine.Valid ok = valid(line("CASE_CLOSED", "\"closedOn\":\"2025-03-03\",\"disposition\":\"JUDGMENT\",\"judge\":\"J-1\""));
        assertThat(ok.warnings()).containsExactly("line 3: judge: unknown field, ignored");
    }

    @Test
    void shouldTreatBlankOptionalTextAsAbsentWithWarning() {
        ParsedLine.Valid ok = valid(filed(",\"division\":\"\""));
        assertThat(((CaseFiled) ok.event().getPayload()).getDivision()).isNull();
        assertThat(ok.warnings()).containsExactly("line 3: division: blank, treated as absent");
    }

    // Content rules (EventChecks): the same refusals the running app dead-letters (docs/event-format.md).

    @Test
    void shouldRejectACourtNotInTheRegistry() {
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("\"court\":\"湘0211\"", "\"court\":\"湘9999\"")))
                .isEqualTo("line 7: court: unknown court code 湘9999 (not in the court registry, seeds/courts)");
    }

    @Test
    void shouldRejectACaseNumberSentWithAnotherCourt() {
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("湘0211民初", "湘0202民初")))
                .isEqualTo("line 7: court: case number (2025)湘0202民初1234号 is of court 湘0202, not 湘0211");
    }

    @Test
    void shouldRejectAnOccurredAtInYear9999BeforeAnyBrokerSeesIt() {
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("2025-03-03T09:15:00+08:00", "9999-03-03T09:15:00+08:00")))
                .isEqualTo("line 7: occurredAt: implausible instant 9999-03-03T01:15:00Z (accepted: 1949-10-01 to 2100-01-01 in Asia/Shanghai)");
    }

    @Test
    void shouldRejectADateBeforeTheFoundingOfThePeoplesRepublic() {
        assertThat(rejection(line("HEARING_HELD", "\"hearingId\":\"H-1\",\"heldOn\":\"1948-12-31\"")))
                .isEqualTo("line 7: heldOn: implausible date 1948-12-31 (accepted: 1949-10-01 to 2100-01-01)");
    }

    @Test
    void shouldRejectAFilingDatedYearsAfterItWasRecorded() {
        assertThat(rejection(line("CASE_FILED", "\"procedure\":\"CIVIL_FIRST_ORDINARY\",\"filedOn\":\"2035-03-03\"")))
                .isEqualTo("line 7: filedOn: 2035-03-03 is after the day the event was recorded (2025-03-03, occurredAt in"
                        + " Asia/Shanghai; one day of slack): events may be recorded late, never early");
        assertThat(valid(filed("").replace("\"filedOn\":\"2025-03-03\"", "\"filedOn\":\"2025-03-04\"")).warnings()).isEmpty();
    }

    @Test
    void shouldRejectAnEscapedNulInTheCaseId() {
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("民初1234号", "民初\\u00001234号")))
                .isEqualTo("line 7: caseId: control character U+0000 at character 14");
    }

    @Test
    void shouldRejectALoneSurrogateEscapeInAnyStringField() {
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-\\ud800\"")))
                .isEqualTo("line 7: judge: lone surrogate U+D800 at character 3 (not valid Unicode)");
        assertThat(rejection(line("HEARING_POSTPONED", "\"hearingId\":\"H-1\",\"reason\":\"\\udfff\"")))
                .isEqualTo("line 7: reason: lone surrogate U+DFFF at character 1 (not valid Unicode)");
        // An escaped pair is one valid character.
        assertThat(valid(line("JUDGE_ASSIGNED", "\"judge\":\"J-7\\ud840\\udc00\"")).warnings()).isEmpty();
    }

    @Test
    void shouldRejectAVerticalBarInTheCaseId() {
        assertThat(rejection(line("JUDGE_ASSIGNED", "\"judge\":\"J-1\"").replace("民初1234号", "民初1234号|2")))
                .isEqualTo("line 7: caseId: must not contain '|': (2025)湘0211民初1234号|2");
    }

    // ---- reasons as a code plus an optional note (issue 12): CPL 2023 art. 149 (postponement), CrPL 2018 art. 208

    @Test
    void shouldReadAPostponementCodeAndNoteWithoutWarnings() {
        ParsedLine.Valid ok = valid(line("HEARING_POSTPONED",
                "\"hearingId\":\"H-1\",\"reasonCode\":\"PARTICIPANT_ABSENT\",\"note\":\"被告因病未能到庭\""));
        org.caseflow.events.HearingPostponed p = (org.caseflow.events.HearingPostponed) ok.event().getPayload();
        assertThat(p.getReasonCode()).isEqualTo(org.caseflow.events.PostponementReason.PARTICIPANT_ABSENT);
        assertThat(p.getNote()).isEqualTo("被告因病未能到庭");
        assertThat(p.getReason()).isNull();
        assertThat(ok.warnings()).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownPostponementCode() {
        assertThat(rejection(line("HEARING_POSTPONED", "\"hearingId\":\"H-1\",\"reasonCode\":\"PARTY_REQUEST\"")))
                .isEqualTo("line 7: reasonCode: unknown postponement reason code PARTY_REQUEST (allowed: PARTICIPANT_ABSENT, "
                        + "RECUSAL_APPLICATION, NEW_EVIDENCE, SUPPLEMENTARY_INVESTIGATION, OTHER)");
    }

    @Test
    void shouldWarnAboutTheDeprecatedFreeTextReasonButStillReadIt() {
        ParsedLine.Valid ok = valid(line("HEARING_POSTPONED", "\"hearingId\":\"H-1\",\"reason\":\"被告申请鉴定\""));
        assertThat(((org.caseflow.events.HearingPostponed) ok.event().getPayload()).getReason()).isEqualTo("被告申请鉴定");
        assertThat(ok.warnings()).containsExactly("line 3: reason: free text is deprecated, write reasonCode (and note) instead");
    }

    @Test
    void shouldNeedARestartCodeOrTheOldFreeTextReason() {
        assertThat(rejection(line("CLOCK_RESTARTED", "\"restartedOn\":\"2025-03-03\"")))
                .isEqualTo("line 7: reasonCode: missing required field");
        assertThat(rejection(line("CLOCK_RESTARTED", "\"restartedOn\":\"2025-03-03\",\"reasonCode\":\"REMANDED\"")))
                .startsWith("line 7: reasonCode: unknown restart reason code REMANDED (allowed: SUPPLEMENTARY_INVESTIGATION, ");
        ParsedLine.Valid coded = valid(line("CLOCK_RESTARTED",
                "\"restartedOn\":\"2025-03-03\",\"reasonCode\":\"CHANGE_OF_JURISDICTION\""));
        org.caseflow.events.ClockRestarted r = (org.caseflow.events.ClockRestarted) coded.event().getPayload();
        assertThat(r.getReasonCode()).isEqualTo(org.caseflow.events.RestartReason.CHANGE_OF_JURISDICTION);
        // The (required, deprecated) Avro reason holds the code's name for consumers of CaseEvent v1.
        assertThat(r.getReason()).isEqualTo("CHANGE_OF_JURISDICTION");
        assertThat(coded.warnings()).isEmpty();
        assertThat(EventJson.toJson(coded.event())).contains("\"reasonCode\":\"CHANGE_OF_JURISDICTION\"").doesNotContain("\"reason\"");
    }

    @Test
    void shouldRefuseANoteOverTwoHundredCharactersWithoutShowingIt() {
        String note = "补".repeat(201);
        assertThat(rejection(line("HEARING_POSTPONED", "\"hearingId\":\"H-1\",\"reasonCode\":\"OTHER\",\"note\":\"" + note + "\"")))
                .isEqualTo("line 7: note: 201 characters, over the limit of 200 (a short remark beside reasonCode)");
        assertThat(valid(line("HEARING_POSTPONED", "\"hearingId\":\"H-1\",\"reasonCode\":\"OTHER\",\"note\":\""
                + "补".repeat(200) + "\"")).warnings()).isEmpty();
    }
}
