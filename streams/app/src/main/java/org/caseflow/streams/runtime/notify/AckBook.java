package org.caseflow.streams.runtime.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.domain.notify.AlertAck;
import org.caseflow.streams.topology.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who acknowledged which case, read from {@code caseflow.alert-acks} (all partitions, from the beginning, no group) by
 * a thread of its own. Notify consults it where alerts meet recipients: a FIRING OVERDUE reminder of a case is not sent
 * to a recipient who acknowledged an alert of that case (DESIGN.md section 9). Everything else (BREACHED, RESOLVED, other
 * recipients, the alerts topic itself) is untouched. Acks arrive days before the next weekly reminder, so reading them
 * alongside the alerts, rather than in the alerts' order, is enough; the store in the streams app is the record.
 */
final class AckBook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AckBook.class);

    private final Map<String, Set<String>> ackedBy = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final KafkaConsumer<String, AlertAck> consumer;
    private final String topic;
    private final Thread thread;
    private volatile boolean running = true;

    AckBook(Map<String, Object> props, Topic<String, AlertAck> topic) {
        this.consumer = new KafkaConsumer<>(props, topic.keyDeserializer(), topic.valueDeserializer());
        this.topic = topic.name();
        this.thread = new Thread(this::read, "notify-acks");
        thread.setDaemon(true);
    }

    AckBook start() {
        thread.start();
        return this;
    }

    boolean suppresses(DeadlineAlert alert, String recipient) {
        return alert.getLevel() == AlertLevel.OVERDUE && alert.getStatus() == AlertStatus.FIRING
                && ackedBy.getOrDefault(alert.getCaseId(), Set.of()).contains(recipient);
    }

    int size() {
        return count.get();
    }

    private void read() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, AlertAck> r : consumer.poll(Duration.ofMillis(500))) {
                    AlertAck ack = r.value();
                    if (ack != null && ack.caseId() != null && ack.by() != null
                            && ackedBy.computeIfAbsent(ack.caseId(), k -> ConcurrentHashMap.newKeySet()).add(ack.by())) {
                        count.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            // An unreadable ack (the streams app dead-letters those) or Kafka trouble: reminders are then sent, not lost.
            LOG.error("reading {} stopped: OVERDUE reminders are no longer suppressed by acknowledgements", topic, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
