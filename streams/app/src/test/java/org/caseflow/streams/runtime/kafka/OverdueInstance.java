package org.caseflow.streams.runtime.kafka;

import org.caseflow.streams.runtime.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseFiled;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.runtime.config.CaseflowConfig;

/**
 * Set-up shared by tests that look at a live instance from outside (Prometheus, Chromium): a config
 * on the shared broker with its own topics, and one case that the wall clock finds long overdue —
 * CPL 164: summary procedure filed 2024-01-02, due 2024-04-02.
 */
public final class OverdueInstance {
    private OverdueInstance() {
    }

    /** A config with its own application id, topic prefix, free HTTP port and state dir; topics created. */
    public static CaseflowConfig config(String name, Path stateDir) throws IOException {
        return config(name, stateDir, Map.of());
    }

    /** As {@link #config(String, Path)}, with further settings (e.g. {@code caseflow.api.tokens}). */
    public static CaseflowConfig config(String name, Path stateDir, Map<String, String> more) throws IOException {
        EmbeddedKafka kafka = SharedKafka.get();
        Map<String, String> settings = new java.util.HashMap<>();
        if (!more.containsKey("caseflow.api.tokens")) {
            // These tests look at the instance from outside (a browser, Prometheus): no tokens, said explicitly.
            settings.put("caseflow.http.auth", "none");
        }
        settings.putAll(more);
        settings.putAll(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "caseflow.application.id", name + "-it",
                "caseflow.topic.prefix", name + ".",
                "caseflow.http.port", String.valueOf(Ports.freePort()),
                "caseflow.state.dir", stateDir.toString()));
        CaseflowConfig config = CaseflowConfig.of(settings);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            if (!new TopicAdmin(admin).ensure(TopicSpec.all(config)).ok()) {
                throw new IllegalStateException("topics not created for " + name);
            }
        }
        return config;
    }

    /** Files {@code caseId} at 湘0211 on 2024-01-02 (summary procedure): overdue by the wall clock. */
    public static void fileOverdueCase(CaseflowConfig config, String caseId)
            throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", config.bootstrapServers()), new StringSerializer(),
                CaseflowSerdes.caseEvent().serializer())) {
            producer.send(new ProducerRecord<>(config.topics().names().caseFilings(), caseId, CaseEvent.newBuilder()
                    .setEventId(caseId + "#1").setCaseId(caseId).setCourt("湘0211")
                    .setOccurredAt(Instant.parse("2024-01-02T02:00:00Z"))
                    .setPayload(CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_SUMMARY)
                            .setFiledOn(LocalDate.of(2024, 1, 2)).build()).build())).get();
        }
    }

    /** Files {@code caseId} at {@code court} on {@code filedOn} (ordinary civil procedure, six months). */
    public static void fileCase(CaseflowConfig config, String caseId, String court, Instant occurredAt, LocalDate filedOn)
            throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", config.bootstrapServers()), new StringSerializer(),
                CaseflowSerdes.caseEvent().serializer())) {
            producer.send(new ProducerRecord<>(config.topics().names().caseFilings(), caseId, CaseEvent.newBuilder()
                    .setEventId(caseId + "#1").setCaseId(caseId).setCourt(court).setOccurredAt(occurredAt)
                    .setPayload(CaseFiled.newBuilder().setProcedure(Procedure.CIVIL_FIRST_ORDINARY)
                            .setFiledOn(filedOn).build()).build())).get();
        }
    }

    /** Publishes one event to its input topic (routing of DESIGN §4), keyed by its caseId. */
    public static void publish(CaseflowConfig config, CaseEvent event) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", config.bootstrapServers()), new StringSerializer(),
                CaseflowSerdes.caseEvent().serializer())) {
            producer.send(new ProducerRecord<>(org.caseflow.streams.topology.EventRouting.topicFor(event, config.topics().names()),
                    event.getCaseId(), event)).get();
        }
    }

}
