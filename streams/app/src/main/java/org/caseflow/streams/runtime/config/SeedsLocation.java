package org.caseflow.streams.runtime.config;

import java.nio.file.Path;

/** Where the seed files are when no configuration names them (the domain parses seeds; the app finds them). */
public final class SeedsLocation {
    /** Environment variable naming the seeds folder. */
    public static final String ENV = "CASEFLOW_SEEDS";

    private SeedsLocation() {
    }

    /**
     * The seeds folder when no configuration names one: {@code $CASEFLOW_SEEDS}, else the system
     * property {@code caseflow.seeds.default} (the launcher points it at the repository's seeds, as a
     * default that a config file's {@code caseflow.seeds} still overrides), else {@code ./seeds}.
     */
    public static Path defaultRoot() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String launcher = System.getProperty("caseflow.seeds.default");
        return launcher == null || launcher.isBlank() ? Path.of("seeds") : Path.of(launcher);
    }
}
