package org.caseflow.streams.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caseflow.streams.domain.seeds.Propagation;
import org.caseflow.streams.domain.seeds.ReferenceKind;
import org.caseflow.streams.domain.seeds.ReferencePublication;

/**
 * The value of one key of {@code caseflow.reference-data} (JSON): the chain of versions still in force for that key,
 * oldest first, each with the seed file as published. The whole chain travels in every record because the topic is
 * compacted: the latest record alone must say which version cases filed before a {@code new-cases} version keep.
 */
public record ReferenceRecord(List<Version> versions) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One published version: the file's name and text, its version, effective date and propagation. */
    public record Version(String kind, String table, String version, LocalDate effectiveFrom, String propagation,
            String file, String content) {
    }

    public static ReferenceRecord of(List<ReferencePublication> chain) {
        List<Version> versions = new ArrayList<>();
        for (ReferencePublication p : chain) {
            versions.add(new Version(p.kind().code(), p.table(), p.version(), p.effectiveFrom(),
                    p.propagation().code(), p.file(), p.content()));
        }
        return new ReferenceRecord(List.copyOf(versions));
    }

    /**
     * Validates every version again with the seed readers (a record written past {@code caseflow reference publish}
     * is not trusted); throws a {@code SeedException} naming the file for the first that fails.
     */
    public List<ReferencePublication> publications() {
        List<ReferencePublication> chain = new ArrayList<>();
        for (Version v : versions == null ? List.<Version>of() : versions) {
            ReferenceKind kind = ReferenceKind.ofCode(v.kind())
                    .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + v.kind() + "'"));
            Propagation propagation = Propagation.ofCode(v.propagation())
                    .orElseThrow(() -> new IllegalArgumentException("unknown propagation '" + v.propagation() + "'"));
            chain.add(ReferencePublication.parse(kind, v.file(), v.content().getBytes(StandardCharsets.UTF_8),
                    propagation));
        }
        return chain;
    }

    /** The validated chain of a record's bytes; an unreadable record or an invalid version throws with the reason. */
    public static List<ReferencePublication> decode(byte[] value) {
        try {
            return JSON.readValue(value, ReferenceRecord.class).publications();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a reference record: " + e.getMessage(), e);
        }
    }

    public static byte[] encode(List<ReferencePublication> chain) {
        try {
            return JSON.writeValueAsBytes(of(chain));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
