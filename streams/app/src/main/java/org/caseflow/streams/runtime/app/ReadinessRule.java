package org.caseflow.streams.runtime.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.KafkaStreams;
import org.caseflow.streams.runtime.http.Readiness;

/**
 * When an instance is ready for traffic: Kafka Streams RUNNING, Kafka answering, and at most {@code maxLag}
 * records behind the end of the input partitions of its active tasks. An instance far behind would answer
 * queries from stale state as if it were current; the reason says which condition is missing.
 */
final class ReadinessRule {
    private ReadinessRule() {
    }

    static Readiness decide(KafkaStreams.State state, KafkaObservation seen, long maxLag, String servers, Instant now) {
        String name = state.name();
        if (seen.unreachableSince() != null && state != KafkaStreams.State.NOT_RUNNING) {
            long seconds = Duration.between(seen.unreachableSince(), now).toSeconds();
            return Readiness.down(name, String.format(Locale.ROOT, "Kafka at %s unreachable for %d s (since %s): %s",
                    servers, seconds, seen.unreachableSince(), seen.problem()), null, maxLag);
        }
        switch (state) {
            case CREATED:
                return Readiness.down(name, "starting: Kafka Streams not started yet", null, maxLag);
            case REBALANCING:
                return Readiness.down(name, "Kafka Streams is REBALANCING: partitions being assigned or state "
                        + "restored", null, maxLag);
            case RUNNING:
                break;
            default:
                return Readiness.down(name, "Kafka Streams is " + name + ": stopping or stopped", null, maxLag);
        }
        Long lag = seen.lag();
        if (lag == null) {
            return Readiness.down(name, "measuring how far behind the inputs this instance is", null, maxLag);
        }
        if (lag > maxLag) {
            return Readiness.down(name, String.format(Locale.ROOT, "catching up: %,d records behind the input end "
                    + "offsets (ready at %,d or fewer)", lag, maxLag), lag, maxLag);
        }
        return Readiness.up(name, String.format(Locale.ROOT, "caught up: %,d records behind the input end offsets "
                + "(bound %,d)", lag, maxLag), lag, maxLag);
    }
}
