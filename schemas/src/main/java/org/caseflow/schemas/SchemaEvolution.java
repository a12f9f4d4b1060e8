package org.caseflow.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The evolution rule: a new schema must be backward compatible (it reads data written with every
 * released version) and forward compatible (every released version reads data it writes).
 */
public final class SchemaEvolution {
    private SchemaEvolution() {
    }

    /** Problems found, empty when {@code candidate} may be released after {@code released}. */
    public static List<String> problems(Schema candidate, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            Schema old = released.get(i);
            check("backward (new reads v" + (i + 1) + ")",
                    SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), problems);
            check("forward (v" + (i + 1) + " reads new)",
                    SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), problems);
        }
        return problems;
    }

    private static void check(String direction, SchemaPairCompatibility result, List<String> problems) {
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(direction + ": "
                    + incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                    + incompatibility.getMessage()));
        }
    }
}
