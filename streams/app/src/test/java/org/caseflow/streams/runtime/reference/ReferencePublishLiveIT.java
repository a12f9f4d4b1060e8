package org.caseflow.streams.runtime.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.streams.domain.cases.TestEvents.filed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.CaseEvent;
import org.caseflow.events.CaseSnapshot;
import org.caseflow.events.DeadlineAlert;
import org.caseflow.events.Procedure;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.cases.TestEvents;
import org.caseflow.streams.domain.seeds.ReferenceData;
import org.caseflow.streams.domain.seeds.ReferenceKind;
import org.caseflow.streams.domain.seeds.ReferencePublication;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.domain.seeds.TestSeeds;
import org.caseflow.streams.runtime.ConsoleCapture;
import org.caseflow.streams.runtime.Waits;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.http.ApiCalls;
import org.caseflow.streams.runtime.kafka.ClockTicks;
import org.caseflow.streams.runtime.kafka.OverdueInstance;
import org.caseflow.streams.runtime.kafka.TopicDump;
import org.caseflow.streams.runtime.replay.Replayer;
import org.caseflow.streams.topology.ReferenceFiles;
import org.caseflow.streams.topology.ReferenceHolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caseflow reference publish} against a running instance on the embedded broker (issue 15): an invalid file is
 * refused with its reasons and the topic stays empty; a 2027 calendar published while the app runs moves exactly the
 * affected deadlines, the alerts follow, the snapshots cite the new version, the API's uncovered count drops to 0, and
 * the final cases are those of a replay with the new calendar.
 *
 * <p>Event time (the clock is the events'), so the day is fixed whatever the machine's date: 2027-02-03 10:00 in
 * Zhuzhou. Deadlines as in {@code ReferenceRecomputeTest}: summary procedure 3 months (CPL 164, Civil Code 202), a
 * last day on a rest day rolls to the next working day (CPL 85, Civil Code 203); A 2027-02-08 → 02-15 (Spring
 * Festival), B 02-22 → 02-20 (make-up working day), C 03-01 either way, D 2026-12-10 untouched.
 */
@Tag("integration")
class ReferencePublishLiveIT {
    /** The default court zone (DESIGN §5): courts published live must be in it. */
    static final java.time.ZoneId LIVE_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    static final Instant NOW = TestEvents.at(LocalDate.of(2027, 2, 3));
    static final String A = "(2026)湘0211民初800号";
    static final String B = "(2026)湘0211民初801号";
    static final String C = "(2026)湘0211民初802号";
    static final String D = "(2026)湘0211民初803号";
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    static List<CaseEvent> events() {
        return List.of(filed("a", A, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 11, 8)),
                filed("b", B, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 11, 20)),
                filed("c", C, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 12, 1)),
                filed("d", D, Procedure.CIVIL_FIRST_SUMMARY, LocalDate.of(2026, 9, 10)));
    }

    @Test
    void shouldRefuseAnInvalidFileAndRecomputeTheCasesANewCalendarMoves() throws Exception {
        CaseflowConfig config = OverdueInstance.config("refpub", dir.resolve("state"),
                Map.of("caseflow.clock.mode", "EVENT_TIME"));
        Path cli = dir.resolve("cli.properties");
        Files.writeString(cli, "kafka.bootstrap.servers=" + config.bootstrapServers() + "\ncaseflow.topic.prefix=refpub.\n");
        String referenceTopic = config.topics().referenceData();
        try (CaseflowRuntime runtime = CaseflowRuntime.start(config)) {
            assertThat(runtime.app().awaitRunning(Duration.ofSeconds(60))).isTrue();
            for (CaseEvent e : events()) {
                OverdueInstance.publish(config, e);
            }
            tick(config);
            Map<String, CaseSnapshot> before = awaitSnapshots(config, s -> s.size() == 4);
            assertThat(before.get(A).getDeadline()).isEqualTo(LocalDate.of(2027, 2, 8));
            String api = "http://127.0.0.1:" + config.httpPort() + "/api/v1/reference";
            JsonNode reference = await(api, r -> r.path("uncoveredTotal").asLong() == 3);
            assertThat(reference.path("uncovered").get(0).path("year").asInt()).isEqualTo(2027);

            // An invalid version is refused whole, with its reason, and nothing reaches the topic.
            Path invalid = dir.resolve("cn-2027-bad.yaml");
            Files.write(invalid, new String(ReferenceFiles.calendar2027(), StandardCharsets.UTF_8)
                    .replace("to: 2027-02-12", "to: 2027-02-02").getBytes(StandardCharsets.UTF_8));
            assertThat(CaseflowCli.execute("reference", "publish", invalid.toString(), "--config", cli.toString()))
                    .isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
            assertThat(printed(console.err())).contains(invalid + ": year 2027: Spring Festival: to 2027-02-02 is before from"
                    + " 2027-02-06").contains("refused, nothing published");
            assertThat(TopicDump.readAll(config.bootstrapServers(), List.of(referenceTopic),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())).isEmpty();

            Path calendar = dir.resolve("cn-2027.yaml");
            Files.write(calendar, ReferenceFiles.calendar2027());
            assertThat(CaseflowCli.execute("reference", "publish", calendar.toString(), "--config", cli.toString()))
                    .as(printed(console.err())).isEqualTo(CaseflowCli.EXIT_OK);
            assertThat(printed(console.out())).contains("published calendar/CN 2027.1 (effective 2024-01-01) pending");

            Map<String, CaseSnapshot> after = awaitSnapshots(config, s -> s.get(B) != null
                    && LocalDate.of(2027, 2, 20).equals(s.get(B).getDeadline()) && s.get(A).getDeadline().getDayOfMonth() == 15
                    && s.get(C).getReferenceVersions().getOrDefault("calendar", "").contains("2027.1"));
            assertThat(after.get(A).getDeadline()).isEqualTo(LocalDate.of(2027, 2, 15));
            assertThat(after.get(C).getDeadline()).isEqualTo(LocalDate.of(2027, 3, 1));
            assertThat(after.get(D)).as("a 2026 deadline is not looked at").isEqualTo(before.get(D));
            assertThat(snapshotCount(config, D)).isEqualTo(1);

            List<String> alertsOfA = alerts(config).stream().filter(a -> a.getCaseId().equals(A))
                    .map(a -> a.getLevel() + " " + a.getStatus() + " " + a.getDeadline()).toList();
            // On event time each threshold fires at its own midnight (NOTICE 01-24, WARNING 02-01); the move resolves
            // both and 12 days before 02-15 is a NOTICE under the new deadline version.
            assertThat(alertsOfA).containsExactly("NOTICE FIRING 2027-02-08", "WARNING FIRING 2027-02-08",
                    "NOTICE RESOLVED 2027-02-08", "WARNING RESOLVED 2027-02-08", "NOTICE FIRING 2027-02-15");
            reference = await(api, r -> r.path("uncoveredTotal").asLong() == 0);
            assertThat(reference.toString()).contains("\"key\":\"calendar/CN\",\"version\":\"2027.1\"");

            // The same version again is a no-op; an older one is refused.
            console.reset();
            assertThat(CaseflowCli.execute("reference", "publish", calendar.toString(), "--config", cli.toString()))
                    .isEqualTo(CaseflowCli.EXIT_OK);
            assertThat(printed(console.out())).contains("already in force, nothing written");
            assertThat(CaseflowCli.execute("reference", "publish", ReferenceFiles.SEED_CALENDAR.toString(), "--config",
                    cli.toString())).isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
            assertThat(printed(console.err())).contains("version: '2026.1' is not newer than '2027.1' in force for calendar/CN");
            assertThat(TopicDump.readAll(config.bootstrapServers(), List.of(referenceTopic),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())).hasSize(1);

            // Live equals replay with the new calendar from the start: each case as the API shows it (deadline and
            // explanation, whose last line cites the versions) is the replayed case. (D's last snapshot on the
            // compacted topic still cites 2026.1: its deadline cannot move, so nothing was sent for it.)
            Map<String, CaseSnapshot> replayed = replayed();
            assertThat(replayed.keySet()).containsExactlyInAnyOrder(A, B, C, D);
            for (CaseSnapshot expected : replayed.values()) {
                JsonNode live = await("http://127.0.0.1:" + config.httpPort() + "/api/v1/cases/"
                        + java.net.URLEncoder.encode(expected.getCaseId(), StandardCharsets.UTF_8), r -> true);
                assertThat(live.path("deadline").asText()).isEqualTo(expected.getDeadline().toString());
                List<String> explanation = new java.util.ArrayList<>();
                live.path("explanation").forEach(line -> explanation.add(line.asText()));
                assertThat(explanation).as(expected.getCaseId()).isEqualTo(expected.getExplanation());
                assertThat(explanation.get(explanation.size() - 1)).contains("CN calendar 2027.1");
            }
            assertThat(deadlinesOf(after)).as("the recomputed cases' snapshots").containsAllEntriesOf(
                    Map.of(A, deadlinesOf(replayed).get(A), B, deadlinesOf(replayed).get(B), C,
                            deadlinesOf(replayed).get(C)));
        }
    }

    /** caseId → deadline and versions. */
    static Map<String, String> deadlinesOf(Map<String, CaseSnapshot> snapshots) {
        Map<String, String> out = new java.util.TreeMap<>();
        snapshots.forEach((id, s) -> out.put(id, s.getDeadline() + " " + new java.util.TreeMap<>(s.getReferenceVersions())));
        return out;
    }

    Map<String, CaseSnapshot> replayed() throws Exception {
        Seeds seeds = TestSeeds.load(Path.of("seeds"));
        CaseEngine engine = new CaseEngine(seeds, CaseEngine.Settings.defaults());
        ReferenceData data = ReferenceData.of(seeds, LIVE_ZONE).publish(ReferencePublication.parse(ReferenceKind.CALENDAR,
                "cn-2027.yaml", ReferenceFiles.calendar2027(), null));
        Map<String, CaseSnapshot> out = new HashMap<>();
        try (Replayer replayer = new Replayer(new ReferenceHolder(data, engine, true), dir.resolve("replay"),
                new SimpleMeterRegistry())) {
            events().forEach(replayer::pipe);
            replayer.advanceTo(NOW);
            replayer.cases(NOW).forEach(s -> out.put(s.getCaseId(), s));
        }
        return out;
    }

    static void tick(CaseflowConfig config) throws Exception {
        tick(config, NOW);
    }

    /** Moves the event clock of every input partition to {@code now}. */
    static void tick(CaseflowConfig config, Instant now) throws Exception {
        try (KafkaProducer<String, CaseEvent> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", config.bootstrapServers()), new StringSerializer(),
                CaseflowSerdes.caseEvent().serializer())) {
            for (String topic : config.topics().inputs()) {
                for (var f : ClockTicks.send(producer, topic, now)) {
                    f.get();
                }
            }
        }
    }

    static Map<String, CaseSnapshot> snapshots(CaseflowConfig config) {
        Map<String, CaseSnapshot> latest = new HashMap<>();
        for (ConsumerRecord<String, CaseSnapshot> r : TopicDump.readAll(config.bootstrapServers(),
                List.of(config.topics().caseSnapshots()), CaseflowSerdes.caseSnapshot().deserializer())) {
            latest.put(r.key(), r.value());
        }
        return latest;
    }

    static long snapshotCount(CaseflowConfig config, String caseId) {
        return TopicDump.readAll(config.bootstrapServers(), List.of(config.topics().caseSnapshots()),
                CaseflowSerdes.caseSnapshot().deserializer()).stream().filter(r -> r.key().equals(caseId)).count();
    }

    static List<DeadlineAlert> alerts(CaseflowConfig config) {
        return TopicDump.readAll(config.bootstrapServers(), List.of(config.topics().deadlineAlerts()),
                CaseflowSerdes.deadlineAlert().deserializer()).stream().map(ConsumerRecord::value).toList();
    }

    /** The latest snapshot per case once they satisfy {@code done}; the failure shows the last ones read. */
    static Map<String, CaseSnapshot> awaitSnapshots(CaseflowConfig config, Predicate<Map<String, CaseSnapshot>> done) {
        return Waits.await("the case snapshots as expected").until(() -> snapshots(config), done);
    }

    /** The answer of {@code url} once it is 200 and satisfies {@code done}; the failure shows the last answer. */
    JsonNode await(String url, Predicate<JsonNode> done) throws Exception {
        HttpResponse<String> answer = Waits.await(url + " as expected").until(() -> ApiCalls.get(url, null),
                r -> r.statusCode() == 200 && done.test(ApiCalls.json(r.body())));
        return JSON.readTree(answer.body());
    }

    private static String printed(String printed) {
        return printed.lines().filter(l -> !LOG_LINE.matcher(l).find())
                .map(l -> l + System.lineSeparator()).collect(Collectors.joining());
    }
}
