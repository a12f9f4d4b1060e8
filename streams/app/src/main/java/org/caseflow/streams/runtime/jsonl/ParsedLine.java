package org.caseflow.streams.runtime.jsonl;

import java.util.List;
import org.caseflow.events.CaseEvent;

/** The outcome of parsing one line of the JSON-lines event form: a valid event or a rejection. */
public sealed interface ParsedLine {

    /** The 1-based line number in the file. */
    long line();

    /** A valid event with the warnings found on its line, each {@code line N: field: reason}. */
    record Valid(long line, CaseEvent event, List<String> warnings) implements ParsedLine {
        public Valid {
            warnings = List.copyOf(warnings);
        }
    }

    /** A rejected line: which field and why. */
    record Invalid(long line, String field, String reason) implements ParsedLine {
        /** The rejection as reported to users: {@code line N: field: reason}. */
        public String message() {
            return "line " + line + ": " + field + ": " + reason;
        }
    }
}
