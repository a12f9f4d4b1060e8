package org.caseflow.streams.runtime.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds one JSON object in a fixed field order, the shared helper of {@link EventJson} and {@link OutputJson}: as a
 * tree ({@link #node()}, for an answer the API serialises once) or as one compact line ({@link #end()}, the same
 * bytes). Dates are ISO dates, instants ISO instants in UTC, nulls JSON null.
 */
final class JsonLine {
    private static final ObjectMapper TEXT = new ObjectMapper();

    private final ObjectNode out = JsonNodeFactory.instance.objectNode();

    JsonLine text(String name, Object value) {
        if (value == null) {
            out.putNull(name);
        } else {
            out.put(name, value.toString());
        }
        return this;
    }

    JsonLine date(String name, LocalDate value) {
        return text(name, value);
    }

    /** Instant.toString is ISO_INSTANT: always UTC with a Z, seconds always present. */
    JsonLine instant(String name, Instant value) {
        return text(name, value);
    }

    /** Money as a decimal string so no reader turns it into a binary float. */
    JsonLine amount(String name, BigDecimal value) {
        return text(name, value == null ? null : value.toPlainString());
    }

    JsonLine number(String name, Integer value) {
        out.put(name, value);
        return this;
    }

    /** Non-finite doubles (0/0 ratios) are written as null: JSON has no NaN. */
    JsonLine number(String name, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            out.putNull(name);
        } else {
            out.put(name, value);
        }
        return this;
    }

    JsonLine bool(String name, Boolean value) {
        out.put(name, value);
        return this;
    }

    JsonLine texts(String name, List<String> values) {
        ArrayNode array = out.putArray(name);
        values.forEach(array::add);
        return this;
    }

    /** The finished object as a tree. */
    ObjectNode node() {
        return out;
    }

    /** The finished object as one line, without a line terminator. */
    String end() {
        try {
            return TEXT.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
