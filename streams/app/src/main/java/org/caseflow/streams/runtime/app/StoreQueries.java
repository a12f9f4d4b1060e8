package org.caseflow.streams.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.Digest;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseFolder;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.FiringAlert;
import org.caseflow.streams.domain.digest.DigestKind;
import org.caseflow.streams.domain.indicators.IndicatorCalculator;
import org.caseflow.streams.domain.indicators.LineageTop;
import org.caseflow.streams.domain.indicators.ScopeKey;
import org.caseflow.streams.domain.indicators.Window;
import org.caseflow.streams.domain.courts.JudgeId;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.topology.ReferenceHolder;
import org.caseflow.streams.runtime.http.AtRiskCase;
import org.caseflow.streams.runtime.http.CaseDetail;
import org.caseflow.streams.runtime.http.IndicatorAnswer;
import org.caseflow.streams.runtime.http.LineageEntry;
import org.caseflow.streams.runtime.http.LocalQueries;
import org.caseflow.streams.runtime.jsonl.DigestJson;
import org.caseflow.streams.runtime.report.SeedJson;
import org.caseflow.streams.topology.AlertAcks;
import org.caseflow.streams.topology.CaseRecord;
import org.caseflow.streams.topology.EventLogs;
import org.caseflow.streams.topology.IndicatorValues;
import org.caseflow.streams.topology.KeyValueLedgerStore;
import org.caseflow.streams.topology.StoreKeys.DeadlineKey;
import org.caseflow.streams.topology.StoreKeys.DigestKey;
import org.caseflow.streams.topology.StoreNames;

/**
 * The JSON API's reads of this instance's stores (interactive queries): a case from
 * {@link StoreNames#CASES} with its deadline explanation and history; a court's at-risk list from
 * the court-ordered {@link StoreNames#DEADLINE_INDEX} (a range scan: cost follows the court's
 * at-risk cases, not all open cases); a court's current indicators from
 * {@link StoreNames#INDICATOR_LEDGERS} (only scopes this instance keeps, so merged answers of all
 * instances hold each scope once). Answers are records built straight from the stored values
 * ({@code CaseDetail}, {@code AtRiskCase}, {@code IndicatorAnswer}, {@code LineageEntry}), never JSON
 * text parsed back: the HTTP layer serialises each once.
 */
public final class StoreQueries implements LocalQueries {
    private final KafkaStreams streams;
    private final Seeds seeds;
    private final CaseEngine engine;
    /** The reference data in force, when the app shares it (issue 15); else the seeds' engine throughout. */
    private final ReferenceHolder reference;
    private final IndicatorCalculator calculator;
    private final Supplier<Instant> clock;

