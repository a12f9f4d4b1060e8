package org.caseflow.streams.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.caseflow.streams.domain.notify.AlertAck;

/**
 * In the case sub-topology (one task per case partition): re-keys what the digests need by recipient, onto
 * {@link TopicNames#digestFeed()}. An alert goes to each role of its {@code escalateTo}, to the roles it fired to (a
 * RESOLVED after a reassignment) and to {@code court:<court>}; an acknowledgement to the recipients of the alert it
 * acknowledges ({@link DigestRoute}: the case record keeps where each firing alert went, so this router keeps no
 * store). What one call of the case processor routed ({@link DigestRoutes}) leaves as one feed record per recipient
 * ({@link DigestFeed#BATCH}, at most {@link #BATCH_ITEMS} items each, in the order raised). The case processor's event
 * clock ({@link DigestClock}) goes to every feed partition: the digest processor closes a period only when every case
 * task has passed its end.
 */
final class DigestRouter implements Processor<String, Object, String, DigestFeed> {
    /** Items per feed record: a court's share of a 20,000-crossing step stays far below Kafka's 1 MiB record limit. */
    static final int BATCH_ITEMS = 500;
    private ProcessorContext<String, DigestFeed> context;

    @Override
    public void init(ProcessorContext<String, DigestFeed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Object> record) {
        long ts = record.timestamp();
        if (record.value() instanceof DigestRoutes routes) {
            Map<String, List<DigestFeed>> byRecipient = new LinkedHashMap<>();
            for (DigestRoute route : routes.routes()) {
                for (String recipient : route.recipients()) {
                    byRecipient.computeIfAbsent(recipient, r -> new ArrayList<>()).add(item(recipient, route));
                }
            }
            byRecipient.forEach((recipient, items) -> {
                for (int from = 0; from < items.size(); from += BATCH_ITEMS) {
                    List<DigestFeed> part = items.subList(from, Math.min(items.size(), from + BATCH_ITEMS));
                    context.forward(new Record<>(recipient, DigestFeed.batch(recipient, part), ts));
                }
            });
        } else if (record.value() instanceof DigestClock clock) {
            int partition = context.taskId().partition();
            context.forward(new Record<>("clock@" + partition, DigestFeed.clock(partition, clock.at().toEpochMilli()), ts));
        }
    }

    private static DigestFeed item(String recipient, DigestRoute route) {
        if (route.alert() != null) {
            return DigestFeed.alert(recipient, route.alert(), route.at());
        }
        AlertAck ack = route.ack();
        return DigestFeed.ack(recipient, ack, ack.ackedAt() == null ? route.at() : ack.ackedAt().toEpochMilli());
    }
}
