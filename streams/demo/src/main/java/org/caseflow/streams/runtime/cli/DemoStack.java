package org.caseflow.streams.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.caseflow.streams.runtime.app.CaseflowRuntime;
import org.caseflow.streams.runtime.app.SimulatorFeed;
import org.caseflow.streams.runtime.kafka.EmbeddedKafka;

/** What the demo started, closed in reverse order (each part may be missing after a failed start). */
final class DemoStack {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final Path root;
    final boolean temporary;
    final ScheduledExecutorService summary = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-summary");
        thread.setDaemon(true);
        return thread;
    });
    EmbeddedKafka kafka;
    CaseflowRuntime runtime;
    volatile SimulatorFeed simulator;

    DemoStack(Path root, boolean temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    /** The simulated instant once the simulator runs, else the wall clock. */
    Instant now() {
        Instant simulated = simulator == null ? null : simulator.simulatedNow();
        return simulated == null ? Instant.now() : simulated;
    }

    LocalDate today() {
        Instant now = simulator == null ? null : simulator.simulatedNow();
        return LocalDate.ofInstant(now == null ? Instant.now() : now, SHANGHAI);
    }

    void close() {
        summary.shutdownNow();
        if (simulator != null) {
            closeQuietly(simulator);
        }
        if (runtime != null) {
            runtime.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (temporary) {
            deleteQuietly(root);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("caseflow demo: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("caseflow demo: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
