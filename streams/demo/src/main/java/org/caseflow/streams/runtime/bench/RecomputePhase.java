package org.caseflow.streams.runtime.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.Procedure;
import org.caseflow.streams.domain.seeds.ReferenceKind;
import org.caseflow.streams.domain.seeds.ReferencePublication;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.config.DiskSeedFiles;
import org.caseflow.streams.runtime.kafka.AdminProps;
import org.caseflow.streams.runtime.kafka.EventPublisher;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.runtime.reference.ReferencePublisher;

/**
 * A calendar change touching N open cases on one instance (issue 15): N summary-procedure cases (CPL 164, 3 months)
 * filed over the 60 days from 2026-10-15, so every deadline falls between 2027-01-15 and 2027-03-16, in the year the
 * seeds' calendar does not cover. Case numbers follow the filing days, as a court numbers its cases: the cases of one
 * deadline day are neighbours in the case store, as in a court's own data (numbering them round-robin over the days
 * made every read of the walk a block-cache miss, a worst case no court produces). The app loads them; then a CN
 * calendar with a (hypothetical) 2027 schedule is published with {@code caseflow reference publish}'s code, and the
 * phase times the publication to the last snapshot citing it committed to the snapshot topic (read_committed): every
 * case is re-evaluated, those on the Spring Festival move. Rebalances meanwhile are counted (a fenced thread
 * rebalances).
 */
final class RecomputePhase {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_FILED = LocalDate.of(2026, 10, 15);
    static final int DAYS = 60;

    private final String bootstrap;
    private final Admin admin;
    private final Figures figures;
    private final Path work;
    private final Map<String, String> appSettings;

    RecomputePhase(String bootstrap, Admin admin, Figures figures, Path work, Map<String, String> appSettings) {
        this.bootstrap = bootstrap;
        this.admin = admin;
        this.figures = figures;
        this.work = work;
        this.appSettings = appSettings;
    }

    /** The {@code i}-th of {@code cases} filings: numbered in filing order, an equal share filed each day. */
    static CaseEvent filing(int i, int cases) {
        LocalDate filed = FIRST_FILED.plusDays((long) i * DAYS / cases);
        return CaseEvent.newBuilder().setEventId("recompute-" + i).setCaseId("(2026)湘0211民初" + (100_000 + i) + "号")
                .setCourt("湘0211").setOccurredAt(filed.atTime(10, 0).atZone(ZONE).toInstant())
                .setPayload(CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setFiledOn(filed)
                        .setJudge("J-" + (i % 50)).build())
                .build();
    }

