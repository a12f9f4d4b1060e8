package org.caseflow.streams.topology;

import java.time.Instant;

/**
 * How far a task has looked for threshold crossings: every local midnight up to {@code done} is handled; a window
 * {@code (done, target]} may be in progress, with every crossing up to the deadline-index key {@code after} handled.
 * Persisted (in the due store) whenever a window with a midnight is worked on, in the same transaction as the alerts
 * it raised, so a crash resumes exactly where the committed work ends; windows without a midnight only move it in
 * memory (after a restart the window is simply looked at again and has nothing).
 */
record ThresholdProgress(Instant done, Instant target, String after) {
    static ThresholdProgress at(Instant done) {
        return new ThresholdProgress(done, null, null);
    }

    boolean inProgress() {
        return target != null;
    }

    ThresholdProgress start(Instant until) {
        return new ThresholdProgress(done, until, null);
    }

    ThresholdProgress handled(String key) {
        return new ThresholdProgress(done, target, key);
    }

    ThresholdProgress finished() {
        return at(target);
    }

    String encode() {
        return done.toEpochMilli() + "|" + (target == null ? "" : target.toEpochMilli()) + "|"
                + (after == null ? "" : after);
    }

    static ThresholdProgress decode(String value) {
        String[] parts = value.split("\\|", 3);
        Instant target = parts[1].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[1]));
        String after = parts.length < 3 || parts[2].isEmpty() ? null : parts[2];
        return new ThresholdProgress(Instant.ofEpochMilli(Long.parseLong(parts[0])), target, after);
    }
}
