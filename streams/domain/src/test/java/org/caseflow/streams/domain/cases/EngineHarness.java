package org.caseflow.streams.domain.cases;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import org.caseflow.events.CaseEvent;

/**
 * Drives a {@link CaseEngine} the way the tests think of a case: a state value that can be branched (the
 * same state given two different next events). Each state gets the event log it was produced with, copied
 * on every step, so branches never see each other's events.
 */
final class EngineHarness {
    private final CaseEngine engine;
    private final Map<CaseState, InMemoryEventLog> logs = new IdentityHashMap<>();

    EngineHarness(CaseEngine engine) {
        this.engine = engine;
    }

    CaseResult onEvent(CaseState state, CaseEvent event, Instant now) {
        InMemoryEventLog log = logOf(state);
        return remember(engine.onEvent(log, state, event, now), log);
    }

    CaseResult onLateEvent(CaseState state, CaseEvent event, Instant clock) {
        InMemoryEventLog log = logOf(state);
        return remember(engine.onLateEvent(log, state, event, clock), log);
    }

    CaseResult onTimer(CaseState state, Instant now) {
        InMemoryEventLog log = logOf(state);
        return remember(engine.onTimer(log, state, now), log);
    }

    /** The events the state's case has accepted, in any order. */
    java.util.List<CaseEvent> events(CaseState state) {
        return logOf(state).events(state.caseId().value());
    }

    private InMemoryEventLog logOf(CaseState state) {
        InMemoryEventLog log = state == null ? null : logs.get(state);
        return log == null ? new InMemoryEventLog() : log.copy();
    }

    private CaseResult remember(CaseResult result, InMemoryEventLog log) {
        if (result.state() != null) {
            logs.put(result.state(), log);
        }
        return result;
    }
}
