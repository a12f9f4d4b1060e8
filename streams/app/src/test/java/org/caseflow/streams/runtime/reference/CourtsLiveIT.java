package org.caseflow.streams.runtime.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.filed;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.IndicatorValue;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.runtime.ConsoleCapture;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.ApiCalls;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.caseflow.streams.runtime.kafka.TopicDump;
import org.caseflow.streams.topology.DeadLetters;
import org.caseflow.streams.topology.ReferenceFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A court added while the app runs on the embedded broker (issue 15): a file that would change a court the instance
 * knows is refused whole with its reason; a valid one is picked up without a restart: the court's events dated from
 * its effectiveFrom on are accepted (one dated before is dead-lettered {@code unknown-court}), its filings roll up
 * into 湘02 with its subordinates, and the courts API lists it. Event time, 2027-01-20.
 */
@Tag("integration")
class CourtsLiveIT {
    static final Instant NOW = TestEvents.at(LocalDate.of(2027, 1, 20));
    static final String EARLY = "(2027)湘0299民初1号";
    static final String CASE = "(2027)湘0299民初2号";

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    static CaseEvent at湘0299(CaseEvent e) {
        e.setCourt("湘0299");
        return e;
    }

    @Test
    void shouldAcceptANewCourtsEventsFromItsEffectiveDateWithoutARestart() throws Exception {
        CaseflowConfig config = OverdueInstance.config("refcourt", dir.resolve("state"),
                Map.of("caseflow.clock.mode", "EVENT_TIME"));
        Path cli = dir.resolve("cli.properties");
        Files.writeString(cli, "kafka.bootstrap.servers=" + config.bootstrapServers()
                + "\ncaseflow.topic.prefix=refcourt.\n");
        String base = "http://127.0.0.1:" + config.http().port();
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();

            Path invalid = dir.resolve("courts-bad.yaml");
            Files.write(invalid, ReferenceFiles.courtsAdding("2027.1", "2027-01-01", "  - {code: 湘0211, name:"
                    + " 株洲市天元区人民法院, nameEn: Tianyuan District People's Court, level: BASIC, parent: 湘,"
                    + " zone: Asia/Shanghai, jurisdiction: CN}\n"));
            assertThat(CaseflowCli.execute("reference", "publish", invalid.toString(), "--config", cli.toString()))
                    .isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
            assertThat(console.err()).contains(invalid + ": court 湘0211: differs from the"
                    + " court in force").contains("refused, nothing published");
            assertThat(TopicDump.readAll(config.bootstrapServers(), List.of(config.topics().names().referenceData()),
                    new ByteArrayDeserializer())).isEmpty();

            Path courts = dir.resolve("courts-2027.yaml");
            Files.write(courts, ReferenceFiles.courtsAdding("2027.1", "2027-01-01", ""));
            assertThat(CaseflowCli.execute("reference", "publish", courts.toString(), "--config", cli.toString()))
                    .as(console.err()).isEqualTo(CaseflowCli.EXIT_OK);
            assertThat(console.out()).contains("published courts/added 2027.1 (effective"
                    + " 2027-01-01) events dated from then on");
            Waits.await("the added courts listed by /api/v1/reference")
                    .until(() -> get(base + "/api/v1/reference").contains("\"key\":\"courts/added\""));
            // Courts have no propagation of their own: the API says what they apply to, not new-cases.
            assertThat(get(base + "/api/v1/reference")).contains("\"propagation\":\"events-from-effective-date\"");

            IndicatorIntervalsLiveIT.publish(config, List.of(
                    at湘0299(filed("n0", EARLY, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 12, 31))),
                    at湘0299(filed("n1", CASE, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2027, 1, 4)))));
            ReferencePublishLiveIT.tick(config, NOW);

            Waits.await("a snapshot of " + CASE).until(() -> ReferencePublishLiveIT.snapshots(config).containsKey(CASE));
            Waits.await("one filing counted at 湘02").until(() -> filingsOf湘02(config) == 1.0);
            assertThat(ReferencePublishLiveIT.snapshots(config)).doesNotContainKey(EARLY);
            List<String> reasons = TopicDump.readAll(config.bootstrapServers(), List.of(config.topics().names().deadLetters()),
                    new ByteArrayDeserializer()).stream().filter(r -> r.key() != null
                            && EARLY.equals(r.key()))
                    .map(r -> new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)
                            + ": " + new String(r.headers().lastHeader(DeadLetters.DETAIL).value(), StandardCharsets.UTF_8))
                    .toList();
            assertThat(reasons).containsExactly("unknown-court: court: court 湘0299 is in force from 2027-01-01 (added live);"
                    + " this event is dated before");
            assertThat(get(base + "/api/v1/courts")).contains("\"code\":\"湘0299\"");
        }
    }

    /** FILINGS of 湘02 with its subordinates, all categories, MONTH 2027-01 (latest value; -1 when none yet). */
    static double filingsOf湘02(CaseflowConfig config) {
        double latest = -1;
        for (var r : TopicDump.readAll(config.bootstrapServers(), List.of(config.topics().names().indicators()),
                CaseflowSerdes.indicatorValue().deserializer())) {
            IndicatorValue v = r.value();
            if (v.getScope().equals("湘02") && v.getIncludesSubordinates() && v.getCategory().equals("ALL")
                    && v.getIndicator().equals("FILINGS") && v.getWindow().equals("MONTH")
                    && v.getPeriod().equals("2027-01") && v.getValue() != null) {
                latest = v.getValue();
            }
        }
        return latest;
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = ApiCalls.get(url, null);
        return r.statusCode() + " " + r.body();
    }

}
