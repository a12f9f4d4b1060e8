package org.caseflow.streams.runtime.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseflow.streams.topology.DeadLetterHeaders;

/**
 * How {@code caseflow dead-letters} prints: one line per dead letter, tab-separated {@code <partition>:<offset>, key,
 * reason, detail, source topic} (tabs and line breaks inside a field become spaces; {@code -} for nothing), or one JSON
 * object per line with every header of the set.
 */
public final class DeadLetterFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterFormat() {
    }

    public static String text(DeadLetter letter) {
        DeadLetterHeaders h = letter.headers();
        return String.join("\t", letter.id(), field(letter.keyText()), field(h.reason()), field(h.detail()),
                field(h.source().topic()));
    }

    public static String json(DeadLetter letter) {
        DeadLetterHeaders h = letter.headers();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("partition", letter.partition());
        fields.put("offset", letter.offset());
        fields.put("key", letter.keyText());
        fields.put("reason", h.reason());
        fields.put("detail", h.detail());
        fields.put("sourceTopic", h.source().topic());
        fields.put("sourcePartition", h.source().partition() < 0 ? null : h.source().partition());
        fields.put("sourceOffset", h.source().offset() < 0 ? null : h.source().offset());
        fields.put("sourceTimestamp", h.sourceTimestamp() < 0 ? null : h.sourceTimestamp());
        fields.put("eventId", h.eventId());
        fields.put("time", h.time() == null ? null : h.time().toString());
        fields.put("valueForm", h.form().header());
        fields.put("valueBytes", letter.value() == null ? null : letter.value().length);
        return write(fields);
    }

    public static String text(Republisher.Outcome outcome) {
        String what = switch (outcome.kind()) {
            case REPUBLISHED -> "republished";
            case ALREADY_REPUBLISHED -> "skipped (already re-published)";
            case CANNOT -> "cannot re-publish";
        };
        return outcome.letter().id() + "\t" + what + "\t" + field(outcome.detail());
    }

    public static String json(Republisher.Outcome outcome) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("partition", outcome.letter().partition());
        fields.put("offset", outcome.letter().offset());
        fields.put("outcome", outcome.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        fields.put("detail", outcome.detail());
        return write(fields);
    }

    private static String field(String text) {
        return text == null || text.isEmpty() ? "-" : text.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static String write(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