    /**
     * The seeds' CN calendar with a hypothetical 2027 schedule (Spring Festival 02-06..02-12, make-up working day
     * 02-20; the State Council had not published 2027 when this was written), as version "2027.bench".
     */
    static byte[] calendar2027(Path seedsRoot) {
        try {
            String seed = Files.readString(seedsRoot.resolve("calendars").resolve("cn-mainland.yaml"));
            String version = seed.lines().filter(l -> l.startsWith("version:")).findFirst().orElseThrow();
            return (seed.replace(version, "version: \"2027.bench\"").stripTrailing() + "\n"
                    + "  - year: 2027\n"
                    + "    source: hypothetical (caseflow bench)\n"
                    + "    daysOff:\n"
                    + "      - {name: \"New Year's Day\", from: 2027-01-01}\n"
                    + "      - {name: Spring Festival, from: 2027-02-06, to: 2027-02-12}\n"
                    + "    makeUpWorkingDays: [2027-02-20]\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void run(int cases, Path seedsRoot, Duration timeout) throws Exception {
        String name = "bench-recompute-" + System.currentTimeMillis();
        try (BenchApp app = new BenchApp(bootstrap, name, work.resolve(name), appSettings)) {
            new TopicAdmin(admin).ensure(TopicSpec.all(app.config));
            try (EventPublisher publisher = EventPublisher.create(app.config.kafka(), app.config.topics().names())) {
                for (int i = 0; i < cases; i++) {
                    publisher.publish(filing(i, cases));
                }
                publisher.flush();
            }
            app.start();
            app.awaitCaughtUp(new BenchCluster(admin), Duration.ofHours(2));
            figures.add("recompute", "open cases with a 2027 deadline", cases, "cases", "");
            ReferencePublication calendar = ReferencePublication.parse(ReferenceKind.CALENDAR, "cn-2027-bench.yaml",
                    calendar2027(seedsRoot), null);
            ReferencePublisher publisher = new ReferencePublisher(AdminProps.of(app.config),
                    app.config.topics().names().referenceData(), Seeds.load(seedsRoot, DiskSeedFiles.INSTANCE),
                    app.config.engineSettings().defaultZone(),
                    Duration.ofSeconds(30));
            measure(app, publisher, calendar, cases, timeout);
        }
    }

    private void measure(BenchApp app, ReferencePublisher publisher, ReferencePublication calendar, int cases,
            Duration timeout) throws InterruptedException {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String topic = app.config.topics().names().caseSnapshots();
        CalendarCitation citation = new CalendarCitation();
        try (KafkaConsumer<String, byte[]> snapshots = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = snapshots.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            snapshots.assign(partitions);
            snapshots.seekToEnd(partitions);
            partitions.forEach(snapshots::position);
            app.resetRebalances();
            long cpuBefore = app.streamThreadCpuNanos();
            ThreadCpu threadsBefore = ThreadCpu.now();
            long started = System.nanoTime();
            publisher.publish(calendar);
            long deadline = started + timeout.toNanos();
            int cited = 0;
            int moved = 0;
            long lastAt = started;
            while (cited < cases && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : snapshots.poll(Duration.ofMillis(100))) {
                    if (r.value() != null && citation.cites(r.value(), "2027.bench")) {
                        cited++;
                        if (citation.lastMoved) {
                            moved++;
                        }
                        lastAt = System.nanoTime();
                    }
                }
                app.observe();
            }
            double seconds = (lastAt - started) / 1e9;
            long streamCpu = app.streamThreadCpuNanos() - cpuBefore;
            ThreadCpu threadsAfter = ThreadCpu.now();
            figures.add("recompute", "snapshots citing the new calendar", cited, "cases", "= " + cases);
            figures.add("recompute", "of which the deadline moved", moved, "cases", "");
            figures.add("recompute", "publish to last snapshot committed", seconds, "s",
                    cases >= 1_000_000 ? "<= 60 at 1M" : "");
            figures.add("recompute", "cases recomputed per second", cited / Math.max(seconds, 1e-9), "cases/s", "");
            figures.add("recompute", "fencings (rebalances during the recomputation)", app.rebalances(), "", "0");
            figures.add("recompute", "stream-thread CPU per case", streamCpu / 1e3 / Math.max(cited, 1), "µs", "");
            threadsAfter.noteSince(threadsBefore, figures, cited, "case");
            if (cited < cases) {
                figures.note("recompute NOT DONE within " + timeout.toSeconds() + " s");
            }
        }
    }

    /** Reads a snapshot's calendar citation and deadline version only (a {@link ProjectionReader}). */
    static final class CalendarCitation {
        private final ProjectionReader reader = new ProjectionReader(CaseSnapshot.getClassSchema(),
                List.of("deadlineVersion", "referenceVersions"));
        boolean lastMoved;

        boolean cites(byte[] value, String version) {
            GenericRecord snapshot = reader.read(value);
            Object calendar = null;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) snapshot.get("referenceVersions")).entrySet()) {
                if ("calendar".equals(e.getKey().toString())) {
                    calendar = e.getValue();
                }
            }
            lastMoved = ((Integer) snapshot.get("deadlineVersion")) > 1;
            return calendar != null && calendar.toString().contains(version);
        }
    }
}
