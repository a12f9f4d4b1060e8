package org.caseflow.streams.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Where a monthly review pack reads its numbers: the indicator topology's values (live stores through the API's
 * distributed reads, or a replay of the same topology), never a second computation.
 */
public interface ReportSource {
    /**
     * The values of one court for the window ending in {@code period}, both scopes (alone, with subordinate courts)
     * and every category, in the JSON form of the indicators API ({@code scope}, {@code includesSubordinates},
     * {@code category}, {@code indicator}, {@code value}, {@code previousYearValue}, {@code band}, …).
     */
    List<JsonNode> indicators(String court, String window, YearMonth period);

    /** The open cases of these courts that have a deadline, with days remaining at the report's as-of day. */
    List<OpenCase> openCases(List<String> courts);

    /** The disputes of the court tree with the most case numbers (案-件比 lineage), most first; empty if unknown. */
    List<Lineage> lineage(String court);

    /** One open case. */
    record OpenCase(String caseId, String court, String procedure, LocalDate filedOn, LocalDate deadline,
            int daysRemaining) {
    }

    /** A root dispute and how many case numbers it generated. */
    record Lineage(String rootCaseId, long caseNumbers) {
    }
}
