package org.caseflow.streams.runtime.app;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.FiringAlert;
import org.caseflow.streams.runtime.http.AtRiskCase;
import org.caseflow.streams.runtime.http.LocalQueries;
import org.caseflow.streams.topology.StoreNames;

/**
 * INTERIM {@link LocalQueries} until the topology side provides the real one: looks a case up in this
 * instance's {@link StoreNames#CASES} store and answers {@code {caseId, court, events, deadline}}
 * (or {@code {caseId, court, value}} for another store value type); the at-risk list holds the cases
 * with a FIRING alert (procedure and judge as filed). Indicators are empty. Also the test double of the HTTP integration tests.
 */
public final class InterimCaseQueries implements LocalQueries {
    private final KafkaStreams streams;
    private final Supplier<LocalDate> today;

    /** @param today the court's current day: wall clock live, the simulated day in the demo */
    public InterimCaseQueries(KafkaStreams streams, Supplier<LocalDate> today) {
        this.streams = streams;
        this.today = today;
    }

    public InterimCaseQueries(KafkaStreams streams) {
        this(streams, () -> LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    private ReadOnlyKeyValueStore<String, Object> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.CASES, QueryableStoreTypes.<String, Object>keyValueStore()));
    }

    @Override
    public Optional<Object> caseById(String caseId) {
        Object value = store().get(caseId);
        if (value == null) {
            return Optional.empty();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", caseId);
        if (value instanceof CaseState state) {
            view.put("court", state.events().isEmpty() ? null : state.events().get(0).getCourt());
            view.put("events", state.events().size());
            view.put("deadline", state.versionDeadline() == null ? null : state.versionDeadline().toString());
        } else {
            view.put("court", value instanceof GenericRecord record && record.getSchema().getField("court") != null
                    ? String.valueOf(record.get("court")) : null);
            view.put("value", value.toString());
        }
        return Optional.of(view);
    }

    /** Cases of the court with a FIRING alert whose deadline is within {@code withinDays} of today. */
    @Override
    public List<AtRiskCase> atRisk(String court, int withinDays) {
        LocalDate day = today.get();
        List<AtRiskCase> rows = new ArrayList<>();
        try (KeyValueIterator<String, Object> all = store().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value instanceof CaseState state && !state.firing().isEmpty() && !state.events().isEmpty()
                        && court.equals(state.events().get(0).getCourt()) && state.versionDeadline() != null) {
                    int remaining = (int) ChronoUnit.DAYS.between(day, state.versionDeadline());
                    if (remaining <= withinDays) {
                        rows.add(row(state, remaining));
                    }
                }
            });
        }
        return rows;
    }

    private static AtRiskCase row(CaseState state, int remaining) {
        FiringAlert top = state.firing().stream().max(Comparator.comparingInt(FiringAlert::rank)).orElseThrow();
        String procedure = null;
        String judge = null;
        for (CaseEvent event : state.events()) {
            if (event.getPayload() instanceof CaseFiled filed) {
                procedure = filed.getProcedure().name();
                judge = filed.getJudge();
            }
        }
        return new AtRiskCase(state.caseId(), state.events().get(0).getCourt(), procedure, state.versionDeadline(),
                remaining, top.level().name(), judge);
    }

    @Override
    public List<Object> indicators(String court, String window) {
        return List.of();
    }
}
