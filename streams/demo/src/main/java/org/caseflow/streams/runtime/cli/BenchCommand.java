package org.caseflow.streams.runtime.cli;

import org.caseflow.streams.runtime.config.DiskSeedFiles;
import org.caseflow.streams.runtime.config.SeedsLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.bench.Bench;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigKeys;
import org.caseflow.streams.runtime.config.InvalidConfigException;
import org.caseflow.streams.runtime.kafka.EmbeddedKafka;
import org.caseflow.streams.runtime.kafka.KafkaReachability;
import org.caseflow.streams.runtime.simulator.SimulationSettings;
import org.caseflow.streams.runtime.simulator.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caseflow bench}: the hot-path benchmark in one run (docs/performance.md). Prints figures; asserts nothing. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"The performance benchmark in one run: floor, Kafka Streams copies (without and with a store)",
            "and pipeline events/s, records written per event,",
            "a midnight storm (time to the last alert committed, fencings), open-case memory and state,",
            "tick cost with nothing due, per-event cost against history length, recomputation after a",
            "published calendar change (time, fencings). Embedded broker unless",
            "--bootstrap-servers is given. Prints each figure beside the issue's target."})
public final class BenchCommand implements Callable<Integer> {
    static final Set<String> PHASES = Set.of("floor", "streams-floor", "pipeline", "storm", "tick", "history", "recompute");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "An existing Kafka cluster (default: an embedded single-node broker in a temporary folder).")
    String bootstrap;

    @Option(names = "--events", description = "Simulated events for floor and pipeline (default: ${DEFAULT-VALUE}).")
    int events = 200_000;

    @Option(names = "--cases", description = "Open cases crossing one threshold in the storm, up to 10,000,000 "
            + "(default: ${DEFAULT-VALUE}).")
    int cases = 100_000;

    @Option(names = "--recompute-cases", description = "Open cases a published calendar change touches in the"
            + " recompute phase, up to 10,000,000 (default: ${DEFAULT-VALUE}).")
    int recomputeCases = 100_000;

    @Option(names = "--open", split = ",", paramLabel = "N",
            description = "Open-case counts for the tick cost (default: 10000,100000,1000000).")
    List<Integer> open = List.of(10_000, 100_000, 1_000_000);

    @Option(names = "--skip", split = ",", paramLabel = "PHASE", description = "Phases to leave out: ${COMPLETION-CANDIDATES}.",
            completionCandidates = PhaseNames.class)
    List<String> skip = List.of();

    @Option(names = "--storm-timeout", paramLabel = "SECONDS", description = "How long the storm may take (default: "
            + "${DEFAULT-VALUE}).")
    int stormTimeout = 600;

    @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run floor, Streams copies and pipeline twice untimed before the counted round, and two smaller storms "
                    + "(--storm-warm-up-cases each, earlier midnights, same app) before the timed one, so each is measured "
                    + "with the JIT warm (default: ${DEFAULT-VALUE}; --no-warm-up for a cold start).")
    boolean warmUp;

    @Option(names = "--storm-warm-up-cases", paramLabel = "N", description = "Cases of each of the two untimed warm-up "
            + "storms (default: ${DEFAULT-VALUE}, at most 49,999). Larger ones leave more of the crossing's code compiled "
            + "by C2, as in an instance that has been through earlier midnights.")
    int stormWarmUpCases = Bench.STORM_WARM_UP_CASES;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the figures as JSON lines.")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A configuration key (caseflow.* or kafka.*) for every app the bench starts; repeatable, "
                    + "e.g. --set caseflow.streams.threads=2 --set kafka.max.task.idle.ms=0.")
    Map<String, String> settings = new java.util.LinkedHashMap<>();

    @Option(names = "--seeds", paramLabel = "DIR", description = "Seeds folder (default: $CASEFLOW_SEEDS, else ./seeds).")
    Path seeds;

    @CommandLine.Mixin
    ConnectTimeoutOption connectTimeout = new ConnectTimeoutOption();

    /** The phase names, for the help text. */
    static final class PhaseNames extends ArrayList<String> {
        PhaseNames() {
            super(List.of("floor", "streams-floor", "pipeline", "storm", "tick", "history", "recompute"));
        }
    }

    @Override
    public Integer call() throws Exception {
        if (stormWarmUpCases < 0 || stormWarmUpCases > Bench.MAX_STORM_WARM_UP) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(java.util.Locale.ROOT,
                    "--storm-warm-up-cases must be 0..%,d", Bench.MAX_STORM_WARM_UP));
        }
        if (recomputeCases < 1 || recomputeCases > 10_000_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recompute-cases must be 1..10,000,000");
        }
        if (events < 1 || cases < 1 || cases > 10_000_000 || stormTimeout < 1 || open.stream().anyMatch(n -> n < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--events, --cases (1..10,000,000), --open and --storm-timeout must be positive");
        }
        for (String phase : skip) {
            if (!PHASES.contains(phase)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--skip: unknown phase " + phase
                        + " (phases: " + new PhaseNames() + ")");
            }
        }
        Duration timeout = bootstrap == null ? null : connectTimeout();
        Path root = seeds != null ? seeds : SeedsLocation.defaultRoot();
        Seeds loaded = Seeds.load(root, DiskSeedFiles.INSTANCE);
        Path work = Files.createTempDirectory("caseflow-bench");
        EmbeddedKafka kafka = null;
        try {
            String servers = bootstrap;
            if (servers != null) {
                KafkaReachability.require(client(servers), timeout);
            } else {
                kafka = EmbeddedKafka.start(null);
                servers = kafka.bootstrapServers();
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
                Bench bench = new Bench(servers, admin, loaded, work, System.out, settings)
                        .withRecompute(skip.contains("recompute") ? 0 : recomputeCases, root)
                        .withStormWarmUp(stormWarmUpCases);
                bench.run(Set.copyOf(skip), () -> simulated(loaded), cases, Duration.ofSeconds(stormTimeout), open, warmUp);
                if (out != null) {
                    bench.figures().writeJson(out);
                }
            }
            return 0;
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            deleteQuietly(work);
        }
    }

    /** The bench's Kafka client settings: the servers, and the {@code kafka.*} keys of {@code --set}. */
    private Map<String, Object> client(String servers) {
        Map<String, Object> client = new java.util.HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(ConfigKeys.KAFKA_PREFIX)) {
                client.put(key.substring(ConfigKeys.KAFKA_PREFIX.length()), value);
            }
        });
        client.put("bootstrap.servers", servers);
        return client;
    }

    /** --connect-timeout, else a --set caseflow.kafka.connect.timeout.ms, else the default; validated as config. */
    private Duration connectTimeout() {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        String set = settings.get(ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS);
        if (set != null) {
            keys.put(ConfigKeys.KAFKA_CONNECT_TIMEOUT_MS, set);
        }
        connectTimeout.addTo(keys);
        keys.put(ConfigKeys.KAFKA_PREFIX + "bootstrap.servers", bootstrap);
        try {
            return CaseflowConfig.of(keys).connection().connectTimeout();
        } catch (InvalidConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The first {@code events} events of the seeded Zhuzhou simulation (long enough to have them). */
    private List<CaseEvent> simulated(Seeds seeds) {
        Simulator simulator = Simulator.ofSeeds(new SimulationSettings(SimulationSettings.DEFAULT_SEED,
                SimulationSettings.DEFAULT_START, 3_650, 1.0), seeds, "湘02");
        List<CaseEvent> list = new ArrayList<>(events);
        Iterator<CaseEvent> it = simulator.iterator();
        while (it.hasNext() && list.size() < events) {
            list.add(it.next());
        }
        return list;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind is not worth failing a finished run for
        }
    }
}
