package org.caseflow.streams.domain.courts;

/**
 * The id of a judge: a pseudonymous id such as {@code J-0211-017} (events carry no names, DESIGN §3). A record around
 * the raw string, so that the types say which id a parameter or a map key holds; converting costs no parsing.
 * {@link #toString()} is the raw string: it is how the id appears in escalation roles and JSON answers.
 */
public record JudgeId(String value) {
    public JudgeId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a judge id must not be blank, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }

    /** The id of {@code value}, null when there is none (a case not filed yet, an unassigned case). */
    public static JudgeId ofNullable(String value) {
        return value == null ? null : new JudgeId(value);
    }

    /** The raw string of {@code id}, null for null: for the Avro and store boundary. */
    public static String raw(JudgeId id) {
        return id == null ? null : id.value;
    }

    @Override
    public String toString() {
        return value;
    }
}
