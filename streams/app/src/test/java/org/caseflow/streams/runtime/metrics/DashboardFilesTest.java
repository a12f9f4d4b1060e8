package org.caseflow.streams.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped Grafana dashboards as files: provisioned from the folder the provisioning file names, and importable
 * into another Grafana (a {@code datasource} variable every panel and target uses, an {@code __inputs} entry for the
 * import dialog, no datasource uid written in). What they show is checked against a real Prometheus by
 * DashboardQueriesIT.
 */
class DashboardFilesTest {
    private static final Set<String> EXPECTED = Set.of("caseflow-pipeline", "caseflow-deadlines", "caseflow-notify",
            "caseflow-court-indicators");

    @Test
    void shouldShipThePipelineDeadlinesAndCourtIndicatorDashboardsWithUniqueUids() throws Exception {
        Set<String> uids = new HashSet<>();
        for (Path file : DashboardQueries.files()) {
            JsonNode d = DashboardQueries.read(file);
            assertThat(uids.add(d.path("uid").asText())).as("uid of %s is unique", file).isTrue();
            assertThat(file.getFileName().toString()).isEqualTo(d.path("uid").asText() + ".json");
            assertThat(d.path("id").isNull()).as("%s: no instance-specific id", file).isTrue();
        }
        assertThat(uids).isEqualTo(EXPECTED);
    }

    @Test
    void shouldUseTheDatasourceVariableEverywhereAndDeclareItForImport() throws Exception {
        for (Path file : DashboardQueries.files()) {
            JsonNode d = DashboardQueries.read(file);
            JsonNode input = d.path("__inputs").path(0);
            assertThat(input.path("type").asText()).as("%s __inputs", file).isEqualTo("datasource");
            assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");
            JsonNode variable = d.path("templating").path("list").path(0);
            assertThat(variable.path("name").asText()).as("%s first variable", file).isEqualTo("datasource");
            assertThat(variable.path("type").asText()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).isEqualTo("prometheus");
            List<JsonNode> datasources = new ArrayList<>();
            collectDatasources(d, datasources);
            assertThat(datasources).as("%s: panels, targets and query variables name a datasource", file)
                    .hasSizeGreaterThan(d.path("panels").size());
            for (JsonNode ds : datasources) {
                assertThat(ds.path("uid").asText()).as("%s: %s", file, ds).isEqualTo("${datasource}");
                assertThat(ds.path("type").asText()).as("%s: %s", file, ds).isEqualTo("prometheus");
            }
        }
    }

    @Test
    void shouldGiveEveryPanelAQueryAndEveryPanelItsOwnId() throws Exception {
        for (Path file : DashboardQueries.files()) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : DashboardQueries.read(file).path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as("%s panel id %s", file, panel.path("id")).isTrue();
                if (!"row".equals(panel.path("type").asText())) {
                    assertThat(panel.path("targets")).as("%s: %s", file, panel.path("title")).isNotEmpty();
                    panel.path("targets").forEach(t -> assertThat(t.path("expr").asText())
                            .as("%s: %s", file, panel.path("title")).isNotBlank());
                }
            }
        }
    }

    @Test
    void shouldBeProvisionedFromTheFolderTheyAreIn() throws Exception {
        JsonNode provider = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("deploy/grafana/provisioning/dashboards/caseflow.yml").toFile())
                .path("providers").path(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        // docker-compose mounts deploy/grafana/dashboards there.
        assertThat(provider.path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
        assertThat(DashboardQueries.files()).hasSize(EXPECTED.size());
    }

    /** Every "datasource" object of the dashboard, wherever it is (panels, targets, variables). */
    private static void collectDatasources(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ("datasource".equals(e.getKey()) && !e.getValue().isNull()) { // a plain name would be hard-coded too
                    out.add(e.getValue());
                }
                collectDatasources(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectDatasources(child, out));
        }
    }
}
