package org.caseflow.streams.runtime.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed, validating access to the fields of one JSON object line. Every accessor records the field
 * name as known, so that the remaining names can be reported as unknown; every failure is a
 * {@link LineRejection} naming the field and the reason.
 */
final class LineFields {
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AMOUNT_SHAPE = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Avro decimal(20, 2): at most 18 digits before the point. */
    private static final int AMOUNT_PRECISION = 20;
    private static final int AMOUNT_SCALE = 2;

    private final ObjectNode node;
    private final Set<String> known = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();

    LineFields(ObjectNode node) {
        this.node = node;
    }

    /** A required string; blank is rejected because ids and codes must be usable as keys. */
    String requiredText(String name) {
        String text = optionalTextValue(name);
        if (text == null) {
            throw missing(name);
        }
        if (text.isBlank()) {
            throw new LineRejection(name, "must not be blank");
        }
        return text;
    }

    /** An optional string; null and blank both mean absent (blank with a warning). */
    String optionalText(String name) {
        String text = optionalTextValue(name);
        if (text != null && text.isBlank()) {
            warnings.add(name + ": blank, treated as absent");
            return null;
        }
        return text;
    }

    LocalDate requiredDate(String name) {
        return toDate(name, requiredText(name));
    }

    LocalDate optionalDate(String name) {
        String text = optionalTextValue(name);
        return text == null ? null : toDate(name, text);
    }

    /** An ISO-8601 instant that must carry an offset ({@code Z} or {@code +08:00}). */
    Instant requiredInstant(String name) {
        String text = requiredText(name);
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
            if (!millis.equals(instant)) {
                // Avro timestamp-millis keeps milliseconds only.
                warnings.add(name + ": sub-millisecond precision truncated");
            }
            return millis;
        } catch (DateTimeException e) {
            if (isLocalDateTime(text)) {
                throw new LineRejection(name, "instant without offset: " + text
                        + " (add Z or an offset such as +08:00)");
            }
            throw new LineRejection(name, "malformed instant: " + text
                    + " (expected e.g. 2025-03-03T09:15:00+08:00)");
        }
    }

    /** A code of an Avro enum, matched exactly; unknown codes list the allowed ones. */
    <E extends Enum<E>> E requiredCode(String name, Class<E> codes, String what) {
        String text = requiredText(name);
        for (E code : codes.getEnumConstants()) {
            if (code.name().equals(text)) {
                return code;
            }
        }
        String allowed = Arrays.stream(codes.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new LineRejection(name, "unknown " + what + " code " + text + " (allowed: " + allowed + ")");
    }

    /** An optional code of an Avro enum: absent or null is null, anything else as {@link #requiredCode}. */
    <E extends Enum<E>> E optionalCode(String name, Class<E> codes, String what) {
        String text = optionalText(name);
        return text == null ? null : requiredCode(name, codes, what);
    }

    /**
     * An optional free-text field the contract keeps only so that old files stay valid (a postponement's or
     * restart's {@code reason}, replaced by {@code reasonCode} and {@code note}): read as before, with a warning.
     */
    String deprecatedText(String name) {
        String text = optionalText(name);
        if (text != null) {
            warnings.add(name + ": free text is deprecated, write reasonCode (and note) instead");
        }
        return text;
    }

    /** An optional JSON integer that must be at least 1. */
    Integer optionalPositiveInt(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(name, "an integer", value);
        }
        int number = value.intValue();
        if (number <= 0) {
            throw new LineRejection(name, "must be positive, got " + number);
        }
        return number;
    }

    boolean optionalBoolean(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return value.booleanValue();
    }

    BigDecimal requiredAmount(String name) {
        BigDecimal amount = optionalAmount(name);
        if (amount == null) {
            throw missing(name);
        }
        return amount;
    }

    /** A non-negative money amount with at most 2 decimals, as a decimal string or a JSON number. */
    BigDecimal optionalAmount(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        String text;
        if (value.isTextual()) {
            text = value.textValue();
        } else if (value.isNumber()) {
            text = value.decimalValue().toPlainString();
        } else {
            throw wrongType(name, "a decimal string", value);
        }
        if (!AMOUNT_SHAPE.matcher(text).matches()) {
            throw new LineRejection(name, "not a decimal amount: \"" + text + "\" (expected e.g. \"12500.00\")");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() < 0) {
            throw new LineRejection(name, "must not be negative, got " + text);
        }
        if (amount.stripTrailingZeros().scale() > AMOUNT_SCALE) {
            throw new LineRejection(name, "at most 2 decimal places, got " + text);
        }
        BigDecimal scaled = amount.setScale(AMOUNT_SCALE);
        if (scaled.precision() > AMOUNT_PRECISION) {
            throw new LineRejection(name, "too large, at most 18 digits before the decimal point");
        }
        return scaled;
    }

    /** Records a field as known without reading it (e.g. {@code type}, read by the caller). */
    void markKnown(String name) {
        known.add(name);
    }

    /** Warnings collected so far plus one per field that no accessor asked for, in line order. */
    List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                all.add(name + ": unknown field, ignored");
            }
        });
        return all;
    }

    private String optionalTextValue(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        return value.textValue();
    }

    /** The field's value, or null when absent or JSON null. */
    private JsonNode value(String name) {
        known.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static LocalDate toDate(String name, String text) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            throw new LineRejection(name, "malformed date: " + text + " (expected YYYY-MM-DD)");
        }
        try {
            // ISO_LOCAL_DATE resolves strictly: 2025-02-30 is an error, not 2025-02-28.
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            throw new LineRejection(name, "impossible date: " + text);
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static LineRejection missing(String name) {
        return new LineRejection(name, "missing required field");
    }

    private static LineRejection wrongType(String name, String expected, JsonNode value) {
        return new LineRejection(name, "expected " + expected + ", found " + describe(value));
    }

    static String describe(JsonNode value) {
        JsonNodeType type = value.getNodeType();
        return switch (type) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
