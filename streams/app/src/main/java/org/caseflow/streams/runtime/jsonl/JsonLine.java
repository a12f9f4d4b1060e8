package org.caseflow.streams.runtime.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes one compact JSON object in a fixed field order, the shared helper of {@link EventJson}
 * and {@link OutputJson}. Dates are ISO dates, instants ISO instants in UTC, nulls JSON null.
 */
final class JsonLine {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final StringWriter buffer = new StringWriter();
    private final JsonGenerator out;

    JsonLine() {
        try {
            out = FACTORY.createGenerator(buffer);
            out.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonLine text(String name, Object value) {
        return write(name, () -> {
            if (value == null) {
                out.writeNullField(name);
            } else {
                out.writeStringField(name, value.toString());
            }
        });
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
        return write(name, () -> {
            if (value == null) {
                out.writeNullField(name);
            } else {
                out.writeNumberField(name, value);
            }
        });
    }

    /** Non-finite doubles (0/0 ratios) are written as null: JSON has no NaN. */
    JsonLine number(String name, Double value) {
        return write(name, () -> {
            if (value == null || value.isNaN() || value.isInfinite()) {
                out.writeNullField(name);
            } else {
                out.writeNumberField(name, value);
            }
        });
    }

    JsonLine bool(String name, Boolean value) {
        return write(name, () -> {
            if (value == null) {
                out.writeNullField(name);
            } else {
                out.writeBooleanField(name, value);
            }
        });
    }

    JsonLine texts(String name, List<String> values) {
        return write(name, () -> {
            out.writeArrayFieldStart(name);
            for (String value : values) {
                out.writeString(value);
            }
            out.writeEndArray();
        });
    }

    /** The finished object, without a line terminator. */
    String end() {
        try {
            out.writeEndObject();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    private JsonLine write(String name, IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write field " + name, e);
        }
        return this;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
