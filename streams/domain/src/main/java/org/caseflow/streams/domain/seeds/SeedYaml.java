package org.caseflow.streams.domain.seeds;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads seed YAML into plain records and turns Jackson's failures into {@link SeedException}s that
 * name the file, the field path and the line. Unknown fields are errors: a misspelt key in a legal
 * table must not be silently ignored. Dates and enum codes are read as strings and checked by the
 * caller, which can then name the entry (e.g. the procedure code) in the message.
 */
public final class SeedYaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SeedYaml() {
    }

    /**
     * Reads seed YAML from its bytes (read through {@link SeedFiles}, or a file published to the reference-data topic,
     * issue 15); {@code file} is the name its errors cite.
     */
    public static <T> T read(Path file, byte[] content, Class<T> type) {
        try {
            T value = MAPPER.readValue(content, type);
            if (value == null) {
                throw SeedException.of(file, "file", "is empty");
            }
            return value;
        } catch (JsonMappingException e) {
            throw SeedException.of(file, path(e), reason(e) + line(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw SeedException.of(file, "syntax", e.getOriginalMessage() + line(e.getLocation()));
        } catch (IOException e) {
            throw new SeedException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The top-level field names of a YAML mapping (to tell which kind of seed file it is); empty if not a mapping. */
    public static java.util.Set<String> topLevelFields(Path file, byte[] content) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = MAPPER.readTree(content);
            java.util.Set<String> names = new java.util.TreeSet<>();
            if (node != null && node.isObject()) {
                node.fieldNames().forEachRemaining(names::add);
            }
            return names;
        } catch (JsonProcessingException e) {
            throw SeedException.of(file, "syntax", e.getOriginalMessage() + line(e.getLocation()));
        } catch (IOException e) {
            throw new SeedException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a required ISO date, naming the file and entry when it is missing or impossible. */
    public static LocalDate date(Path file, String entry, String field, String text) {
        if (text == null || text.isBlank()) {
            throw SeedException.of(file, entry, field + ": missing");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw SeedException.of(file, entry, field + ": '" + text + "' is not a date (yyyy-mm-dd)");
        }
    }

    /** Parses a required enum code, listing the allowed codes when it is unknown. */
    public static <E extends Enum<E>> E code(Path file, String entry, String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            throw SeedException.of(file, entry, field + ": missing");
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw SeedException.of(file, entry, field + ": unknown value '" + text + "' (expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "document" : sb.toString();
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        String msg = e.getOriginalMessage();
        // Jackson messages name internal classes; keep the first clause, which says what was wrong.
        int cut = msg.indexOf(" (class ");
        if (cut < 0) {
            cut = msg.indexOf(" (for ");
        }
        return (cut > 0 ? msg.substring(0, cut) : msg).replace("org.caseflow.streams.domain.", "");
    }

    private static String line(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ")";
    }
}
