package org.caseflow.streams.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.caseflow.streams.runtime.config.ApiTokens;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.junit.jupiter.api.Test;

/** {@code caseflow token new|hash}: what they print is what the configuration takes, and it verifies the token. */
class TokenCommandTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int exit = CaseflowCli.execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }

    private static ApiTokens.Entry entry(String line) {
        return CaseflowConfig.of(Map.of("kafka.bootstrap.servers", "b:9092", "caseflow.api.tokens", line)).http().apiTokens()
                .entries().get(0);
    }

    @Test
    void shouldPrintAFreshTokenAndTheEntryHoldingItsHash() {
        Run run = run("", "token", "new", "--court", "湘02", "--metrics", "--expires", "2027-01-31");
        assertThat(run.exit()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("cft_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");
        assertThat(lines[1]).startsWith("pbkdf2-sha256.100000." + lines[0].substring(4, 12) + ".")
                .endsWith(":湘02,metrics:2027-01-31T00:00:00Z").doesNotContain(lines[0].substring(13));
        ApiTokens.Entry entry = entry(lines[1]);
        assertThat(entry.hash().matches(lines[0])).isTrue();
        assertThat(entry.expiresAt()).isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
        assertThat(run("", "token", "new", "--court", "*").out()).isNotEqualTo(run.out());
    }

    @Test
    void shouldHashATokenReadFromStandardInput() {
        Run bare = run("my own long token phrase\n", "token", "hash");
        assertThat(bare.exit()).isZero();
        assertThat(bare.out().trim()).matches("pbkdf2-sha256\\.100000\\.-\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        Run scoped = run("my own long token phrase\n", "token", "hash", "--court", "湘0211");
        assertThat(entry(scoped.out().trim()).hash().matches("my own long token phrase")).isTrue();
        assertThat(entry(scoped.out().trim()).scopes()).containsExactly("湘0211");
    }

    @Test
    void shouldRefuseAShortTokenAnUnknownCourtAndNoScope() {
        assertThat(run("short\n", "token", "hash").exit()).isEqualTo(2);
        Run unknown = run("", "token", "new", "--court", "湘0212x");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--court: unknown court '湘0212x'; did you mean 湘0212?");
        assertThat(run("", "token", "new").err()).contains("give at least one --court (or --metrics)");
    }
}
