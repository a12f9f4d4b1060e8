package org.caseflow.streams.domain.cases;

/**
 * The id of a case: its number such as {@code (2025)湘0211民初1234号}, the key of every input topic. A record around
 * the raw string, so that the types say which id a parameter or a map key holds; converting costs no parsing.
 * {@link #toString()} is the raw string: it is how the id appears in store keys, alerts and JSON answers.
 */
public record CaseId(String value) {
    public CaseId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a case id must not be blank, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }

    /** The id of {@code value}, null when there is none (a case not filed yet, an unassigned case). */
    public static CaseId ofNullable(String value) {
        return value == null ? null : new CaseId(value);
    }

    /** The raw string of {@code id}, null for null: for the Avro and store boundary. */
    public static String raw(CaseId id) {
        return id == null ? null : id.value;
    }

    @Override
    public String toString() {
        return value;
    }
}
