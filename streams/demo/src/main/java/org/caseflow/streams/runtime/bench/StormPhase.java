package org.caseflow.streams.runtime.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.Disposition;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.streams.runtime.kafka.EventPublisher;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;

/**
 * A midnight storm on the broker: N cases filed the same day under CPL 164's summary procedure (3 months, due
 * 2025-06-03) all cross NOTICE (15 days left) at 2025-05-19 00:00 Asia/Shanghai. The app loads them (open-case
 * memory and state are measured then), a clock tick moves every partition's event clock past that midnight,
 * and the phase times the tick to the last NOTICE committed to the alerts topic (read_committed), counting the
 * rebalances meanwhile (a fenced thread rebalances).
 *
 * <p>With a warm-up, more cases filed earlier cross NOTICE at two earlier midnights first, untimed
 * ({@link #WARM_UP_ROUNDS}): a running instance has crossed thresholds every midnight before, so the storm's code is
 * compiled (in a fresh JVM the JIT took a third of a core during the storm). They are in the same app, so memory is
 * that of one instance, and are closed before the timed storm, so none of their later thresholds falls inside it.
 */
final class StormPhase {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FILED = LocalDate.of(2025, 3, 3);
    static final LocalDate NOTICE_DAY = LocalDate.of(2025, 5, 19);
    /**
     * The untimed warm-up storms, in this order. Two midnights, not one larger storm: HotSpot raises the call counts a
     * method needs before C2 compiles it with the length of C2's queue, and the first warm-up storm begins with that
     * queue full of the loading's methods. In one 30,000-case warm-up the crossing's own methods stayed in C1's
     * profiling code, and the timed storm then spent 7 s of its 14.6 s compiling the broker's, the Kafka clients' and
     * Caseflow's code (docs/performance.md, "Thirteenth session"). The second starts after the JIT has been idle.
     */
    static final List<WarmUpRound> WARM_UP_ROUNDS = List.of(
            // due 2025-04-07 (after Qingming): NOTICE and WARNING in March
            new WarmUpRound(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 4, 1)),
            // due 2025-05-06 (after Labour Day): NOTICE on 2025-04-21, WARNING after the tick
            new WarmUpRound(LocalDate.of(2025, 2, 3), LocalDate.of(2025, 4, 28)));
    /** At most this many cases per warm-up storm (their case numbers, 1 to 99,998 over both, stay below the storm's). */
    public static final int MAX_WARM_UP = 49_999;
    /** Issue 8's storm target: this many crossings drained in {@link #TARGET_SECONDS}. */
    static final int TARGET_CROSSINGS = 350_000;
    static final double TARGET_SECONDS = 10;
    /** After a storm: the app has stopped writing when no end offset moved for this long (at most the bound). */
    private static final Duration SETTLED = Duration.ofSeconds(2);
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(60);
    /** How long after the collection the bench reads the process's RSS, and how often. */
    static final Duration RSS_WINDOW = Duration.ofSeconds(10);
    static final Duration RSS_EVERY = Duration.ofMillis(250);

    private final String bootstrap;
    private final Admin admin;
    private final Figures figures;
    private final Path work;
    private final Map<String, String> appSettings;
    private final BenchCluster cluster;

    StormPhase(String bootstrap, Admin admin, Figures figures, Path work, Map<String, String> appSettings) {
        this.appSettings = appSettings;
        this.bootstrap = bootstrap;
        this.admin = admin;
        this.figures = figures;
        this.work = work;
        this.cluster = new BenchCluster(admin);
    }

    static CaseEvent filing(int i) {
        return filing("storm-" + i, "(2025)湘0211民初" + (100_000 + i) + "号", FILED, i);
    }

    /**
     * One untimed warm-up storm: its cases are filed on {@code filed}, cross NOTICE before the midnight of
     * {@code tick}, and are withdrawn on that day.
     */
    record WarmUpRound(LocalDate filed, LocalDate tick) {
        /** The case number of the round's {@code i}th case, when each round has {@code cases}. */
        static String caseId(int round, int cases, int i) {
            return "(2025)湘0211民初" + (1 + round * cases + i) + "号";
        }

        CaseEvent filing(int round, int cases, int i) {
            return StormPhase.filing("storm-warm-up-" + round + "-" + i, caseId(round, cases, i), filed, i);
        }

        /** Withdrawn on the tick's day: no judgment, so no performance timer either. */
        CaseEvent closing(int round, int cases, int i) {
            return CaseEvent.newBuilder().setEventId("storm-warm-up-closed-" + round + "-" + i)
                    .setCaseId(caseId(round, cases, i)).setCourt("湘0211")
                    .setOccurredAt(tick.atTime(10, 0).atZone(ZONE).toInstant())
                    .setPayload(CaseClosed.newBuilder().setClosedOn(tick).setDisposition(Disposition.WITHDRAWN)
                            .build())
                    .build();
        }
    }

    private static CaseEvent filing(String eventId, String caseId, LocalDate filed, int i) {
        return CaseEvent.newBuilder().setEventId(eventId).setCaseId(caseId).setCourt("湘0211")
                .setOccurredAt(filed.atTime(10, 0).atZone(ZONE).toInstant())
                .setPayload(CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setFiledOn(filed)
                        .setJudge("J-" + (i % 50)).build())
                .build();
    }

    /** @param warmUpCases cases of each untimed warm-up storm before the timed one (at most {@link #MAX_WARM_UP}) */
    void run(int cases, int warmUpCases, Duration timeout) throws Exception {
        int warmUp = Math.min(warmUpCases, MAX_WARM_UP);
        int rounds = warmUp > 0 ? WARM_UP_ROUNDS.size() : 0;
        int warmUpTotal = warmUp * rounds;
        String name = "bench-storm-" + System.currentTimeMillis();
        Path state = work.resolve(name);
        try (BenchApp app = new BenchApp(bootstrap, name, state, appSettings)) {
            new TopicAdmin(admin).ensure(TopicSpec.all(app.config));
            try (EventPublisher publisher = EventPublisher.create(app.config.kafka(), app.config.topics().names())) {
                for (int r = 0; r < rounds; r++) { // first: filed earlier, so in event-time order
                    for (int i = 0; i < warmUp; i++) {
                        publisher.publish(WARM_UP_ROUNDS.get(r).filing(r, warmUp, i));
                    }
                }
                for (int i = 0; i < cases; i++) {
                    publisher.publish(filing(i));
                }
                publisher.flush();
            }
            long loadStart = System.nanoTime();
            app.start();
            app.awaitCaughtUp(cluster, Duration.ofHours(2));
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            figures.add("storm", "cases loaded (warm-up cases included)", cases + warmUpTotal, "cases", "");
            figures.add("storm", "filings applied per second (start-up included)", (cases + warmUpTotal) / loadSeconds,
                    "events/s", "");
            for (int r = 0; r < rounds; r++) {
                WarmUpRound round = WARM_UP_ROUNDS.get(r);
                figures.warmUp(true);
                try {
                    storm(app, warmUp, round.tick(), timeout);
                } finally {
                    figures.warmUp(false);
                }
                // Closed, so none of their later thresholds falls inside the timed storm.
                try (EventPublisher publisher = EventPublisher.create(app.config.kafka(), app.config.topics().names())) {
                    for (int i = 0; i < warmUp; i++) {
                        publisher.publish(round.closing(r, warmUp, i));
                    }
                    publisher.flush();
                }
                app.awaitCaughtUp(cluster, Duration.ofHours(2));
                // After the last round, before the memory readings too: an instance at rest holding the open cases.
                String quiet = Quiet.await();
                if (r + 1 < rounds) {
                    figures.warmUp(true);
                    figures.note("before the next warm-up storm: " + quiet);
                    figures.warmUp(false);
                } else {
                    figures.note("before the storm, JIT, RocksDB and the stream threads: " + quiet);
                }
            }
            long heap = ProcessMemory.heapAfterGc();
            figures.add("memory", "heap after GC with the open cases", ProcessMemory.mib(heap), "MiB", "<= 512 at 1M");
            // Read for 10 s, not once: with -Xmx512m, G1 hands heap back after the collection and commits young regions
            // again as the app runs, and single readings at 1M open cases spread over 680-840 MiB
            // (docs/performance.md, "Tenth session" and "Eleventh session").
            ProcessMemory.MemoryWindow memory = ProcessMemory.window(RSS_WINDOW, RSS_EVERY);
            figures.add("memory", "process RSS, median of 10 s after it (broker too when embedded)",
                    ProcessMemory.mib(memory.rss().median()), "MiB", "<= 768 at 1M");
            figures.add("memory", "process RSS, highest reading of those 10 s", ProcessMemory.mib(memory.rss().max()),
                    "MiB", "");
            figures.add("memory", "of it: heap committed (median)", ProcessMemory.mib(memory.heapCommitted().median()),
                    "MiB", "");
            figures.add("memory", "heap committed, highest reading", ProcessMemory.mib(memory.heapCommitted().max()),
                    "MiB", "");
            figures.add("memory", "of it: non-heap committed (metaspace, code; median)",
                    ProcessMemory.mib(memory.nonHeapCommitted().median()), "MiB", "");
            figures.add("memory", "process RSS, peak since start (VmHWM; loading included)",
                    ProcessMemory.mib(ProcessMemory.peakResidentBytes()), "MiB", "");
            long stateBytes = ProcessMemory.directoryBytes(state);
            figures.add("memory", "state directory bytes per case", (double) stateBytes / (cases + warmUpTotal),
                    "bytes", "");
            storm(app, cases, NOTICE_DAY, timeout);
        }
    }

    /** Moves the clock past {@code midnight} and times the {@code cases} NOTICE alerts it raises. */
    private void storm(BenchApp app, int cases, LocalDate midnight, Duration timeout) throws InterruptedException {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String topic = app.config.topics().names().deadlineAlerts();
        NoticeCounter counter = new NoticeCounter();
        try (KafkaConsumer<String, byte[]> alerts = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
             EventPublisher ticks = EventPublisher.create(app.config.kafka(), app.config.topics().names())) {
            List<TopicPartition> partitions = alerts.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            alerts.assign(partitions);
            alerts.seekToEnd(partitions);
            partitions.forEach(alerts::position); // fix the start before the storm begins
            app.resetRebalances();
            String prefix = app.config.streams().applicationId();
            Set<String> written = new HashSet<>(cluster.topicsStartingWith(prefix));
            written.removeAll(app.config.topics().names().inputs());
            Map<TopicPartition, Long> writtenBefore = cluster.endOffsets(written);
            long cpuBefore = app.streamThreadCpuNanos();
            long processBefore = ProcessMemory.processCpuNanos();
            ThreadCpu threadsBefore = ThreadCpu.now();
            long started = System.nanoTime();
            ticks.clockTick(midnight.atStartOfDay(ZONE).toInstant().plusSeconds(1));
            long deadline = started + timeout.toNanos();
            int notices = 0;
            long lastAt = started;
            while (notices < cases && System.nanoTime() < deadline) {
                int seen = counter.noticesFiring(alerts.poll(Duration.ofMillis(100)));
                if (seen > 0) {
                    notices += seen;
                    lastAt = System.nanoTime();
                }
                app.observe();
            }
            double seconds = (lastAt - started) / 1e9;
            Map<String, Double> ratios = app.threadRatios();
            long streamCpu = app.streamThreadCpuNanos() - cpuBefore;
            long processCpu = ProcessMemory.processCpuNanos() - processBefore;
            ThreadCpu threadsAfter = ThreadCpu.now();
            figures.add("storm", "crossings committed", notices, "alerts", "= " + cases);
            figures.add("storm", "midnight to last alert committed", seconds, "s", cases >= TARGET_CROSSINGS ? "<= 10 at 350k"
                    : "");
            figures.add("storm", "alerts committed per second", notices / Math.max(seconds, 1e-9), "alerts/s", "");
            figures.add("storm", "fencings (rebalances during the storm)", app.rebalances(), "", "0");
            figures.add("storm", "stream-thread CPU per crossing", streamCpu / 1e3 / Math.max(notices, 1), "µs", "");
            double processMicros = processCpu / 1e3 / Math.max(notices, 1);
            figures.add("storm", "process CPU per crossing (broker too when embedded)", processMicros, "µs", "");
            // The target's CPU bound: 350k crossings in 10 s leave each this much CPU on every core, at most.
            int cores = Runtime.getRuntime().availableProcessors();
            double allowed = cores * TARGET_SECONDS * 1e6 / TARGET_CROSSINGS;
            figures.add("storm", "most process CPU per crossing at 350k in 10 s, " + cores + " cores", allowed, "µs", "");
            figures.add("storm", "process CPU per crossing / that", processMicros / allowed, "ratio", "<= 1");
            ratios.forEach((name, v) -> figures.note(String.format(java.util.Locale.ROOT,
                    "stream thread %-16s %5.1f %% of wall time (as the last alert was committed)", name, 100 * v)));
            threadsAfter.noteSince(threadsBefore, figures, notices, "crossing");
            if (notices < cases) {
                figures.note("NOT DRAINED within " + timeout.toSeconds() + " s");
            }
            recordsWritten(written, writtenBefore, prefix, notices);
        }
    }

    /**
     * What the storm wrote, per crossing and per topic, once the app has stopped writing: the digests and the last
     * commit markers come after the last alert. Not timed, and not the pipeline's records per input event: a crossing
     * writes its alert, its case's changelog record and the digests' records, and no snapshot or indicator.
     */
    private void recordsWritten(Set<String> topics, Map<TopicPartition, Long> before, String prefix, int crossings)
            throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_BOUND.toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - stableSince < SETTLED.toNanos()) {
            long now = BenchCluster.sum(cluster.endOffsets(topics));
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
            Thread.sleep(200);
        }
        Map<String, Long> perTopic = cluster.appendedSince(before, topics, prefix);
        long total = perTopic.values().stream().mapToLong(Long::longValue).sum();
        figures.add("storm", "records written per crossing (digests and commit markers included)",
                (double) total / Math.max(crossings, 1), "records", "");
        perTopic.forEach((topic, n) -> {
            if (n > 0) {
                figures.note(String.format(java.util.Locale.ROOT, "%-40s %6.3f per crossing", topic,
                        (double) n / Math.max(crossings, 1)));
            }
        });
    }

    /** Reads only an alert's level and status (a {@link ProjectionReader}). */
    static final class NoticeCounter {
        private final ProjectionReader reader = new ProjectionReader(DeadlineAlert.getClassSchema(),
                List.of("level", "status"));

        /**
         * The firing NOTICEs among one poll's records. A method of its own, called once per poll: the JIT compiles it
         * during the warm-up storms. As a loop inside {@link StormPhase#storm}, which runs once per storm, it was
         * compiled afresh inside the timed storm (1.1 s of C2 in a 10.8 s storm, docs/performance.md "Thirteenth
         * session").
         */
        int noticesFiring(ConsumerRecords<String, byte[]> records) {
            int n = 0;
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.value() != null && isNoticeFiring(r.value())) {
                    n++;
                }
            }
            return n;
        }

        boolean isNoticeFiring(byte[] value) {
            GenericRecord alert = reader.read(value);
            return AlertLevel.NOTICE.name().equals(alert.get("level").toString())
                    && AlertStatus.FIRING.name().equals(alert.get("status").toString());
        }
    }
}
