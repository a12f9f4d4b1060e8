package org.caseflow.streams.runtime.jsonl;

import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.IndicatorValue;

/**
 * The JSON-lines output forms of DESIGN.md section 7 (case, alert, indicator): the contract
 * fields first in the documented order, then extra fields. Deterministic: the same record always
 * gives the same bytes. Each method returns one line without its terminator.
 */
public final class OutputJson {
    private OutputJson() {
    }

    /** Case form, from the compacted case-snapshots record. */
    public static String toJson(CaseSnapshot c) {
        return new JsonLine()
                .text("caseId", c.getCaseId())
                .text("court", c.getCourt())
                .text("procedure", c.getProcedure())
                .text("status", c.getStatus())
                .date("filedOn", c.getFiledOn())
                .date("deadline", c.getDeadline())
                .number("excludedDays", c.getExcludedDays())
                .text("extendedBy", c.getExtendedBy())
                .date("closedOn", c.getClosedOn())
                .bool("onTime", c.getOnTime())
                .number("deadlineVersion", c.getDeadlineVersion())
                .bool("clockStopped", c.getClockStopped())
                .text("disposition", c.getDisposition())
                .text("judge", c.getJudge())
                .text("division", c.getDivision())
                .text("originCaseId", c.getOriginCaseId())
                .texts("explanation", c.getExplanation())
                .texts("flags", c.getFlags())
                .instant("updatedAt", c.getUpdatedAt())
                .end();
    }

    /** Alert form, as published on the deadline-alerts topic. */
    public static String toJson(DeadlineAlert a) {
        return new JsonLine()
                .text("alertId", a.getAlertId())
                .text("caseId", a.getCaseId())
                .text("court", a.getCourt())
                .text("level", a.getLevel())
                .text("status", a.getStatus())
                .date("deadline", a.getDeadline())
                .number("daysRemaining", a.getDaysRemaining())
                .instant("raisedAt", a.getRaisedAt())
                .texts("escalateTo", a.getEscalateTo())
                .text("procedure", a.getProcedure())
                .number("deadlineVersion", a.getDeadlineVersion())
                .text("judge", a.getJudge())
                .end();
    }

    /** Indicator form; ratios without a denominator are null. */
    public static String toJson(IndicatorValue i) {
        return new JsonLine()
                .text("scope", i.getScope())
                .bool("includesSubordinates", i.getIncludesSubordinates())
                .text("category", i.getCategory())
                .text("indicator", i.getIndicator())
                .text("window", i.getWindow())
                .text("period", i.getPeriod())
                .number("value", i.getValue())
                .number("numerator", i.getNumerator())
                .number("denominator", i.getDenominator())
                .number("previousYearValue", i.getPreviousYearValue())
                .text("band", i.getBand())
                .instant("computedAt", i.getComputedAt())
                .end();
    }
}
