package org.caseflow.streams.runtime.http;

/**
 * Body of {@code GET /health/ready} (200 when {@code status} is UP, else 503): whether this instance should get
 * traffic, and why not.
 *
 * @param status UP or DOWN
 * @param state  the Kafka Streams state (CREATED, REBALANCING, RUNNING ...)
 * @param reason in words: what the instance waits for, or that it is caught up
 * @param lag    records between what this instance has committed and the end of the input partitions of its active
 *               tasks; null while not measured (not RUNNING, Kafka unreachable, first check pending)
 * @param maxLag the most records behind at which it is ready ({@code caseflow.readiness.max.lag})
 */
public record Readiness(String status, String state, String reason, Long lag, long maxLag) {
    public static Readiness up(String state, String reason, long lag, long maxLag) {
        return new Readiness("UP", state, reason, lag, maxLag);
    }

    public static Readiness down(String state, String reason, Long lag, long maxLag) {
        return new Readiness("DOWN", state, reason, lag, maxLag);
    }

    public boolean ready() {
        return "UP".equals(status);
    }
}
