package org.caseflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Data minimisation by contract (issue 12, docs/security.md "Personal data"): every field of every schema that can
 * carry text (a string, or a union, array or map holding strings) is listed here with why it cannot carry personal
 * data. A new text field fails this test until someone writes down that justification; the free-text and person-id
 * ones must also be covered by the input check (the streams module's {@code PersonalDataCheckTest} checks that its
 * {@code PersonalDataCheck.FIELDS} holds exactly those marked {@link #CHECKED} here).
 */
class TextFieldAllowListTest {
    /** Marks the fields whose values the input check ({@code PersonalDataCheck}) refuses when they look personal. */
    static final String CHECKED = "checked on input: ";

    static final Map<String, String> ALLOWED = new TreeMap<>(Map.ofEntries(
            Map.entry("CaseEvent.eventId", "an opaque id the producer assigns to the event"),
            Map.entry("CaseEvent.caseId", "the court's case number ((2025)湘0211民初1234号): names no party"),
            Map.entry("CaseEvent.court", "a court code of seeds/courts"),
            Map.entry("CaseFiled.division", CHECKED + "an organisational unit (民一庭), never a person"),
            Map.entry("CaseFiled.judge", CHECKED + "a pseudonymous judge id (J-0211-017); the mapping stays in the court"),
            Map.entry("CaseFiled.originCaseId", "a case number, as caseId"),
            Map.entry("JudgeAssigned.judge", CHECKED + "a pseudonymous judge id"),
            Map.entry("JudgeAssigned.division", CHECKED + "an organisational unit"),
            Map.entry("HearingScheduled.hearingId", "an opaque id of the hearing"),
            Map.entry("HearingHeld.hearingId", "an opaque id of the hearing"),
            Map.entry("HearingPostponed.hearingId", "an opaque id of the hearing"),
            Map.entry("HearingPostponed.reason", CHECKED + "deprecated free text of version 1 records; new ones write reasonCode"),
            Map.entry("HearingPostponed.note", CHECKED + "a remark of at most 200 characters; never logged, not in the"
                    + " case history unless a token of the court asks"),
            Map.entry("ClockRestarted.reason", CHECKED + "deprecated free text of version 1 records; new ones write the"
                    + " reasonCode's name"),
            Map.entry("ClockRestarted.note", CHECKED + "a remark of at most 200 characters, as HearingPostponed.note"),
            Map.entry("DeadlineAlert.alertId", "case number, deadline version and level"),
            Map.entry("DeadlineAlert.caseId", "a case number"),
            Map.entry("DeadlineAlert.court", "a court code"),
            Map.entry("DeadlineAlert.judge", "the pseudonymous judge id, checked on input"),
            Map.entry("DeadlineAlert.escalateTo", "roles with pseudonymous ids (judge:J-1, president:湘0211)"),
            Map.entry("DeadlineAlert.explanation", "the case snapshot's explanation: deadline arithmetic in words made from "
                    + "codes, dates and rule citations"),
            Map.entry("CaseSnapshot.caseId", "a case number"),
            Map.entry("CaseSnapshot.court", "a court code"),
            Map.entry("CaseSnapshot.division", "the organisational unit, checked on input"),
            Map.entry("CaseSnapshot.judge", "the pseudonymous judge id, checked on input"),
            Map.entry("CaseSnapshot.originCaseId", "a case number"),
            Map.entry("CaseSnapshot.extendedBy", "an ISO period (P6M)"),
            Map.entry("CaseSnapshot.explanation", "the deadline arithmetic in words made from codes, dates and rule citations"),
            Map.entry("CaseSnapshot.flags", "compliance flag codes"),
            Map.entry("CaseSnapshot.referenceVersions", "versions of the seed data (rules, calendars) used"),
            Map.entry("Digest.recipient", "a role reference with a pseudonymous id (judge:J-1) or court:<court code>"),
            Map.entry("Digest.kind", "a period kind code (day, week, month)"),
            Map.entry("Digest.period", "a period (2025-05-19, 2025-W21, 2025-05)"),
            Map.entry("Digest.previousPeriod", "a period, as period"),
            Map.entry("Digest.court", "a court code"),
            Map.entry("DigestCase.caseId", "a case number"),
            Map.entry("DigestCase.court", "a court code"),
            Map.entry("IndicatorValue.scope", "a court code"),
            Map.entry("IndicatorValue.category", "a case category code"),
            Map.entry("IndicatorValue.indicator", "an indicator code"),
            Map.entry("IndicatorValue.window", "a window code"),
            Map.entry("IndicatorValue.period", "a period (2025-03)"),
            Map.entry("IndicatorValue.band", "a reference-interval band code"),
            Map.entry("StoredCase.caseId", "a case number"),
            Map.entry("StoredCase.atRiskKey", "court, deadline day and case number"),
            Map.entry("StoredCase.reportedRejections", "event ids"),
            Map.entry("StoredAlert.alertId", "case number, deadline version and level"),
            Map.entry("StoredAlert.escalatedTo", "the alert's escalateTo when it fired: roles with pseudonymous ids"),
            Map.entry("StoredView.caseId", "a case number"),
            Map.entry("StoredView.court", "a court code"),
            Map.entry("StoredView.procedure", "a procedure code"),
            Map.entry("StoredView.originalProcedure", "a procedure code"),
            Map.entry("StoredView.division", "the organisational unit, checked on input"),
            Map.entry("StoredView.judge", "the pseudonymous judge id, checked on input"),
            Map.entry("StoredView.originCaseId", "a case number"),
            Map.entry("StoredView.claimAmount", "a decimal amount"),
            Map.entry("StoredView.paidTotal", "a decimal amount"),
            Map.entry("StoredView.flags", "compliance flag codes"),
            Map.entry("StoredConversion.fromProcedure", "a procedure code"),
            Map.entry("StoredConversion.toProcedure", "a procedure code"),
            Map.entry("StoredExtension.approver", "an approver code"),
            Map.entry("StoredExclusion.reason", "a suspension reason code"),
            Map.entry("StoredHearing.hearingId", "an opaque id of the hearing"),
            Map.entry("StoredRejection.eventId", "an event id"),
            Map.entry("StoredRejection.reason", "the fold's own refusal text: codes, dates and ids, no event text"),
            Map.entry("ScheduledHearing.hearingId", "an opaque id of the hearing"),
            Map.entry("StoredOrderKey.eventId", "an event id"),
            Map.entry("StoredOrderKey.type", "an event type code")));

    @Test
    void shouldJustifyEveryTextFieldOfEverySchema() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Schema schema : allSchemas()) {
            textFields(schema, new HashSet<>(), found);
        }
        assertThat(found).as("text fields").contains("HearingPostponed.note", "ClockRestarted.note", "CaseFiled.judge");
        assertThat(found).as("text fields without a justification in ALLOWED (add one, or make the field a code)")
                .isSubsetOf(ALLOWED.keySet());
        assertThat(ALLOWED.keySet()).as("ALLOWED entries no schema has (remove them)").isSubsetOf(found);
    }

    @Test
    void shouldNameNoFieldForPersonalData() throws IOException {
        List<String> named = new ArrayList<>();
        for (Schema schema : allSchemas()) {
            fieldsNamedForPersons(schema, new HashSet<>(), named);
        }
        assertThat(named).as("fields named for personal data").isEmpty();
    }

    /** The checked fields by name: what the input check of the streams module must cover. */
    static Set<String> checkedFieldNames() {
        Set<String> names = new TreeSet<>();
        ALLOWED.forEach((field, why) -> {
            if (why.startsWith(CHECKED)) {
                names.add(field.substring(field.indexOf('.') + 1));
            }
        });
        return names;
    }

    @Test
    void shouldCheckTheFreeTextAndPersonIdFieldsOnInput() {
        assertThat(checkedFieldNames()).containsExactlyInAnyOrder("judge", "division", "reason", "note");
    }

    /** The current schema files (common types first) and every released version. */
    static List<Schema> allSchemas() throws IOException {
        Path avro = Path.of("src", "main", "avro");
        Schema.Parser parser = new Schema.Parser();
        List<Schema> schemas = new ArrayList<>();
        for (Path dir : List.of(avro.resolve("common"), avro)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                    schemas.add(parser.parse(file.toFile()));
                }
            }
        }
        for (String name : List.of("CaseEvent", "DeadlineAlert", "CaseSnapshot", "IndicatorValue", "StoredCase")) {
            schemas.addAll(ReleasedSchemas.of(name));
        }
        return schemas;
    }

    private static boolean holdsText(Schema type) {
        return switch (type.getType()) {
            case STRING, MAP -> true;
            case UNION -> type.getTypes().stream().anyMatch(TextFieldAllowListTest::holdsText);
            case ARRAY -> holdsText(type.getElementType());
            default -> false;
        };
    }

    private static void textFields(Schema schema, Set<String> seen, Set<String> found) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    if (holdsText(field.schema())) {
                        found.add(schema.getName() + "." + field.name());
                    }
                    textFields(field.schema(), seen, found);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> textFields(t, seen, found));
            case ARRAY -> textFields(schema.getElementType(), seen, found);
            case MAP -> textFields(schema.getValueType(), seen, found);
            default -> {
            }
        }
    }

    private static void fieldsNamedForPersons(Schema schema, Set<String> seen, List<String> named) {
        if (schema.getType() == Schema.Type.RECORD && seen.add(schema.getFullName())) {
            for (Schema.Field field : schema.getFields()) {
                String lower = field.name().toLowerCase(Locale.ROOT);
                if (lower.matches(".*(name|party|plaintiff|defendant|litigant|idnumber|idcard|identity|phone|mobile|email"
                        + "|address|birth|gender|nationality).*")) {
                    named.add(schema.getName() + "." + field.name());
                }
                fieldsNamedForPersons(field.schema(), seen, named);
            }
        } else if (schema.getType() == Schema.Type.UNION) {
            schema.getTypes().forEach(t -> fieldsNamedForPersons(t, seen, named));
        } else if (schema.getType() == Schema.Type.ARRAY) {
            fieldsNamedForPersons(schema.getElementType(), seen, named);
        } else if (schema.getType() == Schema.Type.MAP) {
            fieldsNamedForPersons(schema.getValueType(), seen, named);
        }
    }
}
