package org.caseflow.streams.topology;

import org.caseflow.streams.domain.cases.CaseState;

/**
 * The value of {@link StoreNames#CASES}: a case's state and the part of its history that lives with it. One record
 * per case, so an event in order is one changelog record however many stores the case touches.
 */
public record CaseRecord(CaseState state, EventTail events) {
    public CaseRecord {
        if (state == null || events == null) {
            throw new IllegalArgumentException("a case record needs a state and events");
        }
    }
}
