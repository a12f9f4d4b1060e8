package org.caseflow.streams.runtime.app;

import java.time.Instant;

/**
 * What the last check of {@link HealthMonitor} saw.
 *
 * @param unreachableSince when Kafka stopped answering (first failed check of a run of them); null while it answers
 * @param problem          why the last check failed, in words; null when it did not
 * @param lag              records behind the input end offsets, measured in the current RUNNING period; null if not
 */
record KafkaObservation(Instant unreachableSince, String problem, Long lag) {
    static final KafkaObservation NONE = new KafkaObservation(null, null, null);

    KafkaObservation withLag(Long newLag) {
        return new KafkaObservation(unreachableSince, problem, newLag);
    }
}
