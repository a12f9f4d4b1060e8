package org.caseflow.streams.topology;

import java.util.List;

/**
 * The one place that names Caseflow's topics (DESIGN.md section 4). Input topics keep the
 * {@code courts.} names and output topics the {@code caseflow.} names; a deployment may put a
 * prefix (e.g. {@code prod.}) in front of all of them.
 */
public record TopicNames(String prefix) {
    public static final TopicNames DEFAULT = new TopicNames("");

    public TopicNames {
        prefix = prefix == null ? "" : prefix;
    }

    public String caseFilings() {
        return prefix + "courts.case-filings";
    }

    public String caseHearings() {
        return prefix + "courts.case-hearings";
    }

    public String enforcement() {
        return prefix + "courts.enforcement";
    }

    public String deadlineAlerts() {
        return prefix + "caseflow.deadline-alerts";
    }

    public String indicators() {
        return prefix + "caseflow.indicators";
    }

    public String caseSnapshots() {
        return prefix + "caseflow.case-snapshots";
    }

    public String deadLetters() {
        return prefix + "caseflow.dead-letters";
    }

    /**
     * Internal: links from a derived case (appeal, retrial review, enforcement...) to its origin case,
     * keyed by the origin's caseId. Co-partitioned with the inputs, read back by the case processor.
     */
    public String caseLinks() {
        return prefix + "caseflow.case-links";
    }

    /**
     * Internal input: indicator facts (SignedFact JSON, any key) that do not come from the case processor, which
     * hands its facts to the fact aggregator in-process: a re-published dead letter, a repair. Read by the fact
     * aggregator in the case sub-topology.
     */
    public String caseFacts() {
        return prefix + "caseflow.case-facts";
    }

    /**
     * Internal: summed ledger deltas and lineage top updates keyed by indicator scope ({@code court|tree|CATEGORY}),
     * so the scopes of one province or of the nation spread over every partition.
     */
    public String indicatorDeltas() {
        return prefix + "caseflow.indicator-deltas";
    }

    /** Internal: LINEAGE facts keyed by their root caseId, so one task owns each root's exact count. */
    public String lineageFacts() {
        return prefix + "caseflow.lineage-facts";
    }

    /** Deliveries {@code caseflow notify} gave up, keyed by alertId, with the reason in headers (DESIGN.md section 9). */
    public String notifyDeadLetters() {
        return prefix + "caseflow.notify-dead-letters";
    }

    /** Input: alert acknowledgements (AlertAck JSON) keyed by caseId, co-partitioned with the inputs (DESIGN.md section 9). */
    public String alertAcks() {
        return prefix + "caseflow.alert-acks";
    }

    /**
     * Digests (Avro Digest), compacted, keyed {@code recipient|kind|period}, e.g. {@code judge:J-湘0211-07|day|2025-05-19}
     * (DESIGN.md section 9).
     */
    public String digests() {
        return prefix + "caseflow.digests";
    }

    /**
     * Internal: alerts, acknowledgements and event clocks of the case tasks (DigestFeed JSON) keyed by recipient, for
     * the digest processor; clocks go to every partition.
     */
    public String digestFeed() {
        return prefix + "caseflow.digest-feed";
    }

    /**
     * Input, compacted: published reference data (issue 15), key {@code kind/table} ({@code calendar/CN},
     * {@code rules/trial-limits}), value the chain of versions in force (ReferenceRecord JSON). Read whole by every
     * instance (a global store); written by {@code caseflow reference publish} only.
     */
    public String referenceData() {
        return prefix + "caseflow.reference-data";
    }

    /** The three co-partitioned input topics. */
    public List<String> inputs() {
        return List.of(caseFilings(), caseHearings(), enforcement());
    }

    /** Topics the app only reads (its principal needs no WRITE): the three inputs and the published reference data. */
    public List<String> readOnly() {
        return List.of(caseFilings(), caseHearings(), enforcement(), referenceData());
    }

    /** Output topics that keep only the latest value per key. */
    public List<String> compacted() {
        return List.of(indicators(), caseSnapshots(), digests(), referenceData());
    }

    public List<String> all() {
        return List.of(caseFilings(), caseHearings(), enforcement(), deadlineAlerts(), indicators(),
                caseSnapshots(), deadLetters(), caseLinks(), caseFacts(), indicatorDeltas(), lineageFacts(),
                notifyDeadLetters(), alertAcks(), digests(), digestFeed(), referenceData());
    }

    /** Internal topics the topology writes and reads back. */
    public List<String> readBack() {
        return List.of(caseLinks(), caseFacts(), indicatorDeltas(), lineageFacts(), alertAcks(), digestFeed());
    }

    /** Topics that must have exactly as many partitions as the inputs (same key space: caseId). */
    public List<String> coPartitioned() {
        return List.of(caseFilings(), caseHearings(), enforcement(), caseLinks(), alertAcks());
    }
}
