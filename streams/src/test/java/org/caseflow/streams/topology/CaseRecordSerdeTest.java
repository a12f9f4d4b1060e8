package org.caseflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.caseflow.CaseflowException;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.InMemoryEventLog;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.jsonl.EventFileReader;
import org.caseflow.streams.runtime.jsonl.ParsedLine;
import org.junit.jupiter.api.Test;

/** The case store's value format (Avro StoredCase): every state reads back equal; format 1 is refused clearly. */
class CaseStateSerdeTest {
    static final Seeds SEEDS = Seeds.load(Path.of("seeds"));
    final CaseStateSerde serde = new CaseStateSerde();

    @Test
    void shouldReadBackEveryStateOfEveryCaseOfTheStatutoryScenarios() throws Exception {
        CaseEngine engine = new CaseEngine(SEEDS, CaseEngine.Settings.defaults());
        InMemoryEventLog log = new InMemoryEventLog();
        java.util.Map<String, CaseState> states = new java.util.HashMap<>();
        int checked = 0;
        for (Path file : List.of(Path.of("seeds/scenarios/valid-all-types.jsonl"),
                Path.of("seeds/scenarios/statutory/03-roll-forward.jsonl"))) {
            List<CaseEvent> events = new java.util.ArrayList<>();
            new EventFileReader().read(file.toString(), line -> {
                if (line instanceof ParsedLine.Valid valid) {
                    events.add(valid.event());
                }
            });
            for (CaseEvent event : events) {
                CaseState before = states.get(event.getCaseId());
                CaseState after = engine.onEvent(log, before, event, event.getOccurredAt()).state();
                if (after == null) {
                    continue;
                }
                states.put(event.getCaseId(), after);
                assertThat(serde.read(serde.write(after))).isEqualTo(after);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void shouldRefuseTheOldHandWrittenFormatWithWhatToDo() {
        byte[] format1 = {1, 0, 3, 'a', 'b', 'c'};
        assertThatThrownBy(() -> serde.read(format1)).isInstanceOf(CaseflowException.class)
                .hasMessageContaining("format 1").hasMessageContaining("reset");
    }

    @Test
    void shouldKeepAStateSmallWhateverTheLengthOfItsHistory() {
        CaseEngine engine = new CaseEngine(SEEDS, CaseEngine.Settings.defaults());
        InMemoryEventLog log = new InMemoryEventLog();
        String id = "(2025)湘0211执9号";
        CaseEvent filing = org.caseflow.streams.domain.cases.TestEvents.filed("f", id,
                org.caseflow.events.Procedure.ENFORCEMENT, java.time.LocalDate.of(2025, 1, 6));
        CaseState state = engine.onEvent(log, null, filing, filing.getOccurredAt()).state();
        int afterFive = 0;
        for (int i = 0; i < 500; i++) {
            java.time.LocalDate day = java.time.LocalDate.of(2025, 1, 7).plusDays(i % 150);
            CaseEvent pay = org.caseflow.streams.domain.cases.TestEvents.event("p" + i, id, day,
                    org.caseflow.events.EnforcementPayment.newBuilder().setAmount(new java.math.BigDecimal("1.00"))
                            .setPaidOn(day).build());
            state = engine.onEvent(log, state, pay, Instant.parse("2025-06-30T00:00:00Z")).state();
            if (i == 4) {
                afterFive = serde.write(state).length;
            }
        }
        assertThat(state.eventCount()).isEqualTo(501);
        // Only the digits of the running total, the last event's id and the count grow: bytes, not events.
        assertThat(serde.write(state).length).isBetween(afterFive, afterFive + 16);
    }
}
