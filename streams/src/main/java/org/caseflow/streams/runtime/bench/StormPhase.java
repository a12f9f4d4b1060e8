package org.caseflow.streams.runtime.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.kafka.EventPublisher;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;

/**
 * A midnight storm on the broker: N cases filed the same day under CPL 164's summary procedure (3 months, due
 * 2025-06-03) all cross NOTICE (15 days left) at 2025-05-19 00:00 Asia/Shanghai. The app loads them (open-case
 * memory and state are measured then), a clock tick moves every partition's event clock past that midnight,
 * and the phase times the tick to the last NOTICE committed to the alerts topic (read_committed), counting the
 * rebalances meanwhile (a fenced thread rebalances).
 */
final class StormPhase {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    static final LocalDate NOTICE_DAY = LocalDate.of(2025, 5, 19);

    private final String bootstrap;
    private final Admin admin;
    private final Figures figures;
    private final Path work;
    private final Map<String, String> appSettings;

    StormPhase(String bootstrap, Admin admin, Figures figures, Path work, Map<String, String> appSettings) {
        this.appSettings = appSettings;
        this.bootstrap = bootstrap;
        this.admin = admin;
        this.figures = figures;
        this.work = work;
    }

    static CaseEvent filing(int i) {
        String caseId = "(2025)湘0211民初" + (100_000 + i) + "号";
        return CaseEvent.newBuilder().setEventId("storm-" + i).setCaseId(caseId).setCourt("湘0211")
                .setOccurredAt(FILED.atTime(10, 0).atZone(ZONE).toInstant())
                .setPayload(CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setFiledOn(FILED)
                        .setJudge("J-" + (i % 50)).build())
                .build();
    }

    void run(int cases, Duration timeout) throws Exception {
        String name = "bench-storm-" + System.currentTimeMillis();
        Path state = work.resolve(name);
        try (BenchApp app = new BenchApp(bootstrap, name, state, appSettings)) {
            new TopicAdmin(admin).ensure(TopicSpec.all(app.config));
            try (EventPublisher publisher = EventPublisher.create(app.config.kafka(), app.config.topics())) {
                for (int i = 0; i < cases; i++) {
                    publisher.publish(filing(i));
                }
                publisher.flush();
            }
            long loadStart = System.nanoTime();
            app.start();
            app.awaitCaughtUp(new BenchCluster(admin), Duration.ofHours(2));
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            figures.add("storm", "open cases loaded", cases, "cases", "");
            figures.add("storm", "filings applied per second (start-up included)", cases / loadSeconds, "events/s", "");
            long heap = ProcessMemory.heapAfterGc();
            figures.add("memory", "heap after GC with the open cases", ProcessMemory.mib(heap), "MiB", "<= 512 at 1M");
            figures.add("memory", "process RSS (broker included when embedded)",
                    ProcessMemory.mib(ProcessMemory.residentBytes()), "MiB", "<= 768 at 1M");
            long stateBytes = ProcessMemory.directoryBytes(state);
            figures.add("memory", "state directory bytes per open case", (double) stateBytes / cases, "bytes", "");
            storm(app, cases, timeout);
        }
    }

    private void storm(BenchApp app, int cases, Duration timeout) throws InterruptedException {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String topic = app.config.topics().deadlineAlerts();
        try (KafkaConsumer<String, DeadlineAlert> alerts = new KafkaConsumer<>(props, new StringDeserializer(),
                CaseflowSerdes.deadlineAlert().deserializer());
             EventPublisher ticks = EventPublisher.create(app.config.kafka(), app.config.topics())) {
            List<TopicPartition> partitions = alerts.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            alerts.assign(partitions);
            alerts.seekToEnd(partitions);
            partitions.forEach(alerts::position); // fix the start before the storm begins
            app.resetRebalances();
            long cpuBefore = app.streamThreadCpuNanos();
            long processBefore = ProcessMemory.processCpuNanos();
            long started = System.nanoTime();
            ticks.clockTick(NOTICE_DAY.atStartOfDay(ZONE).toInstant().plusSeconds(1));
            long deadline = started + timeout.toNanos();
            int notices = 0;
            long lastAt = started;
            while (notices < cases && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DeadlineAlert> r : alerts.poll(Duration.ofMillis(100))) {
                    DeadlineAlert a = r.value();
                    if (a != null && a.getLevel() == AlertLevel.NOTICE && a.getStatus() == AlertStatus.FIRING) {
                        notices++;
                        lastAt = System.nanoTime();
                    }
                }
                app.observe();
            }
            double seconds = (lastAt - started) / 1e9;
            Map<String, Double> ratios = app.threadRatios();
            long streamCpu = app.streamThreadCpuNanos() - cpuBefore;
            long processCpu = ProcessMemory.processCpuNanos() - processBefore;
            figures.add("storm", "crossings committed", notices, "alerts", "= " + cases);
            figures.add("storm", "midnight to last alert committed", seconds, "s", cases >= 350_000 ? "<= 10 at 350k"
                    : "");
            figures.add("storm", "alerts committed per second", notices / Math.max(seconds, 1e-9), "alerts/s", "");
            figures.add("storm", "fencings (rebalances during the storm)", app.rebalances(), "", "0");
            figures.add("storm", "stream-thread CPU per crossing", streamCpu / 1e3 / Math.max(notices, 1), "µs", "");
            figures.add("storm", "process CPU per crossing (broker too when embedded)",
                    processCpu / 1e3 / Math.max(notices, 1), "µs", "");
            ratios.forEach((name, v) -> figures.note(String.format(java.util.Locale.ROOT,
                    "stream thread %-16s %5.1f %% of wall time (as the last alert was committed)", name, 100 * v)));
            if (notices < cases) {
                figures.note("NOT DRAINED within " + timeout.toSeconds() + " s");
            }
        }
    }
}
