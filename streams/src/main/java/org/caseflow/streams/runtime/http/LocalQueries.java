package org.caseflow.streams.runtime.http;

import java.util.List;
import java.util.Optional;

/**
 * Reads of this instance's local state stores, implemented by the topology side. Implementations see
 * only the partitions this instance hosts; {@link HttpApi} routes and merges across instances. They
 * may throw {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while stores migrate
 * (answered 503).
 */
public interface LocalQueries {
    /** One case with its deadline and history, any Jackson-serialisable object with a {@code court} field. */
    Optional<Object> caseById(String caseId);

    /** Open cases of {@code court} due within {@code withinDays} days or already overdue. */
    List<AtRiskCase> atRisk(String court, int withinDays);

    /** The courts this deployment knows (seed data, the same on every instance): code, name, level, parent. */
    default List<Object> courts() {
        return List.of();
    }

    /** The court's indicators for one window ({@code MONTH}, {@code YEAR_TO_DATE}, {@code ROLLING_12M}). */
    List<Object> indicators(String court, String window);
}
