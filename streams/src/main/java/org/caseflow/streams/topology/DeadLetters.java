package org.caseflow.streams.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers of records the topology sends to the dead-letter topic. The value is the original
 * (re-encoded) event bytes; the reason travels in headers so the record can be replayed as is.
 */
public final class DeadLetters {
    public static final String REASON = "caseflow.dlq.reason";
    public static final String DETAIL = "caseflow.dlq.detail";
    public static final String SOURCE_TOPIC = "caseflow.dlq.source.topic";
    public static final String EVENT_ID = "caseflow.dlq.event.id";

    private DeadLetters() {
    }

    /**
     * @param reason short machine-readable reason (also the metric label)
     * @param detail the human-readable reason
     */
    public static Headers headers(String reason, String detail, String sourceTopic, String eventId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DETAIL, detail.getBytes(StandardCharsets.UTF_8));
        if (sourceTopic != null) {
            headers.add(SOURCE_TOPIC, sourceTopic.getBytes(StandardCharsets.UTF_8));
        }
        if (eventId != null) {
            headers.add(EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
