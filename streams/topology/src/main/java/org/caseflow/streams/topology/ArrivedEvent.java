package org.caseflow.streams.topology;

import java.util.Objects;
import org.caseflow.events.CaseEvent;

/**
 * An input event with the bytes it was decoded from: the value type of the three input sources. A refused event is
 * dead-lettered with these bytes (DESIGN.md section 4: original key, original bytes) and an accepted one is kept in
 * the case's event log as them, so an event refused later from the stored history is dead-lettered as it came too.
 * The array is never modified.
 *
 * @param form {@link DeadLetters.ValueForm#ORIGINAL} when read from a topic; {@code RE_ENCODED} only for a record
 *             held back by a version that kept no arrival bytes ({@link HeldEvents})
 */
public record ArrivedEvent(CaseEvent event, byte[] bytes, DeadLetters.ValueForm form) {
    public ArrivedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(form, "form");
    }
}
