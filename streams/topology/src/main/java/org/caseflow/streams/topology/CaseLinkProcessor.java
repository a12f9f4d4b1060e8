package org.caseflow.streams.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseLink;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.indicators.SignedFact;

/**
 * Attributes derived cases to their origin. Reads {@link TopicNames#caseLinks()} (keyed by the
 * origin caseId, co-partitioned with the inputs, so the origin's state is local); reads and writes
 * {@link StoreNames#CASES}; forwards facts to the in-process {@link Names#FACT_AGGREGATOR} and refused links to
 * {@link Names#DEAD_LETTER_SINK}. This is the repartition-by-origin that lets an appeal filed at the
 * intermediate court count in the first-instance court's appeal rate.
 */
final class CaseLinkProcessor implements Processor<String, CaseLink, String, Object> {
    private final CaseEngine engine;
    private final ProcessingMetrics metrics;
    private final String linksTopic;
    private final JsonSerde<CaseLink> json = new JsonSerde<>(CaseLink.class);
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CaseRecord> cases;

    CaseLinkProcessor(CaseEngine engine, ProcessingMetrics metrics, String linksTopic) {
        this.engine = engine;
        this.metrics = metrics;
        this.linksTopic = linksTopic;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.cases = context.getStateStore(StoreNames.CASES);
    }

    @Override
    public void process(Record<String, CaseLink> record) {
        CaseLink link = record.value();
        if (link == null) {
            return;
        }
        CaseRecord origin = cases.get(link.originCaseId());
        CaseState before = origin == null ? null : origin.state();
        CaseEngine.LinkResult result = engine.onLink(before, link);
        if (origin != null && result.state() != null && result.state() != before) {
            cases.put(link.originCaseId(), new CaseRecord(result.state(), origin.events()));
        }
        for (SignedFact fact : result.facts()) {
            context.forward(new Record<String, Object>(fact.fact().caseId(), fact, record.timestamp()),
                    Names.FACT_AGGREGATOR);
        }
        if (result.rejection() != null) {
            // The link is written again from its decoded form (links are internal records the app wrote itself).
            context.forward(new Record<String, Object>(link.originCaseId(),
                    json.serializer().serialize(null, link), record.timestamp(),
                    DeadLetters.headers(context, "origin-unknown", result.rejection(),
                            DeadLetters.sourceOf(context, linksTopic), record.timestamp(), null,
                            DeadLetters.ValueForm.RE_ENCODED)),
                    Names.DEAD_LETTER_SINK);
            metrics.deadLetter("origin-unknown");
        }
        metrics.event("links", link.kind().name(), result.rejection() == null ? "applied" : "rejected");
    }
}
