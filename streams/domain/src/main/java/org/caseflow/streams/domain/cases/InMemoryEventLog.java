package org.caseflow.streams.domain.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseflow.events.CaseEvent;

/** An {@link EventLog} in memory: for tests and for callers that fold a few cases without stores. */
public final class InMemoryEventLog implements EventLog {
    private final Map<String, Map<String, CaseEvent>> byCase = new HashMap<>();

    /** An independent copy: a branch of a case's history can go on without changing this one. */
    public InMemoryEventLog copy() {
        InMemoryEventLog copy = new InMemoryEventLog();
        byCase.forEach((caseId, events) -> copy.byCase.put(caseId, new LinkedHashMap<>(events)));
        return copy;
    }

    @Override
    public boolean contains(String caseId, String eventId) {
        return byCase.getOrDefault(caseId, Map.of()).containsKey(eventId);
    }

    @Override
    public List<CaseEvent> events(String caseId) {
        return new ArrayList<>(byCase.getOrDefault(caseId, Map.of()).values());
    }

    @Override
    public void append(CaseEvent event) {
        byCase.computeIfAbsent(event.getCaseId(), k -> new LinkedHashMap<>()).put(event.getEventId(), event);
    }

    @Override
    public void removeAll(String caseId) {
        byCase.remove(caseId);
    }
}
