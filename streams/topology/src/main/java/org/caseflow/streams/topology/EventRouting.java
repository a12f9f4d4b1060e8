package org.caseflow.streams.topology;

import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.EventType;

/** Which input topic carries which event type (DESIGN.md section 4). Producers and replay use it. */
public final class EventRouting {
    private EventRouting() {
    }

    public static String topicFor(CaseEvent event, TopicNames topics) {
        return route(event, topics.caseFilings(), topics.caseHearings(), topics.enforcement());
    }

    /** The input topic, with its serdes, that carries {@code event}. */
    public static Topic<String, CaseEvent> topicFor(CaseEvent event, Topics topics) {
        return route(event, topics.caseFilings(), topics.caseHearings(), topics.enforcement());
    }

    private static <T> T route(CaseEvent event, T filings, T hearings, T enforcement) {
        return switch (EventType.of(event).input()) {
            case FILINGS -> filings;
            case HEARINGS -> hearings;
            case ENFORCEMENT -> enforcement;
        };
    }
}
