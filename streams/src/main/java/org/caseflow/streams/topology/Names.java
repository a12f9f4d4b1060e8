package org.caseflow.streams.topology;

/** Names of the topology's sources, processors and sinks (kebab-case; the golden test pins them). */
public final class Names {
    public static final String FILINGS_SOURCE = "case-filings-source";
    public static final String HEARINGS_SOURCE = "case-hearings-source";
    public static final String ENFORCEMENT_SOURCE = "enforcement-source";
    public static final String CASE_PROCESSOR = "case-processor";
    public static final String ALERTS_SINK = "deadline-alerts-sink";
    public static final String SNAPSHOTS_SINK = "case-snapshots-sink";
    public static final String DEAD_LETTER_SINK = "dead-letters-sink";
    public static final String LINKS_SINK = "case-links-sink";
    public static final String LINKS_SOURCE = "case-links-source";
    public static final String LINK_PROCESSOR = "case-link-processor";
    public static final String FACTS_SINK = "case-facts-sink";
    public static final String FACTS_SOURCE = "case-facts-source";
    public static final String INDICATOR_PROCESSOR = "indicator-processor";
    public static final String INDICATORS_SINK = "indicators-sink";
    public static final String INDICATOR_DEAD_LETTER_SINK = "indicator-dead-letters-sink";

    private Names() {
    }
}
