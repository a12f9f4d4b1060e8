package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caseflow demo} refuses bad options before it starts anything: no broker, no topics. */
class DemoCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseAPortOutOfRangeBeforeStartingTheBroker() {
        Path data = dir.resolve("data");
        assertThat(CaseflowCli.execute("demo", "--http-port", "99999", "--data-dir", data.toString()))
                .isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(err()).contains("caseflow demo: --http-port: must be 1..65535, got 99999");
        assertThat(data.resolve("kafka")).doesNotExist();
    }

    @Test
    void shouldRefuseAPortInUseBeforeStartingTheBroker() throws IOException {
        Path data = dir.resolve("data");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            assertThat(CaseflowCli.execute("demo", "--http-port", String.valueOf(port), "--data-dir", data.toString()))
                    .isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
            assertThat(err()).contains("caseflow demo: --http-port " + port + ": cannot listen on 127.0.0.1:" + port);
        }
        assertThat(data.resolve("kafka")).doesNotExist();
    }

    @Test
    void shouldRefuseADataDirThatCannotBeWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertThat(CaseflowCli.execute("demo", "--data-dir", file.resolve("data").toString(), "--http-port", "1"))
                .isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(err()).contains("caseflow demo: --data-dir " + file.resolve("data") + ": not a writable folder");
    }

    @Test
    void shouldListEveryProblemAtOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            CaseflowCli.execute("demo", "--data-dir", file.resolve("data").toString(), "--http-port",
                    String.valueOf(taken.getLocalPort()));
        }
        assertThat(err()).contains("--http-port ", "--data-dir ");
    }
}
