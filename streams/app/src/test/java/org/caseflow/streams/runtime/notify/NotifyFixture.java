package org.caseflow.streams.runtime.notify;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.AlertLevel;
import org.caseflow.events.AlertStatus;
import org.caseflow.events.Approver;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Digest;
import org.caseflow.events.DigestCase;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.cases.InMemoryEventLog;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.digest.DigestKind;
import org.caseflow.streams.domain.digest.DigestPeriod;
import org.caseflow.streams.domain.digest.DigestTally;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.kafka.SharedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.topology.TopicNames;

/** Topics of their own on the shared embedded broker, alerts written to them, and waiting on conditions. */
public final class NotifyFixture {
    public final String bootstrap = SharedKafka.get().bootstrapServers();
    public final String prefix = "notify-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    public final TopicNames topics = new TopicNames(prefix);

    public NotifyFixture() {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            if (!new TopicAdmin(admin).ensure(TopicSpec.all(config(Map.of()))).ok()) {
                throw new AssertionError("topics not created");
            }
        }
    }

    public CaseflowConfig config(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("kafka.bootstrap.servers", bootstrap,
                "caseflow.topic.prefix", prefix, "caseflow.topic.partitions", "3",
                "caseflow.notify.group.id", prefix + "notify", "caseflow.notify.http.port", "0",
                "caseflow.notify.retry.initial.ms", "50", "caseflow.notify.retry.max.delay.ms", "1000",
                "caseflow.notify.request.timeout.ms", "1000"));
        settings.putAll(extra);
        return CaseflowConfig.of(settings);
    }

    public static DeadlineAlert alert(String caseId, AlertLevel level, AlertStatus status, List<String> escalateTo) {
        int days = switch (level) {
            case NOTICE -> 15;
            case WARNING -> 7;
            case CRITICAL -> 3;
            case BREACHED -> -1;
            case OVERDUE -> -8;
        };
        return DeadlineAlert.newBuilder().setAlertId(caseId + "/v1/" + level).setCaseId(caseId).setCourt("湘0211")
                .setProcedure(Procedure.CIVIL_FIRST_ORDINARY).setLevel(level).setStatus(status)
                .setDeadline(LocalDate.of(2026, 3, 2)).setDeadlineVersion(1).setDaysRemaining(days)
                .setRaisedAt(Instant.now()).setEscalateTo(escalateTo).setJudge(null).build();
    }

    /**
     * The NOTICE alert the real case engine raises, with the real seeds, for a summary civil case of 湘0211 (judge J-1)
     * filed 2025-06-04 whose limit the president extended by a month on 2025-08-20: CPL 164 gives 3 months, to
     * 2025-09-04; the extension (CPL 164; CPL Interp. 258) moves it to 2025-10-04, a National Day rest day, rolled
     * forward to 2025-10-09 (CPL 85). NOTICE fires 15 days before, at midnight of 2025-09-24.
     */
    public static DeadlineAlert extendedAndRolledForward(String caseId) {
        CaseEngine engine = new CaseEngine(TestSeeds.load(Path.of("seeds")), CaseEngine.Settings.defaults());
        InMemoryEventLog log = new InMemoryEventLog();
        LocalDate filed = LocalDate.of(2025, 6, 4);
        LocalDate granted = LocalDate.of(2025, 8, 20);
        CaseState state = engine.onEvent(log, null, TestEvents.filed("e1", caseId, Procedure.CIVIL_FIRST_SUMMARY, filed),
                TestEvents.at(filed)).state();
        state = engine.onEvent(log, state, TestEvents.extended("x1", caseId, 1, Approver.PRESIDENT, granted),
                TestEvents.at(granted)).state();
        List<DeadlineAlert> raised = engine.onTimer(log, state, TestEvents.midnight(LocalDate.of(2025, 9, 24))).alerts();
        if (raised.size() != 1 || raised.get(0).getLevel() != AlertLevel.NOTICE) {
            throw new AssertionError("expected one NOTICE from the engine, got " + raised);
        }
        return raised.get(0);
    }

    /**
     * Publishes the alerts and checks every send: a record the broker refused is sent again by a new producer (the
     * shared embedded broker now and then answers a fresh producer OUT_OF_ORDER_SEQUENCE_NUMBER, and a test waiting
     * for a record that was never written only times out).
     */
    public void publish(List<DeadlineAlert> alerts) {
        var serializer = CaseflowSerdes.deadlineAlert().serializer();
        List<DeadlineAlert> pending = List.copyOf(alerts);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<DeadlineAlert> failed = new java.util.ArrayList<>();
            Exception last = null;
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    bootstrap, "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
                List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
                for (DeadlineAlert a : pending) {
                    sent.add(producer.send(new ProducerRecord<>(topics.deadlineAlerts(), a.getCaseId(),
                            serializer.serialize(topics.deadlineAlerts(), a))));
                }
                producer.flush();
                for (int i = 0; i < sent.size(); i++) {
                    try {
                        sent.get(i).get();
                    } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
                        failed.add(pending.get(i));
                        last = e;
                    }
                }
            }
            if (!failed.isEmpty() && attempt == 5) {
                throw new IllegalStateException(failed.size() + " alerts not published after 5 attempts", last);
            }
            pending = failed;
        }
    }

    /** A digest of one overdue case (湘0211, BREACHED, one day overdue) for {@code recipient}'s period of {@code day}. */
    public static Digest digest(String recipient, DigestKind kind, LocalDate day) {
        DigestPeriod p = kind.periodOf(day);
        return Digest.newBuilder().setRecipient(recipient).setKind(kind.code()).setPeriod(p.label())
                .setFirstDay(p.firstDay()).setLastDay(p.lastDay()).setClosedAt(p.end(java.time.ZoneId.of("Asia/Shanghai")))
                .setCourt("湘0211").setCounts(new DigestTally(1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0).toAvro())
                .setChange(null).setPreviousPeriod(null)
                .setOverdue(List.of(DigestCase.newBuilder().setCaseId("(2025)湘0211民初1号").setCourt("湘0211")
                        .setProcedure(Procedure.CIVIL_FIRST_SUMMARY).setLevel(AlertLevel.BREACHED)
                        .setDeadline(LocalDate.of(2025, 6, 3)).setDaysOverdue(1).setAcknowledged(false).build()))
                .build();
    }

    /** Writes digests to the fixture's {@code caseflow.digests}, keyed {@code recipient|kind|period}, each send checked. */
    public void publishDigests(List<Digest> digests) throws Exception {
        var serializer = CaseflowSerdes.digest().serializer();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                bootstrap, "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (Digest d : digests) {
                String key = d.getRecipient() + "|" + d.getKind() + "|" + d.getPeriod();
                producer.send(new ProducerRecord<>(topics.digests(), key, serializer.serialize(topics.digests(), d))).get();
            }
        }
    }

    void publishRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                bootstrap, "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.deadlineAlerts(), key, value));
            producer.flush();
        }
    }
}
