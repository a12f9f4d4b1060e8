package org.caseflow.streams.runtime.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.runtime.http.AtRiskCase;
import org.caseflow.streams.runtime.http.LocalQueries;
import org.caseflow.streams.topology.StoreNames;

/**
 * INTERIM {@link LocalQueries} until the topology side provides the real one: looks a case up in this
 * instance's {@link StoreNames#CASES} store and answers {@code {caseId, court, events, deadline}}
 * (or {@code {caseId, court, value}} for another store value type). At-risk and indicator
 * lists are empty. Also the test double of the HTTP integration tests.
 */
public final class InterimCaseQueries implements LocalQueries {
    private final KafkaStreams streams;

    public InterimCaseQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Optional<Object> caseById(String caseId) {
        ReadOnlyKeyValueStore<String, Object> store = streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.CASES, QueryableStoreTypes.<String, Object>keyValueStore()));
        Object value = store.get(caseId);
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

    @Override
    public List<AtRiskCase> atRisk(String court, int withinDays) {
        return List.of();
    }

    @Override
    public List<Object> indicators(String court, String window) {
        return List.of();
    }
}
