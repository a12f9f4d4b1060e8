package org.caseflow.streams.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Kafka client meters reach /metrics at each recording level (the bulk of the metrics budget). */
class KafkaMeterFilterTest {
    private static final List<String> CONSUMED = List.of("courts.case-filings", "caseflow.case-links");
    private static final String MAIN = "caseflow-1f-StreamThread-1-consumer";

    private static Meter.Id id(String name, String... tags) {
        return new Meter.Id(name, Tags.of(tags), null, null, Meter.Type.GAUGE);
    }

    private static MeterFilterReply at(String level, Meter.Id id) {
        return new KafkaMeterFilter(level, CONSUMED).accept(id);
    }

    @Test
    void shouldKeepWhatDashboardsAndRulesUseAtInfo() {
        for (Meter.Id kept : List.of(
                id("kafka.consumer.fetch.manager.records.lag", "client.id", MAIN, "topic", "courts.case-filings",
                        "partition", "0"),
                id("kafka.stream.alive.stream.threads", "client.id", "caseflow-1f"),
                id("kafka.stream.thread.thread.state", "thread.id", "caseflow-1f-StreamThread-1"),
                id("kafka.stream.client.state", "client.id", "caseflow-1f"),
                id("kafka.stream.task.process.total", "task.id", "0_1"),
                id("kafka.stream.state.updater.active.restoring.tasks", "thread.id", "caseflow-1f-StateUpdater-1"),
                id("kafka.consumer.coordinator.rebalance.total", "client.id", MAIN),
                id("kafka.producer.txn.abort.time.ns.total", "client.id", "caseflow-1f-StreamThread-1-producer"),
                id("caseflow.dead.letters", "reason", "x"),
                id("jvm.memory.used", "area", "heap"))) {
            assertThat(at("INFO", kept)).as(kept.toString()).isEqualTo(MeterFilterReply.NEUTRAL);
        }
    }

    @Test
    void shouldDropPerStoreNodeTopicAndBrokerMetricsAtInfoOnly() {
        for (Meter.Id dropped : List.of(
                id("kafka.stream.state.put.rate", "rocksdb.state.id", "case-store", "task.id", "0_1"),
                id("kafka.stream.processor.node.record.e2e.latency.max", "processor.node.id", "x"),
                id("kafka.stream.record.cache.hit.ratio.avg", "record.cache.id", "x"),
                id("kafka.stream.topic.records.consumed.total", "topic", "courts.case-filings"),
                id("kafka.stream.task.punctuate.rate", "task.id", "0_1"),
                id("kafka.consumer.fetch.manager.records.lead", "client.id", MAIN, "topic", "courts.case-filings",
                        "partition", "0"),
                id("kafka.consumer.fetch.manager.bytes.consumed.rate", "client.id", MAIN, "topic",
                        "courts.case-filings"),
                id("kafka.consumer.node.request.latency.avg", "client.id", MAIN, "node.id", "node-1"),
                id("kafka.producer.topic.record.send.total", "topic", "caseflow.deadline-alerts"),
                id("kafka.admin.client.request.total", "client.id", "caseflow-1f-admin"),
                id("kafka.consumer.coordinator.rebalance.total", "client.id",
                        "caseflow-1f-StateUpdater-1-restore-consumer"))) {
            assertThat(at("INFO", dropped)).as(dropped.toString()).isEqualTo(MeterFilterReply.DENY);
            assertThat(at("DEBUG", dropped)).as("asked for at DEBUG: " + dropped).isEqualTo(MeterFilterReply.NEUTRAL);
        }
    }

    @Test
    void shouldDropTheDeprecatedUnderscoreDuplicatesOfConsumedTopicsAtEveryLevel() {
        Meter.Id deprecated = id("kafka.consumer.fetch.manager.records.lag", "client.id", MAIN, "topic",
                "courts_case-filings", "partition", "0");
        assertThat(at("INFO", deprecated)).isEqualTo(MeterFilterReply.DENY);
        assertThat(at("DEBUG", deprecated)).isEqualTo(MeterFilterReply.DENY);
        Meter.Id ownName = id("kafka.consumer.fetch.manager.records.lag", "client.id", MAIN, "topic",
                "my_topic", "partition", "0");
        assertThat(at("DEBUG", ownName)).as("a topic really named with underscores").isEqualTo(MeterFilterReply.NEUTRAL);
    }
}
