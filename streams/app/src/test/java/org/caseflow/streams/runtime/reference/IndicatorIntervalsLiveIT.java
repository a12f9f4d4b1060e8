package org.caseflow.streams.runtime.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.closed;
import static org.caseflow.streams.domain.cases.TestEvents.filed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.IndicatorValue;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.runtime.ConsoleCapture;
import org.awaitility.core.ConditionTimeoutException;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.ApiCalls;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.caseflow.streams.runtime.kafka.TopicDump;
import org.caseflow.streams.topology.EventRouting;
import org.caseflow.streams.topology.ReferenceFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indicator reference intervals published while the app runs on the embedded broker (issue 15): a version that
 * changes more than interval bounds is refused whole with its reason and nothing reaches the topic; a valid one is
 * picked up without a restart, the periods ending on or after its effectiveFrom are re-published against it, earlier
 * periods keep the seeds' interval, and the interval gauge shows the version in force for the current period.
 *
 * <p>Event time, 2027-02-20. 湘0211 files 2 cases and closes 1 in January, and again in February: a clearance rate
 * (closures / filings, DOMAIN.md section 4) of 0.5 in each month, WORSE against the seeds' illustrative [0.95, 1.05];
 * the published [0.4, 0.6], effective 2027-02-01, makes February IN_RANGE; January stays WORSE.
 */
