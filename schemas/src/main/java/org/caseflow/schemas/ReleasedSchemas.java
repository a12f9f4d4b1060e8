package org.caseflow.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of each top-level schema, kept as resources under
 * {@code org/caseflow/schemas/released/vN/Name.avsc}. Readers learn all of them so that records
 * written by older producers stay readable; the evolution test checks each new schema against them.
 */
public final class ReleasedSchemas {
    /** Released versions, oldest first. Add "vN" here when a changed schema is released. */
    public static final List<String> VERSIONS = List.of("v1", "v2", "v3");

    private ReleasedSchemas() {
    }

    /** All released versions of the named record ("CaseEvent", "DeadlineAlert", ...), oldest first. */
    public static List<Schema> of(String recordName) {
        List<Schema> schemas = new ArrayList<>();
        for (String version : VERSIONS) {
            String resource = "released/" + version + "/" + recordName + ".avsc";
            try (InputStream in = ReleasedSchemas.class.getResourceAsStream(resource)) {
                if (in != null) {
                    schemas.add(new Schema.Parser().parse(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read released schema " + resource, e);
            }
        }
        return schemas;
    }
}
