package org.caseflow.streams.topology;

import java.time.Instant;

/**
 * The case processor's event clock, handed to the digest router when it passes a local midnight (event time): every
 * alert due by {@code at} has been forwarded by then, so a digest period ending at or before it may close.
 */
record DigestClock(Instant at) {
}
