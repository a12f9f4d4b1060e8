package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseflow.streams.runtime.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that talks to Kafka, pointed at a closed local port (an integration test: each case waits out a
 * real connection timeout): exit 1 with a message that names the servers —
 * not Kafka's "Timed out waiting for a node assignment", not a missing topic. The timeouts only bound a failure.
 */
@Timeout(120)
class UnreachableKafkaIT {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private String servers;

    @BeforeEach
    void setUp() throws IOException {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        servers = "localhost:" + Ports.freePort(); // closed again: nobody listens there
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertNamesTheServers(int exit) {
        assertThat(exit).isEqualTo(CaseflowCli.EXIT_FAILURE);
        assertThat(err()).contains("cannot reach Kafka at " + servers + ": no broker answered within 1 s")
                .doesNotContain("node assignment", "is not available", "create the topics", "missing");
    }

    @Test
    void shouldNameTheServersWhenTopicsCannotReachKafka() {
        assertNamesTheServers(CaseflowCli.execute("topics", "--bootstrap-servers", servers, "--connect-timeout", "1"));
        assertThat(err()).startsWith("caseflow topics: cannot reach Kafka at " + servers);
    }

    @Test
    void shouldNameTheServersInsteadOfBlamingTopicsWhenProduceCannotReachKafka() {
        assertNamesTheServers(CaseflowCli.execute("produce", "seeds/scenarios/valid-all-types.jsonl",
                "--bootstrap-servers", servers, "--connect-timeout", "1"));
    }

    @Test
    void shouldNameTheServersWhenDeadLettersCannotReachKafka() {
        assertNamesTheServers(CaseflowCli.execute("dead-letters", "--bootstrap-servers", servers,
                "--connect-timeout", "1"));
    }

    @Test
    void shouldNameTheServersWhenBenchCannotReachKafka() {
        assertNamesTheServers(CaseflowCli.execute("bench", "--bootstrap-servers", servers, "--connect-timeout", "1"));
    }

    @Test
    void shouldExitOneWhenRunCannotReachKafkaAtStart() throws IOException {
        Path config = dir.resolve("caseflow.properties");
        Files.write(config, List.of("kafka.bootstrap.servers=" + servers, "caseflow.kafka.connect.timeout.ms=1000",
                "caseflow.state.dir=" + dir.resolve("state"), "caseflow.http.auth=none"));
        assertNamesTheServers(CaseflowCli.execute("run", "--config", config.toString()));
        assertThat(dir.resolve("state")).doesNotExist(); // refused before Kafka Streams was even created
    }

    @Test
    void shouldSayWhenNoBootstrapNameResolves() {
        int exit = CaseflowCli.execute("topics", "--bootstrap-servers", "no-such-host.invalid:9092",
                "--connect-timeout", "1");
        assertThat(exit).isEqualTo(CaseflowCli.EXIT_FAILURE);
        assertThat(err()).contains("cannot reach Kafka at no-such-host.invalid:9092: no bootstrap server name resolves");
    }

    @Test
    void shouldRefuseAMalformedAddressAsBadInput() {
        assertThat(CaseflowCli.execute("topics", "--bootstrap-servers", "localhost", "--connect-timeout", "1"))
                .isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(err()).contains("kafka.bootstrap.servers: ", "expected HOST:PORT");
    }

    @Test
    void shouldRefuseAConnectTimeoutOutOfRange() {
        assertThat(CaseflowCli.execute("topics", "--bootstrap-servers", servers, "--connect-timeout", "0"))
                .isEqualTo(CaseflowCli.EXIT_BAD_INPUT);
        assertThat(err()).contains("caseflow.kafka.connect.timeout.ms: must be 1000..600000, got 0");
    }
}
