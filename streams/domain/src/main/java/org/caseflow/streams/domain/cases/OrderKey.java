package org.caseflow.streams.domain.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.EventType;

/**
 * An event's place in the canonical order ({@link CaseFolder#canonicalOrder}): filings first, the first one
 * recorded before any other; then every other event by the day it is about, its type, event time and id.
 * Small enough to keep with a case's state in place of the event itself.
 *
 * @param filing     whether the event is a filing
 * @param day        the day the event is about (not compared between filings)
 * @param type       the event type (compared in declaration order)
 * @param occurredAt the event time
 * @param eventId    the event id, the last tie-breaker
 */
public record OrderKey(boolean filing, LocalDate day, EventType type, Instant occurredAt, String eventId)
        implements Comparable<OrderKey> {
    private static final Comparator<OrderKey> FILINGS = Comparator.comparing(OrderKey::occurredAt)
            .thenComparing(OrderKey::eventId);
    private static final Comparator<OrderKey> OTHERS = Comparator.comparing(OrderKey::day)
            .thenComparing(OrderKey::type).thenComparing(OrderKey::occurredAt).thenComparing(OrderKey::eventId);

    public static OrderKey of(CaseEvent event, ZoneId zone) {
        EventType type = EventType.of(event);
        return new OrderKey(type.isFiling(), EventType.dayOf(event, zone), type, event.getOccurredAt(),
                event.getEventId());
    }

    @Override
    public int compareTo(OrderKey other) {
        if (filing != other.filing) {
            return filing ? -1 : 1;
        }
        return filing ? FILINGS.compare(this, other) : OTHERS.compare(this, other);
    }
}
