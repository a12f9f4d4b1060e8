package org.caseflow.streams.runtime.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caseflow.CaseflowException;
import org.caseflow.streams.domain.seeds.Seeds;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.caseflow.streams.runtime.config.DiskSeedFiles;

/**
 * What {@code caseflow demo} checks before it starts anything — the HTTP port free, the data folder writable, the
 * seeds readable — so a bad option is refused at once instead of after a broker start and a topic creation.
 */
final class DemoPreflight {
    private DemoPreflight() {
    }

    /** Every problem found, in words; empty when the demo can start. */
    static List<String> problems(CaseflowConfig config, Path dataDir) {
        List<String> problems = new ArrayList<>();
        portProblem(config.httpHost(), config.httpPort()).ifPresent(problems::add);
        if (dataDir != null) {
            dataDirProblem(dataDir).ifPresent(problems::add);
        }
        try {
            Seeds.load(config.seedsDir(), DiskSeedFiles.INSTANCE);
        } catch (CaseflowException e) {
            problems.add("seeds " + config.seedsDir() + ": " + e.getMessage());
        }
        return problems;
    }

    /** Binds the port for a moment, as the HTTP server will (another process may still take it in between). */
    static java.util.Optional<String> portProblem(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Jetty does: a port in TIME_WAIT is free for it
            socket.bind(new InetSocketAddress(host, port));
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of("--http-port " + port + ": cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "); choose another port");
        }
    }

    static java.util.Optional<String> dataDirProblem(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".caseflow-write-check", ".tmp");
            Files.delete(probe);
            return java.util.Optional.empty();
        } catch (IOException | SecurityException e) {
            return java.util.Optional.of("--data-dir " + dir + ": not a writable folder (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
    }
}