    /**
     * Deadlines under the reference data the instance computes with: a calendar published live shows at once.
     *
     * @param clock "now" for days remaining and current periods: the wall clock live, the simulated
     *              clock in the demo (where the topology runs on event time)
     */
    public StoreQueries(KafkaStreams streams, ReferenceHolder reference, Supplier<Instant> clock) {
        this.streams = streams;
        this.seeds = reference.base().seeds();
        this.reference = reference;
        // The topology's own engine (its settings from the configuration, CompositionRoot): the API answers as it computes.
        this.engine = reference.base();
        this.calculator = new IndicatorCalculator(seeds.indicators(), period -> reference.data().indicatorsFor(period));
        this.clock = clock;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    @Override
    public Optional<ObjectNode> digest(String recipient, String kind, LocalDate date) {
        ReadOnlyKeyValueStore<String, Digest> digests = store(StoreNames.DIGESTS);
        Optional<DigestKind> k = DigestKind.parse(kind);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        Digest found = null;
        if (date != null) {
            found = digests.get(new DigestKey(recipient, kind, k.get().periodOf(date).label()).encode());
        } else {
            // Labels sort by time (ISO dates, 2025-W09 before 2025-W10, 2025-05 before 2025-06): the last is the latest.
            try (KeyValueIterator<String, Digest> it = digests.range(DigestKey.kindStart(recipient, kind),
                    DigestKey.kindEnd(recipient, kind))) {
                while (it.hasNext()) {
                    found = it.next().value;
                }
            }
        }
        return Optional.ofNullable(found).map(DigestJson::node);
    }

    @Override
    public Optional<CaseDetail> caseById(String caseId) {
        return caseById(caseId, false);
    }

    @Override
    public Optional<CaseDetail> caseById(String caseId, boolean withNotes) {
        ReadOnlyKeyValueStore<String, CaseRecord> cases = store(StoreNames.CASES);
        CaseRecord record = cases.get(caseId);
        if (record == null) {
            return Optional.empty();
        }
        CaseState state = record.state();
        Optional<CaseSnapshot> snapshot = (reference == null ? engine : reference.engineFor(state))
                .snapshot(state, clock.get());
        if (snapshot.isEmpty()) {
            return Optional.empty(); // events waiting for their filing are not a case yet
        }
        // Acknowledgements (issue 9): [] when none; the court page reads them.
        ReadOnlyKeyValueStore<String, String> acks = store(StoreNames.ALERT_ACKS);
        List<CaseEvent> ordered = new ArrayList<>(EventLogs.events(caseId, record, store(StoreNames.CASE_EVENTS)));
        ordered.sort(CaseFolder.canonicalOrder(engine.zoneOf(CourtId.ofUnchecked(snapshot.get().getCourt()))));
        return Optional.of(CaseDetail.of(snapshot.get(), state.firing(), AlertAcks.of(acks.get(caseId)), ordered, withNotes));
    }

    @Override
    public List<AtRiskCase> atRisk(String court, int withinDays) {
        LocalDate today = clock.get().atZone(engine.zoneOf(CourtId.ofUnchecked(court))).toLocalDate();
        long lastDay = today.toEpochDay() + withinDays;
        ReadOnlyKeyValueStore<String, String> index = store(StoreNames.DEADLINE_INDEX);
        ReadOnlyKeyValueStore<String, CaseRecord> cases = store(StoreNames.CASES);
        List<AtRiskCase> out = new ArrayList<>();
        try (KeyValueIterator<String, String> it = index.range(DeadlineKey.courtStart(court),
                DeadlineKey.dayEnd(court, lastDay))) {
            while (it.hasNext()) {
                DeadlineKey listed = DeadlineKey.decode(it.next().key);
                LocalDate deadline = listed.deadline();
                CaseRecord record = cases.get(listed.caseId());
                CaseState state = record == null ? null : record.state();
                if (state == null || state.view() == null) {
                    continue;
                }
                var view = engine.view(state);
                String level = state.firing().stream().max(Comparator.comparingInt(FiringAlert::rank))
                        .map(f -> f.level() == AlertLevel.OVERDUE ? "OVERDUE" : f.level().name()).orElse(null);
                out.add(new AtRiskCase(listed.caseId(), court, view.procedure().name(), deadline,
                        (int) (deadline.toEpochDay() - today.toEpochDay()), level, JudgeId.raw(view.judge()), view.filedOn()));
            }
        }
        out.sort(Comparator.comparing(AtRiskCase::deadline).thenComparing(AtRiskCase::caseId));
        return out;
    }

    @Override
    public List<IndicatorAnswer> indicators(String court, String window) {
        return indicators(court, window, null);
    }

    /**
     * Each value also says whether its scope has any data a year before the period ({@code yearEarlierData}): without
     * it the calculator's previous-year value is a count of nothing (0), which the page must show blank, not as 0.
     */
    @Override
    public List<IndicatorAnswer> indicators(String court, String window, YearMonth period) {
        return indicators(court, window, period, null, null);
    }

    @Override
    public List<IndicatorAnswer> indicators(String court, String window, YearMonth period, Boolean onlySubordinates,
            String onlyCategory) {
        Window w = Window.valueOf(window);
        Instant now = clock.get();
        CourtId id = CourtId.ofUnchecked(court); // the query's parameter, as asked
        LocalDate today = now.atZone(engine.zoneOf(id)).toLocalDate();
        YearMonth end = period == null ? YearMonth.from(today) : period;
        ReadOnlyKeyValueStore<String, byte[]> ledgerStore = store(StoreNames.INDICATOR_LEDGERS);
        KeyValueLedgerStore ledgers = KeyValueLedgerStore.readOnly(ledgerStore);
        ReadOnlyKeyValueStore<String, String> scopes = store(StoreNames.INDICATOR_SCOPES);
        List<IndicatorAnswer> out = new ArrayList<>();
        for (boolean subordinates : new boolean[] {false, true}) {
            for (String category : ScopeKey.CATEGORIES) {
                ScopeKey scope = new ScopeKey(id, subordinates, category);
                if (onlySubordinates != null && onlySubordinates != subordinates
                        || onlyCategory != null && !onlyCategory.equals(category)) {
                    continue; // not asked for
                }
                if (scopes.get(scope.encode()) == null) {
                    continue; // kept by another instance (the ledgers are keyed by scope): it answers
                }
                boolean yearEarlier = hasDataUpTo(ledgerStore, scope, end.minusMonths(12));
                calculator.computeAll(w, end, today, ledgers.view(scope)).forEach(result ->
                        out.add(IndicatorAnswer.of(IndicatorValues.of(scope, result, now), yearEarlier)));
            }
        }
        return out;
    }

    /** Whether the scope has a month ledger at or before {@code month} (keys sort by month within a scope). */
    private static boolean hasDataUpTo(ReadOnlyKeyValueStore<String, byte[]> ledgers, ScopeKey scope, YearMonth month) {
        try (KeyValueIterator<String, byte[]> it = ledgers.range(scope.encode() + "|0000", scope.monthKey(month))) {
            return it.hasNext();
        }
    }

    /** The lineage top of the court's tree scope, when this instance keeps it (else another instance answers). */
    @Override
    public List<LineageEntry> lineage(String court) {
        byte[] bytes = this.<byte[]>store(StoreNames.LINEAGE_TOP).get(new ScopeKey(CourtId.ofUnchecked(court), true, ScopeKey.ALL)
                .encode());
        return bytes == null ? List.of() : LineageTop.fromBytes(bytes).top().stream()
                .map(e -> new LineageEntry(e.rootId(), e.caseNumbers())).toList();
    }

    @Override
    public Instant now() {
        return clock.get();
    }

    @Override
    public List<JsonNode> indicatorDefinitions() {
        // The intervals in force for the current month (a live publication shows at once, issue 15).
        return SeedJson.indicatorDefinitions(reference == null ? seeds.indicators()
                : reference.data().indicatorsFor(YearMonth.from(LocalDate.ofInstant(clock.get(),
                        engine.settings().defaultZone()))));
    }

    @Override
    public List<JsonNode> courts() {
        return reference == null ? SeedJson.courts(seeds) : SeedJson.courts(reference.data().courts());
    }
}
