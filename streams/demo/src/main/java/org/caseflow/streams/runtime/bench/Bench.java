package org.caseflow.streams.runtime.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.caseflow.events.CaseEvent;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.app.CompositionRoot;
import org.caseflow.streams.runtime.config.CaseflowConfig;

/** One run of every bench phase not skipped, in a fixed order, into one set of {@link Figures}. */
public final class Bench {
    /** Cases of each untimed warm-up storm by default: with two of them the JIT compiles most of the storm's code. */
    public static final int STORM_WARM_UP_CASES = 30_000;
    /** The most cases a warm-up storm may have. */
    public static final int MAX_STORM_WARM_UP = StormPhase.MAX_WARM_UP;

    private final String bootstrap;
    private final Admin admin;
    private final Seeds seeds;
    private final Path work;
    private final Figures figures;
    private final Map<String, String> appSettings;

    /** @param appSettings configuration keys ({@code caseflow.*}, {@code kafka.*}) set on every app the bench starts */
    public Bench(String bootstrap, Admin admin, Seeds seeds, Path work, PrintStream out,
            Map<String, String> appSettings) {
        this.bootstrap = bootstrap;
        this.appSettings = Map.copyOf(appSettings);
        this.admin = admin;
        this.seeds = seeds;
        this.work = work;
        this.figures = new Figures(out);
    }

    public void run(Set<String> skip, Supplier<List<CaseEvent>> events, int stormCases, Duration stormTimeout,
            List<Integer> openCounts, boolean warmUp) throws Exception {
        if (!skip.containsAll(Set.of("floor", "streams-floor", "pipeline"))) {
            new ThroughputPhases(bootstrap, admin, figures, work, appSettings).run(events, !skip.contains("floor"),
                    !skip.contains("streams-floor"), !skip.contains("pipeline"), warmUp);
        }
        if (!skip.contains("storm")) {
            new StormPhase(bootstrap, admin, figures, work, appSettings)
                    .run(stormCases, warmUp ? Math.min(stormCases, stormWarmUpCases) : 0, stormTimeout);
        }
        if (recomputeCases > 0) {
            new RecomputePhase(bootstrap, admin, figures, work, appSettings)
                    .run(recomputeCases, seedsRoot, stormTimeout);
        }
        Map<String, String> settings = new java.util.HashMap<>(appSettings);
        settings.putIfAbsent("kafka.bootstrap.servers", bootstrap);
        InProcessPhases inProcess = new InProcessPhases(new CompositionRoot(CaseflowConfig.of(settings), seeds), figures,
                work);
        if (!skip.contains("tick")) {
            inProcess.ticks(openCounts);
        }
        if (!skip.contains("history")) {
            inProcess.history();
        }
        figures.printSummary();
    }

    /**
     * Adds the recompute phase (issue 15): a calendar change touching {@code cases} open cases; 0 leaves it out.
     * {@code seedsRoot} is where the calendar to extend with 2027 is read.
     */
    public Bench withRecompute(int cases, Path seedsRoot) {
        this.recomputeCases = cases;
        this.seedsRoot = seedsRoot;
        return this;
    }

    /**
     * Sets the cases of each untimed warm-up storm (default {@link #STORM_WARM_UP_CASES}, at most
     * {@link #MAX_STORM_WARM_UP}; two storms at two earlier midnights). After one storm of 30,000 some of the crossing's
     * own methods were still running the C1 compiler's profiling code when the timed storm began (docs/performance.md,
     * "Tenth session" and "Thirteenth session").
     */
    public Bench withStormWarmUp(int cases) {
        if (cases < 0 || cases > MAX_STORM_WARM_UP) {
            throw new IllegalArgumentException("storm warm-up cases must be 0.." + MAX_STORM_WARM_UP + ", got " + cases);
        }
        this.stormWarmUpCases = cases;
        return this;
    }

    private int recomputeCases;
    private Path seedsRoot;
    private int stormWarmUpCases = STORM_WARM_UP_CASES;

    public Figures figures() {
        return figures;
    }
}
