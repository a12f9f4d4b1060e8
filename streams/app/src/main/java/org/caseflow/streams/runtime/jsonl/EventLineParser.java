package org.caseflow.streams.runtime.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.EventType;
import org.caseflow.streams.domain.input.EventChecks;
import org.caseflow.streams.domain.input.Refusal;

/**
 * Parses one line of the flat JSON-lines event form (DESIGN.md section 3) into a validated Avro
 * {@link CaseEvent}. Never throws on bad input: a bad line becomes {@link ParsedLine.Invalid}
 * naming the first bad field; unknown fields become warnings on {@link ParsedLine.Valid}. A line
 * is read first (JSON, types, codes, shapes); the event it makes must then pass the content rules
 * the running app applies too ({@link EventChecks}: courts, text, plausible dates).
 */
public final class EventLineParser {
    /** Field name used when the line as a whole is bad (not JSON, not an object). */
    public static final String LINE_FIELD = "json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final String ALLOWED_TYPES =
            Arrays.stream(EventType.values()).map(EventType::code).collect(Collectors.joining(", "));

    private EventLineParser() {
    }

    /** Parses {@code line} (without its line terminator); {@code lineNumber} is 1-based. */
    public static ParsedLine parse(String line, long lineNumber, EventChecks checks) {
        ObjectNode object;
        try {
            object = readObject(line);
        } catch (LineRejection e) {
            return new ParsedLine.Invalid(lineNumber, e.field(), e.reason());
        }
        LineFields fields = new LineFields(object);
        try {
            CaseEvent event = toEvent(fields);
            Refusal refusal = checks.check(event).orElse(null);
            if (refusal != null) {
                return new ParsedLine.Invalid(lineNumber, refusal.field(), refusal.detail());
            }
            List<String> warnings = fields.warnings().stream().map(w -> "line " + lineNumber + ": " + w).toList();
            return new ParsedLine.Valid(lineNumber, event, warnings);
        } catch (LineRejection e) {
            return new ParsedLine.Invalid(lineNumber, e.field(), e.reason());
        }
    }

    private static ObjectNode readObject(String line) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage();
            if (reason != null && reason.startsWith("Duplicate field '")) {
                String name = reason.substring("Duplicate field '".length(), reason.indexOf('\'', 17));
                throw new LineRejection(name, "duplicate field");
            }
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw new LineRejection(LINE_FIELD, "invalid JSON" + (column > 0 ? " at column " + column : "")
                    + ": " + firstLine(reason));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new LineRejection(LINE_FIELD, "invalid JSON: empty line");
        }
        if (!tree.isObject()) {
            throw new LineRejection(LINE_FIELD, "expected a JSON object, found " + LineFields.describe(tree));
        }
        return (ObjectNode) tree;
    }

    private static CaseEvent toEvent(LineFields fields) {
        String eventId = fields.requiredText("eventId");
        String typeCode = fields.requiredText("type");
        EventType type = EventType.fromCode(typeCode).orElseThrow(() -> new LineRejection("type",
                "unknown event type " + typeCode + " (allowed: " + ALLOWED_TYPES + ")"));
        String caseId = fields.requiredText("caseId");
        String court = fields.requiredText("court");
        Instant occurredAt = fields.requiredInstant("occurredAt");
        Object payload = PayloadReader.read(type, fields);
        return new CaseEvent(eventId, caseId, court, occurredAt, payload);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        // Jackson appends where an unclosed object started; the column already says where it broke.
        int marker = first.indexOf(" (start marker at ");
        return marker < 0 ? first : first.substring(0, marker);
    }
}
