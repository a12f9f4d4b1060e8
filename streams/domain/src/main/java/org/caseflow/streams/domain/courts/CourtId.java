package org.caseflow.streams.domain.courts;

/**
 * The id of a court: its code such as {@code 湘0211} (seeds/courts), the key of the court registry, of calendars by
 * jurisdiction and of indicator scopes. A record around the raw string, so that the types say which id a parameter or
 * a map key holds; converting costs no parsing. {@link #toString()} is the raw string: it is how the id appears in store
 * keys, explanations and JSON answers.
 */
public record CourtId(String value) implements Comparable<CourtId> {
    public CourtId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a court id must not be blank, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }

    /** The id of {@code value}, null when there is none (a case not filed yet, an unassigned case). */
    public static CourtId ofNullable(String value) {
        return value == null ? null : new CourtId(value);
    }

    /**
     * The id a wire string names, null when it is absent or blank: for a court field not checked yet (an event before
     * {@code EventChecks}, a query parameter), where a lookup then finds no court instead of failing.
     */
    public static CourtId ofUnchecked(String value) {
        return value == null || value.isBlank() ? null : new CourtId(value);
    }

    /** The raw string of {@code id}, null for null: for the Avro and store boundary. */
    public static String raw(CourtId id) {
        return id == null ? null : id.value;
    }

    /** By the raw string: the order of store keys and listings. */
    @Override
    public int compareTo(CourtId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