@Tag("integration")
class IndicatorIntervalsLiveIT {
    static final Instant NOW = TestEvents.at(LocalDate.of(2027, 2, 20));

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    static List<CaseEvent> events() {
        return List.of(filed("i1", "(2027)湘0211民初1号", Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2027, 1, 4)),
                filed("i2", "(2027)湘0211民初2号", Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2027, 1, 5)),
                closed("i3", "(2027)湘0211民初1号", LocalDate.of(2027, 1, 20)),
                filed("i4", "(2027)湘0211民初3号", Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2027, 2, 1)),
                filed("i5", "(2027)湘0211民初4号", Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2027, 2, 2)),
                closed("i6", "(2027)湘0211民初2号", LocalDate.of(2027, 2, 10)));
    }

    @Test
    void shouldRefuseAnInvalidVersionAndRebandThePeriodsANewVersionApplesTo() throws Exception {
        CaseflowConfig config = OverdueInstance.config("refind", dir.resolve("state"),
                Map.of("caseflow.clock.mode", "EVENT_TIME"));
        Path cli = dir.resolve("cli.properties");
        Files.writeString(cli, "kafka.bootstrap.servers=" + config.bootstrapServers() + "\ncaseflow.topic.prefix=refind.\n");
        String referenceTopic = config.topics().names().referenceData();
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();
            publish(config, events());
            ReferencePublishLiveIT.tick(config, NOW);
            awaitBands(config, b -> "0.5 WORSE".equals(b.get("2027-01")) && "0.5 WORSE".equals(b.get("2027-02")));
            String metrics = "http://127.0.0.1:" + config.http().port() + "/metrics";
            awaitText(metrics, m -> m.contains(intervalLow("0.95")));

            // A version that also flips a direction is refused whole, with its reason; the topic stays empty.
            Path invalid = dir.resolve("indicators-bad.yaml");
            Files.write(invalid, new String(ReferenceFiles.indicatorIntervals("2027.1", "2027-02-01", "0.4", "0.6"),
                    StandardCharsets.UTF_8).replaceFirst("direction: HIGHER_IS_BETTER", "direction: LOWER_IS_BETTER")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(CaseflowCli.execute("reference", "publish", invalid.toString(), "--config", cli.toString()))
                    .isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
            assertThat(console.err()).contains(invalid + ": entry 4 (CLEARANCE_RATE): only"
                    + " interval low, high and illustrative can be published live").contains("refused, nothing published");
            assertThat(TopicDump.readAll(config.bootstrapServers(), List.of(referenceTopic),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())).isEmpty();

            Path intervals = dir.resolve("indicators-2027.yaml");
            Files.write(intervals, ReferenceFiles.indicatorIntervals("2027.1", "2027-02-01", "0.4", "0.6"));
            assertThat(CaseflowCli.execute("reference", "publish", intervals.toString(), "--config", cli.toString()))
                    .as(console.err()).isEqualTo(CaseflowCli.EXIT_OK);
            assertThat(console.out()).contains("published indicators/definitions 2027.1"
                    + " (effective 2027-02-01) periods ending on or after it");

            Map<String, String> after = awaitBands(config, b -> "0.5 IN_RANGE".equals(b.get("2027-02")));
            assertThat(after).as("a period ending before the version's effectiveFrom keeps the seeds' interval")
                    .containsEntry("2027-01", "0.5 WORSE");
            awaitText(metrics, m -> m.contains(intervalLow("0.4")));
        }
    }

    /**
     * Publishes each event stamped with its occurredAt, as {@code caseflow produce} does: on event time the fact
     * aggregator's clock is the record timestamps', and a fact more than a month ahead of it is refused.
     */
    static void publish(CaseflowConfig config, List<CaseEvent> events) throws Exception {
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", config.bootstrapServers()), new StringSerializer(),
                CaseflowSerdes.caseEvent().serializer())) {
            for (CaseEvent e : events) {
                producer.send(new ProducerRecord<>(EventRouting.topicFor(e, config.topics().names()), null,
                        e.getOccurredAt().toEpochMilli(), e.getCaseId(), e)).get();
            }
        }
    }

    /** The Prometheus line of the clearance rate's lower bound (default export window ROLLING_12M). */
    private static String intervalLow(String value) {
        return "caseflow_indicator_interval{bound=\"low\",direction=\"HIGHER_IS_BETTER\",indicator=\"CLEARANCE_RATE\","
                + "window=\"ROLLING_12M\"} " + value;
    }

    /** Latest MONTH clearance rate of 湘0211 alone, all categories, per period: "value band". */
    static Map<String, String> bands(CaseflowConfig config) {
        Map<String, String> latest = new TreeMap<>();
        for (ConsumerRecord<String, IndicatorValue> r : TopicDump.readAll(config.bootstrapServers(),
                List.of(config.topics().names().indicators()), CaseflowSerdes.indicatorValue().deserializer())) {
            IndicatorValue v = r.value();
            if (v.getScope().equals("湘0211") && !v.getIncludesSubordinates() && v.getCategory().equals("ALL")
                    && v.getIndicator().equals("CLEARANCE_RATE") && v.getWindow().equals("MONTH")) {
                latest.put(v.getPeriod(), v.getValue() + " " + v.getBand());
            }
        }
        return latest;
    }

    /** The latest band per period once they satisfy {@code done}; the failure shows what the topics hold. */
    static Map<String, String> awaitBands(CaseflowConfig config, Predicate<Map<String, String>> done) {
        try {
            return Waits.await("the indicator bands of 湘0211 as expected").until(() -> bands(config), done);
        } catch (ConditionTimeoutException e) {
            List<String> all = TopicDump.readAll(config.bootstrapServers(), List.of(config.topics().names().indicators()),
                    CaseflowSerdes.indicatorValue().deserializer()).stream().map(r -> r.value())
                    .filter(v -> v.getScope().equals("湘0211") && v.getCategory().equals("ALL")
                            && v.getWindow().equals("MONTH") && !v.getIncludesSubordinates())
                    .map(v -> v.getIndicator() + " " + v.getPeriod() + "=" + v.getValue()).toList();
            throw new AssertionError(e.getMessage() + " " + ReferencePublishLiveIT.snapshots(config).keySet() + " "
                    + all + " DLQ " + TopicDump.readAll(config.bootstrapServers(), List.of(config.topics().names().deadLetters()),
                    new org.apache.kafka.common.serialization.StringDeserializer()).stream().map(r ->
                    new String(r.headers().lastHeader("caseflow.dlq.reason").value()) + ":" + (r.headers()
                    .lastHeader("caseflow.dlq.detail") == null ? "" : new String(r.headers()
                    .lastHeader("caseflow.dlq.detail").value()))).toList(), e);
        }
    }

    private void awaitText(String url, Predicate<String> done) {
        Waits.await(url + " as expected").until(() -> ApiCalls.get(url, null), r -> r.statusCode() == 200 && done.test(r.body()));
    }
}
