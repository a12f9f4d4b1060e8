package org.caseflow.streams.topology;

import org.caseflow.events.CaseEvent;

/**
 * One input record as the case processor applies it, at once or after it was held back ({@link HeldEvents}).
 *
 * @param source    where it was read (partition and offset unknown only for a record held by an older version)
 * @param timestamp the record's timestamp
 * @param value     null for a clock tick
 */
record InputRecord(DeadLetters.Source source, long timestamp, String key, ArrivedEvent value) {
    String topic() {
        return source.topic();
    }

    /** The decoded event, or null for a clock tick. */
    CaseEvent event() {
        return value == null ? null : value.event();
    }
}
