package org.caseflow.streams.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The key tables of docs/operations.md are the definitions printed ({@link ConfigDocs}). After changing a key, write
 * them again: {@code mvn -pl streams test -Dtest=ConfigDocsTest -Dconfig.doc.update=true}.
 */
class ConfigDocsTest {
    @TempDir
    Path dir;

    @Test
    void shouldDocumentEveryKeyExactlyAsDefined() throws Exception {
        if (Boolean.getBoolean("config.doc.update")) {
            ConfigDocs.update(ConfigDocs.OPERATIONS);
        }
        String page = Files.readString(ConfigDocs.OPERATIONS, StandardCharsets.UTF_8);
        assertThat(page).as("docs/operations.md key tables; regenerate with -Dtest=ConfigDocsTest -Dconfig.doc.update=true")
                .isEqualTo(ConfigDocs.withTables(page));
    }

    @Test
    void shouldListEveryKeyInOneOfTheTablesWithItsVariableAndMeaning() {
        String tables = ConfigDocs.markdown(ConfigDocs.Table.CASEFLOW) + ConfigDocs.markdown(ConfigDocs.Table.NOTIFY);
        for (String key : ConfigKeys.names()) {
            assertThat(tables).contains("| `" + key + "` | `" + ConfigKeys.environmentVariable(key) + "`");
        }
        assertThat(ConfigDocs.markdown(ConfigDocs.Table.CASEFLOW))
                .contains("| `caseflow.http.port` | `CASEFLOW_HTTP_PORT` | `8080` | 1..65535 | HTTP port |")
                .contains("`CASEFLOW_API_TOKENS` (or `_FILE`)")
                .contains("`caseflow.engine.orphan.timeout.ms`")
                .doesNotContain("caseflow.notify.");
        assertThat(ConfigDocs.markdown(ConfigDocs.Table.NOTIFY)).contains("`caseflow.notify.group.id`");
    }

    @Test
    void shouldPrintTheTablesAndCheckAConfigurationFromTheCommandLine() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CaseflowCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        assertThat(cli.execute("config", "--doc")).isZero();
        assertThat(out.toString()).contains(ConfigDocs.markdown(ConfigDocs.Table.CASEFLOW))
                .contains(ConfigDocs.markdown(ConfigDocs.Table.NOTIFY));

        Path file = dir.resolve("caseflow.properties");
        Files.writeString(file, "kafka.bootstrap.servers=k:9092\ncaseflow.engine.pre.filing.max.events=0\n",
                StandardCharsets.UTF_8);
        assertThat(cli.execute("config", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("caseflow.engine.pre.filing.max.events: must be 1..100000, got 0");
        Files.writeString(file, "kafka.bootstrap.servers=k:9092\n", StandardCharsets.UTF_8);
        assertThat(cli.execute("config", "--config", file.toString())).isZero();
        assertThat(out.toString()).contains("configuration valid: application.id=caseflow bootstrap=k:9092");
    }
}
