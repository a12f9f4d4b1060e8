package org.caseflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Digest;
import org.caseflow.events.IndicatorValue;
import org.caseflow.state.StoredCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The evolution guard: every schema change must stay backward and forward compatible with released versions. */
class SchemaEvolutionTest {
    static List<Schema> currentSchemas() {
        return List.of(CaseEvent.getClassSchema(), DeadlineAlert.getClassSchema(), CaseSnapshot.getClassSchema(),
                IndicatorValue.getClassSchema(), StoredCase.getClassSchema(), Digest.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void shouldStayCompatibleWithEveryReleasedVersion(Schema current) {
        List<Schema> released = ReleasedSchemas.of(current.getName());
        assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();
        assertThat(SchemaEvolution.problems(current, released)).isEmpty();
    }

    @Test
    void shouldFailOnNewRequiredFieldWithoutDefault() {
        Schema released = CaseSnapshot.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        released.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("courtLevel", Schema.create(Schema.Type.STRING), "new, required", (Object) null));
        Schema candidate = Schema.createRecord(released.getName(), null, released.getNamespace(), false, fields);

        assertThat(SchemaEvolution.problems(candidate, List.of(released)))
                .anySatisfy(problem -> assertThat(problem).startsWith("backward").contains("courtLevel"));
    }

    /** Reasons as codes (v2): the current CaseEvent is the newest released one, so every producer's writer is known. */
    @Test
    void shouldReleaseTheCurrentCaseEvent() {
        List<Schema> released = ReleasedSchemas.of("CaseEvent");
        assertThat(released).hasSize(2);
        assertThat(org.apache.avro.SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1)))
                .isEqualTo(org.apache.avro.SchemaNormalization.parsingFingerprint64(CaseEvent.getClassSchema()));
        assertThat(released.get(0).toString()).doesNotContain("reasonCode");
    }

    /** The case's explanation on the alert (v2, issue 9): the current DeadlineAlert is released, v1 has no such field. */
    @Test
    void shouldReleaseTheCurrentDeadlineAlert() {
        List<Schema> released = ReleasedSchemas.of("DeadlineAlert");
        assertThat(released).hasSize(2);
        assertThat(org.apache.avro.SchemaNormalization.parsingFingerprint64(released.get(1)))
                .isEqualTo(org.apache.avro.SchemaNormalization.parsingFingerprint64(DeadlineAlert.getClassSchema()));
        assertThat(released.get(0).getField("explanation")).isNull();
    }

    @Test
    void shouldRefuseMakingTheRestartReasonOptional() {
        // Why CLOCK_RESTARTED.reason stays a required string: a null there is unreadable for a v1 consumer.
        Schema current = CaseEvent.getClassSchema();
        String json = current.toString().replace(
                "{\"name\":\"reason\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"},",
                "{\"name\":\"reason\",\"type\":[\"null\",{\"type\":\"string\",\"avro.java.string\":\"String\"}],"
                        + "\"default\":null,");
        assertThat(json).isNotEqualTo(current.toString());
        Schema candidate = new Schema.Parser().parse(json);

        assertThat(SchemaEvolution.problems(candidate, ReleasedSchemas.of("CaseEvent")))
                .anySatisfy(problem -> assertThat(problem).startsWith("forward"));
    }

    @Test
    void shouldFailOnRemovedEnumSymbolWithoutDefault() {
        // Removing a procedure code breaks readers of the new schema on old data.
        Schema released = CaseEvent.getClassSchema();
        String json = released.toString().replace("\"CIVIL_SMALL_CLAIMS\",", "");
        Schema candidate = new Schema.Parser().parse(json);

        assertThat(SchemaEvolution.problems(candidate, List.of(released))).isNotEmpty();
    }
}
