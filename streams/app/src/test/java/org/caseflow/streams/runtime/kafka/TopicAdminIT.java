package org.caseflow.streams.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.caseflow.streams.runtime.cli.CaseflowCli;
import org.caseflow.streams.runtime.config.CaseflowConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class TopicAdminIT {
    private static EmbeddedKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void connect() {
        kafka = SharedKafka.get();
        admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    private static CaseflowConfig config(String prefix) {
        return CaseflowConfig.of(Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "caseflow.topic.prefix", prefix));
    }

    @Test
    void shouldCreateEveryTopicOnceAndFindNothingToFixTheSecondTime() {
        List<TopicSpec> specs = TopicSpec.all(config("idem."));
        TopicAdmin topics = new TopicAdmin(admin);

        TopicAdmin.TopicReport first = topics.ensure(specs);
        TopicAdmin.TopicReport second = topics.ensure(specs);

        assertThat(first.created()).hasSize(specs.size()).contains("idem.courts.case-filings", "idem.caseflow.dead-letters");
        assertThat(first.problems()).isEmpty();
        assertThat(second.created()).isEmpty();
        assertThat(second.problems()).isEmpty();
        assertThat(topics.verify(specs)).isEmpty();
    }

    @Test
    void shouldCompactSnapshotsAndIndicatorsOnly() throws Exception {
        new TopicAdmin(admin).ensure(TopicSpec.all(config("compact.")));
        var resource = new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "compact.caseflow.case-snapshots");
        var alerts = new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "compact.caseflow.deadline-alerts");
        var configs = admin.describeConfigs(List.of(resource, alerts)).all().get();
        assertThat(configs.get(resource).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configs.get(alerts).get("cleanup.policy").value()).isEqualTo("delete");
    }

    @Test
    void shouldReportTopicWithWrongPartitionCount() throws Exception {
        admin.createTopics(List.of(new NewTopic("wrong.courts.case-hearings", 3, (short) 1))).all().get();

        TopicAdmin.TopicReport report = new TopicAdmin(admin).ensure(TopicSpec.all(config("wrong.")));

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).contains("wrong.courts.case-hearings: has 3 partitions, expected 6");
    }

    @Test
    void shouldFailVerifyOnlyWhenTopicsAreMissingAndPassAfterCreation() {
        String bootstrap = kafka.bootstrapServers();
        // caseflow topics --verify-only: missing topics are a failure (exit 1), nothing is created.
        assertThat(CaseflowCli.execute("topics", "--bootstrap-servers", bootstrap, "--verify-only")).isEqualTo(1);
        assertThat(CaseflowCli.execute("topics", "--bootstrap-servers", bootstrap)).isEqualTo(0);
        assertThat(CaseflowCli.execute("topics", "--bootstrap-servers", bootstrap, "--verify-only")).isEqualTo(0);
    }
}
