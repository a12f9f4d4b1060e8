package org.caseflow.streams.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.notify.AlertAck;

/**
 * In the case sub-topology (one task per case partition): re-keys what the digests need by recipient, onto
 * {@link TopicNames#digestFeed()}. An alert goes to each role of its {@code escalateTo}, to the roles it fired to (a
 * RESOLVED after a reassignment) and to {@code court:<court>}; an acknowledgement to the recipients of the alert it
 * acknowledges ({@link DigestRoute}: the case record keeps where each firing alert went, so this router keeps no
 * store). The case processor's event clock ({@link DigestClock}) goes to every feed partition: the digest processor
 * closes a period only when every case task has passed its end.
 */
final class DigestRouter implements Processor<String, Object, String, DigestFeed> {
    static final String COURT_PREFIX = DigestRoute.COURT_PREFIX;
    private ProcessorContext<String, DigestFeed> context;

    @Override
    public void init(ProcessorContext<String, DigestFeed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Object> record) {
        long ts = record.timestamp();
        if (record.value() instanceof DigestRoute route) {
            if (route.alert() != null) {
                DeadlineAlert alert = route.alert();
                for (String recipient : route.recipients()) {
                    context.forward(new Record<>(recipient, DigestFeed.alert(recipient, alert, ts), ts));
                }
            } else {
                AlertAck ack = route.ack();
                long at = ack.ackedAt() == null ? ts : ack.ackedAt().toEpochMilli();
                for (String recipient : route.recipients()) {
                    context.forward(new Record<>(recipient, DigestFeed.ack(recipient, ack, at), ts));
                }
            }
        } else if (record.value() instanceof DigestClock clock) {
            int partition = context.taskId().partition();
            context.forward(new Record<>("clock@" + partition, DigestFeed.clock(partition, clock.at().toEpochMilli()), ts));
        }
    }
}
