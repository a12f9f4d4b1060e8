package org.caseflow.streams.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The key tables of docs/operations.md are the definitions printed ({@link ConfigDocs}). After changing a key, write
 * them again: {@code mvn -pl streams test -Dtest=ConfigDocsTest -Dconfig.doc.update=true}.
 */
class ConfigDocsTest {
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
}
