package org.caseflow.streams.runtime.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.AlertBroadcaster;
import org.caseflow.streams.runtime.jsonl.OutputJson;
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
    private volatile boolean running = true;

    public AlertTopicTail(CaseflowConfig config, AlertBroadcaster alerts) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), CaseflowSerdes.deadlineAlert().deserializer());
        String topic = config.topics().deadlineAlerts();
        this.thread = new Thread(() -> run(topic, alerts), "alert-tail");
        thread.setDaemon(true);
    }

    public AlertTopicTail start() {
        thread.start();
        return this;
    }

    private void run(String topic, AlertBroadcaster alerts) {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions); // live stream: only alerts raised from now on
            while (running) {
                for (ConsumerRecord<String, DeadlineAlert> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        alerts.publish(OutputJson.toJson(record.value()));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("alert stream stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
