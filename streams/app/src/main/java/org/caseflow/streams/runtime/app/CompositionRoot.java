package org.caseflow.streams.runtime.app;

import java.nio.file.Path;
import java.time.Duration;
import org.caseflow.streams.domain.cases.CaseEngine;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.ConfigLoader;
import org.caseflow.streams.runtime.config.DiskSeedFiles;
import org.caseflow.streams.topology.ClockMode;
import org.caseflow.streams.topology.DigestSettings;
import org.caseflow.streams.topology.TopicNames;
import org.caseflow.streams.topology.TopologySettings;

/**
 * The one place that turns a configuration into what the topology computes with: the seeds (loaded once), the
 * domain's {@link CaseEngine.Settings} and the {@link CaseEngine}, the {@link TopologySettings} and the digest settings.
 * Every command takes them from here ({@code run}, {@code demo}, {@code replay}, {@code report}, the API's
 * {@link StoreQueries}, the bench's in-process phases), so the same configuration file gives the same deadlines live
 * and in replay. No runtime code calls {@code CaseEngine.Settings.defaults()} or {@code TopologySettings.defaults()}
 * (the topology tests still use them; a test asserts they equal the definitions' defaults).
 *
 * @param config the validated configuration
 * @param seeds  the seed data of {@code config.seedsDir()}, or the seeds a command chose instead (replay's --rules)
 */
public record CompositionRoot(CaseflowConfig config, Seeds seeds) {
    /** Loads the seeds of {@code config.seedsDir()}: the only load of them in a running instance. */
    public static CompositionRoot of(CaseflowConfig config) {
        return new CompositionRoot(config, Seeds.load(config.seedsDir(), DiskSeedFiles.INSTANCE));
    }

    /**
     * For offline commands (replay, report from events, bench): the configuration of {@code file} (null: none) and,
     * with a file, the environment over it, as {@code run} would read them; {@code seedsDir} (null: the configured
     * one) chooses the seeds.
     */
    public static CompositionRoot offline(Path file, java.util.Map<String, String> env, Path seedsDir) {
        CaseflowConfig config = ConfigLoader.loadOffline(file, env);
        return new CompositionRoot(config, Seeds.load(seedsDir == null ? config.seedsDir() : seedsDir, DiskSeedFiles.INSTANCE));
    }

    /** The same configuration over other seeds (what-if replays, reference data published offline). */
    public CompositionRoot withSeeds(Seeds other) {
        return new CompositionRoot(config, other);
    }

    public CaseEngine.Settings engineSettings() {
        return config.engineSettings();
    }

    /** A new engine over these seeds and the configured engine settings. */
    public CaseEngine engine() {
        return new CaseEngine(seeds, engineSettings());
    }

    /** The live topology's settings (clock mode, tick pacing, indicator pacing and export) from the configuration. */
    public TopologySettings topologySettings() {
        return config.topologySettings();
    }

    /**
     * Offline (replay, report, bench): the configured settings on event time over the default topic names, in-memory
     * stores, timer work unbounded per step (no transactions to keep short) and no wait at local midnights (records
     * arrive in time order already).
     */
    public TopologySettings offlineTopologySettings() {
        return offlineTopologySettings(config);
    }

    /** {@link #offlineTopologySettings()} of {@code config}. */
    public static TopologySettings offlineTopologySettings(CaseflowConfig config) {
        return config.topologySettings().withClockMode(ClockMode.EVENT_TIME).withTopics(TopicNames.DEFAULT)
                .withInMemoryStores().withTickMaxTimers(Integer.MAX_VALUE).withOrderGrace(Duration.ZERO);
    }

    /** The defaults of every key, for offline code given no configuration (tests, the bench's in-process phases). */
    public static CaseflowConfig offlineDefaults() {
        return ConfigLoader.loadOffline(null, java.util.Map.of());
    }

    /**
     * Offline: the configured top-N, digests always built (replay's --digests-out), one source task (the test driver
     * runs one task per sub-topology).
     */
    public DigestSettings offlineDigestSettings() {
        return new DigestSettings(config.digestTop(), 1, true);
    }

    public DigestSettings digestSettings() {
        return new DigestSettings(config.digestTop(), config.partitions(), config.digestsEnabled());
    }
}
