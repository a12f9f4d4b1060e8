package org.caseflow.streams.runtime.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.AlertBroadcaster;
import org.caseflow.streams.runtime.jsonl.OutputJson;
import org.caseflow.streams.topology.Topic;
import org.caseflow.streams.topology.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@code /api/v1/alerts/stream}: tails the committed end of the deadline-alerts topic (all
 * partitions, no consumer group, {@code read_committed}) and publishes each alert's JSON form. Reading
 * the topic rather than the local tasks means a client connected to any instance sees every alert,
 * and never one from a transaction that was later aborted.
 */
public final class AlertTopicTail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertTopicTail.class);

    private final KafkaConsumer<String, DeadlineAlert> consumer;
    private final Thread thread;
    private final MeterRegistry registry;
    private volatile boolean running = true;

    public AlertTopicTail(CaseflowConfig config, AlertBroadcaster alerts) {
        this(config, alerts, null);
    }

    /**
     * @param registry where {@code caseflow_alerts_committed_total{level,status}} counts the alerts this tail
     *                 reads: committed ones only (read_committed), unlike {@code caseflow_alerts_total}, which
     *                 counts every alert the processor produced, those of aborted transactions included
     */
    public AlertTopicTail(CaseflowConfig config, AlertBroadcaster alerts, MeterRegistry registry) {
        this.registry = registry;
        if (registry != null) {
            // At 0 from start-up, like caseflow_alerts_total: a panel shows 0 rather than no data.
            for (AlertLevel level : AlertLevel.values()) {
                for (AlertStatus status : AlertStatus.values()) {
                    committed(level.name(), status.name());
                }
            }
        }
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Topic<String, DeadlineAlert> alertTopic = new Topics(config.topics().names()).deadlineAlerts();
        this.consumer = new KafkaConsumer<>(props, alertTopic.keyDeserializer(), alertTopic.valueDeserializer());
        String topic = alertTopic.name();
        this.thread = new Thread(() -> run(topic, alerts), "alert-tail");
        thread.setDaemon(true);
    }

    public AlertTopicTail start() {
        thread.start();
        return this;
    }

    /** Longest pause between attempts when the topic cannot be read (broker down, topic missing). */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private void run(String topic, AlertBroadcaster alerts) {
        Duration backoff = Duration.ofSeconds(1);
        try {
            while (running) {
                try {
                    tail(topic, alerts);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // A broker that is down at start, or a topic not created yet, must not end the feed
                    // for good: the SSE clients would wait for nothing while the app looks healthy.
                    LOG.warn("alert stream interrupted ({}); retrying in {} s", e.toString(), backoff.toSeconds());
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Assigns every partition of the topic at its end and publishes what arrives, until closed. */
    private void tail(String topic, AlertBroadcaster alerts) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions yet");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions); // live stream: only alerts raised from now on
        Map<Integer, Long> start = new HashMap<>();
        partitions.forEach(p -> start.put(p.partition(), consumer.position(p)));
        alerts.following(start); // clients resuming from before this point are told of the gap
        LOG.info("alert stream following {} partitions of {}", partitions.size(), topic);
        while (running) {
            for (ConsumerRecord<String, DeadlineAlert> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() != null) {
                    alerts.publish(record.partition(), record.offset(), OutputJson.toJson(record.value()));
                    countCommitted(record.value());
                }
            }
        }
    }

    private void countCommitted(DeadlineAlert alert) {
        if (registry != null) {
            committed(alert.getLevel().name(), alert.getStatus().name()).increment();
        }
    }

    private Counter committed(String level, String status) {
        return registry.counter("caseflow.alerts.committed", "level", level, "status", status);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
