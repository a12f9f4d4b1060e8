package org.caseflow.streams.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Reads of this instance's local state stores, implemented by the topology side. Implementations see
 * only the partitions this instance hosts; {@link HttpApi} routes and merges across instances. They
 * may throw {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while stores migrate
 * (answered 503). The answers are typed; the API's mapper writes them once, and {@link QueryRouter} reads
 * other instances' answers back into the same types before merging.
 */
public interface LocalQueries {
    /** One case with its deadline, firing alerts, acknowledgements and history. */
    Optional<CaseDetail> caseById(String caseId);

    /**
     * As {@link #caseById(String)}; {@code withNotes} keeps the {@code note} of postponements and restarts in the
     * history, which is otherwise left out (docs/security.md, "Personal data"). Without notes by default.
     */
    default Optional<CaseDetail> caseById(String caseId, boolean withNotes) {
        return caseById(caseId);
    }

    /** Open cases of {@code court} due within {@code withinDays} days or already overdue. */
    List<AtRiskCase> atRisk(String court, int withinDays);

    /**
     * The courts this deployment knows (seed data, the same on every instance): code, name, level, parent; the trees
     * of {@link org.caseflow.streams.runtime.report.SeedJson}, built once.
     */
    default List<JsonNode> courts() {
        return List.of();
    }

    /** The court's indicators for one window ({@code MONTH}, {@code YEAR_TO_DATE}, {@code ROLLING_12M}). */
    List<IndicatorAnswer> indicators(String court, String window);

    /**
     * The court's indicators for the window ending in {@code period} (a past month for trends and the monthly
     * report; {@code null}: the current period), computed as the indicator topology computes them.
     */
    default List<IndicatorAnswer> indicators(String court, String window, YearMonth period) {
        if (period == null) {
            return indicators(court, window);
        }
        throw new UnsupportedOperationException("indicators of a past period are not available here");
    }

    /**
     * As {@link #indicators(String, String, YearMonth)}, only the scopes asked for: {@code subordinates} and
     * {@code category} null mean both / every category. The board asks for one scope at a time, and each scope
     * left out is a batch of formulas not computed.
     */
    default List<IndicatorAnswer> indicators(String court, String window, YearMonth period, Boolean subordinates, String category) {
        return indicators(court, window, period);
    }

    /**
     * The disputes of the court's tree with the most case numbers ({@code rootCaseId}, {@code caseNumbers}), from
     * the instance that keeps the scope; empty elsewhere.
     */
    default List<LineageEntry> lineage(String court) {
        return List.of();
    }

    /**
     * The digest of {@code recipient} (a role reference or {@code court:<code>}) of {@code kind} ({@code day},
     * {@code week}, {@code month}) for the period containing {@code date}, or the latest one when {@code date} is null;
     * in the form of {@link org.caseflow.streams.runtime.jsonl.DigestJson} (a tree with a {@code court} field). Only the
     * instance that owns the recipient has it.
     */
    default Optional<ObjectNode> digest(String recipient, String kind, java.time.LocalDate date) {
        return Optional.empty();
    }

    /** "Now" of the reads: the wall clock live, the simulated clock in the demo. */
    default Instant now() {
        return Instant.now();
    }

    /** The indicator definitions of the seeds (code, Chinese and English names, unit, direction, interval). */
    default List<JsonNode> indicatorDefinitions() {
        return List.of();
    }
}
