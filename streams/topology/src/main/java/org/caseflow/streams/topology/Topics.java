package org.caseflow.streams.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Digest;
import org.caseflow.events.IndicatorValue;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.cases.CaseLink;
import org.caseflow.streams.domain.indicators.SignedFact;
import org.caseflow.streams.domain.notify.AlertAck;

/**
 * Caseflow's topics with their serdes (DESIGN.md section 4), built from the {@link TopicNames} of one deployment: the
 * topology's sinks, the runtime's producers and consumers and the tests' topic handles all take a topic from here, so a
 * topic's name and its serdes cannot part. Every key is a string (a caseId, a scope, a recipient...).
 *
 * <p>Where a reader must see the bytes as they came (to dead-letter what it cannot read), the topology wires a raw
 * deserializer on purpose; the topic still says what its values are.
 */
public final class Topics {
    public static final Topics DEFAULT = new Topics(TopicNames.DEFAULT);

    private final TopicNames names;
    private final Topic<String, CaseEvent> caseFilings;
    private final Topic<String, CaseEvent> caseHearings;
    private final Topic<String, CaseEvent> enforcement;
    private final Topic<String, DeadlineAlert> deadlineAlerts;
    private final Topic<String, IndicatorValue> indicators;
    private final Topic<String, CaseSnapshot> caseSnapshots;
    private final Topic<String, byte[]> deadLetters;
    private final Topic<String, CaseLink> caseLinks;
    private final Topic<String, SignedFact> caseFacts;
    private final Topic<String, byte[]> indicatorDeltas;
    private final Topic<String, SignedFact> lineageFacts;
    private final Topic<String, byte[]> notifyDeadLetters;
    private final Topic<String, AlertAck> alertAcks;
    private final Topic<String, Digest> digests;
    private final Topic<String, DigestFeed> digestFeed;
    private final Topic<String, byte[]> referenceData;

    public Topics(TopicNames names) {
        this.names = names;
        this.caseFilings = topic(names.caseFilings(), CaseflowSerdes.caseEvent());
        this.caseHearings = topic(names.caseHearings(), CaseflowSerdes.caseEvent());
        this.enforcement = topic(names.enforcement(), CaseflowSerdes.caseEvent());
        this.deadlineAlerts = topic(names.deadlineAlerts(), CaseflowSerdes.deadlineAlert());
        this.indicators = topic(names.indicators(), CaseflowSerdes.indicatorValue());
        this.caseSnapshots = topic(names.caseSnapshots(), CaseflowSerdes.caseSnapshot());
        // Dead letters keep the original value bytes, whatever they were.
        this.deadLetters = topic(names.deadLetters(), Serdes.ByteArray());
        this.caseLinks = topic(names.caseLinks(), new JsonSerde<>(CaseLink.class));
        this.caseFacts = topic(names.caseFacts(), new SignedFactSerde());
        // Binary and versioned by IndicatorDeltas (a ledger delta or a lineage update), encoded by the processors.
        this.indicatorDeltas = topic(names.indicatorDeltas(), Serdes.ByteArray());
        this.lineageFacts = topic(names.lineageFacts(), new SignedFactSerde());
        this.notifyDeadLetters = topic(names.notifyDeadLetters(), Serdes.ByteArray());
        this.alertAcks = topic(names.alertAcks(), new JsonSerde<>(AlertAck.class));
        this.digests = topic(names.digests(), CaseflowSerdes.digest());
        this.digestFeed = topic(names.digestFeed(), new DigestFeedSerde());
        // ReferenceRecord JSON; the global store keeps the bytes as published and the processor reads them.
        this.referenceData = topic(names.referenceData(), Serdes.ByteArray());
    }

    private static <V> Topic<String, V> topic(String name, Serde<V> values) {
        return new Topic<>(name, Serdes.String(), values);
    }

    /** The names alone (topic creation, ACLs, lists of inputs). */
    public TopicNames names() {
        return names;
    }

    public Topic<String, CaseEvent> caseFilings() {
        return caseFilings;
    }

    public Topic<String, CaseEvent> caseHearings() {
        return caseHearings;
    }

    public Topic<String, CaseEvent> enforcement() {
        return enforcement;
    }

    public Topic<String, DeadlineAlert> deadlineAlerts() {
        return deadlineAlerts;
    }

    public Topic<String, IndicatorValue> indicators() {
        return indicators;
    }

    public Topic<String, CaseSnapshot> caseSnapshots() {
        return caseSnapshots;
    }

    /** Original key and value bytes of every rejected record, the reason in headers. */
    public Topic<String, byte[]> deadLetters() {
        return deadLetters;
    }

    public Topic<String, CaseLink> caseLinks() {
        return caseLinks;
    }

    public Topic<String, SignedFact> caseFacts() {
        return caseFacts;
    }

    public Topic<String, byte[]> indicatorDeltas() {
        return indicatorDeltas;
    }

    public Topic<String, SignedFact> lineageFacts() {
        return lineageFacts;
    }

    public Topic<String, byte[]> notifyDeadLetters() {
        return notifyDeadLetters;
    }

    public Topic<String, AlertAck> alertAcks() {
        return alertAcks;
    }

    public Topic<String, Digest> digests() {
        return digests;
    }

    public Topic<String, DigestFeed> digestFeed() {
        return digestFeed;
    }

    public Topic<String, byte[]> referenceData() {
        return referenceData;
    }
}
