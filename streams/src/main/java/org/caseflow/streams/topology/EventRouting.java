package org.caseflow.streams.topology;

import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.EventType;

/** Which input topic carries which event type (DESIGN.md section 4). Producers and replay use it. */
public final class EventRouting {
    private EventRouting() {
    }

    public static String topicFor(CaseEvent event, TopicNames topics) {
        return switch (EventType.of(event)) {
            case CASE_FILED, JUDGE_ASSIGNED, PROCEDURE_CHANGED, CASE_CLOSED, JUDGMENT_EFFECTIVE -> topics.caseFilings();
            case HEARING_SCHEDULED, HEARING_HELD, HEARING_POSTPONED, CLOCK_SUSPENDED, CLOCK_RESUMED, CLOCK_RESTARTED,
                    EXTENSION_GRANTED -> topics.caseHearings();
            case ENFORCEMENT_ACTION, ENFORCEMENT_PAYMENT -> topics.enforcement();
        };
    }
}
