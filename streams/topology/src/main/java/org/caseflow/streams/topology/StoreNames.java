package org.caseflow.streams.topology;

/**
 * The one place that names state stores, processors and internal topics. Tests import these so that a
 * rename is a deliberate change (see the golden {@code describe()} test). The keys described here that have parts
 * are written and read through {@link StoreKeys}.
 */
public final class StoreNames {
    /** caseId → case state (where the fold of its events stands, deadline version, firing alerts): StoredCase. */
    public static final String CASES = "case-store";
    /** caseId → its alert acknowledgements, JSON list of AlertAck (AlertAckProcessor; in the case sub-topology). */
    public static final String ALERT_ACKS = "alert-ack-store";
    /** "caseId|eventId" → the accepted event (Avro single-object): duplicates, and the history for a refold. */
    public static final String CASE_EVENTS = "case-event-store";
    /** "%019d" sequence → input record held back on event time while due timers drain (HeldEvents). */
    public static final String HELD_EVENTS = "held-event-store";
    /** "%019d" sequence → input record waiting at a local midnight for the other inputs (OrderBarrier). */
    public static final String ORDER_BARRIER = "order-barrier-store";
    /** "dueMillis|caseId" → timer kind: the time-indexed index of what is due, read by the tick. */
    public static final String DUE_INDEX = "due-index-store";
    /** "court|deadlineEpochDay|caseId" → "": open cases of a court by deadline, for the at-risk list. */
    public static final String DEADLINE_INDEX = "deadline-index-store";
    /**
     * "court|court|CATEGORY|yyyy-MM" or "...|total" (the facts' court alone, as ledger keys) → PendingLedger bytes:
     * what the facts of one case partition add, not yet sent on as deltas; plus the aggregator's event clock.
     * Emptied every batch interval.
     */
    public static final String FACT_PENDING = "fact-pending-store";
    /** "scope|tree|CATEGORY|yyyy-MM" or "...|total" → MonthLedger bytes (docs/indicators.md section 1). */
    public static final String INDICATOR_LEDGERS = "indicator-ledger-store";
    /** "scope|tree|CATEGORY|WINDOW|period" → "": indicator periods changed since the last throttled flush. */
    public static final String INDICATOR_DIRTY = "indicator-dirty-store";
    /** "scope|tree|CATEGORY" → "" for every scope ever touched (refresh), plus the event clock. */
    public static final String INDICATOR_SCOPES = "indicator-scope-store";
    /** root caseId → number of case numbers in its lineage (LINEAGE facts, keyed by root: exact). */
    public static final String LINEAGE_COUNTS = "lineage-count-store";
    /** "scope|tree|CATEGORY" → LineageTop bytes: the disputes with the most case numbers. */
    public static final String LINEAGE_TOP = "lineage-top-store";

    /**
     * "recipient||sequence" → a batch of digest feed items: each recipient's entry log, what its digests are computed
     * from ({@link DigestEntryLog}); "recipient|caseId|alertId" → DigestEntry JSON as the build before the log wrote it.
     */
    public static final String DIGEST_ENTRIES = "digest-entry-store";
    /** recipient → DigestRecipient JSON: zone, next day to close, the previous digest of each kind. */
    public static final String DIGEST_RECIPIENTS = "digest-recipient-store";
    /** "source|partition" → the event clock of that case task; "pass" → where closing stands. */
    public static final String DIGEST_CLOCKS = "digest-clock-store";
    /** "recipient|kind|period" → Digest (Avro): the digests produced, for GET /api/v1/digests (interactive queries). */
    public static final String DIGESTS = "digest-store";
    /** Global: "kind/table" → the reference-data record as published (issue 15); fed by caseflow.reference-data. */
    public static final String REFERENCE_DATA = "reference-data-store";

    private StoreNames() {
    }
}
