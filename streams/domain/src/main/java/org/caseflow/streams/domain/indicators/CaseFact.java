package org.caseflow.streams.domain.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.caseflow.streams.domain.cases.Disposition;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;

/**
 * One countable fact about a case, emitted by the case topology and counted by {@link Effects}. A late correction
 * is the same fact applied with sign −1 (see {@link Effects#of(CaseFact, int)}).
 *
 * @param kind         what happened
 * @param caseId       the case (for APPEALED/APPEAL_DECIDED/RETRIAL_PETITIONED: the origin; LINEAGE: the root)
 * @param court        the court the fact is attributed to
 * @param category     the case's category
 * @param instance     where the case sits in its lineage, nullable (a procedure the rule table no longer knows)
 * @param date         the day it happened; its month is the month the fact counts in
 * @param filedOn      filing day of the case (required for CLOSED)
 * @param disposition  how the case was closed, nullable
 * @param onTime       closed on or before the deadline; null when the case has no deadline
 * @param durationDays closed − filed − excluded days (CLOSED only), nullable
 * @param amount       enforcement claim (CLOSED of an enforcement case), nullable
 * @param paidAmount   total paid (CLOSED of an enforcement case), nullable
 * @param flag         kind-specific, see {@link FactKind}
 */
public record CaseFact(FactKind kind, String caseId, String court, Category category, Instance instance, LocalDate date,
                       LocalDate filedOn, Disposition disposition, Boolean onTime, Integer durationDays, BigDecimal amount,
                       BigDecimal paidAmount, boolean flag) {

    public CaseFact {
        String id = kind + " fact for case " + caseId;
        require(id, kind != null, "kind", "missing");
        require(id, caseId != null && !caseId.isBlank(), "caseId", "missing");
        require(id, court != null && !court.isBlank(), "court", "missing");
        require(id, category != null, "category", "missing");
        require(id, date != null, "date", "missing");
        if (kind == FactKind.CLOSED) {
            require(id, filedOn != null, "filedOn", "required for CLOSED");
            require(id, !filedOn.isAfter(date), "filedOn", "after the closing date " + date);
            require(id, durationDays == null || durationDays >= 0, "durationDays", "negative: " + durationDays);
        }
        requireMoney(amount, "amount");
        requireMoney(paidAmount, "paidAmount");
    }

    /** Shorthand for the common case of a fact with no disposition, deadline, duration or money. */
    public static CaseFact simple(FactKind kind, String caseId, String court, Category category, Instance instance,
                                  LocalDate date, boolean flag) {
        return new CaseFact(kind, caseId, court, category, instance, date, null, null, null, null, null, null, flag);
    }

    private static void require(String id, boolean ok, String field, String reason) {
        if (!ok) {
            throw new InvalidFactException("invalid " + id + ": field " + field + " " + reason);
        }
    }

    private static void requireMoney(BigDecimal value, String field) {
        if (value != null && (value.signum() < 0 || value.stripTrailingZeros().scale() > 2)) {
            throw new InvalidFactException("invalid fact: field " + field + " must be a non-negative amount with at"
                    + " most 2 decimals, was " + value);
        }
    }

    /** Money in exact cents; amounts are validated to at most 2 decimals. */
    static long cents(BigDecimal value) {
        return value == null ? 0 : value.movePointRight(2).longValueExact();
    }

    boolean isReversedOrRemanded() {
        return disposition != null && disposition.reversedOrRemanded();
    }
}
