package org.caseflow.streams.topology;

/** Names of the topology's sources, processors and sinks (kebab-case; the golden test pins them). */
public final class Names {
    public static final String FILINGS_SOURCE = "case-filings-source";
    public static final String HEARINGS_SOURCE = "case-hearings-source";
    public static final String ENFORCEMENT_SOURCE = "enforcement-source";
    public static final String CASE_PROCESSOR = "case-processor";
    public static final String REFERENCE_SOURCE = "reference-data-source";
    public static final String REFERENCE_PROCESSOR = "reference-data-processor";
    public static final String ALERTS_SINK = "deadline-alerts-sink";
    public static final String SNAPSHOTS_SINK = "case-snapshots-sink";
    public static final String DEAD_LETTER_SINK = "dead-letters-sink";
    public static final String LINKS_SINK = "case-links-sink";
    public static final String LINKS_SOURCE = "case-links-source";
    public static final String LINK_PROCESSOR = "case-link-processor";
    /** Alert acknowledgements (issue 9) into the ack store, in the case sub-topology. */
    public static final String ACKS_SOURCE = "alert-acks-source";
    public static final String ACK_PROCESSOR = "alert-ack-processor";
    /** Facts from outside the case processor (re-published dead letters) into the fact aggregator. */
    public static final String FACTS_SOURCE = "case-facts-source";
    /** In the case sub-topology: sums the facts of its partition per court and category. */
    public static final String FACT_AGGREGATOR = "fact-aggregator";
    public static final String DELTAS_SINK = "indicator-deltas-sink";
    public static final String LINEAGE_FACTS_SINK = "lineage-facts-sink";
    public static final String FACT_DEAD_LETTER_SINK = "fact-dead-letters-sink";
    public static final String LINEAGE_FACTS_SOURCE = "lineage-facts-source";
    public static final String LINEAGE_PROCESSOR = "lineage-processor";
    public static final String LINEAGE_UPDATES_SINK = "lineage-updates-sink";
    public static final String LINEAGE_DEAD_LETTER_SINK = "lineage-dead-letters-sink";
    public static final String DELTAS_SOURCE = "indicator-deltas-source";
    public static final String INDICATOR_PROCESSOR = "indicator-processor";
    public static final String INDICATORS_SINK = "indicators-sink";
    public static final String INDICATOR_DEAD_LETTER_SINK = "indicator-dead-letters-sink";

    /** Digests (issue 9): alerts, acks and event clocks re-keyed by recipient, then the digest processor. */
    public static final String DIGEST_ROUTER = "digest-router";
    public static final String DIGEST_FEED_SINK = "digest-feed-sink";
    public static final String DIGEST_FEED_SOURCE = "digest-feed-source";
    public static final String DIGEST_PROCESSOR = "digest-processor";
    public static final String DIGESTS_SINK = "digests-sink";

    private Names() {
    }
}
