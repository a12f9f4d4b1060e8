package org.caseflow.streams.runtime.app;

import org.caseflow.streams.runtime.Ports;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.kafka.EmbeddedKafka;
import org.caseflow.streams.runtime.kafka.TopicAdmin;
import org.caseflow.streams.runtime.kafka.TopicSpec;
import org.caseflow.streams.runtime.http.Readiness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running instance whose broker goes away: Kafka Streams alone would retry for ever; the instance gives up after
 * caseflow.kafka.unreachable.timeout.ms (what makes {@code caseflow run} exit 1) and its readiness says why. Its own
 * broker, since this test stops it.
 */
@Tag("integration")
class KafkaOutageIT {
    @TempDir
    Path dir;

    @Test
    void shouldGiveUpAndSayWhyWhenKafkaStaysUnreachable() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(null);
        String servers = kafka.bootstrapServers();
        CaseflowConfig config = CaseflowConfig.of(Map.of("kafka.bootstrap.servers", servers,
                "caseflow.application.id", "outage-it", "caseflow.http.port", String.valueOf(Ports.freePort()),
                "caseflow.state.dir", dir.resolve("state").toString(), "caseflow.topic.replication", "1",
                "caseflow.kafka.connect.timeout.ms", "1000", "caseflow.kafka.unreachable.timeout.ms", "2000",
                "caseflow.readiness.check.interval.ms", "200", "caseflow.shutdown.timeout.ms", "5000",
                "caseflow.http.auth", "none"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            assertThat(new TopicAdmin(admin).ensure(TopicSpec.all(config)).ok()).isTrue();
        }
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();
            CompletableFuture<String> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    return runtime.app().awaitFailure();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            });

            kafka.close();

            String reason = failure.get(120, TimeUnit.SECONDS);
            assertThat(reason).startsWith("Kafka at " + servers + " unreachable for ")
                    .contains("limit caseflow.kafka.unreachable.timeout.ms = 2 s");
            Readiness readiness = runtime.app().readiness();
            assertThat(readiness.ready()).isFalse();
            assertThat(readiness.reason()).startsWith("Kafka at " + servers + " unreachable for ");
        }
    }
}
