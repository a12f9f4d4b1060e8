package org.caseflow.streams.runtime.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseflow.streams.runtime.jsonl.LineRanges;

/**
 * Which lines the broker acknowledged and which it refused, with why: after a failure {@code caseflow produce} says
 * exactly what was published, so the operator knows what to send again. Written by the producer's callbacks (its
 * I/O thread), read after the producer was flushed.
 */
public final class PublishLedger {
    /** Distinct failure messages kept; the rest are counted (a broken batch fails each of its records). */
    static final int MAX_REASONS = 5;

    private final LineRanges sent = new LineRanges();
    private final LineRanges acknowledged = new LineRanges();
    private final Map<String, LineRanges> failures = new LinkedHashMap<>();
    private final LineRanges otherFailures = new LineRanges();

    synchronized void sent(long line) {
        sent.add(line);
    }

    synchronized void acknowledged(long line) {
        acknowledged.add(line);
    }

    synchronized void failed(long line, String reason) {
        LineRanges lines = failures.get(reason);
        if (lines == null && failures.size() < MAX_REASONS) {
            lines = new LineRanges();
            failures.put(reason, lines);
        }
        (lines == null ? otherFailures : lines).add(line);
    }

    public synchronized LineRanges acknowledgedLines() {
        LineRanges copy = new LineRanges();
        copy.addAll(acknowledged);
        return copy;
    }

    /**
     * E.g. {@code published lines 1–7, 9–12 (11 events); line 8 failed: Timestamp ... out of range; lines 13–24 not
     * sent}, where {@code sendable} are the lines that were to be published (the valid ones).
     */
    public synchronized String describe(LineRanges sendable) {
        List<String> parts = new ArrayList<>();
        parts.add(acknowledged.isEmpty() ? "nothing published"
                : "published " + acknowledged.describe() + " (" + acknowledged.count()
                        + (acknowledged.count() == 1 ? " event)" : " events)"));
        LineRanges failed = new LineRanges();
        failures.forEach((reason, lines) -> {
            parts.add(lines.describe() + " failed: " + reason);
            failed.addAll(lines);
        });
        if (!otherFailures.isEmpty()) {
            parts.add(otherFailures.describe() + " failed for other reasons");
            failed.addAll(otherFailures);
        }
        LineRanges unanswered = sent.without(acknowledged, failed);
        if (!unanswered.isEmpty()) {
            parts.add(unanswered.describe() + " sent but not acknowledged (may or may not be published)");
        }
        LineRanges notSent = sendable.without(sent, failed);
        if (!notSent.isEmpty()) {
            parts.add(notSent.describe() + " not sent");
        }
        return String.join("; ", parts);
    }
}
