package org.caseflow.streams.runtime.notify;

/**
 * How one delivery ended. Not delivered = given up: the message goes to {@code caseflow.notify-dead-letters} with
 * {@code reason} ({@code rejected}: a 4xx other than 408/429; {@code retries-exhausted}; {@code breaker-open}) and
 * {@code detail}.
 *
 * @param status the last HTTP status, 0 when there was no answer
 */
public record Outcome(boolean delivered, int status, int attempts, String reason, String detail) {
    public static final String REJECTED = "rejected";
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";
    public static final String BREAKER_OPEN = "breaker-open";

    static Outcome delivered(int status, int attempts) {
        return new Outcome(true, status, attempts, "delivered", "");
    }
}
