package org.caseflow.streams.domain.deadline;

import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.ConversionRule;

/**
 * The general counting articles cited in explanation lines. Procedure-specific articles come from the
 * rule table; these are the rules on counting periods that apply to every procedure of a category.
 */
final class Citations {
    private Citations() {
    }

    /** Start day not counted, last day on a rest day moves (CPL 85; CrPL 105 for criminal cases). */
    static String periods(Category category) {
        return category == Category.CRIMINAL ? "CrPL 105" : "CPL 85";
    }

    static String conversion(ConversionRule rule, Category category) {
        if (rule == ConversionRule.FROM_CONVERSION) {
            return "CrPL Interp. 368, 376";
        }
        return category == Category.ADMINISTRATIVE ? "ALL Interp. 105" : "CPL Interp. 258";
    }

    static final String RESTART = "CrPL 208, 241";
    static final String FOREIGN_RELATED = "CPL 287";
    /** Requests reach the president at least 15 days before expiry and are decided at least 5 days before. */
    static final String EXTENSION_TIMING = "SPC 2019 rule on extensions";
}
