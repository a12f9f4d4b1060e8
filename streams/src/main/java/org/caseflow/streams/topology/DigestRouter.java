package org.caseflow.streams.topology;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.notify.AlertAck;

/**
 * In the case sub-topology (one task per case partition): re-keys what the digests need by recipient, onto
 * {@link TopicNames#digestFeed()}. An alert goes to each role of its {@code escalateTo} and to {@code court:<court>};
 * {@link StoreNames#DIGEST_ROUTES} remembers where a FIRING alert went, so its RESOLVED reaches the same recipients
 * (a judge reassigned in between still sees the case leave their digest) and so do the alert's acknowledgements. The
 * case processor's event clock ({@link DigestClock}) goes to every feed partition: the digest processor closes a
 * period only when every case task has passed its end.
 */
final class DigestRouter implements Processor<String, Object, String, DigestFeed> {
    static final String COURT_PREFIX = "court:";
    private ProcessorContext<String, DigestFeed> context;
    private KeyValueStore<String, String> routes;

    @Override
    public void init(ProcessorContext<String, DigestFeed> context) {
        this.context = context;
        this.routes = context.getStateStore(StoreNames.DIGEST_ROUTES);
    }

    @Override
    public void process(Record<String, Object> record) {
        long ts = record.timestamp();
        if (record.value() instanceof DeadlineAlert alert) {
            route(alert, ts);
        } else if (record.value() instanceof AlertAck ack) {
            String stored = routes.get(ack.alertId());
            if (stored != null) { // else not firing (resolved, or never raised): nothing in a digest to mark
                long at = ack.ackedAt() == null ? ts : ack.ackedAt().toEpochMilli();
                for (String recipient : stored.split("\n")) {
                    context.forward(new Record<>(recipient, DigestFeed.ack(recipient, ack, at), ts));
                }
            }
        } else if (record.value() instanceof DigestClock clock) {
            int partition = context.taskId().partition();
            context.forward(new Record<>("clock@" + partition, DigestFeed.clock(partition, clock.at().toEpochMilli()), ts));
        }
    }

    private void route(DeadlineAlert alert, long ts) {
        Set<String> recipients = new LinkedHashSet<>(alert.getEscalateTo());
        recipients.add(COURT_PREFIX + alert.getCourt());
        String stored = routes.get(alert.getAlertId());
        if (stored != null) {
            recipients.addAll(Arrays.asList(stored.split("\n")));
        }
        if (alert.getStatus() == AlertStatus.FIRING) {
            routes.put(alert.getAlertId(), String.join("\n", recipients));
        } else {
            routes.delete(alert.getAlertId());
        }
        for (String recipient : recipients) {
            context.forward(new Record<>(recipient, DigestFeed.alert(recipient, alert, ts), ts));
        }
    }
}
