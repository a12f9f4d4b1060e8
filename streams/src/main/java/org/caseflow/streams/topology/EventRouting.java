package org.caseflow.streams.topology;

import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.EventType;

/** Which input topic carries which event type (DESIGN.md section 4). Producers and replay use it. */
public final class EventRouting {
    private EventRouting() {
    }

    public static String topicFor(CaseEvent event, TopicNames topics) {
        return switch (EventType.of(event).input()) {
            case FILINGS -> topics.caseFilings();
            case HEARINGS -> topics.caseHearings();
            case ENFORCEMENT -> topics.enforcement();
        };
    }
}
